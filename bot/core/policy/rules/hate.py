"""Tier 1 rules: slurs, incitement and hatred of a group, refusing care for who staff are
(MSE Appendix C row 1; SSOT 5.1)."""

from __future__ import annotations

import re

from bot.core.models import Tier
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.people import (
    _ALL_THE,
    _CARE_ROLE,
    _DEGRADING,
    _DEGRADING_ADJECTIVE,
    _GROUP,
    _GROUP_LABEL,
    _GROUP_MEMBER,
    _GROUP_ONE,
    _GROUP_PEOPLE,
    _GROUP_WORD,
    _INSULT,
    _NOT_AFTER_PREPOSITION,
    _NOT_SEX_OR_AGE,
    _SAID_OF_A_SERVICE_TOO,
    _SLURS,
    _SOMEONE_ELSE,
    _THEY_ARE,
    _VICE,
)
from bot.core.policy.rules.phrasing import (
    _CLAUSE_END,
    _HARMED,
    _KILL,
    _URGED,
    _WISHED_ON_ALL,
)

HATE: tuple[Rule, ...] = (
    Rule(
        "hate.slur",
        "hate speech: a slur against a protected characteristic",
        re.compile(rf"\b{_SLURS}\b"),
        tier=Tier.HARMFUL,
        folded=True,
    ),
    Rule(
        "hate.incitement",
        "inciting hatred on the basis of race, religion, gender, nationality or sexuality",
        re.compile(
            rf"\b(?:all|these|those|bloody|filthy|dirty)\s+(?:{_GROUP}|polish)\s+(?:should|must|need\s+to|are\s+(?:scum|vermin|animals|parasites|disgusting|the\s+problem))\b"
            rf"|\b(?:send|kick|ship)\s+(?:them|(?:all\s+|the\s+|these\s+|those\s+)(?:{_GROUP}|polish))\s+(?:back|out|home)\b"
            # "Send them all back on the next boat"; not "send them all back" of faulty masks.
            r"|\b(?:send|ship|put)\s+(?:them|'?em)\s+(?:all\s+)?(?:back|home)\s+(?:on|in)\s+(?:the\s+|a\s+)?(?:next\s+|first\s+)?"
            r"(?:boat|dinghy|dinghies|plane|flight|rubber\s+boat)\b"
            r"|\bdeport\s+(?:them\s+all|'?em\s+all|every\s+(?:single\s+|last\s+)?(?:one\s+of\s+them|illegal|immigrant"
            r"|migrant|foreigner|refugee|asylum\s+seeker)|all\s+(?:the\s+|these\s+|those\s+)?(?:illegals|immigrants|migrants"
            r"|foreigners|refugees|asylum\s+seekers))(?!\s+(?:who|that|with|convicted|found)\b)"
            r"|\bgo\s+back\s+to\s+(?:your|ur)\s+(?:own\s+)?country\b|\bgo\s+back\s+(?:to\s+)?where\s+(?:you|u|they)\s+came\s+from\b"
        ),
        tier=Tier.HARMFUL,
    ),
    # "Muslims are vermin", "I hate gay people", "trans people should all die": a whole group
    # abused for who they are. "Not all Muslims are terrorists" and "Muslims are not terrorists"
    # do not match; quoting it to condemn it is exempt, like a quoted insult.
    Rule(
        "hate.generalisation",
        "abuse of a whole group for their race, religion, sex, sexuality, gender identity, disability or age",
        re.compile(
            # One pass over the group names serves "X are …", "X should …" and "X disgust me".
            rf"\b(?={_GROUP})(?<!not\sall\s)(?<!not\severy\s){_NOT_AFTER_PREPOSITION}{_GROUP}"
            # "… like you", or the group given power: "… in charge are a threat to civilisation".
            r"(?:\s+like\s+(?:you|them)|\s+(?:in\s+(?:power|charge|government|office)|with\s+(?:any\s+)?power))?"
            r"\s+(?:(?:really|truly|honestly|genuinely)\s+)?(?:(?:are|r|=)\s+"
            r"(?:(?:all|just|nothing\s+but|a\s+bunch\s+of|such|so|fucking|bloody|literally|absolutely|utterly"
            r"|truly|really|completely|totally|pretty|simply|still|always|no\s+more\s+than|absolute|utter|complete"
            r"|total|massive|huge|common|seriously)\s+){0,3}"
            rf"(?:an?\s+)?(?:{_DEGRADING}|{_INSULT})"
            r"|(?:are|r)\s+(?:(?:all|just|so|such|that|really|always|naturally|inherently|basically)\s+){0,3}"
            rf"{_VICE}(?={_CLAUSE_END}|\s+(?:and|people|scum|bastards|without\s+exception|by\s+nature)\b)"
            # "… are a burden on society", "… being in charge is a danger to our country".
            # "… are draining our NHS dry", "… are killing our patients".
            r"|(?:are|r)\s+(?:draining|bleeding)\s+(?:our\s+|the\s+)?(?:nhs|country|economy|resources|us)\b"
            r"|(?:are|r)\s+(?:\w+\s+)?killing\s+(?:our\s+|the\s+)?(?:patients|people|us|kids|children|babies)\b"
            # "… are ruining our hospitals", "… are taking over the country".
            r"|(?:are|r)\s+(?:(?:all|just|slowly)\s+)?(?:ruining|destroying|wrecking|invading|overrunning|infesting"
            r"|taking\s+over)\s+(?:our\s+|the\s+|this\s+)?(?:nhs|country|hospitals?|society|britain|uk|england|towns?"
            r"|communities|government|parliament|streets|schools)\b"
            # "… (are) leeching off our NHS", "… spread disease".
            r"|(?:(?:are|r)\s+)?(?:(?:all|just|only)\s+)?(?:leeching|sponging|scrounging|freeloading)\s+(?:off|on|from)\b"
            r"|(?:all\s+)?(?:spread|carry|bring\s+in)\s+(?:diseases?|germs|filth|aids)\b"
            # Barred from working or living here for who they are: "Muslims shouldn't work in the NHS",
            # "women shouldn't be surgeons".
            r"|(?:should(?:n'?t|\s+not)|must(?:n'?t|\s+not))\s+(?:be\s+(?:allowed|permitted|let)\s+(?:to\s+)?)?"
            r"(?:work|live|be\s+employed|be\s+hired|exist)\s+(?:in\s+(?:the\s+|our\s+|this\s+)?(?:nhs|country|uk|britain"
            r"|england|hospitals?|healthcare)|here|anywhere)"
            r"|(?:should(?:n'?t|\s+not)|must(?:n'?t|\s+not))\s+be\s+(?:surgeons|doctors|nurses|consultants|gps|paramedics"
            r"|in\s+charge|allowed\s+to\s+(?:work|practi[sc]e|operate))\b"
            r"|should\s+be\s+(?:banned|barred)\s+from\s+(?:working\s+in\s+)?(?:the\s+|our\s+)?(?:nhs|country|uk|hospitals?"
            r"|healthcare|medicine|nursing)\b"
            rf"|(?:are|r)\s+(?:all\s+|just\s+)?a\s+liability(?={_CLAUSE_END})"
            r"|(?:are|r|being\s+(?:\w+\s+){1,3}?is)\s+(?:all\s+|just\s+)?(?:a\s+)?(?:burden|drain|danger|threat|menace)"
            r"\s+(?:on|to)\s+(?:our\s+|the\s+|this\s+)?(?:society|nhs|country|taxpayers?|economy|nation|children|kids"
            r"|britain|uk|england|everyone|us|way\s+of\s+life|civili[sz]ation|humanity|the\s+(?:world|west))"
            # "… are the absolute worst."; "… are the worst affected" goes on to say by what.
            rf"|(?:are|r)\s+the\s+(?:(?:absolute|very|actual)\s+)?worst(?={_CLAUSE_END})"
            # "… can all go fuck themselves", "… should go to hell".
            r"|(?:can|should|could|may)\s+(?:all\s+|just\s+)?(?:go\s+)?(?:fuck|screw)\s+themselves"
            r"|(?:can|should)\s+(?:all\s+|just\s+)?go\s+to\s+hell"
            # Their lives denied: "… do not deserve to live", "… are not worthy of living".
            r"|(?:do(?:n'?t|\s+not)|does(?:n'?t|\s+not))\s+deserve\s+to\s+(?:live|exist|be\s+alive|breathe|be\s+born)"
            r"|(?:are|r)(?:\s+not|n'?t)\s+(?:even\s+)?worthy\s+of\s+(?:living|life|breathing|respect|being\s+(?:alive|human))"
            r"|(?:act|behave)\s+like\s+(?:animals|vermin|savages|apes|monkeys|pigs|rats|dogs|cockroaches)"
            # "… don't belong in this country", "… do not belong on this earth".
            r"|(?:(?:do|does|should)(?:\s+not|n'?t)|never)\s+belong\s+(?:on\s+this\s+(?:earth|planet)"
            r"|in\s+(?:this|our)\s+(?:country|society|world)|in\s+(?:the\s+)?(?:uk|britain|england))"
            # "… are without a doubt the stupidest people", "… are the most violent of all".
            r"|(?:are|r)\s+(?:\w+\s+){0,4}?(?:the\s+)?(?:stupidest|dumbest|thickest|laziest|dirtiest|ugliest|worst\s+(?:people"
            r"|humans|kind)|most\s+(?:disgusting|violent|stupid|useless|pathetic|vile|dangerous|evil|inferior))"
            # "… can never be trusted", "… will never be as smart as anyone else".
            r"|(?:can'?t|cannot|can\s+never|will\s+never|could\s+never)\s+(?:ever\s+)?(?:be\s+trusted|be\s+as\s+(?:smart"
            r"|clever|good|intelligent|capable)|be\s+(?:a\s+)?(?:valuable|useful"
            r"|decent|proper|real)\b)"
            rf"|(?:should|must|need\s+to|deserve\s+to|ought\s+to)\s+(?:all\s+)?{_WISHED_ON_ALL}"
            r"|(?:disgust|sicken|repulse|revolt)s?\s+me"
            r"|make\s+me\s+(?:(?:so|feel|physically)\s+)?(?:sick|vomit|puke|retch|furious|angry|livid|ill))\b"
            # The group named, then abused through a pronoun: "Muslims? They are vermin", "most of
            # them are disgusting", "… so we should get rid of them". Within a short reach only.
            # One of a group counts too: "no female doctor is examining him, they're dirty".
            # Words also said of a service ("a disgrace", "pathetic"), insults and vices count only
            # when nothing else "they" could be comes between: "disabled patients waited six hours,
            # they are pathetic" speaks of whoever kept them waiting.
            rf"|\b(?:{_GROUP_PEOPLE}|{_GROUP_MEMBER})\b[^\n]{{0,80}}?{_THEY_ARE}"
            rf"(?!{_SAID_OF_A_SERVICE_TOO}\b)(?:{_DEGRADING}|(?:human\s+)?garbage"
            r"|(?:act|behave)\s+like\s+(?:animals|vermin|savages|apes|monkeys|pigs|rats|dogs|cockroaches)"
            r"|(?:spread|carry)\s+(?:diseases?|germs|aids))\b"
            rf"|\b(?:{_GROUP_PEOPLE}|{_GROUP_MEMBER})\b(?:(?!{_SOMEONE_ELSE})[^\n]){{0,80}}?{_THEY_ARE}"
            rf"(?:{_SAID_OF_A_SERVICE_TOO}|{_INSULT}|disgust(?:s|ing)?\s+me|{_VICE}(?={_CLAUSE_END}))\b"
            # (Not when the group is who was failed and "they" someone else: "elderly patients are
            # left to die, the government might as well shoot them".)
            rf"|\b{_GROUP_PEOPLE}\b(?:(?!{_SOMEONE_ELSE})[^\n]){{0,80}}?\b(?:get\s+rid\s+of|{_KILL})\s+"
            r"(?:all\s+of\s+|every\s+(?:single\s+)?one\s+of\s+)?them\b"
            rf"|\b{_GROUP_PEOPLE}\b(?:(?!{_SOMEONE_ELSE})[^\n]){{0,80}}?\b(?:they|who)\s+(?:should|must|ought\s+to|deserve\s+to|need\s+to)\s+(?:all\s+|just\s+)?"
            rf"(?:{_WISHED_ON_ALL}|be\s+{_HARMED}|suffer)\b"
            # A group's lives said to be worth nothing: "… lives are not worth protecting".
            rf"|\b{_GROUP_WORD}\s+(?:lives|life|people)\s+(?:(?:are|is|do|does|should)(?:\s+not|n'?t)\s+(?:be\s+)?"
            r"(?:worth\s+(?:\w+ing|anything|saving|shit|a\s+(?:thing|damn|penny))|matter|important|valuable)"
            r"|(?:are|is)\s+worth\s+(?:absolutely\s+|literally\s+)?(?:nothing|less\s+than)"
            r"|(?:are|is)\s+(?:(?:all|just|completely|totally|utterly)\s+)?worthless)\b"
            rf"|\bno\s+{_GROUP_WORD}\s+(?:\w+\s+)?(?:can|will|could)\s+(?:ever\s+)?be\s+(?:a\s+)?(?:valuable|useful|decent"
            r"|trusted|good)\b"
            r"|\bi\s+(?:(?:fucking|really|absolutely|truly|just|genuinely|honestly|totally|utterly|bloody)\s+){0,2}"
            rf"(?:hate|despise|detest|loathe|abhor|can'?t\s+stand|cannot\s+stand)\s+(?:all\s+)?(?:the\s+)?{_GROUP}\b"
            r"(?!\s+(?:being|who|that|getting|having|in\s+pain|waiting|left|treated|ignored|suffer))"
            r"|\bi\s+(?:have|feel)\s+(?:(?:so\s+much|nothing\s+but|such|only|pure|utter|total|complete|absolute)\s+)?"
            r"(?:hatred|contempt|disdain|disgust|scorn|loathing)"
            rf"\s+(?:for|towards?)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+|you\s+)?{_GROUP}\b"
            r"|\b(?:hatred|contempt|disdain|disgust|scorn|loathing)\s+(?:that\s+)?i\s+(?:feel|have)\s+(?:for|towards?)\s+"
            rf"(?:all\s+)?(?:the\s+|these\s+|those\s+|you\s+)?{_GROUP}\b"
            # The antisemitic trope of a hidden hand: "Jews control the pharmaceutical industry".
            r"|\b(?:the\s+)?jews?\s+(?:secretly\s+)?(?:control|controls|run|runs|own|owns|are\s+behind)\s+(?:the\s+|all\s+the\s+|our\s+)?"
            r"(?:media|banks?|banking|world|pharma\w*|government|nhs|money|industry|everything|big\s+pharma|medicine"
            r"|hollywood|covid|pandemic|vaccines?|virus)\b"
            # "Death to all …"; not "death to the elderly care cuts": the group ends the clause, or
            # who they are follows.
            rf"|\bdeath\s+to\s+{_ALL_THE}{_GROUP}"
            rf"(?={_CLAUSE_END}|\s+(?:in|who|like|everywhere|and|or|now)\b)"
            # "So sick of immigrants.", "sick of being around gay people like you"; not "sick of
            # women being ignored", where the clause goes on to what is done to them.
            r"|\b(?:sick|tired)\s+(?:and\s+tired\s+)?of\s+(?:(?:being\s+around|seeing|all)\s+)?(?:the\s+|these\s+|those\s+)?"
            rf"{_GROUP}(?:\s+like\s+(?:you|them))?(?=\s*(?:[.!?,;:]|$))"
            # "We must not let any Muslim live", "don't let a single immigrant live".
            r"|\b(?:not|never|\w+n'?t)\s+let\s+(?:any|a\s+single|another|one)\s+(?:more\s+)?"
            rf"(?:{_GROUP_WORD}(?:\s+(?:person|man|woman|child|one))?|woman|man|immigrant|migrant|refugee|foreigner)"
            r"\s+live(?=\s*(?:[.!?,;:]|$))"
            rf"|\b(?={_KILL}\s)(?:{_URGED}){_KILL}\s+(?:{_ALL_THE}(?:kinds?\s+of\s+)?{_GROUP}"
            rf"|every\s+(?:single\s+|last\s+)?{_GROUP_ONE})\b"
            # Put as a question or a wish: "what if we just killed all the …", "if only we gassed …".
            rf"|\b(?:what\s+if|if\s+only)\s+we\s+(?:just\s+|all\s+)?{_HARMED}\s+(?:all\s+|every\s+)?(?:the\s+|these\s+|those\s+)?"
            rf"(?:{_GROUP}|{_GROUP_ONE})"
            rf"|\b(?:wish|hope|pray)\s+(?:that\s+)?{_ALL_THE}{_GROUP}\s+(?:would|will|could|get|got|were)"
            rf"\s+(?:all\s+)?(?:be\s+|get\s+)?(?:{_HARMED}|dead|die|burn|rot)\b"
            # "… like you should all be dead", "in a just world … would all be shot".
            rf"|\b{_GROUP}\s+like\s+(?:you|them)\s+(?:would|should|will)\s+(?:all\s+)?be\s+(?:dead|{_HARMED})\b"
            rf"|\bin\s+a\s+(?:just|fair|better|perfect|decent)\s+world,?\s+{_ALL_THE}"
            rf"{_GROUP}\s+(?:would|'d|will)\s+(?:all\s+)?(?:be\s+(?:dead|{_HARMED}|locked\s+up)|die)\b"
            # An end to them all: "we will put an end to all …", "end every …'s life".
            rf"|\bput\s+an\s+end\s+to\s+{_ALL_THE}{_GROUP}"
            r"(?=\s*(?:[.!?,;:]|$)|\s+(?:once|for\s+good|like|who)\b)"
            rf"|\bend\s+(?:every|all)\s+(?:single\s+)?(?:{_GROUP_ONE}'s|{_GROUP}'?)\s+(?:life|lives)\b"
            rf"|\b{_DEGRADING_ADJECTIVE}\s+(?:(?:fucking|bloody|f\*+ing)\s+)?{_GROUP_PEOPLE}\b"
            # "The world would be better off without Muslims"; "I'm better off without men" is not about all.
            r"|\b(?:world|country|society|britain|england|uk|nhs|everyone|everybody|we|life)\s+(?:would|will|'?d)\s+be"
            rf"\s+(?:so\s+much\s+|much\s+|a\s+lot\s+|far\s+)?better\s+(?:off\s+)?without\s+{_ALL_THE}{_GROUP}\b"
            # "Get rid of" or "fuck" a group, but not "get rid of the disabled bays" or "fuck the
            # elderly care backlog": the group ends the clause.
            rf"|\b(?:get\s+rid\s+of|fuck|screw)\s+{_ALL_THE}(?:kinds?\s+of\s+)?"
            rf"{_GROUP}"
            r"(?=\s*(?:[.!?,;:]|$)|\s+(?:once|for\s+good|from|and|or|now|already|too|altogether|entirely|completely)\b)"
            rf"|\b(?:love|like|want|wish|hope|glad)\s+to\s+see\s+{_ALL_THE}(?:kinds?\s+of\s+)?"
            rf"{_GROUP}\s+(?:suffer|die|burn|rot|hang|dead|{_HARMED})\b"
            # Killing offered as the answer to a group: "a bullet is the best answer for …".
            r"|\b(?:execution|extermination|genocide|death|a\s+bullet|the\s+gas\s+chambers?|killing\s+them(?:\s+all)?)"
            r"\s+(?:is|are)\s+the\s+(?:only|final|best|real|one)\s+(?:solution|answer|cure|option)\s+(?:for|to)\s+"
            rf"{_ALL_THE}(?:kinds?\s+of\s+)?{_GROUP}\b"
            # "Better off if they were wiped out" wishes it; "black women were sterilised" reports it.
            rf"|\bif\s+(?:only\s+)?{_ALL_THE}{_GROUP}(?:\s+like\s+(?:you|them))?(?:\s+all)?\s+"
            rf"(?:(?:were|was|got)\s+(?:all\s+)?(?:{_HARMED}|dead)|had\s+their\s+throats?\s+(?:cut|slit))\b"
            # A dehumanising noun for all of them: "Muslim vermin", "gay filth".
            rf"|\b{_GROUP_LABEL}\s+(?:vermin|scum|trash|filth|parasites|savages|cockroaches|sub-?humans?|degenerates)\b"
            rf"|\bnothing\s+(?:is\s+)?worse\s+than\s+(?:an?\s+)?{_GROUP_ONE}(?={_CLAUSE_END})"
            # "Disgusted by all the … around here"; not "disgusted by the disabled parking".
            rf"|\b(?:disgusted|repulsed|sickened)\s+by\s+{_ALL_THE}"
            rf"{_GROUP}(?=\s*(?:[.!?,;:]|$)|\s+(?:around|in|on|at|here|everywhere|like|who\s+think)\b)"
            rf"|\bonly\s+(?:the\s+)?{_GROUP}\s+(?:can|could|would)\s+(?:ever\s+)?be\s+(?:so|that|this|such)\s+(?:an?\s+)?"
            rf"(?:{_VICE}|{_DEGRADING}|{_INSULT})\b"
            rf"|\bin\s+(?:(?:an?\s+)?{_GROUP_ONE}'s|{_GROUP}(?:'s|'))\s+nature\s+to\s+be\s+"
            rf"(?:(?:so|such|an?|absolutely|really|annoying)\s+){{0,3}}(?:{_VICE}|{_DEGRADING}|{_INSULT}|criminals?)\b"
            rf"|\btypical\s+(?:of\s+)?(?:an?\s+)?(?:{_GROUP}|{_GROUP_ONE})(?:'s)?\s+to\s+be\s+(?:(?:so|that|this|such|an?)\s+){{0,2}}"
            rf"(?:{_VICE}|{_DEGRADING}|{_INSULT})\b"
            rf"|\bi\s+find\s+{_ALL_THE}{_GROUP}\s+"
            rf"(?:(?:so|really|absolutely|utterly|truly|pretty|quite|just|totally)\s+)?(?:{_DEGRADING}|{_VICE})(?={_CLAUSE_END})"
            # Worth less than an animal: "my dog is smarter than any …", "a rat's life is worth more".
            r"|\b(?:dogs?|cats?|monkeys?|apes?|pigs?|rats?|goldfish|hamsters?|insects?|cockroach(?:es)?|chimps?|donkeys?)"
            r"(?:'s\s+life)?\s+(?:is|are|has)\s+(?:\w+\s+)?(?:smarter|cleverer|brighter|more\s+(?:intelligent|valuable"
            r"|useful|civili[sz]ed|human)|worth\s+more)\s+than\s+(?:that\s+of\s+)?(?:(?:any|all|every|the\s+average|most|an?)\s+)?"
            rf"(?:(?:of\s+)?(?:you|them|those|these)\s+)?(?:{_GROUP}|{_GROUP_ONE})"
            rf"|\bi\s+care\s+more\s+about\s+[^.!?\n]{{1,40}}?\s+than\s+(?:about\s+|for\s+)?(?:any\s+|all\s+)?"
            rf"(?:the\s+|these\s+|those\s+)?{_GROUP}(?={_CLAUSE_END})"
            rf"|\b(?:human\s+)?rights\s+(?:should(?:n'?t|\s+not)|must(?:n'?t|\s+not))\s+(?:\w+\s+)?apply\s+to\s+"
            rf"(?:any\s+|all\s+)?(?:the\s+|these\s+|those\s+)?{_GROUP}"
            # No place for them on earth, or in this country for any of them or "… like you".
            r"|\bno\s+(?:place|room|space)\s+(?:left\s+)?(?:on\s+(?:this|the|god'?s)\s+(?:earth|planet)\s+for\s+(?:any\s+)?"
            rf"(?:more\s+)?(?:the\s+|these\s+|those\s+)?(?:{_GROUP}|{_GROUP_ONE})"
            r"|(?:in\s+(?:this|our|the)\s+(?:country|world|society|nhs|uk|britain)|here)\s+for\s+"
            rf"(?:any\s+(?:more\s+)?(?:{_GROUP}|{_GROUP_ONE})(?={_CLAUSE_END})"
            rf"|(?:the\s+|these\s+|those\s+)?(?:{_GROUP}|{_GROUP_ONE})\s+like\s+(?:you|them|her|him)))"
            rf"|\b{_GROUP_PEOPLE}\b[^\n]{{0,80}}?\bi\s+(?:(?:really|just|absolutely|fucking)\s+)?(?:hate|despise|loathe|detest"
            rf"|can'?t\s+stand)\s+(?:every\s+(?:single\s+)?one\s+of\s+them|(?:all\s+of\s+)?them(?:\s+all)?)(?={_CLAUSE_END})"
        ),
        tier=Tier.HARMFUL,
        folded=True,
    ),
    # Refusing care from staff for who they are ("no Muslim nurse is touching my mum") abuses those
    # staff. Sex, age and pregnancy are left out: asking for a female nurse for intimate care, or
    # saying a pregnant nurse should not be on a covid ward, are fair requests.
    Rule(
        "hate.refusing_care",
        "refusing care from staff for their race, religion, sexuality, gender identity or disability",
        re.compile(
            # "No X nurse is touching…" refuses; "there's no Polish doctor at the surgery now" and "no
            # black doctors in senior roles" do not, so the bare "no" needs the act of care after it.
            r"\b(?:(?P<bare>no)|not\s+(?:having|letting|accepting)\s+(?:a|an|any)"
            r"|(?:i|we)\s+(?:don'?t|do\s+not|won'?t|will\s+not)\s+(?:want|have|accept)\s+(?:a|an|any))"
            rf"\s+{_NOT_SEX_OR_AGE}{_GROUP_WORD}\s+"
            rf"{_CARE_ROLE}s?\b"
            r"(?(bare)(?:'s|'ll|\s+(?:is|are|will|shall|should))?\s+(?:ever\s+)?(?:touch|treat|see|go(?:es|ing)?\s+near"
            r"|com(?:es?|ing)\s+near|look(?:s|ing)?\s+after|lay(?:s|ing)?\s+a\s+finger|operat|examin|deliver|wash|nurs"
            r"|car(?:es?|ing)\s+for)\w*)"
            # Staff barred for who they are: "Muslim doctors should be banned from treating women",
            # "gay nurses shouldn't be allowed on the children's ward". Sex and age are left out: "male
            # doctors shouldn't be allowed to do intimate exams without a chaperone" is a fair view.
            rf"|\b{_NOT_SEX_OR_AGE}{_GROUP_WORD}\s+{_CARE_ROLE}s?\s+"
            r"(?:(?:should(?:n'?t|\s+not)\s+be\s+(?:allowed|permitted|let)|should\s+be\s+(?:banned|barred|stopped))"
            r"\s+(?:to\s+|from\s+)?(?:treat|touch|examin|work|near|on\s+(?:the\s+)?[\w'’]+\s+wards?|look\s+after|care\s+for"
            r"|nurs|deliver|operat|see\b|be\s+(?:near|around|on))\w*"
            r"|should\s+be\s+kept\s+(?:away\s+from|out\s+of|off)\b)"
        ),
        tier=Tier.HARMFUL,
        folded=True,
    ),
)
