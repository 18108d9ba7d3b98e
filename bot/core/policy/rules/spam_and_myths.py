"""Tier 2 rules: health misinformation and spam (MSE Appendix C row 2), and the topics that tell
a health claim or a conversation about the service from other talk."""

from __future__ import annotations

import re

from bot.core.models import Tier
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.phrasing import _AUDIENCE, _AUDIENCE_COUNT, _PAY_OF_A_ROLE, HOME_REMEDY

MISINFORMATION_AND_SPAM: tuple[Rule, ...] = (
    Rule(
        "misinformation.health",
        "health misinformation that could lead people to harmful decisions",
        re.compile(
            r"\b(?:vaccines?|jabs?|boosters?|mmr|vax)\s+(?:\w+\s+)?(?:cause|causes|caused|give|gives|gave)\s+(?:\w+\s+){0,2}(?:autism|cancer|infertility|turbo\s+cancer|death|aids|sids)\b"
            # Deaths laid at the vaccine's door: "the covid jab has killed more people than covid did".
            r"|\b(?:vaccines?|jabs?|boosters?)\s+(?:has|have)\s+(?:\w+\s+)?killed\s+(?:far\s+)?(?:more|thousands|millions)\b"
            r"|\bplandemic\b|\bscamdemic\b|\bcovid\s+(?:is|was)\s+(?:a\s+)?(?:hoax|fake|lie|scam)\b"
            r"|\b(?:vaccines?|jabs?)\s+(?:contain|contains|have|has)\s+(?:a\s+)?(?:micro\s*chips?|graphene|nanobots?|tracking)\b"
            r"|\b5g\s+(?:(?:masts?|towers?|poles?|networks?)\s+)?(?:causes|caused|spreads?|triggers?|triggered|is\s+(?:the\s+)?"
            r"(?:thing\s+)?triggering)\b|\b(?:caused|spread|triggered)\s+by\s+(?:the\s+)?5g\b"
            r"|\bdepopulation\b|\bdied\s+suddenly\b"
            # The empty-hospital videos offered as proof the pandemic was staged.
            r"|\bempty\s+hospitals?\b[^.!?\n]{0,60}?\b(?:prove|proves|proof|shows?\s+(?:that\s+)?(?:covid|the\s+pandemic|it)"
            r"\s+(?:is|was)\s+(?:a\s+)?(?:fake|hoax|staged|lie|scam)|fake\s+(?:crisis|pandemic)|hoax|staged|plandemic|scamdemic)"
            r"|\bmrna\s+(?:\w+\s+)?(?:alters?|changes?|rewrites?|modif(?:y|ies))\s+(?:your\s+)?dna\b"
            r"|\b(?:ivermectin|bleach|colloidal\s+silver|hydroxychloroquine)\s+(?:cures?|treats?|kills?)\b"
            r"|\bhydrogen\s+peroxide\s+(?:nebuli[sz]\w+\s+|inhal\w+\s+|drops\s+)?(?:cures?|treats?|kills?)\s+(?:\w+\s+)?(?:covid|corona\w*|the\s+virus|cancer|flu)\b"
            # A command, not a condition: "if you don't get the jab you'll regret it" is advice.
            # (The lookahead first: the lookbehinds are then tried only where the words start.)
            r"|(?=do|never)(?<!\bif\syou\s)(?<!\bif\sthey\s)(?<!\bif\swe\s)(?<!\bif\si\s)"
            r"\b(?:do\s*n[o']?t|never)\s+(?:get|let\s+them\s+give\s+you)\s+(?:the\s+)?(?:vaccine|jab|vaccinated|jabbed)\b"
            r"|\bpoison\s*(?:jab|vaccine)s?\b|\bclot\s+shots?\b"
            r"|\b(?:vaccines?|jabs?|boosters?)\s+(?:are|is)\s+(?:full\s+of\s+)?(?:poison|toxic|the\s+real\s+killer|killing)\b"
            r"|\b(?:jab|vaccine|booster)\s+is\s+the\s+real\s+killer\b|\bmicro\s*chips?\s+in\s+(?:the\s+)?(?:vaccines?|jabs?|boosters?)\b"
            r"|\bchemo(?:therapy)?\s+kills\s+more\b|\b(?:drink|drinking)\s+(?:\w+\s+){0,4}bleach\b|\bcovid\s+was\s+planned\b"
            # Well-known myths public-health services answer again and again (NHS, WHO myth-busters).
            r"|\b(?:vaccines?|jabs?)\s+(?:are\s+|is\s+)?(?:full\s+of|laced\s+with)\s+(?:\w+\s+){0,2}(?:mercury|aluminium|aluminum"
            r"|formaldehyde|foetal|fetal|aborted|poisons?|toxins)\b"
            r"|\b(?:vaccines?|jabs?)\s+(?:\w+\s+)?(?:changes?|alters?|modif(?:y|ies)|rewrites?)\s+(?:your\s+)?dna\b"
            r"|\bflu\s+(?:jab|vaccine|shot)\s+(?:gives?|gave|causes?)\s+(?:you\s+)?(?:the\s+)?flu\b"
            r"|\b(?:vaccines?|jabs?)\s+(?:\w+\s+)?(?:makes?|made|making)\s+(?:\w+\s+){0,2}(?:infertile|sterile)\b"
            r"|\bautism\s+(?:is\s+)?caused\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:vaccines?|jabs?|mmr|tylenol|paracetamol|parenting)\b"
            r"|\b(?:tylenol|paracetamol)\s+(?:\w+\s+){0,2}(?:causes?|caused)\s+autism\b"
            # Vaccines said to harm without evidence: "the HPV jab paralyses girls", "the flu jab is
            # full of mercury", "the whooping cough vaccine for pregnant women is unsafe and untested".
            # Not a fact about one group: "the live vaccine is unsafe in pregnancy", "untested in under-5s".
            r"|\b(?:vaccines?|jabs?)\s+(?:[\w'’]+\s+){0,3}?(?:paraly[sz](?:es|ed|ing)|(?:is|are)\s+(?:completely\s+|totally\s+)?"
            r"(?:unsafe\s+and\s+untested|untested\s+and\s+unsafe|untested|experimental)\b(?!\s+(?:for|in|on|with|during)\b))"
            r"|\bunvaccinated\s+(?:people|kids|children|babies)\s+are\s+(?:much\s+|far\s+)?(?:healthier|safer|stronger)\b"
            r"|\bmeasles\s+part(?:y|ies)\s+(?:are|is)\s+(?:the\s+|a\s+)?(?:natural|best|better|safer|good)\b"
            r"|\b(?:turmeric|baking\s+soda|bicarb\w*|vitamin\s+c|apricot\s+(?:kernels?|seeds?)|cannabis\s+oil|juicing"
            r"|alkaline\s+diet|essential\s+oils?|homeopath\w*|apple\s+cider\s+vinegar|raw\s+milk|black\s+seed\s+oil"
            r"|chlorine\s+dioxide|mms|lemon\s+water|cinnamon|spinal\s+manipulation|chiropract\w+)\s+(?:\w+\s+){0,2}"
            r"(?:cures?|cured|kills?|treats?|reverses?)\s+"
            r"(?:\w+\s+)?(?:cancer|covid|diabetes|autism|asthma|allerg(?:y|ies)|infections?|colic)\b"
            # The same the other way round: "type 2 diabetes can be reversed by drinking lemon water".
            r"|\b(?:cancer|diabetes|autism|asthma)\s+(?:can\s+be|is|was|gets)\s+(?:cured|reversed)\s+(?:with|by)\s+"
            r"(?:\w+\s+){0,2}(?:turmeric|baking\s+soda|bicarb\w*|apricot|cannabis\s+oil|juicing|alkaline|essential\s+oils?"
            r"|homeopath\w*|apple\s+cider\s+vinegar|lemon\s+water|cinnamon|vitamin\s+c)\b"
            # The WHO's coronavirus myth-busters: home remedies said to prevent or kill the virus.
            rf"|\b{HOME_REMEDY}\s+(?:\w+\s+){{0,2}}"
            r"(?:cures?|cured|kills?|treats?|prevents?|stops?|protects?\s+(?:\w+\s+)?(?:from|against))\s+"
            r"(?:\w+\s+)?(?:corona\s*virus|covid(?:-?19)?|the\s+virus)\b"
            # Not "please don't bin your metformin", which is the right advice.
            r"|(?=ditch|bin|throw)(?<!\bdon't\s)(?<!\bdont\s)(?<!\bnot\s)(?<!\bnever\s)"
            r"\b(?:ditch|bin|throw\s+away)\s+(?:your\s+|the\s+)?(?:inhalers?|insulin|metformin|chemo\w*|meds|medication"
            r"|medicines|antidepressants|statins|blood\s+pressure\s+(?:tablets|pills|meds))\b"
            r"|\b(?:big\s+pharma|doctors|the\s+nhs|the\s+government|they)\s+(?:is\s+|are\s+)?(?:hiding|suppressing|covering\s+up)"
            r"\s+(?:the\s+|a\s+)?cures?\b|\bdoctors\s+(?:do\s*n[o']?t|never)\s+want\s+you\s+to\s+know\b"
            r"|\bantibiotics\s+(?:cure|treat|kill|work\s+(?:on|for)|will\s+(?:sort\s+out|cure|fix|clear\s+up|get\s+rid\s+of))\s+"
            r"(?:\w+\s+){0,2}(?:colds?|flu|viral|viruses|covid)\b"
            r"|\bsun\s*(?:screen|cream|block)\s+(?:causes?\s+(?:skin\s+)?cancer|is\s+(?:more\s+dangerous|worse)\s+than\s+(?:the\s+)?sun)\b"
            # Masks, the pill, vaping, a baby shaken, a period: myths the NHS answers on its own pages.
            r"|\b(?:masks?|mask\s+wearing|wearing\s+(?:a\s+)?masks?)\s+(?:\w+\s+)?(?:causes?|gives?)\s+(?:you\s+)?(?:bacterial\s+)?"
            r"(?:pneumonia|oxygen\s+deprivation|hypoxia|co2\s+poisoning|carbon\s+dioxide\s+poisoning)\b"
            r"|\b(?:the\s+)?(?:pill|contraceptive\s+pill|coil|contraceptive\s+implant)\s+(?:\w+\s+)?(?:causes?|makes?\s+you)\s+"
            r"(?:permanent\s+)?(?:infertil\w*|sterile)\b"
            r"|\bvap(?:ing|es)\s+(?:is|are)\s+(?:completely\s+|totally\s+|perfectly\s+|100%\s+)?harmless\b"
            r"(?!\s+(?:compared|next\s+to|relative|beside)\b)"
            r"|\bshak(?:e|ing)\s+(?:a\s+|your\s+|the\s+)?bab(?:y|ies)\s+(?:\w+\s+){0,2}(?:calms?|settles?|is\s+(?:fine|ok|okay|harmless|safe))\b"
            r"|\b(?:you\s+)?can'?t\s+get\s+pregnant\s+(?:on|during)\s+(?:your|a|her)\s+period\b"
            r"|\b(?:mammograms?|screening|smear\s+tests?)\s+(?:\w+\s+){0,2}causes?\s+(?:\w+\s+)?cancer\b"
            r"|\bfluoride\s+(?:\w+\s+){0,4}(?:mind\s+control|lowers?\s+(?:your\s+)?iq|calcifies|is\s+(?:a\s+)?poison|poisoning)\b"
            # Myths that leave people unprotected: "measles is harmless", "HIV doesn't cause AIDS".
            r"|\b(?:measles|whooping\s+cough|polio|flu)\s+(?:is|are)\s+(?:(?!not\b|never\b)\w+\s+)?(?:harmless|nothing\s+to\s+worry\s+about"
            r"|no\s+worse\s+than\s+a\s+cold|good\s+for\s+(?:you|kids|children|them))\b"
            r"|\bhiv\s+(?:does\s*n[o']?t|does\s+not|never|can'?t)\s+causes?\s+aids\b"
            # Harm pinned on a medicine: "Calpol causes asthma", "midazolam was used to kill the elderly".
            r"|\bcalpol\s+(?:\w+\s+)?(?:causes?|caused|gives?|gave)\s+(?:\w+\s+)?(?:asthma|autism|cancer|liver\s+failure)\b"
            r"|\bmidazolam\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:kill|killed|murder|murdered|euthanis\w*|euthaniz\w*|cull|culled)\b"
            r"|\b(?:killed|murdered|euthanised|euthanized|culled)\s+(?:\w+\s+){0,4}?(?:with|by|using)\s+midazolam\b"
            r"|\bchemtrails?\s+(?:are|is)\s+(?:\w+\s+)?(?:making|poisoning|killing|causing|spreading)\b"
            r"|\b(?:catching|getting)\s+(?:measles|chickenpox|covid|flu)\s+(?:naturally\s+)?is\s+(?:better|safer)\s+than\b"
            r"|\bnatural\s+immunity\s+is\s+(?:better|safer|stronger)\s+than\s+(?:the\s+|any\s+)?(?:vaccines?|jabs?)\b"
            r"|\b(?:statins|antidepressants)\s+are\s+(?:just\s+)?(?:a\s+)?(?:big\s+pharma\s+)?(?:scam|poison|con)\b"
            r"|\bstatins\s+(?:cause|caused)\s+(?:dementia|alzheimer'?s|cancer)\b"
            # The pandemic made on purpose: "Bill Gates made the coronavirus", "the government
            # planned covid", "covid was engineered to control us". Not "… made the pandemic worse"
            # or "they started the covid vaccine programme".
            r"|\b(?:bill\s+gates|gates|the\s+government|governments|big\s+pharma|the\s+elites?|they|the\s+wef)\s+"
            r"(?:\w+\s+)?(?:made|created|engineered|manufactured|planned|released|unleashed|invented|patented)\s+"
            r"(?:the\s+|this\s+)?(?:corona\s*virus|covid(?:-?19)?|virus|pandemic)\b"
            r"(?!\s+(?:vaccin\w*|jabs?|boosters?|tests?|testing|inquiry|programme|response|rules|restrictions|lockdowns?"
            r"|measures|funding|clinics?|wards?|recovery|support|app|pass(?:port)?s?|worse|better|harder|easier|more|less)\b)"
            r"|\b(?:corona\s*virus|covid(?:-?19)?|the\s+virus|the\s+pandemic)\s+(?:was|is)\s+(?:deliberately\s+)?"
            r"(?:made|created|engineered|manufactured|released|unleashed|planned)\s+(?:on\s+purpose|deliberately"
            r"|by\s+(?:bill\s+gates|gates|the\s+government|big\s+pharma|the\s+elites?)"
            r"|to\s+(?:control|sell|depopulate|kill|cull|scare|make\s+money))\b"
        ),
        tier=Tier.MISINFORMATION_OR_SPAM,
    ),
    Rule(
        "spam.advertising",
        "advertising or spam",
        re.compile(
            r"\b(?:check\s+out|visit|subscribe\s+to|follow)\s+my\s+(?:channel|page|profile|website|site|store|shop|account)\b"
            r"|\bsubscribe\s+(?:to\s+)?(?:me|my)\b|\b(?:click|tap)\s+(?:here|the\s+link|link\s+in\s+(?:my\s+)?bio)\b"
            # ... but not the link in the surgery's own text or letter ("click the link in the text"),
            # nor one that books, confirms or shows a patient's own care ("… to book your appointment").
            # Nor a complaint that it does not work ("click here doesn't work on the website").
            r"(?!\s+(?:in|on)\s+(?:the|your|my|their)\s+(?:text|sms|letter|email|e-mail|message|reminder)"
            r"|\s+(?:doesn'?t|does\s+not|didn'?t|did\s+not|won'?t|isn'?t|is\s+not|keeps|never|buttons?)\b"
            r"|\s+to\s+(?:book|confirm|cancel|rearrange|reschedule|change|check|view|see|access|fill\s+in|complete|read)"
            r"\s+(?:your|the|an?|my|their)\s+(?:\w+\s+){0,2}(?:appointments?|results?|records?|prescriptions?|bookings?|referrals?"
            r"|letters?|forms?|surveys?|questionnaires?|vaccines?|jabs?|slots?)\b)"
            r"|\b(?:bitcoin|crypto|forex|binary\s+options)\s+(?:\w+\s+)?(?:invest|trading|profit|expert|mentor|account\s+manager)\w*\b"
            r"|\b(?:whats\s?app|telegram)\s+(?:me|us|\+?\d)|\bdm\s+me\s+for\b|\bpromo\s+code\b"
            r"|\bfree\s+(?:iphones?|gift\s*cards?|money|followers)\b|\bbuy\s+(?:now|followers|likes)\b"
            r"|\b(?:cheap|discount)\s+(?:viagra|cialis|meds|pills|followers)\b|\bwork\s+from\s+home\s+and\s+earn\b"
            r"|\bsugar\s+(?:daddy|daddies|mummy|mummies|mommy|mama)\b|\bhot\s+singles\b|\binbox\s+me\b"
            r"|\bsingle\s+(?:ladies|women|girls|men|guys)\s+(?:\w+\s+)?(?:in|near)\s+(?:your|you)\b"
            # Prescription medicines sold without one: spam, and dangerous.
            r"|\b(?:cheap|discount\w*)\s+(?:\w+\s+){0,3}(?:without|no)\s+(?:a\s+)?prescription\b"
            r"|\b(?:no|without)\s+(?:a\s+)?prescription\s+(?:needed|required|necessary)\b"
            r"|\bbad\s+credit\s+(?:accepted|ok|okay|welcome|no\s+problem)\b|\b(?:guaranteed|instant)\s+loans?\b"
            # Scams that follow NHS pages about: fake jobs, vouchers and refunds, bank details asked
            # for, medicines and vaccine passes sold, and the romance scammer's opening.
            r"|\bwork(?:ing)?\s+from\s+home\b[^.!?\n]{0,30}[£$€]\s?\d[\d,.]*\s*k?\s*(?:an?|per|every)\s+(?:day|week|hour|month)"
            r"|\bmystery\s+shoppers?\b[^.!?\n]{0,40}[£$€]\s?\d|\b(?:earn|make)\s+[£$€]\s?\d[^.!?\n]{0,40}\bmystery\s+shoppers?\b"
            r"|\bclaim\s+your\s+(?:[\w'’-]+\s+){0,3}(?:voucher|reward|prize|gift\s*card)s?\b"
            r"|\byou\s+(?:are|have\s+been)\s+owed\s+(?:a\s+)?(?:\w+\s+)?(?:refund|payment|grant)\b"
            r"|\byou(?:'ve\s+been|\s+have\s+been|\s+were|\s+are)\s+(?:selected|chosen)\s+(?:for|to\s+(?:receive|win))\s+(?:a\s+)?(?:\w+\s+)?"
            r"(?:prize|reward|free|gift|iphone|voucher)"
            r"|\b(?<!n't\s)(?<!not\s)(?<!never\s)(?:send|reply\s+with|give\s+me|dm\s+me|inbox\s+me|message\s+me|confirm|enter)\s+"
            r"(?:with\s+)?(?:your\s+)?(?:bank|card"
            r"|account|login)\s+details\b"
            r"|\b(?:weight\s*loss\s+(?:jabs?|injections?|pens?)|ozempic|wegovy|mounjaro|semaglutide|tirzepatide|botox|fillers)\b"
            r"[^.!?\n]{0,40}\b(?:for\s+sale|in\s+stock|dm\s+me|inbox\s+me|message\s+me|whats\s?app|next\s+day\s+delivery)"
            r"|\b(?:covid|vaccine|vaccination)\s+(?:pass(?:port)?|cards?|certificates?)\s+without\s+(?:the\s+|a\s+|being\s+)?"
            r"(?:jab\w*|vaccin\w*)"
            r"|\b(?:message|inbox|pm|whats\s?app|text)\s+me\s+for\s+(?:the\s+)?(?:prices?|rates)\b"
            r"|\bi\s+want\s+to\s+be\s+your\s+friend\b"
            r"|\bi\s+am\s+(?:a\s+)?(?:general|captain|sergeant|engineer|dr\.?)\s+[a-z]+\s+(?:from|with|of)\s+(?:the\s+)?"
            r"(?:un|united\s+nations|us\s+army|army|navy|oil\s+rig)\b"
            r"|\b(?:us|u\.s\.?|american|united\s+states)\s+army\s+(?:doctor|surgeon|general|officer|nurse)\b|\bon\s+a\s+peace\s*keeping\s+mission\b"
            r"|\bon\s+a\s+peace\s+mission\b"
            # The herbal doctor's testimonial that follows every health post: a cure, then herbs,
            # roots, a spell or how to reach "him". Not "Dr Khan cured my cancer, what a team".
            r"|\b(?:cured|healed|curing|cures?)\b[^\n]{0,120}?\b(?:herbal|herbs|roots|spell|whats\s?app"
            r"|(?:contact|email|reach|text|call)\s+(?:him|her)|his\s+(?:e-?mail|number|whats\s?app|contact))\b"
            r"|\b(?:herbal\s+(?:doctor|medicine|remed(?:y|ies)|cure|healer|treatment)|roots\s+and\s+herbs|spell)\b[^\n]{0,120}?"
            r"\b(?:cured|healed|curing)\b|\bspell\s*casters?\b|\b(?:join|member\s+of)\s+(?:the\s+)?(?:great\s+)?illuminati\b"
            # Sick notes and licences sold: "buy sick notes online", "driving licence without test".
            r"|\b(?:buy|selling|sell|order)\s+(?:cheap\s+|fake\s+|genuine\s+|registered\s+)?(?:sick|fit|doctor'?s)\s+notes?\b"
            r"|\b(?:sick|fit|doctor'?s)\s+notes?\s+(?:for\s+sale|available\s+(?:now|here|online))\b"
            r"|\bdriving\s+licen[cs]es?\s+without\s+(?:a\s+|the\s+|any\s+)?(?:test|exam)\b"
            # Loans and investments sold through a named helper: "Need a loan? Contact Mrs Sarah on
            # WhatsApp", "I invested £500 with Mr James and got £5000 in a week".
            r"|\bloans?\b[^\n]{0,60}?\b(?:whats\s?app|contact\s+(?:mr|mrs|ms|miss|dr)\b|dm\s+me|inbox\s+me)"
            r"|\binvest(?:ed|ing)?\s+[£$€]\s?\d[\d,]*\s+(?:with|through)\s+(?:mr|mrs|ms|miss|dr)\b"
            r"|\binvested\s+[£$€]\s?\d[^\n]{0,60}?\b(?:got|received|earned|made)\s+[£$€]\s?\d[\d,]*\s+(?:in|within)\s+"
            r"(?:a|one|two|\d+)\s+(?:days?|weeks?|hours?)\b"
            # "Link in bio" for money or a freebie; not for a petition to save the A&E.
            r"|\b(?:paid|earn\w*|money|income|profits?|giveaway|free|discount|offer)\b[^\n]{0,60}?\blink\s+in\s+(?:my\s+)?bio\b"
            r"|\b(?:lost|earned|made)\b[^.!?\n]{0,40}\bask\s+me\s+how\b"
            r"|\bcheck\s+my\s+(?:profile|bio|page|stories)\b"
            r"|\b(?:hi|hello|hey)\s+dear\b[^\n]{0,80}?\b(?:be\s+friends|know\s+you\s+better|chat\s+with\s+you)\b"
        ),
        tier=Tier.MISINFORMATION_OR_SPAM,
    ),
    Rule(
        "spam.self_promotion",
        "self-promotion or a money-making offer (spam)",
        re.compile(
            r"\b(?:check\s+out|visit|subscribe\s+to|follow|watch|listen\s+to|search\s+for)\s+(?:to\s+)?"
            # A group, charity or pharmacy pointing to its own page for what the comment is about
            # ("visit our page for opening hours over Christmas") supports the comment (MSE Appendix B).
            r"(?:my|our(?!\s+(?:\w+\s+)?(?:page|website|site|group)\s+for\s+(?:the\s+)?(?:latest\s+|more\s+|full\s+|new\s+)?"
            r"(?:opening|information|info|updates?|details|advice|support|help|times|dates|news|changes)\b))"
            r"\s+(?:\w+\s+){0,2}(?:channel|page|profile|website|site|store|shop|account|videos?|music"
            r"|songs?|mixtape|vids?|covers?|blog|youtube|band|app|book|sound|tracks?|remix|beats)\b"
            r"|\bcheck\s+(?:my|our)\s+(?:\w+\s+){0,2}(?:channel|videos?|music|songs?|mixtape|vids?|covers?|sound"
            r"|tracks?|remix|beats|band)\b"
            r"|\b(?:i|we)\s+(?:just\s+)?(?:made|started|created|opened|launched)\s+(?:a|an|my|our)\s+(?:\w+\s+){0,2}"
            r"(?:channel|website|store|shop|clothing\s+line|brand)\b"
            r"|\bsu\w{0,2}scri\w*\s+(?:(?:to|2)\s+)?(?:me|my|us|our)\b|\bsubscribe\s+(?:and|&|plz|pls|please)\b"
            r"|\bplease\s+subscribe\b"
            rf"|\bif\s+i\s+(?:get|reach|hit)\s+\d[\d,.]*\s*k?\s+{_AUDIENCE}\b"
            # Views, likes and subscribers farmed by the number: "we need 2 million more views",
            # "help me reach 500 subscribers", "only 300 more subs to go". Not signatures or staff.
            rf"|\b(?:we|i)\s+(?:still\s+|only\s+|just\s+)?need\s+(?:only\s+|just\s+|another\s+)?{_AUDIENCE_COUNT}"
            rf"\s+(?:more\s+)?{_AUDIENCE}\b"
            rf"|\bhelp\s+(?:me|us|my\s+channel|our\s+channel)\s+(?:to\s+)?(?:get|reach|hit)\s+(?:to\s+)?{_AUDIENCE_COUNT}"
            rf"\s+{_AUDIENCE}\b"
            rf"|\b\d[\d,.]*\s*k?\s+more\s+{_AUDIENCE}\s+to\s+go\b"
            # Asking strangers to follow or add an account: "follow me on insta", "add me here", "sub me".
            r"|\b(?:follow|add)\s+me\s+(?:on\s+|here\b|@)|\bsub\s+(?:to\s+)?(?:me|my)\b"
            # Like-farming: "like and share to win", "tag a friend to win".
            r"|\b(?:like|share|comment|tag)\b[^.!?\n]{0,40}\bto\s+win\b"
            # Offers, not complaints about pay or profit: "you can earn", "easy money", "paid to share".
            r"|\b(?:you|u)\s+(?:can\s+|could\s+|will\s+)?(?:earn|make)\s+(?:extra\s+|easy\s+|real\s+)?(?:money|cash|[$£€]\d)"
            r"|\b(?:earn|make|making)\s+(?:extra|easy|quick|fast|passive)\s+(?:money|cash|income)\b"
            r"|\b(?:earn|make)\s+(?:money|cash|income)\s+(?:online|today|from\s+home|at\s+home|fast|easily|daily"
            r"|every\s+day|for\s+(?:gift|free)|with\s+(?:me|us|this|bitcoin|crypto|forex)|while\s+you|working\s+from)"
            # An amount a period, offered ("£500 a day from home"), not a wage ("nurses earn £500 a week").
            # Not what a profession is paid ("nurses earn £2,300 a month, never mind working from home").
            rf"|{_PAY_OF_A_ROLE}\b(?:earn|make|made|making|earning)s?\s+(?:up\s+to\s+)?[$£€]?\d[\d,.]*\s*(?:k\b)?\s*(?:dollars|pounds|usd|gbp)?"
            r"\s*(?:an?|per|every)\s+(?:month|week|day|hour)\b"
            # ... from home, online or for doing next to nothing, said then or later in the sentence
            # ("... a month, you can do it too, all she does is work from home on her laptop"). Not
            # pay for a job ("£500 a week working nights", "with overtime", "by the time tax comes off"),
            # nor pay set against something else: "£1,900 a month as an HCA, while the managers work
            # from home", "... but someone has to look after patients", "£30 a day less when ...".
            r"(?:\s+(?:from|online|with\s+(?:me|us|this|my|our)\b|just\s+(?:by|from|for|sitting|clicking)|sitting)"
            r"|(?:(?!\b(?:as\s+an?|while|whilst|but|less|can'?t|cannot|couldn'?t|won'?t|never|before|after|nights?|shifts?"
            r"|overtime|would|(?:he|she|i|they)'?d)\b)[^.!?\n]){0,60}?\b(?:work(?:ing|s)?\s+(?:from|at)\s+home|from\s+(?:the\s+comfort\s+of\s+)?(?:your|their|his|her|my)"
            r"\s+(?:own\s+)?(?:home|sofa|couch|bed|phone|laptop)|at\s+home\s+(?:online|on\s+(?:a|the|your|her|his|my)\s+(?:pc|laptop|computer|phone))"
            # On the laptop, or on her own phone; "on the phone" is a receptionist's day.
            r"|online\s+(?:jobs?|work)|on\s+(?:a|the|your|her|his|my)\s+(?:pc|laptop|computer)|on\s+(?:your|her|his|my)\s+phone"
            r"|(?:taking|doing|fill(?:ing)?\s+(?:in|out)|completing|answering)\s+(?:\w+\s+){0,2}surveys))\b"
            r"|\bpaid\s+(?:for|to)\s+(?:share|sharing|comment|commenting|like|liking|post|posting|watch|watching|click"
            r"|clicking|surveys?|sign\s+up|signing\s+up|join|joining|refer|referring)\b"
            # A referral or affiliate link: whoever posts it is paid for the click.
            # (Every alternative starts at a word boundary: one that does not makes the whole rule
            # try every position of every comment, eight times slower.)
            r"|\b(?:https?://|www\.)\S*(?:[?&](?:ref|referral|aff|affiliate|invite|promo)\w*=|/(?:ref|refer|referral|invite|affiliate)/)"
            r"|\bwe\s+are\s+an?\s+(?:\w+\s+){0,3}(?:company|brand)\b"
            # Musicians selling themselves under someone else's post: "I'm getting known fast
            # because I rap with meaning", "my new single". Not "my new video about my recovery".
            r"|\b(?:i'?m|im|i\s+am)\s+(?:getting|becoming)\s+(?:known|popular|famous|noticed)\s+(?:fast|quickly|quick"
            r"|because|for\s+my)\b"
            r"|\bmy\s+(?:(?:new|latest|hit|debut)\s+)+(?:song|single|track|mixtape|album|ep|beat|music\s+video)s?\b"
            # A link written with spaces to slip past filters: "www.youtube. com/watch", "youtu be/…".
            r"|\bwww\s*\.\s*[a-z0-9-]+(?:\s+\.\s*|\s*\.\s+)(?:com|net|org|co)\b|\byoutu\s+be\s*/[\w-]+"
        ),
        tier=Tier.MISINFORMATION_OR_SPAM,
    ),
    # Money asked for in cryptocurrency, and the "we recover lost funds" scam that follows crypto
    # fraud around: nobody on an NHS page needs a wallet address. Talk about crypto stays up
    # ("my son lost his savings to a crypto scam and CAMHS won't see him").
    Rule(
        "spam.crypto",
        "a cryptocurrency request or a funds-recovery scam (spam)",
        re.compile(
            r"\b(?:donate|send|tip|transfer|pay)\s+(?:\w+\s+){0,3}?(?:bitcoins?|btc|crypto\w*|eth(?:ereum)?|usdt|doge\w*)\b"
            # Wallet addresses: Ethereum, Bitcoin bech32, Bitcoin legacy (never inside a link).
            r"|\b0x[0-9a-f]{40}\b|\bbc1[02-9ac-hj-np-z]{25,60}\b"
            r"|\b(?<![/.=?&#-])[13](?=[1-9a-z]*[a-z])(?=[1-9a-z]*[2-9])[1-9a-z]{25,34}\b"
            r"|\brecover(?:ed|ing|y)?\s+(?:\w+\s+){0,3}?(?:lost|stolen|scammed)\s+(?:\w+\s+)?(?:funds|crypto\w*|bitcoins?|btc|investments?)\b"
            # The recovery agent's advert: "… recovered my funds, contact him on WhatsApp".
            r"|\brecover(?:ed|s)?\s+(?:all\s+)?(?:my|our|your|the)\s+(?:\w+\s+)?(?:funds|money|crypto\w*|bitcoins?|investments?)\b"
            r"[^\n]{0,80}\b(?:contact|reach|message|email|whats\s?app|telegram)\b"
            r"|\b(?:earn|mine|mining)\s+(?:bitcoins?|btc|crypto\w*)\b|\baccount\s+manager\s+(?:made|helped|got)\s+me\b"
            r"|\binvest\s+(?:only\s+)?[£$€]?\d[\d,.]*k?\s+(?:and\s+)?(?:get|receive|earn|make|return|withdraw)\w*\s+[£$€]?\d"
            r"|\bguaranteed\s+(?:returns?|profits?|income)\b"
        ),
        tier=Tier.MISINFORMATION_OR_SPAM,
    ),
)


