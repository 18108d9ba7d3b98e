"""Tier 1 rules: threats of violence and harm wished on people (MSE Appendix C row 1; SSOT 5.1).
A threat to life is also urgent (the safety route)."""

from __future__ import annotations

import re

from bot.core.models import Route, Tier
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.people import (
    _STAFF_ROLE,
    _TARGET,
)
from bot.core.policy.rules.phrasing import (
    _I_HAVE,
    _I_WILL,
    _NOT_HUNG_UP,
    _VICTIM,
)

THREATS: tuple[Rule, ...] = (
    Rule(
        "threat.violence",
        "threat of violence",
        re.compile(
            # ("Well" for "we'll", but not "might as well": "they might as well shoot them".)
            r"\b(?:i'?ll|i\s+will|(?<!\bas\s)we'?ll|we\s+will|gonna|going\s+to|i'?m\s+going\s+to|should|someone\s+should|ought\s+to)"
            # "… going to get hurt" is a warning, not a threat: no passive.
            r"\s+(?:(?!(?:get|be|got|being)\b)\w+\s+)?(?:(?:kill|murder|stab|shoot|batter|beat\s+up|punch|hurt|burn"
            r"|bomb|smash\s+up|slaughter|butcher|behead|decapitate|massacre|maim|torch|firebomb|petrol\s+bomb)\b"
            # Doing well at something is not a threat: "I'll kill it", "I'll slaughter this marathon";
            # nor are sayings and chores: "murder a cup of tea", "kill two birds with one stone",
            # "hurt my back", "burn the candle at both ends", "shoot you an email".
            r"(?!\s+(?:it\b|(?:this|that|the|my)\s+(?:marathon|race|run|fun\s+run|exam|test|interview|game|match|quiz"
            r"|workout|gig|song|presentation|dance|karaoke|bake\s+off|competition)\b"
            r"|(?:a|an|some|my)\s+(?:\w+\s+)?(?:cup|pint|brew|tea|coffee|curry|kebab|burger|sandwich|pizza|drink|beer"
            r"|wine|cake|biscuits?|meal|takeaway|chocolate)s?\b|two\s+birds|time\b|calories\b|bridges\b"
            r"|the\s+(?:candle|midnight\s+oil|breeze|air)\b"
            # Paper burnt and dinner burnt: "I'll torch my old sick notes", "I'll burn the toast".
            r"|(?:(?:my|the|these|those|all\s+(?:my|the|those))\s+)?(?:old\s+)?(?:sick\s+notes?|letters?|notes|papers?"
            r"|paperwork|leaflets?|forms?|receipts?|bills?|rubbish|garden\s+waste|toast|dinner|tea)\b"
            r"(?!\s+(?:lad(?:y|ies)|m[ae]n|wom[ae]n|staff|nurses?))"
            r"|my\s+(?:back|knees?|neck|shoulders?|hips?|legs?|arms?|wrists?|ankles?|foot|feet|hands?|head|chances)\b"
            r"|(?:(?:you|u|him|her|them)\s+)?(?:a|an)\s+(?:quick\s+)?(?:message|email|e-mail|text|dm|line|note|reply"
            r"|video|photo|film)\b))"
            # Finding someone, not a new GP or the PALS office: "I'll find you", "… where you live".
            r"|find\s+(?:you|u|ya|him|her|them|out\s+where|where\s+(?:you|u|he|she|they)\s+lives?"
            r"|your\s+(?:house|home|address|family|kids|children|car))\b)"
            # Killing spoken of as something that should be allowed: "stabbing a GP like him should
            # be made legal".
            r"|\b(?:killing|murdering|shooting|stabbing|lynching|slaughtering|beheading|raping)\s+(?!(?:time|it|the\s+breeze)\b)"
            r"(?:\w+\s+){1,5}?"
            r"(?:(?:should|ought\s+to)\s+be\s+(?:made\s+)?(?:legal|legali[sz]ed|decriminali[sz]ed|allowed|encouraged|rewarded)"
            r"|(?:should(?:n'?t|\s+not)|must(?:n'?t|\s+not))\s+be\s+(?:a\s+crime|illegal|against\s+the\s+law|punished))\b"
            r"|\bknow\s+where\s+(?:you|she|he|they|(?:the|your|that)\s+(?:\w+\s+){0,2}\w+)\s+lives?\b|\bwatch\s+(?:your|ur)\s+back\b"
            # Being watched, said as a statement on its own or with more: "I know where she works and
            # what time she finishes". Not "I know where you work, I've seen you there, you were lovely".
            r"|\bi\s+know\s+(?:where|what\s+time)\s+(?:you|she|he|they)\s+(?:work|works|park|parks|finish|finishes|leave|leaves"
            r"|clock\s+off|clocks\s+off|get\s+off|gets\s+off)\b(?=\W*$|\s*[.!]|\s+and\s+(?:what\s+time|when|where|which|how)\b)"
            r"|\byou'?ll\s+regret\s+this\b(?![^\n]*?\bif\b)[^\n]{0,80}?\bi\s+know\s+where\b"
            r"|\bbe\s+waiting\s+for\s+(?:you|u)\s+(?:[\w&]+\s+){0,4}?(?:after\s+your\s+shift"
            r"|when\s+you\s+(?:finish|leave|clock\s+off))\b(?![^.!?\n]*\bto\s+(?:give|thank|say|hug|drop))"
            # Veiled threats in set phrases: "your family isn't safe", "accidents happen to people
            # like you", "wait and see what happens to you".
            r"|\byour\s+(?:family|kids|children|wife|husband|partner)\s+(?:isn'?t|is\s+not|aren'?t|are\s+not|won'?t\s+be)\s+safe\b"
            r"(?!\s+(?:if|unless|from|with|around|near)\b)"
            r"|\baccidents\s+(?:happen|can\s+happen)\s+to\s+(?:people|nurses|doctors|staff)\s+like\s+(?:you|her|him|them)\b"
            r"|\bwait\s+and\s+see\s+what\s+happens\s+to\s+(?:you|her|him|them)\b"
            r"|\bsomething\s+(?:bad|terrible|nasty)\s+(?:is\s+going\s+to|is\s+gonna|will|'s\s+going\s+to)\s+happen\s+to\s+"
            r"(?:you|her|him|them)\b(?![^.!?\n]*\b(?:if|unless)\b)"
            r"|\b(?:you'?re|you\s+are|ur)\s+(?:all\s+dead|dead\s+meat|a\s+dead\s+(?:man|woman)\s+walking)\b"
            rf"|\b{_I_WILL}\s+(?:make\s+(?:you|u|her|him|them)\s+pay(?=\W*$|\s*[.!,]|\s+for\s+(?:this|that|what))"
            r"|get\s+(?:you|u|her|him|them)\s+for\s+(?:(?:this|that)(?=\W*$|\s*[.!,])|what\s+(?:you|she|he|they)))"
            rf"|\b{_I_WILL}\s+(?:\w+\s+)?(?:smash|trash|wreck)\s+(?:the\s+|this\s+|your\s+)?(?:place|surgery|ward|reception|hospital"
            r"|pharmacy|clinic|office)\s+up\b"
            rf"|\b{_I_WILL}\b[^.!?\n]{{0,60}}?\bsome(?:one|body)\s+(?:will|'ll|is\s+going\s+to|is\s+gonna)\s+get\s+"
            r"(?:hurt|stabbed|punched|battered|glassed)\b"
            r"|\b(?:i'?d|i\s+would)\s+(?:love|like)\s+to\s+see\s+(?:this|the|that|your)\s+(?:\w+\s+)?(?:hospital|surgery|ward|place"
            r"|building|clinic|trust|pharmacy)\s+(?:burn|blow\s+up|go\s+up\s+in\s+flames)\b"
            r"|\b(?:put|throw|chuck)\s+a\s+(?:brick|rock|stone)\s+through\b"
            r"|\b(?:waiting|be\s+waiting)\s+(?:for\s+you\s+)?outside\s+(?:when|after)\b"
            r"|\b(?:burn|blow)\s+(?:it|the\s+\w+|this\s+\w+)\s+(?:down|up)\b"
            # Violence only a person can promise ("I'll have to rape…", "we will cut their throats",
            # "I'm going to make them suffer"). First person or "someone should" only: "the cuts are
            # going to make patients suffer" is criticism, and "I'm drowning in paperwork" is not a threat.
            rf"|\b(?:{_I_WILL}"
            r"|we'?re\s+(?:going\s+to|gonna)|we\s+are\s+(?:going\s+to|gonna)|some(?:one|body)\s+should)"
            r"\s+(?:\w+\s+){0,2}?(?:rape|strangle|torture|lynch|drown(?!\s+in\b)|make\s+(?:\w+\s+){1,3}suffer"
            r"|(?:cut|slit)\s+(?:[\w'’]+\s+){0,2}throats?|snap\s+(?:[\w'’]+\s+){0,3}necks?"
            r"|(?:break|smash)\s+(?:your|his|her|their|them|that|those)\s+(?:[\w'’]+\s+)?(?:legs|necks?|jaws?|faces?|skulls?))\b"
            # Willing or urging someone to hurt a person ("I'd happily run that consultant over",
            # "somebody needs to smack that receptionist"); "I'd kill for a coffee" has no victim.
            rf"|\b(?:i'?d|i\s+would|i\s+could|some(?:one|body)\s+(?:needs\s+to|ought\s+to|should))\s+"
            r"(?:(?:happily|gladly|honestly|seriously|personally|just|really)\s+)?"
            rf"(?:(?:kill|murder|stab|shoot|batter|punch|smack|slap|deck|kick|strangle|glass|knife)\s+{_VICTIM}"
            rf"|(?:run|knock)\s+{_VICTIM}\s+(?:over|down|out))\b"
            r"|\bput\s+a\s+(?:bullet|knife|blade)\s+(?:in|through|into)\b"
            # Intimidation: being followed, watched or met outside work.
            r"|\bknow\s+(?:which|what)\s+(?:car|house|school)\s+(?:is\s+)?(?:yours|you|she|he|they|her|his)\b"
            r"|\bknow\s+where\s+(?:your|her|his|their)\s+(?:kids|children|family)\b"
            r"|\bi\s+know\s+(?:your|her|his|their)\s+(?:car|reg|number\s+plate)\b(?!\s+park)"
            r"|\bknow\s+(?:which|what)\s+school\s+(?:your|her|his|their)\s+(?:kids|children|son|daughter|boy|girl)\s+(?:go|goes|attend)"
            # Her car seen and remarked on: "I've seen your car, nice reg"; not "your car park charges".
            r"|\b(?:seen|saw|clocked|spotted)\s+(?:your|her|his)\s+car\b(?!\s+park)[^.!?\n]{0,60}?\bnice\s+(?:reg|number\s+plate|plate)\b"
            # Unsafe on the way home, said and left there: "you won't be safe walking home"; not "Mum
            # won't be safe walking home from the ward on her own", nor advice about driving.
            r"|\b(?:you|she|he|they)\s+(?:won'?t|will\s+not|wouldn'?t|would\s+not)\s+be\s+safe\s+walking\s+(?:home|to\s+(?:your|her|his|their)\s+car)"
            r"(?:\s+(?:tonight|after\s+(?:your|her|his|their)\s+shift|any\s*more))?(?=\W*$|\s*[.!])"
            rf"|\byou'?d\s+better\s+watch\s+(?:out|it|yourself)\s*,?\s+(?:{_STAFF_ROLE}|love|darling|sweetheart|mate|pal)(?=\W*$|\s*[.!])"
            # "Nice house you've got, shame if anything happened to it."
            r"|\b(?:nice|lovely|beautiful|pretty)\s+(?:\w+\s+){1,3}?(?:you'?ve\s+got|you\s+have|you\s+got|you'?ve)\b[^.!?\n]{0,60}?"
            r"\bshame\s+if\s+(?:anything|something)\s+(?:\w+\s+){0,3}?happen\w*\s+to\s+(?:it|them|her|him|you)\b"
            # The harm at the end of a plan: "I'm going to wait for that nurse after her shift and hurt her".
            rf"|\b{_I_WILL}\s"
            r"[^.!?\n]{0,60}?\band\s+(?:kill|murder|stab|shoot|batter|beat\s+up|punch|hurt|smash|strangle)\s+"
            r"(?:him|her|them|you|u|some(?:one|body)|every(?:one|body)|people|staff"
            rf"|(?:a|the|that|your)\s+{_STAFF_ROLE})\b"
            # A weapon promised: "I'm bringing a knife next time".
            r"|\b(?:i'?m|i\s+am|i'?ll\s+be|i\s+will\s+be|i'?ll|i\s+will)\s+(?:bringing|bring|carrying|coming\s+(?:back\s+)?with)"
            r"\s+(?:a|my)\s+(?:knife|blade|gun|machete|baseball\s+bat|hammer|weapon)\b(?!\s+(?:and\s+fork|to\s+cut))"
            # "Next time I see that doctor he's dead".
            r"|\bnext\s+time\s+i\s+see\s+(?:\w+\s+){1,3}?(?:he|she|they|you)(?:'?s|'?re|\s+is|\s+are|\s+will\s+be)\s+"
            r"(?:dead|done\s+for|getting\s+(?:it|hurt|battered))\b"
            r"|\bwait\s+(?:till|until)\s+i\s+(?:see|get|catch|find)\s+(?:you|him|her|them|that\s+\w+|the\s+\w+)\s+"
            r"(?:outside|alone|after\s+(?:work|(?:her|his|your|their)\s+shift)|on\s+(?:her|his|your|their)\s+own"
            r"|in\s+the\s+car\s*park)"
            # "I'm coming down there and someone's getting hurt"; "someone's getting hurt on those
            # stairs" is a safety report.
            r"|\b(?:i'?m|i\s+am)\s+(?:coming|going)\s+(?:down|up|over|round|in|back)\b[^.!?\n]{0,40}"
            r"\bsome(?:one|body)(?:'s|\s+is|\s+will)\s+(?:getting|going\s+to\s+get|gonna\s+get|get)\s+"
            r"(?:hurt|stabbed|punched|battered|glassed|a\s+slap|a\s+smack)"
            # The threat vaccinators were sent: "you will all hang for crimes against humanity",
            # "every nurse who gave the jab should be tried and hanged", "Nuremberg 2.0".
            r"|\b(?:you|they|them|(?:every|all|the|those|these)\s+(?:\w+\s+)?(?:staff|nurses?|doctors?|gps?|vaccinators?"
            r"|scientists|midwives|pharmacists|consultants))\b[^.!?\n]{0,40}?\b(?:should|must|will|'ll|ought\s+to)\s+(?:all\s+)?"
            rf"(?:be\s+)?(?:tried\s+and\s+)?(?:hang|hanged|hung|executed|lynched|swing)\b{_NOT_HUNG_UP}"
            r"|\bnuremberg\s*(?:2(?:\.0)?|two|trials?|code)\b"
            # A bomb said to be there ("there's a bomb in the main entrance"); not a bomb threat
            # reported ("evacuated after a bomb threat") or a mess ("like a bomb's gone off").
            r"|\b(?:there'?s|there\s+is|i'?ve\s+(?:put|planted|left|hidden)|i\s+have\s+(?:put|planted|left|hidden)"
            r"|we'?ve\s+(?:put|planted|left|hidden))\s+(?:an?\s+)?(?:bomb|explosive\s+device|explosives)\s+"
            r"(?:in|at|under|inside|outside|near|on)\b"
            # A weapon on them now: "I'm outside the ward and I've got a knife"; not a knife wound.
            rf"|\b(?:{_I_HAVE}|i'?m\s+(?:carrying|holding)|i\s+am\s+(?:carrying|holding))"
            r"\s+(?:a|my)\s+(?:knife|blade|gun|machete|weapon|hammer)\b"
            r"(?!\s*(?:wound|injur\w+|cut|scar|block|set|sharpener|licen[cs]e|crime|and\s+fork|shot|toes?|fitted"
            r"|socket|leg|for\s+running))"
            # Intimidation in set phrases: "I've got your home address", "your days are numbered",
            # "sleep with one eye open".
            rf"|\b(?:{_I_HAVE}|i'?ve\s+found|i\s+found)\s+(?:your|her|his|their)\s+home\s+address\b"
            r"|\byour\s+days\s+are\s+numbered\b|\bsleep\s+with\s+one\s+eye\s+open\b"
            # "If my mum dies I'm coming for every one of you"; not "I'm coming for the 3pm clinic".
            r"|\b(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:coming|gonna\s+come|going\s+to\s+come)\s+(?:for|after)\s+"
            rf"(?:you|u|ya|him|her|them|(?:every\s+(?:single\s+)?one|all|each|the\s+lot)\s+of\s+(?:you|them)"
            rf"|(?:that|the|this|your)\s+(?:\w+\s+)?{_STAFF_ROLE})\b"
            r"|\bteach\s+(?:you|him|her|them|that\s+\w+|the\s+\w+)\s+a\s+lesson\s+(?:(?:he|she|they|you)\s+"
            r"(?:won'?t|will\s+never)\s+forget)"
            # Vengeance promised: "you'll pay for what you did to my mother"; not "you'll pay for
            # parking" or "you'll pay for it later if you skip the jab".
            r"|\b(?:you'?ll|you\s+will|you'?re\s+going\s+to|you\s+are\s+going\s+to|you'?re\s+gonna|they'?ll|they\s+will)"
            r"\s+(?:all\s+)?pay\s+for\s+(?:this|that|what\s+(?:you|they)(?:'ve|\s+have)?\s+(?:did|done))\b"
            r"(?!\s+(?:(?:with|in|on|by|at)\s+|(?:parking|prescriptions?|it)\b))"
            # A lynching called for: "drag the managers out and string them up", "string 'em all up".
            r"|\bstring\s+(?:(?:them|'?em)\s+all|the\s+lot\s+of\s+(?:them|'?em)|(?:(?:the|those|these|all\s+the)\s+)"
            rf"(?:\w+\s+)?(?:{_STAFF_ROLE}|staff|bosses|execs|executives|board|politicians|ministers|scientists)"
            r"|(?:them|'?em|him|her)(?=\s+up\s+(?:by|from|for|and|like|on\s+(?:a|the)\s+(?:lamp|tree|gallows))))\s+up\b"
            r"|\b(?:drag|haul|pull)\s+(?:them|'?em|him|her|(?:the|those|these|all\s+the)\s+(?:\w+\s+)?(?:managers?|bosses"
            r"|execs|executives|board|staff|doctors|nurses))\s+out\s+and\s+(?:string|hang|lynch|shoot|beat|kill)\b"
        ),
        tier=Tier.HARMFUL,
        route=Route.SAFETY_RISK,
        urgent=True,
        folded=True,
    ),
    Rule(
        "threat.wish_harm",
        "wishing death or harm on a person",
        re.compile(
            rf"\bhope\s+{_TARGET}\s+(?:die|dies|rot|rots|suffers?|burns?|gets?\s+(?:cancer|killed|hurt|raped))\b"
            r"|\bget\s+(?:cancer|aids|ebola|covid)\s+and\s+die\b"
            rf"|\b{_TARGET}\s+(?:deserves?|should)\s+(?:to\s+)?(?:die|be\s+shot|be\s+hanged|hang|rot)\b{_NOT_HUNG_UP}"
            # Death wished on those held to blame: "the managers who let it happen should rot".
            rf"|\b(?:{_STAFF_ROLE}|staff|managers?|bosses|ministers?|politicians|executives?|board|whoever)\b[^.!?\n]{{0,40}}?"
            r"\b(?:should|deserves?\s+to|ought\s+to)\s+(?:all\s+)?(?:die|rot|hang|be\s+(?:shot|hanged|hung|killed|executed))\b"
            rf"{_NOT_HUNG_UP}(?!\s+of\s+(?:shame|embarrassment)\b)"
            r"|\bkill\s+yo?urself\b|\bkys\b|\bdie\s+in\s+a\s+(?:fire|ditch|hole)\b|\bdrop\s+dead\b"
            # Told to die: "go and die you worthless nurse", "just go die". Not "they sent him home
            # to go and die", which is a complaint about care.
            r"|(?:^|(?<=[.!?,;:\n])\s*)(?:(?:just|please|why\s+don'?t\s+you|you\s+should|you\s+can)\s+){0,2}go\s+(?:and\s+|&\s+)?die\b"
            r"|\bgo\s+(?:and\s+|&\s+)?die\s+(?:you|u|ya|already|in\s+a)\b"
            r"|\bhope\s+(?:\w+\s+){1,8}(?:gets?|get)\s+(?:hit\s+by\s+a\s+(?:bus|car|train)|cancer|killed|stabbed|run\s+over|what'?s\s+coming)\b"
            r"|\bhope\s+(?:someone|somebody)\s+(?:\w+\s+)?(?:throws\s+acid\b|(?:stabs|shoots|kills|batters|beats\s+up|attacks"
            rf"|punches|glasses)\s+{_VICTIM}\b|runs\s+{_VICTIM}\s+over\b)"
            rf"|\b{_TARGET}\s*(?:deserves?|will\s+get|'ll\s+get)\s+(?:what'?s|everything(?:\s+that'?s)?)\s+coming\b"
            # Violence said to be deserved: "the midwife deserves a slap", "he wants his head kicking in".
            # Not "needs a kick up the backside", which asks for a push, not a beating.
            rf"|\b{_TARGET}\s+(?:deserves?|needs?|wants?|could\s+do\s+with)\s+(?:a\s+(?:good\s+|proper\s+|right\s+)?"
            r"(?:slap|smack|punch|kicking|beating|hiding|battering|leathering|pasting|thump|clip\s+round\s+the\s+ear)"
            r"|(?:his|her|their|your)\s+heads?\s+(?:kicked|kicking|smashed|caved|bashed|punched)\s+in)\b"
        ),
        tier=Tier.HARMFUL,
        route=Route.SAFETY_RISK,
        urgent=True,
    ),
)
