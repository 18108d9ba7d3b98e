"""The special routes: risk to life and safeguarding (urgent), FOI requests, complaints and legal
matters, the media, and medical questions (MSE section 6; SSOT 5.2)."""

from __future__ import annotations

import re

from bot.core.models import Route
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.people import _KIN
from bot.core.policy.rules.phrasing import (
    _ASKING_WHETHER,
    _CONDITION,
    _COUNTED,
    _NOBODY,
    _NOT_TAKEN,
    HOME_REMEDY,
)

SAFETY_AND_ROUTES: tuple[Rule, ...] = (
    Rule(
        "safety.self_harm",
        "risk to life: self-harm or suicide",
        re.compile(
            r"\b(?:kill|killing|hurt|hurting|harm|harming)\s+my\s*self\b|\bend(?:ing)?\s+(?:it\s+all|my\s+life)\b"
            # Suicide named as a topic ("suicide prevention training", "suicide rates are rising") is
            # no one's risk tonight: not an urgent escalation.
            # (A helpline or a charity called is not a topic: whoever rang it may be at risk.)
            # So are deaths counted across a population: "young men are dying by suicide".
            rf"|(?=suicid){_COUNTED}\bsuicid(?:e|al)\b(?!\s+(?:prevention|awareness|rates?|statistics|figures|strateg(?:y|ies)|training"
            r"|research|bombers?|bombings?|squad))"
            # So is a service named for self-harm ("the self-harm team were amazing").
            r"|\bself[\s\-]?harm\w*\b(?!\s+(?:services?|teams?|nurses?|workers?|clinics?|pathways?|awareness|training"
            r"|prevention|research|figures|rates?|statistics))"
            r"|\bwant\s+to\s+die\b|\bno\s+reason\s+to\s+live\b"
            # "I can't go on like this" is; "I can't go on waiting for my operation" and "can't go on
            # holiday" are not. An overdose taken is; lives saved "from overdose" are a topic.
            r"|\bcan'?t\s+go\s+on\b(?!\s+(?:waiting|holidays?|the\s+(?:waiting\s+list|bus|train|trip)|a\s+(?:trip|holiday)))"
            rf"|(?=overdos){_NOT_TAKEN}\boverdos(?:e|ed|ing)\b"
            r"(?!\s+(?:deaths|figures|rates?|statistics|prevention|awareness|kits?))"
            r"|\btake\s+all\s+my\s+(?:pills|tablets)\b"
            # Someone else at risk, told by family or a friend ("my daughter tried to end her life"):
            # a safeguarding concern the policy says to report at once (MSE 7.2.9, 7.2.11).
            # "Kill yourself" is abuse (threat.wish_harm); "he fell and hurt himself" is an accident.
            r"|\b(?:kill(?:s|ed|ing)?|hang(?:s|ed|ing)?|cut(?:s|ting)?)\s+(?:him|her|them|our)sel(?:f|ves)\b"
            r"|\b(?:tr(?:y|ies|ied|ying)|want(?:s|ed|ing)?|threaten(?:s|ed|ing)?|going|talk(?:s|ed|ing)?\s+about)\s+"
            r"(?:to\s+)?(?:hurt(?:ing)?|harm(?:ing)?)\s+(?:him|her|them|my)sel(?:f|ves)\b"
            r"|\b(?:end(?:s|ed|ing)?\s+(?:his|her|their)\s+(?:own\s+)?life"
            r"|(?:take|takes|took|taking|taken)\s+(?:his|her|their|my)\s+own\s+life)\b"
            r"|\b(?:wants?|wanted|wanting)\s+to\s+die\b|\b(?:i'?m|i\s+am|be)\s+better\s+off\s+dead\b"
            # The words people at risk use without naming it: "I don't see the point in carrying on",
            # "everyone would be better off without me", "I've been stockpiling my tablets", "go to
            # sleep and not wake up", "ending things tonight", "jump off the bridge".
            r"|\b(?:do\s*n'?t|do\s+not|ca\s*n'?t|cannot)\s+see\s+the\s+point\s+(?:in|of)\s+(?:carrying\s+on|going\s+on|living"
            r"|being\s+(?:here|alive)|life|it\s+all)\b(?!\s+(?:with|waiting|the|this|that|my|a)\b)"
            r"|\b(?:everyone|everybody|they|my\s+\w+|the\s+world|people)\s+(?:would|will|'d)\s+be\s+better\s+off"
            r"\s+(?:without\s+me|if\s+i\s+(?:was|were)(?:n'?t|\s+not)\s+(?:here|around|alive)|if\s+i\s+(?:was|were)\s+(?:dead|gone))\b"
            # An overdose told without the word: "I've taken 30 paracetamol", "she's swallowed a whole
            # packet of pills". Ten or more, or a whole pack; "I've taken 2 paracetamol" is a dose.
            r"|\b(?:i'?ve|i\s+have|i\s+just|i|(?:he|she)'?s|(?:he|she)\s+has|(?:my|our)\s+\w+\s+(?:has|'s))\s+(?:just\s+)?"
            r"(?:taken|took|swallowed)\s+(?:(?:about|around|like|over|nearly)\s+)?(?:[1-9]\d|\d{3}|twenty|thirty|forty|fifty|loads\s+of"
            r"|a\s+(?:whole|full)\s+(?:box|packet|pack|bottle|strip|tub)\s+of|(?:a\s+)?handfuls?\s+of|a\s+load\s+of)\s+"
            r"(?:(?:my|his|her|the|of)\s+)?(?:\w+\s+)?(?:paracetamol|ibuprofen|pills|tablets|co-?codamol|codeine|meds|aspirin"
            r"|painkillers|antidepressants|sleeping\s+(?:pills|tablets)|sertraline|amitriptyline|insulin)\b"
            r"(?!\s+(?:(?:a|per|each|every)\s+(?:day|week|night|morning)|daily|for\s+(?:years|months|weeks)|over\b))"
            # Not coping, then done, at the end: "I can't cope anymore, I'm done with everything". Not
            # "I'm done with everything this trust says", nor done with a phone queue.
            r"|\b(?:can'?t|cannot)\s+cope(?:\s+any\s*more)?\b[^\n]{0,20}?\b(?:i'?m|i\s+am)\s+(?:so\s+|just\s+)?done"
            r"(?:\s+with\s+(?:everything|life|living|it\s+all))?(?=\W*$)"
            r"|\bstockpil\w+\s+(?:my\s+|all\s+my\s+)?(?:tablets|pills|meds|medication|painkillers)\b"
            r"|\b(?:go\s+to\s+sleep|fall\s+asleep)\s+and\s+(?:not|never)\s+wake\s+up\b"
            r"|\b(?:had|have\s+had|'ve\s+had)\s+enough\s+of\s+(?:life|living|being\s+alive)\b"
            r"|\bend(?:ing)?\s+(?:it|things)\s+(?:tonight|today|now|soon|for\s+good)\b"
            r"|\b(?:i'?m|i\s+am|i'?ll|i\s+will)\s+(?:going\s+to\s+|gonna\s+)?(?:jump|throw\s+myself)\s+(?:off|from|in\s+front\s+of|under)\s+"
            r"(?:a|the|that)\s+(?:\w+\s+)?(?:bridge|train|building|roof|car\s+park|cliff|bus|lorry)\b"
            r"|\b(?:goodbye|suicide)\s+(?:letters?|notes?)\b"
            # More of the words people at risk use, or that family report: "nobody would miss me if
            # I was gone", "nothing left to live for", "I'm going to walk into the sea", "she keeps
            # talking about ending it", a goodbye message then no answer, locked in with pills.
            r"|\b(?:nobody|no\s+one|no-one)\s+(?:would|will)\s+(?:miss|notice|care)\s+(?:me\s+)?if\s+i\s+(?:(?:was|were)\s+"
            r"(?:gone|dead|not\s+here)\b(?!\s+from)|died|disappeared)"
            r"|\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bwant\s+to\s+disappear\s+(?:forever|for\s+good)\b(?!\s+from)"
            r"|\b(?:i'?m|i\s+am|i'?ll|i\s+will)\s+(?:going\s+to\s+|gonna\s+)?walk\s+into\s+the\s+(?:sea|river|canal|lake|traffic)\b"
            r"|\b(?:she|he|my\s+\w+)\s+(?:keeps|kept|has\s+been|is|was|'s)\s+talking\s+about\s+ending\s+"
            r"(?:it(?:\s+all)?|things|(?:his|her|their|my)\s+life)\b"
            r"|\b(?:friend|son|daughter|partner|husband|wife|brother|sister|mum|dad|boyfriend|girlfriend)\s+(?:has\s+|just\s+)?"
            r"(?:posted|sent|left)\s+(?:me\s+|us\s+)?a\s+goodbye\s+(?:message|post|text|video)\b"
            r"|\block(?:ed|s)?\s+(?:him|her|my|them)sel(?:f|ves)\s+in\s+(?:the\s+|his\s+|her\s+|their\s+)?\w+\s+with\s+"
            r"(?:pills|tablets|a\s+knife|a\s+blade|a\s+rope|(?:his|her|their)\s+(?:pills|tablets))\b"
            r"|\b(?:letters?|notes?)\s+(?:to|for)\s+(?:my|the)\s+(?:kids|children|family|wife|husband|partner|son|daughter|mum|dad)\b"
            r"[^.!?\n]{0,30}\b(?:tonight'?s\s+the\s+night|goodbye)\b"
            r"|\b(?:doesn'?t|does\s+not|didn'?t|don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here)\s+any\s*more\b"
        ),
        route=Route.SAFETY_RISK,
        urgent=True,
    ),
    # Abuse, neglect or exploitation told of by the person it happens to or by someone who saw it:
    # a safeguarding concern the policy says to report at once (MSE 7.2.9, 7.2.11). Advice and
    # talk of services ("domestic abuse services", "forced marriage awareness") are not a
    # disclosure.
    Rule(
        "safety.safeguarding",
        "safeguarding concern: abuse, neglect or exploitation disclosed",
        re.compile(
            # "My partner hits me", "my stepdad touches me", "he beat us".
            rf"\b(?:{_KIN}|he|she)\s+(?:keeps\s+|still\s+|always\s+|often\s+|has\s+|had\s+)?"
            r"(?:hits?|hitting|beats?|beaten|beating|punch(?:es|ed)?|kick(?:s|ed)?|strangl(?:es|ed)|chok(?:es|ed)|slap(?:s|ped)"
            r"|hurts|rap(?:es|ed)|abus(?:es|ed)|threaten(?:s|ed)|controls|locks|locked)\s+"
            r"(?:me|us|my\s+(?:kids|children|son|daughter|mum|mother|dad|father|sister|brother|nan|gran|grandad))\b"
            # Not an accident ("he hit me with the door by accident") nor slang: "she hit me up",
            # "he beat me to it", "hit me with a joke".
            r"(?!\s+(?:with\s+(?:the|a|his|her)\s+(?:door|trolley|car|wheelchair|ball|bag)|by\s+accident|accidentally|up\b|to\b"
            r"|back\b|with\s+(?:[\"“'‘]|(?:a|the|that|this)\s+(?:line|question|request|song|joke|fact|news|bill|truth|facts)\b)))"
            # Touching is abuse told of a relative or someone trusted, not of "she" on a ward.
            rf"|\b{_KIN}\s+(?:keeps\s+|still\s+|has\s+|had\s+)?touch(?:es|ed)\s+(?:me|us|my\s+(?:kids|children|son|daughter))\b"
            # "I'm being abused at home", "my nan is being taken advantage of by her carer".
            r"|\b(?:i'?m|i\s+am|i'?ve\s+been|i\s+have\s+been|(?:he|she)'?s|(?:he|she)\s+is|they\s+are|they'?re"
            r"|(?:my|our)\s+\w+\s+(?:is|are|has\s+been|have\s+been))\s+being\s+(?:abused|beaten|hit|groomed|exploited"
            r"|trafficked|controlled|forced|taken\s+advantage\s+of|starved)\b"
            r"|\b(?:kids?|children|child|baby|toddler)\s+(?:next\s+door\s+)?(?:are|is)\s+being\s+(?:hurt|abused|beaten|hit"
            r"|neglected|starved|left\s+alone)\b"
            # Children seen left alone or going hungry: "the kids next door are left alone all night".
            r"|\b(?:kids?|children|child|baby|toddler|little\s+ones?)\s+(?:next\s+door\s+)?(?:are|is|get|gets)\s+"
            r"(?:always\s+|often\s+|regularly\s+|constantly\s+)?left\s+(?:alone|on\s+(?:their|his|her)\s+own|home\s+alone)\s+"
            r"(?:all\s+(?:night|day|weekend)|overnight|for\s+(?:days|hours)|every\s+(?:night|day|weekend)|at\s+night)\b"
            r"|(?=kid|child|bab|todd)(?<!\bmy\s)(?<!\bour\s)\b(?:kids?|children|child|baby|toddler)\s+(?:next\s+door\s+)?(?:always\s+|often\s+)?(?:look|looks|seem|seems|are|is)\s+"
            r"(?:so\s+|really\s+|always\s+)?(?:starving|starved|malnourished|underfed)\b"
            # Control: "my husband won't let me see the GP alone".
            r"|\b(?:my\s+)?(?:partner|husband|wife|boyfriend|girlfriend)\s+(?:won'?t|will\s+not|doesn'?t|does\s+not)\s+let\s+me\s+"
            r"(?:see|go\s+to|speak\s+to|talk\s+to|leave|have\s+(?:my\s+own\s+)?(?:money|phone))\b"
            # Silenced with a threat: "he said he'd kill me if I told anyone".
            r"|\b(?:he|she|they)\s+(?:said|says|told\s+me|threatened|threatens)\s+(?:(?:he|she|they)(?:'d|'ll|\s+would|\s+will)\s+|to\s+)?"
            r"(?:kill|hurt|harm|take\s+the\s+kids|take\s+my\s+kids)\s+(?:me\s+|us\s+)?if\s+i\s+(?:told|tell|said|say|left|leave|went|go|called|call)\b"
            # Money taken from someone who cannot guard it: "her carer takes her pension".
            r"|\b(?:carer|son|daughter|grandson|granddaughter|neighbour|nephew|niece|lodger)\s+(?:is\s+|keeps\s+)?(?:taking|takes|took"
            r"|stealing|steals|stole|has\s+taken)\s+(?:all\s+)?(?:his|her|their|my\s+\w+'?s?)\s+(?:money|pension|bank\s+card|savings"
            r"|benefits)\b"
            r"|\bforced\s+to\s+marry\b|\bforced\s+marriage\b(?!\s+(?:awareness|unit|training|campaign|day|week|service\w*|helpline))"
        ),
        route=Route.SAFETY_RISK,
        urgent=True,
    ),
    Rule(
        "safety.patient",
        "risk to patient safety",
        re.compile(
            r"\b(?:left|lying|waiting|sat|been)\s+(?:\w+\s+){0,4}(?:on\s+the\s+floor|in\s+(?:his|her|their)\s+own"
            r"\s+(?:urine|faeces|mess|wet|soiled|dirty|sick|vomit))\b"
            rf"|\b{_NOBODY}\s+(?:came|checked|is\s+checking|has\s+checked|helped|answered|will\s+(?:come|help)"
            r"|is\s+(?:coming|helping)|has\s+(?:come|helped)|responded|is\s+responding)\b"
            r"|\bwrong\s+(?:medication|medicine|drug|dose|blood)\b|\b(?:unsafe|dangerous)\s+(?:ward|staffing|care|levels|discharge)\b"
            r"|\bneglect(?:ed|ing)?\b|\b(?:collapsed|stopped\s+breathing|turning\s+blue|unconscious)\b"
            r"|\bdying\s+(?:in|on)\s+(?:a&e|a\s+and\s+e|the\s+corridor|a\s+trolley|the\s+ward)\b"
            # Care not given: "dad hasn't been given his insulin all day", "nobody has given mum a
            # drink since this morning", "the buzzer was ignored".
            r"|\b(?:has\s*n'?t|has\s+not|have\s*n'?t|have\s+not|was\s*n'?t|was\s+not|were\s*n'?t|not)\s+"
            r"(?:been\s+given\s+(?:his|her|their|my|any)\s+(?:food|water|drinks?|anything\s+to\s+(?:eat|drink))"
            r"|(?:been\s+given|had)\s+(?:his|her|their|my|any)\s+(?:insulin|medication|meds|medicines?|tablets|pain\s*(?:relief"
            r"|killers)|antibiotics|oxygen|fluids))\b(?!\s+(?:review\w*|changed|checked|reviewed|yet\s+today))"
            rf"|\b{_NOBODY}\s+(?:has\s+)?(?:given|brought|offered)\s+(?:him|her|them|me|my\s+\w+)\s+"
            r"(?:a\s+|any\s+)?(?:drink|water|food|insulin|medication|meds|pain\s*relief)\b"
            r"|\b(?:buzzer|call\s+bell)\s+(?:was\s+|is\s+|being\s+|got\s+)?(?:ignored|not\s+answered|unanswered)\b"
            r"|\bignor(?:ed|ing)\s+(?:his|her|their|my|the)\s+(?:buzzer|call\s+bell)\b"
            # A drug given despite a known allergy: "they gave dad penicillin even though he's allergic".
            r"|\bgave\s+(?:[\w'’]+\s+){1,4}(?:even\s+though|despite|although|when)\s+(?:[\w'’]+\s+){0,4}allerg"
            # Someone else's medicine or results: "the pharmacy gave me someone else's tablets".
            r"|\b(?:someone|somebody)\s+else'?s\s+(?:tablets|medication|medicines?|prescription|meds|blood|results|baby)\b"
            # Sent home alone in the night: "sent my nan home at 2am in her nightie".
            r"|\b(?:sent|discharged)\s+(?:\w+\s+){0,3}(?:home\s+)?(?:at\s+(?:[1-5]|[1-5][.:]\d\d)\s*(?:am|a\.m\.)"
            r"|in\s+the\s+middle\s+of\s+the\s+night|in\s+(?:his|her|their)\s+(?:nightie|nightdress|pyjamas|gown))"
            # The emergencies 999 is for (NHS: "call 999 if …"), written in a comment instead.
            r"|\b(?:i'?m|i\s+am|i\s+think\s+i'?m|(?:he|she)\s+is|(?:he|she)'s|they'?re|(?:my|our)\s+\w+\s+is)\s+"
            r"having\s+a\s+(?:stroke|heart\s+attack|fit|seizure)\b(?!\s+of\b)"
            r"|\b(?:(?:is|was|gone|went|seems|looks|feels|and)\s+(?:very\s+|really\s+|all\s+)?floppy(?!\s+(?:bird|disks?|discs?|hats?|ears?))|floppy\s+(?:baby|child|toddler)"
            r"|unresponsive|lips\s+(?:are|have\s+gone|went|look)\s+blue|blue\s+lips|face\s+(?:is\s+)?droop\w*"
            r"|bleeding\s+heavily|coughing\s+up\s+blood|rash\s+(?:that\s+)?(?:does\s*n'?t|does\s+not|won'?t)\s+fade)\b"
            # Swallowed what kills a child within hours: "my toddler swallowed a battery".
            r"|\b(?:toddler|baby|child|son|daughter|kid|he|she|they)\s+(?:has\s+|have\s+|'s\s+|just\s+|may\s+have\s+)?swallowed\s+"
            r"(?:a\s+|an\s+|some\s+|one\s+of\s+(?:my|the|his|her)\s+|(?:my|the|his|her)\s+)?(?:button\s+)?(?:batter(?:y|ies)"
            r"|magnets?|bleach|detergent|(?:washing\s+|laundry\s+)?(?:pods?|capsules?)|tablets|pills|medicine)\b"
            # Violence happening now: "there's a man with a knife in the A&E waiting room".
            r"|\bthere'?s\s+(?:a|some)\s+(?:\w+\s+)?(?:man|woman|guy|bloke|person|lad|patient|someone|one)\s+(?:with|waving|holding"
            r"|brandishing|carrying)\s+(?:a|an)\s+(?:knife|gun|machete|blade|weapon|hammer|axe)\b"
            r"(?!\s*(?:sharpen\w*|wound|injur\w*|cuts?|stall|set|block|crime))"
            r"|\b(?:someone|somebody|a\s+(?:man|woman|nurse|patient|member\s+of\s+staff))\s+is\s+being\s+(?:attacked|stabbed"
            r"|beaten\s+up|assaulted)\b(?!\s+(?:by\s+)?(?:ransomware|hackers?|malware|cyber\w*|online|on\s+(?:twitter|x|facebook"
            r"|social\s+media)))"
            # Someone who cannot breathe; not a stuffy room ("I can't breathe in that waiting room").
            r"|\b(?:i|he|she|they|(?:my|our)\s+\w+)\s+(?:can'?t|cannot|could\s*n'?t|is\s+struggling\s+to|are\s+struggling\s+to)"
            r"\s+breathe\b(?!\s+(?:in|for|with)\b)"
        ),
        route=Route.SAFETY_RISK,
        urgent=True,
    ),
    Rule(
        "route.foi",
        "Freedom of Information request (SSOT 7.1: pass to the FOI team)",
        re.compile(
            r"\bfreedom\s+of\s+information\b|\bfoi\b|\bunder\s+the\s+(?:foi|freedom)\b"
            r"|\b(?:i\s+(?:would\s+like|want|am\s+requesting|request)|please\s+(?:provide|send|release))\s+(?:\w+\s+){0,3}(?:figures|data|statistics|records|information)\s+(?:on|about|for|regarding)\b"
            # Asked for without naming the Act: "I'd like to request all emails between the CEO and
            # the council", "please release the minutes of the board meeting".
            r"|\b(?:i(?:'d|\s+would)\s+like\s+to\s+(?:request|see|obtain)|i\s+want\s+to\s+(?:request|see|obtain)"
            r"|i\s+(?:am\s+requesting|hereby\s+request|request)"
            r"|please\s+(?:provide|send|release|publish|disclose))\s+(?:\w+\s+){0,3}(?:e-?mails|correspondence|minutes|documents"
            r"|reports?|contracts?|spend(?:ing)?|costs|invoices|figures|data|statistics|information)\s+"
            r"(?:on|about|for|regarding|relating\s+to|between|from|of|sent|held)\b"
            # ... or as a figure asked for: "I'd like the figures", "please disclose the number of …".
            r"|\bi(?:'d|\s+would)\s+like\s+(?:to\s+(?:see|know)\s+)?the\s+(?:figures|data|statistics|breakdown|numbers)"
            r"(?=\s*(?:[.?!,]|$)|\s+(?:for|on|of|about|showing|broken)\b)"
            r"|\bplease\s+(?:disclose|provide|publish)\s+(?:the\s+)?(?:number|amount|total|cost|figures?)\s+of\b"
        ),
        route=Route.FOI_REQUEST,
    ),
    Rule(
        "route.complaint_legal",
        "complaint or legal matter (MSE 7.1.9: never comment; refer it)",
        re.compile(
            r"\b(?:make|making|raise|raising|lodge|lodging|file|filing|put\s+in)\s+(?:a\s+)?(?:formal\s+)?complaint\b"
            r"|\bi\s+(?:want|wish|would\s+like|intend)\s+to\s+complain\b|\bcomplaints?\s+(?:procedure|process|team|department)\b"
            r"|\bpals\b|\bombudsman\b|\bsolicitors?\b|\blawyers?\b|\blegal\s+(?:action|advice|proceedings|team)\b"
            r"|\bsee\s+you\s+in\s+court\b(?!\s+on\s+\w+day)"
            r"|\b(?:speak|talk)\s+to\s+(?:someone|somebody|anyone)\s+about\s+(?:a|my)\s+(?:formal\s+)?complaint\b"
            r"|\b(?:sue|suing)\s+(?:you|the|them|nhs)\b|\b(?:clinical\s+)?negligence\s+claim\b|\btake\s+(?:you|this|it|them)\s+to\s+court\b"
            r"|\blibel(?:lous)?\b|\bdefamat\w+\b"
            # Personal data mishandled is a legal matter (UK GDPR), for information governance.
            r"|\bdata\s+(?:breach|leak)\w*|\bbreach\w*\s+(?:of\s+)?(?:my|our|his|her|their|patient)\s+(?:\w+\s+)?(?:data|privacy|confidentiality)\b"
            r"|\b(?:gdpr|information\s+commissioner)\b"
            # A subject access request made (a month to answer it); "how do I get a copy of my
            # records?" is a question the desk answers with a signpost.
            r"|\bsubject\s+access\s+requests?\b"
            # Taken to a regulator or the police: "I'm reporting this to the CQC".
            # Not someone else's case counted: "black doctors are more likely to be referred to the GMC".
            r"|\b(?=report|complain|refer)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?:report(?:ing|ed)?|complain(?:ing|ed)?|refer(?:ring|red)?)\s+(?:(?:this|that|the|you|them|him|her|it)\s+"
            r"(?:\w+\s+)?)?to\s+(?:the\s+)?(?:cqc|gmc|nmc|hcpc|gdc|police|ombudsman|phso|ico)\b"
        ),
        route=Route.COMPLAINT_OR_LEGAL,
    ),
    Rule(
        "route.media",
        "journalist or media request (MSE 7.1.6: direct to the communications team)",
        re.compile(
            r"\b(?:i'?m|i\s+am|as)\s+an?\s+(?:(?:student|freelance|local|trainee|health|news|tv|radio|investigative)\s+)?"
            r"(?:journalist|reporter|producer)\b|\bjournalist\s+(?:at|from|with)\b"
            r"|\b(?:for|in)\s+(?:my|our)\s+(?:newspaper|news|magazine)\s+(?:article|story|piece|report)\b"
            # Introducing themselves: "Reporter from the Echo here, …"; not "the reporter from the BBC said".
            r"|\b(?:reporter|producer)\s+(?:at|from|with)\s+(?:the\s+)?(?:\w+\s+){1,3}here\b"
            r"|\bpress\s+(?:office|enquiry|inquiry|statement)\b|\bmedia\s+(?:enquiry|inquiry|request)\b"
            r"|\b(?:comment|statement)\s+for\s+(?:a|an|our|my)\s+(?:story|article|piece|report|programme)\b"
            r"|\bon\s+the\s+record\b|\bwriting\s+(?:a|an)\s+(?:story|article|piece)\b"
        ),
        route=Route.MEDIA_REQUEST,
    ),
    Rule(
        "route.medical_question",
        "medical question (MSE 6.5.1: signpost to GP, NHS 111 or 999)",
        re.compile(
            rf"\b(?:{_ASKING_WHETHER}|how\s+(?:much|many|often|long)\s+(?:\w+\s+)?(?:should|can|do)\s+i|is\s+it\s+normal)"
            r"\s+(?:\w+\s+){0,8}(?:take|taking|paracetamol|ibuprofen|antibiotics?|medication|medicine|tablets?|dose|vaccine|jab|symptoms?|pain|rash|fever|temperature|bleed(?:ing|s)?|pregnan\w*|inhaler|insulin|see\s+a\s+(?:doctor|gp)|go\s+to\s+a&e|worried|isolat\w*)\b"
            # Timing a vaccine around an illness: "how long should I wait after covid before my booster?"
            r"|\bhow\s+long\s+(?:should|do|must)\s+i\s+(?:\w+\s+)?wait\s+(?:after|before|between)\b"
            # Getting ready for a test or coping after one: "do I need to fast before a blood test?"
            rf"|\b{_ASKING_WHETHER}"
            r"\s+(?:\w+\s+){0,8}(?:fast(?:ing)?\s+before|stop\s+(?:taking|eating)|drink\s+(?:alcohol|water)|side\s+effects?"
            r"|allerg\w*|breastfeed\w*|(?:drive|exercise|shower|swim|fly)\s+after|stitches|wound)\b"
            r"|\bare\s+(?:these|the|my|his|her)\s+(?:\w+\s+)?(?:side\s+effects?|symptoms)\s+normal\b"
            # Asking whether a vaccine is safe or does harm ("does the MMR cause autism?"): answered
            # with the facts and a signpost, not hidden as misinformation.
            r"|\b(?:does|do|can|could|will|would|is|are)\s+(?:\w+\s+){0,4}(?:vaccines?|jabs?|mmr|boosters?|vaccination)"
            r"\s+(?:\w+\s+){0,3}(?:cause|give|change|affect|harm|damage|make|safe)\w*\b[^.!?\n]*\?"
            # And whether a home remedy keeps the virus away ("can hot water kill the coronavirus?").
            rf"|\b(?:does|do|can|could|will|would|is|are)\s+(?:it\s+true\s+(?:that\s+)?)?(?:\w+\s+){{0,2}}{HOME_REMEDY}"
            r"\s+(?:\w+\s+){0,2}(?:kill|cure|prevent|stop|protect|treat)\w*\b[^.!?\n]*\?"
            r"|\bmy\s+(?:son|daughter|baby|child|mum|mom|dad|husband|wife|partner)\s+(?:has|have|is|has\s+got|keeps)\s+(?:\w+\s+){0,4}(?:rash|fever|temperature|pain|vomiting|bleeding|lump|cough|breathing)\b"
            r"|\b(?:i\s+have|i'?ve\s+got|i\s+keep\s+getting)\s+(?:a\s+)?(?:\w+\s+)?(?:lump|rash|chest\s+pain|fever|temperature|headaches?|bleeding|symptoms?)\b.*\?"
            # What a medicine or vaccine does, and a child's illness asked about: "what are the side
            # effects of the RSV vaccine?", "how long does the booster take to work?", "can my child
            # go to school with chickenpox?", "is a temperature of 38 bad for a baby?".
            r"|\bwhat\s+are\s+the\s+(?:\w+\s+)?side\s+effects\s+of\s+(?:[\w'’-]+\s+){0,3}?(?:vaccines?|jabs?|boosters?|tablets?"
            r"|medicines?|medication|drugs?|pills?|injections?|treatment|chemo\w*|radiotherapy|statins?|antibiotics|inhalers?"
            r"|\w+(?:ol|in|ine|ide|pam|zole|mab|cillin|pril|sartan|olol|xetine|pine))\b"
            r"|\bhow\s+long\s+(?:does|do|will|should)\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:\w+\s+)?(?:vaccines?|jabs?|boosters?|tablets"
            r"|antibiotics|medication|medicine|symptoms|side\s+effects)\b"
            r"|\b(?:can|should|does|is|will)\s+(?:my|our|a)\s+(?:child|son|daughter|baby|toddler|kids?|children)\s+[^.!?\n]{0,60}"
            r"\b(?:chicken\s*pox|measles|covid|flu|temperature|fever|rash|sick|vomit\w*|diarrhoea|cough\w*|conjunctivitis|nits"
            r"|head\s+lice|impetigo|tonsillitis|ear\s+infection|hand,?\s+foot\s+and\s+mouth)\b[^.!?\n]*\?"
            r"|\b(?:is|are)\s+(?:a|an|his|her|my|their)\s+(?:temperature|fever|rash|cough)\b[^.!?\n]*\?"
            # A dose asked for, a symptom asked about, how to tell an illness: "what's the dose of
            # Calpol for a 2 year old?", "could my tiredness be my thyroid?", "chest pains on and
            # off, is that normal?", "how do I know if my son has sepsis?", "I've found a lump in my breast".
            r"|\b(?:what'?s|what\s+is|how\s+much\s+is)\s+the\s+(?:right\s+|correct\s+|max(?:imum)?\s+|usual\s+)?dose\s+"
            r"(?:of\s+(?:\w+\s+){0,2}?(?:calpol|paracetamol|ibuprofen|nurofen|antibiotics?|medicine|melatonin|vitamin\s+d"
            r"|\w+(?:ol|in|ine|ide|pam|zole|cillin|pril|sartan|olol|xetine|pine))\b|for\s+(?:a|an|my)\b)"
            rf"|\bcould\s+(?:my|this|it|these|the)\s+(?:[\w'’]+\s+){{0,3}}be\s+(?:a\s+sign\s+of\s+)?(?:my\s+)?{_CONDITION}\b"
            rf"|\bhow\s+(?:do|can|would)\s+(?:i|you)\s+(?:know|tell)\s+if\s+[^.!?\n]{{0,40}}?\b(?:has|have|is|got|'s)\s+(?:got\s+)?{_CONDITION}\b"
            r"|\b(?:pains?|aches?|bleeding|rash|lump|swelling|dizz\w*|headaches?|cough(?:ing)?|temperature|fever|spotting"
            r"|discharge|numb\w*|tingling|vomiting|diarrhoea|breathless\w*|palpitations)\b(?!\s+of\b)[^?\n]{0,80}?"
            r"\b(?:is|are)\s+(?:that|this|it|these|they)\s+normal\b"
            r"|\b(?:i\s+have|i'?ve\s+(?:got|found)|i\s+found|there'?s)\s+a\s+(?:new\s+|small\s+|hard\s+)?lump\s+(?:in|on|under)\s+(?!my\s+throat)"
            r"|\bcan\s+(?:you|i|we)\s+(?:get|have)\s+(?:the|a|my)\s+(?:\w+\s+)?(?:jab|vaccine|booster|injection)\s+if\b"
            r"|\bdo\s+i\s+need\s+to\s+(?:see\s+(?:some(?:one|body)(?=\s*(?:\?|about\s+(?:it|this|that)))|a\s+(?:doctor|gp|nurse)"
            r"|my\s+gp)|be\s+seen|get\s+(?:it|this)\s+checked)"
            # A symptom that has lasted, and what it might be: "I've had a headache for a week, what
            # could it be?", "my son has had a rash since Monday, should we be worried?".
            r"|\b(?:i'?ve|i\s+have|(?:my|our)\s+\w+\s+(?:has|have)|(?:he|she)'?s|(?:he|she)\s+has)\s+had\s+"
            r"(?:an?\s+|this\s+)?(?:\w+\s+)?(?:headache|migraine|pain|rash|cough|fever|temperature|lump|bleeding|diarrhoea"
            r"|sickness|swelling|dizziness|earache|sore\s+throat)s?\b(?!\s+in\s+the\s+(?:neck|arse|backside|bum)\b)[^?\n]{0,60}?\b(?:what\s+(?:could|might|can)\s+(?:it|this|that)"
            r"\s+be|what\s+should\s+(?:i|we)\s+do|should\s+(?:i|we)\s+be\s+worried|any\s+ideas)\b"
            # Where to get emergency contraception: a question for the desk to signpost.
            r"|\b(?:morning[\s-]+after\s+pill|emergency\s+contraception)\b"
        ),
        route=Route.MEDICAL_QUESTION,
    ),
)