# What health misinformation is about (COVID-19, vaccines, cures, the agencies it names). The
# learned misinformation head only speaks about comments that name one of these: its training set
# sets official bulletins against fact-checked claims, so without the gate it reads any ordinary
# complaint about a service ("three hours for an ambulance") as a false claim. With it, criticism of
# the NHS stays up (docs/classifier.md).
HEALTH_CLAIM_TOPIC = re.compile(
    r"\b(?:covid\w*|corona\w*|virus\w*|sars|vaccin\w*|vax\w*|anti-?vax\w*|boosters?|pandemic|plandemic"
    r"|epidemic|lockdowns?|masks?|5g|cures?|cured|remed(?:y|ies)|immun\w*|infect\w*|pfizer|moderna"
    r"|astrazeneca|mrna|ivermectin|\w*chloroquine|bleach|gates|fauci|cdc|quarantine\w*|hoax|bioweapon"
    r"|wuhan|microchips?|depopulation|herd|antibod\w*|pcr|ppe|social\s+distanc\w*|dexamethasone"
    r"|remdesivir)\b"
)

# What the organisation's own conversations are about. A link in a comment that names one of these
# is taken to support the comment (MSE Appendix B: "as long as they support your comment"); a link
# to an unknown site in a comment about none of them is the shape of spam. Words inside the link's
# own path count too: news addresses carry their headline ("/waiting-times-worst-in-england").
# "news" itself is not a topic: nearly every news site files every story under /news/, so it
# made any off-topic news link (and "great news!" beside a shop's) look like part of the talk.
SERVICE_TOPIC = re.compile(
    r"\b(?:nhs|icb|ics|hospitals?|gps?|surger(?:y|ies)|a\s?&\s?e|a-and-e|ambulances?|paramedics?|nurs\w*"
    r"|doctors?|midwi\w*|maternity|dentists?|dental|pharmac\w*|chemists?|clinics?|wards?|appointments?"
    r"|waiting|wait|waits|patients?|care|carers?|health\w*|ill|illness|sick|mental|cancer|diagnos\w*"
    r"|treatments?|operations?|referrals?|consultants?|prescriptions?|medicines?|medication|vaccin\w*"
    r"|jabs?|covid\w*|flu|council|mps?|government|petitions?|funding|cuts|closures?|report|inquiry"
    r"|investigation|staff|strikes?|beds?|corridor|emergency|111|999)\b"
)
