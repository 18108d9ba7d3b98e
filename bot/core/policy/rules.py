"""The first rule set: lexicons and patterns for the policy's categories.

Each rule names the policy category it implements, in the words of MSE Appendix B/C and SSOT 5.1,
so a card can say why it fired. Patterns run over lower-cased text; rules marked `folded` run over
it with disguises such as "1d10t", "c*nt" and "c u n t" undone (`disguises.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.models import Route, Tier
from bot.core.policy.disguises import APE_TOKEN


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern[str]
    tier: Tier | None = None
    route: Route | None = None
    urgent: bool = False
    folded: bool = False  # match against text with disguises undone (abuse terms), not plain text


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# The people who give care, one of them (refusals of care, one member of a group), and staff
# of any number (whom an insult is aimed at).
_CARE_ROLES = (
    *("nurse", "doctor", "gp", "carer", "midwife", "surgeon", "paramedic", "consultant", "dentist", "physio"),
    *("porter", "receptionist"),
)
_CARE_ROLE = "(?:" + "|".join(_CARE_ROLES) + ")"
_STAFF_ROLE = rf"(?:{_CARE_ROLE}s?|midwives|managers?)"

# People a remark can be aimed at: second person, staff, or a third person.
_TARGET = _words(
    r"you\s+(?:people|lot|lots|lads|guys|two|all)",
    r"you",
    r"u",
    r"ya",
    r"your\s+\w+",
    r"ur",
    r"you'?re",
    r"youre",
    rf"(?:the|your|these|those|all|that|this)\s+(?:\w+\s+)?(?:staff|{_STAFF_ROLE}|team|lot)"
    # ... and where they work: "the GP at Oak Lane", "the nurses on ward 3".
    rf"(?:\s+(?:at|on|in|from)\s+(?:the\s+)?(?:[\w'’&-]+\s+){{0,2}}?[\w'’&-]+(?=\s+(?:is|are|was|were)\b))?",
    r"(?:he|she|they)(?:'?s|'?re)?",
    r"him",
    r"her",
    r"them",
)
_INSULT = _words(
    r"idiots?",
    r"morons?",
    r"scum(?:bags?)?",
    r"cows?",
    r"liars?",
    r"disgrace\s+of\s+a\s+(?:human\s+being|person|man|woman)",
    r"waste\s+of\s+(?:space|oxygen|skin)",
    r"cunts?",
    r"twats?",
    r"bitch(?:es)?",
    r"pricks?",
    r"wankers?",
    r"bastards?",
    r"dickheads?",
    r"dicks?",
    r"arseholes?",
    r"assholes?",
    r"retards?",
    r"cripples?",
    r"parasites?",
    r"vermin",
    r"trash(?!\s+(?:talk\w*|cans?|bags?|bins?))",
    r"pigs?",
    r"clowns?",
    r"imbeciles?",
    r"cretins?",
    r"pathetic\s+\w+",
    r"useless\s+(?:\w+\s+)?(?:cow|bitch|prat|idiot|pig)s?",
    r"slags?",
    r"sluts?",
    r"whores?",
    r"nonces?",
    r"paedos?",
    r"pedos?",
    # British ones: "a clueless muppet", "you absolute pillock".
    r"muppets?",
    r"numpt(?:y|ies)",
    r"pillocks?",
    r"plonkers?",
    r"prats?",
    r"tossers?",
    r"knob(?:head|end)?s?",
    r"bell\s*ends?",
    r"gits?",
    r"half\s*wits?",
    r"dim\s*wits?",
    r"nit\s*wits?",
    r"buffoons?",
    r"murderers?",
)
# Whoever answers on the page: "the admin of this page", "whoever runs this page". Not one of the
# targets above: an alternative that may begin with "a" or "p" makes every pattern that holds
# _TARGET try far more places in a comment (a third slower); its own alternative is gated on it.
_PAGE_ADMIN = (
    r"(?:(?:the\s+)?(?:page\s+)?admins?(?:\s+(?:of|on|for)\s+(?:this|the)\s+(?:page|group|account))?"
    r"|(?:whoever|the\s+(?:person|idiot|clown)\s+(?:who'?s|who\s+is|who))\s+(?:is\s+)?(?:runs?|running|manages?|managing"
    r"|writes?|writing|does|doing)\s+(?:this|the|your)\s+(?:page|account|posts?|social\s+media))"
)
_INSULT_ADJECTIVE = _words(
    r"absolute",
    r"total",
    r"complete",
    r"utter",
    r"fucking",
    r"f\w*ing",
    r"bloody",
    r"stupid",
    r"fat",
    r"ugly",
    r"lazy",
    r"thick",
    r"useless",
    r"lying",
    r"spineless",
    r"worthless",
    r"disgusting",
    r"pathetic",
    r"little",
    r"brain\s*dead",
    # Said of a person, as in "miserable cow", "smug prick" ("old" only after one of these:
    # "silly old git", not "that old trash" of a video game).
    r"miserable",
    r"silly",
    r"daft",
    r"sour",
    r"grumpy",
    r"smug",
    r"arrogant",
    r"rude",
    r"nasty",
    r"horrible",
    r"jumped[\s-]up",
)


def _lookbehinds(phrases: Iterable[str], sign: str) -> list[str]:
    """One fixed-width lookbehind per phrase and a space after it, `(?<=…)` for sign "=" and
    `(?<!…)` for "!"; the phrase's words one space apart (Python allows no variable-width one)."""
    spaced = (r"\s".join(map(re.escape, phrase.split())) for phrase in phrases)
    return [rf"(?<{sign}\b{phrase}\s)" for phrase in spaced]


_NOT_SMOKING = "".join(
    _lookbehinds(
        (
            *("smoking", "smoked", "smoke", "smokes", "packet of", "pack of", "box of", "twenty", "for a"),
            *(
                f"{verb} a"
                for verb in ("smoked", "smoking", "have", "had", "having", "lit", "light", "roll", "rolled")
            ),
            *(f"{verb} a" for verb in ("spark", "sparked", "fancy", "cadge", "cadged", "bum", "nip out for")),
            # Giving them up, which stop-smoking posts are about: "I gave up the fags", "off the fags".
            *(
                f"{verb}{article}"
                for verb in ("quit", "quitting", "stopped", "give up", "gave up", "given up", "giving up")
                for article in ("", " the", " my")
            ),
            *("off the", "on the", "smoke the"),
        ),
        "!",
    )
)
_SLURS = _words(
    r"n[i]gg(?:er|a|ah)s?",
    # British English smokes "a fag" and eats "faggots and peas": those senses are not slurs.
    rf"(?=fag){_NOT_SMOKING}fags?(?!\s+(?:breaks?|ends?|butts?|ash|packets?|smoke|lighter|in\s+(?:his|her|my|their|your)\s+mouth)\b)",
    # Faggots are eaten: "faggots and peas", "faggots, mash and gravy", "pork faggots for tea".
    r"(?=fag)(?<!\bpork\s)(?<!\bhomemade\s)(?:fagg(?:ot)?s?|fagots?)"
    r"(?!,?\s+(?:(?:and|with|in)\s+)?(?:peas|gravy|mash|chips|onions?)|\s+for\s+(?:tea|dinner|lunch|supper))",
    r"pak[i]s?",
    r"chinks?",
    r"spics?",
    r"kikes?",
    r"wogs?",
    r"coons?",
    r"tr[a]nn(?:y|ies)",
    r"gyppos?",
    r"pikeys?",
    r"ragheads?",
    r"towelheads?",
    r"golliwogs?",
    r"sambos?",
    r"muzz(?:ie|y)s?",
    r"poofs?",
    r"poofters?",
    r"batty\s*boys?",
    r"shemales?",
    r"spaz(?:zes)?",
    r"spackers?",
    # The old words for people with Down's syndrome ("Mong Kok" is a place in Hong Kong).
    r"(?<!-)mong(?!\s+kok)s?",  # not "a-mong", spelt out
    r"mongoloids?",
    r"yids?",
    r"wetbacks?",
    r"chinkys?",
    r"nig-?\s?nogs?",
    r"jungle\s+bunn(?:y|ies)",
    r"rapefugees?",
    # A monkey or ape emoji, as disguises.py reads one aimed at people.
    APE_TOKEN,
)

# A protected group (Equality Act 2010: race and nationality, religion or belief, sex, sexual
# orientation, gender reassignment, disability, age) named as a whole, for the generalisation rule.
_GROUP_NAMES = (
    *("black", "white", "brown", "asian", "muslim", "jewish", "christian", "catholic", "hindu", "sikh"),
    *("gay", "lesbian", "bisexual", "transgender", "trans", "disabled", "autistic", "deaf", "old"),
    *("elderly", "foreign", "immigrant", "migrant", "polish", "romanian", "chinese", "indian"),
    *("pakistani", "african", "arab", "irish", r"eastern\s+european", "caribbean", r"mixed[\s-]race"),
    *("straight", r"lgbtq?\+?", "queer", r"non[\s-]?binary", "young", "older", "blind", "pregnant"),
    *("male", "female", "homosexual", "heterosexual", "teenage"),
)
_GROUP_WORD = _words(*_GROUP_NAMES)
# Those close enough to abuse: a safeguarding disclosure names one of them ("my stepdad …").
_KIN = (
    r"(?:my|our)\s+(?:partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|ex|dad|father|mum|mother|step\s*dad|step\s*mum"
    r"|step\s*father|step\s*mother|son|daughter|brother|sister|uncle|aunt|cousin|grandad|grandpa|carer|neighbour|teacher"
    r"|coach|landlord)"
)
# Asking for a carer of one sex or of some experience is a fair request, not a refusal for who
# they are: the group words care may be chosen by.
_NOT_SEX_OR_AGE = r"(?!(?:old|older|elderly|young|pregnant|male|female|teenage)\b)"
# Group words that come before "men" or "women" ("young men", "Muslim women"): the one-word names.
_GROUP_HEAD_BEHIND = "".join(_lookbehinds((name for name in _GROUP_NAMES if name.isalpha()), "!"))
_GROUP_PEOPLE = _words(
    rf"{_GROUP_WORD}\s+(?:people|men|women|folk|lot|families|patients|staff|nurses|doctors|carers|paramedics"
    r"|midwives|consultants|gps|surgeons|pharmacists|dentists|receptionists|workers|students|mums|mothers|dads|fathers)",
    r"(?:moslem|muslim|jew|christian|catholic|hindu|sikh|buddhist|atheist|immigrant|migrant|foreigner"
    r"|refugee|homosexual|bisexual|transgender|lesbian|gay|black|asian|indian|pakistani|bangladeshi"
    r"|african|nigerian|somali|arab|pole|romanian|albanian|gypsie|gipsie|traveller|female|teenager"
    r"|pensioner)s",
    r"asylum\s+seekers",
    r"illegals",
    # Bare, not the end of a group already named ("young men" is read from "young").
    # (The lookahead first: the lookbehinds are tried only where "men" starts.)
    rf"(?=(?:wo)?men\b){_GROUP_HEAD_BEHIND}(?:wo)?men",
)
# One member of a group, for a pronoun that then speaks of them all ("a Polish carer, they're …").
_GROUP_MEMBER = rf"{_GROUP_WORD}\s+(?:person|man|woman|{_CARE_ROLE})"
# "The elderly" is read from "the": the word alone after it is not a second, shorter group.
_GROUP = _words(_GROUP_PEOPLE, r"(?:the\s+|(?<!\bthe\s))(?:chinese|roma|disabled|elderly)")
# One person named for who they are, standing for all of them: "every Muslim", "a trans woman".
_GROUP_ONE = (
    rf"(?:{_GROUP_MEMBER}|(?:moslem|muslim|jew|hindu|sikh|immigrant|migrant|foreigner|refugee|asylum\s+seeker"
    r"|homosexual|lesbian|gypsy|gipsy|woman)\b)"
)
# Words for a group that make a dehumanising noun a name for all of them ("Muslim vermin", "gay
# filth"). Not age or sex ("old trash" is a video game), nor "foreign" ("foreign parasites" in food).
_GROUP_LABEL = _words(
    *("black", "brown", "asian", "muslim", "moslem", "jewish", "jew", "hindu", "sikh", "gay", "lesbian"),
    *("bisexual", "trans", "transgender", "disabled", "autistic", "immigrant", "migrant", "polish"),
    *("romanian", "pakistani", "african", "arab", "gypsy", "traveller", r"eastern\s+european", "queer"),
)
# How a group is pointed at as a whole: "all the …", "these …", "those …".
_ALL_THE = r"(?:all\s+)?(?:the\s+|these\s+|those\s+)?"
# A group in a phrase about something else is not the subject of what follows: "services for
# young men are a disgrace" says nothing of young men.
_NOT_AFTER_PREPOSITION = "".join(
    _lookbehinds(
        (
            # Not "of": "those kinds of …", "most of the …" name the subject.
            *("for", "to", "with", "about", "from", "by", "on", "at", "towards", "against"),
            *("among", "amongst", "into", "than"),
        ),
        "!",
    )
)
# Words that degrade whoever they describe: "lazy immigrant nurses", "filthy Travellers".
_DEGRADING_ADJECTIVE = _words(
    r"lazy",
    r"filthy",
    r"dirty",
    r"stinking",
    r"smelly",
    r"thieving",
    r"scrounging",
    r"useless",
    r"stupid",
    r"thick",
    r"vile",
    r"disgusting",
    r"subhuman",
    r"inbred",
    r"ugly",
    r"fat",
)
# Words that are also said of a trust, a ward or its managers ("they are a disgrace"): after a
# group is named, such a word is about the group only if nothing else "they" could be comes
# between (_SOMEONE_ELSE).
_SAID_OF_A_SERVICE_TOO = _words(
    r"disgusting",
    r"a\s+(?:disgrace|menace|joke)",
    r"filthy",
    r"dirty",
    r"evil",
    r"despicable",
    r"revolting",
    r"repulsive",
    r"repugnant",
    r"vile",
    r"sickening",
    r"worthless",
    r"pathetic",
)
# What may come between a group and "they" when "they" are someone else, or the group is who was
# failed: "elderly patients left on trolleys all night, they are a disgrace" speaks of the hospital.
_SOMEONE_ELSE = (
    r"\b(?:trusts?|hospitals?|nhs|managers?|management|staff|doctors|nurses|gps?|council|government|board|bosses"
    r"|ministers|politicians|services?|system|wards?|surgery|a&e|left|sent|given|treated|denied|refused|ignored"
    r"|dying|died|waited|waiting|turned\s+away|discharged|neglected|let\s+down|abandoned|forgotten|failed"
    r"|(?:can'?t|cannot|couldn'?t)\s+get|weren'?t|wasn'?t|aren'?t\s+(?:given|getting|being|seen))\b"
)
# "They are", "most of them are", and the words that may come before what they are called.
_THEY_ARE = (
    r"(?:\b(?:they|they're|theyre|them)\s+(?:are\s+|r\s+|'re\s+)?"
    r"|\b(?:most|all|every\s+(?:single\s+)?one|each|many)\s+of\s+them\s+(?:are|is)\s+)"
    r"(?:(?:all|just|still|nothing\s+but|absolutely|pretty|so|such|really|truly|utterly|complete|total|common)\s+){0,3}"
)
# What turns naming a group into abuse of it: a dehumanising or degrading label, hatred, or harm
# wished on all.
_DEGRADING = _words(
    r"vermin",
    r"parasites",
    r"animals",
    r"savages",
    r"scum",
    r"filth",
    r"sub-?human",
    r"cockroaches",
    r"rats",
    r"pigs",
    r"dogs",
    r"apes",
    r"monkeys",
    r"a\s+(?:disease|plague|cancer|virus|blight|curse)",
    # And those also said of a service ("… are a disgrace", "… are pathetic").
    _SAID_OF_A_SERVICE_TOO,
    r"diseased",
    r"inferior",
    r"terrorists",
    r"rapists",
    r"paedos",
    r"pedos",
    r"groomers",
    r"predators",
    r"bed[\s-]?blockers",
    r"breeding\s+like\s+(?:rabbits|rats|vermin|cockroaches|flies|animals)",
    r"perverts",
    r"freaks",
    r"degenerates?",
    r"(?:an\s+)?abominations?",
    r"mentally\s+ill",
    r"trash",
    r"not\s+(?:human|people)",
    r"(?:human\s+)?garbage",
    r"dirt(?!\s+(?:poor|cheap))",
    r"(?:a\s+)?lesser\s+(?:beings?|species|race)",
    r"beneath\s+(?:us|contempt)",
    r"not\s+(?:our|your|my)\s+equals?",
    r"no\s+better\s+than\s+(?:\w+\s+){0,2}(?:rats|animals|dogs|vermin|pigs|cockroaches|apes)",
    r"(?:a\s+)?pests?",
    r"(?:shitty|shit|rotten)\s+(?:human\s+beings|humans|people)",
    r"(?:fucked|messed|screwed)\s+(?:up\s+)?in\s+the\s+head",
    r"sick\s+in\s+the\s+head",
)
# Vices pinned on a whole group ("… are all dishonest", "… are that violent"), said of it as a
# fact: the clause ends with them, so "men are useless at booking appointments" is not one.
_VICE = _words(
    r"lazy",
    r"stupid",
    r"thick",
    r"dishonest",
    r"untrustworthy",
    r"violent",
    r"dangerous",
    r"cruel",
    r"criminals",
    r"thieves",
    r"savages?",
    r"barbaric",
    r"backward",
    r"primitive",
    r"useless",
    r"scroungers",
    r"spongers",
    r"brainless",
    r"ignorant",
    r"uncivili[sz]ed",
)
# Harm done to a whole group, as a wish: "… should be exterminated", "… were wiped out".
_HARMED = (
    r"(?:shot|hanged|hung|gassed|exterminated|eradicated|wiped\s+out|sterili[sz]ed|drowned|put\s+down|culled"
    r"|killed|murdered|slaughtered|executed|massacred|strangled|stabbed|butchered|beheaded|tortured|lynched"
    r"|burned|burnt|set\s+(?:on\s+)?fire|set\s+alight|raped|beaten\s+to\s+death|bombed|nuked)"
)


def _urging() -> list[str]:
    """Words just before a verb that make it a call or a will to act: "we should", "I'd love to"."""
    modals = ("should", "must", "would", "could", "need to", "needs to", "has to", "have to", "ought to")
    willing = (
        *("want to", "wanna", "would love to", "would like to", "will"),
        *("am going to", "am gonna", "should", "could", "must"),
    )
    subjects = ("we", "you", "they", "someone", "somebody", "people", "everyone")
    phrases = [f"{who} {modal}" for who in subjects for modal in modals]
    phrases += [f"{who} {will}" for who in ("i", "we") for will in willing]
    phrases += [
        f"{who}{contraction}" for who in ("i", "we") for contraction in ("'ll", "'d love to", "'d like to")
    ]
    phrases += ["i'm going to", "i'm gonna", "we're going to", "we're gonna", "we are going to"]
    # Proposed as a question: "why don't we just …", "how about we …".
    phrases += ["why don't we", "why dont we", "how about we", "what about we", "shall we"]
    phrases += [f"{p} just" for p in phrases]
    phrases += ["need to", "have to", "got to", "time to", "gotta", "gonna", "let's", "lets", "please", "go"]
    return [*phrases, "and", "so", "just", "then"]


# Killing a group asked for, not described: an order ("kill all the …", at the start of a clause),
# or someone willing or urged to do it ("we should …", "someone should just …", "I'd love to …").
# "These cuts will kill the elderly" and "waiting lists kill disabled people" are criticism.
# Every phrase is a fixed-width lookbehind, tried only where a verb of killing starts.
_CLAUSE_START = r"^|(?<=[.!?,;:\n(])|(?<=[.!?,;:\n(]\s)"
_URGED = "(?:" + "|".join([_CLAUSE_START, *_lookbehinds(_urging(), "=")]) + ")"
_KILL = (
    r"(?:kill|gas|exterminate|eradicate|wipe\s+out|shoot|hang|burn|drown|cull|lynch|sterili[sz]e|murder|slaughter"
    r"|strangle|stab|execute|massacre|butcher|behead|torture)"
)
_WISHED_ON_ALL = _words(
    r"die",
    r"rot",
    r"burn",
    rf"be\s+(?:{_HARMED}|locked\s+up|dead)",
    r"not\s+exist",
    r"not\s+be\s+allowed\s+to\s+(?:live|breed|exist)",
)

# Whom a threat is aimed at: a person, not "the wall", "the roof" or "the road".
_VICTIM = (
    r"(?:him|her|them|you|u|that\s+(?!wall|roof|road|door|floor|gym|bottle|air)\w+|the\s+(?!wall|roof|road|door|floor"
    r"|gym|bottle|ceiling|table|bed|jackpot|breeze|messenger|air|clock|system|numbers)\w+|your\s+\w+|this\s+(?:guy|man|woman|bloke|idiot|nurse|doctor))"
)

# Where a statement ends: what comes before it is said as a whole ("… are lazy.", "Death to all …!").
_CLAUSE_END = r"\s*(?:[.!?,;:)]|$)"
# Hanging a coat, the decorations or the pictures, hanging on or hanging about, is not a hanging.
_NOT_HUNG_UP = (
    r"(?!\s+(?:the|your|their|his|her|my|our|a|an|up|out|on|around|about|round|back|tough|fire|in\s+there|these|those"
    r"|them|it|some)\b)"
)
# A speaker saying what they hold: "I've got", "I have", "I got".
_I_HAVE = r"(?:i'?ve\s+got|i\s+have(?:\s+got)?|i\s+got)"
# Nobody at all: "nobody came", "no one has given her a drink".
_NOBODY = r"(?:nobody|no\s+one|no-one)"
# A speaker promising to act: "I'll", "I'm going to", "we will".
_I_WILL = r"(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|i\s+am\s+(?:going\s+to|gonna)|we'?ll|we\s+will)"

# Suicide spoken of as deaths across a population, not as anyone's risk tonight.
_COUNTED = "".join(
    _lookbehinds(
        (
            f"{verb} {how}"
            for verb in ("are dying", "were dying", "deaths", "death rate")
            for how in ("by", "from")
        ),
        "!",
    )
)
# An overdose spoken of as something to stop or survive ("naloxone reverses an overdose").
_NOT_TAKEN = "".join(
    _lookbehinds(
        (
            f"{verb}{article}"
            for verb in ("from", "prevent", "prevents", "preventing", "reverse", "reverses", "reversing")
            for article in ("", " an", " a")
        ),
        "!",
    )
)

# What self-promotion counts in, and how many it asks for ("2 million", "50k", "1,000").
_AUDIENCE = r"(?:subscribers|subs|likes|views|followers)"
_AUDIENCE_COUNT = r"\d[\d,.]*\s*(?:k|m|million|thousand)?"

# Pay said of a profession is a complaint about pay, not an offer: "nurses earn £2,300 a month".
_PAY_OF_A_ROLE = "".join(
    _lookbehinds(
        (
            f"{role}{adverb}"
            for role in (
                *("midwives" if role == "midwife" else role + "s" for role in _CARE_ROLES),
                *("cleaners", "staff", "workers", "teachers", "managers", "mps", "juniors"),
            )
            for adverb in ("", " only", " still", " now", " barely", " who")
        ),
        "!",
    )
)

# Home remedies the WHO's coronavirus myth-busters answer: said to prevent or kill the virus, they
# are a myth; asked about ("does garlic protect you from covid?"), a question for the desk.
HOME_REMEDY = (
    r"(?:garlic|hot\s+water|lemon(?:\s+water)?|ginger|vinegar|salt\s+water|hand\s+dryers?|uv\s+lamps?"
    r"|drinking\s+alcohol|hot\s+baths?|pepper|colloidal\s+silver|steam(?:\s+inhalation)?|cinchona(?:\s+bark)?|quinine"
    r"|tonic\s+water)"
)

# A speaker's wish or will: "I'd", "I want to", "I'd love to" (and an adverb: "I'd happily").
_WOULD = (
    r"(?:i'?d|i\s+would|i'?ll|i\s+will|i\s+want\s+to|wanna|i'?d\s+(?:love|like)\s+to)\s+"
    r"(?:(?:happily|definitely|totally|so)\s+)?"
)

# How a patient asks what to do ("should I …", "is it safe to …"), for the medical-question route.
_ASKING_WHETHER = (
    r"(?:should\s+i|can\s+i|do\s+i\s+(?:need|have)\s+to|is\s+it\s+(?:safe|ok|okay|normal)\s+to"
    # Asked through someone: "can someone tell me if I can take …", "not sure whether I should".
    r"|what\s+should\s+i|(?:tell\s+me|know|wondering|wonder|asking|ask|advise|check|sure|idea)\s+(?:if|whether)\s+i\s+(?:can|should))"
)
# Illnesses a parent or patient asks how to tell apart ("how do I know if my son has sepsis?").
_CONDITION = (
    r"(?:sepsis|meningitis|covid|flu|measles|chicken\s*pox|scarlet\s+fever|strep\s+a|appendicitis|a\s+stroke"
    r"|a\s+heart\s+attack|an?\s+(?:\w+\s+)?infection|uti|diabetes|cancer|thyroid|anaemia|adhd|autism|asthma"
    r"|an?\s+allergy|concussion|a\s+(?:broken|fractured)\s+\w+|shingles|tonsillitis|glandular\s+fever|long\s+covid"
    r"|(?:the\s+)?menopause|pregnant|a\s+miscarriage|an\s+ectopic|pre-?eclampsia|jaundice|eczema|migraines?"
    r"|a\s+blood\s+clot|dvt|hand,?\s+foot\s+and\s+mouth|conjunctivitis|whooping\s+cough)"
)

RULES: tuple[Rule, ...] = (
    # --- Tier 1: harmful, targeted abuse (MSE Appendix C row 1; SSOT 5.1) -------------------
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
    Rule(
        "abuse.directed_insult",
        "a personal attack on a person's character",
        re.compile(
            rf"\b{_TARGET}\s+(?:are|is|r|=)?\s*(?:a|an|such\s+a|such|one|nothing\s+but\s+(?:a|an)?)?"
            # (Each word whole: "she's among" is not "she's a mong".)
            rf"\s*(?:{_INSULT_ADJECTIVE}\s+){{0,2}}(?:(?<=\w\s)old\s+)?\b{_INSULT}\b"
            # Called "a …" outright, any words may describe the insult ("the consultant was an
            # arrogant prick", "she's a right twat"), but not a negation ("you are not a liar").
            rf"|\b{_TARGET}\s+(?:(?:are|is|was|were|'s|’s)\s+)?(?:a|an|such\s+an?)\s+"
            rf"(?:(?!(?:not|never|no)\b)[\w'’-]+\s+){{1,2}}{_INSULT}\b"
            rf"|\b(?:{_INSULT_ADJECTIVE}\s+)+(?:old\s+)?{_INSULT}\b|\b(?:bunch|pack|load)\s+of\s+(?:\w+\s+)?{_INSULT}\b"
            # A reply that is nothing but an insult ("Scumbag.", "Twat!") is aimed at whoever it
            # answers. Not words also said of a service or a policy ("Pathetic service.", "Trash.").
            rf"|^\W*(?:{_INSULT_ADJECTIVE}\s+){{0,2}}(?!(?:pathetic|trash|liars?|clowns?|pigs?)\b){_INSULT}(?=\W*$)"
            rf"|\b{_PAGE_ADMIN}\s+(?:is|are|was|were|'s)\s+(?:a|an|such\s+an?)?\s*(?:(?!(?:not|never|no)\b)[\w'’-]+\s+){{0,2}}"
            rf"{_INSULT}\b"
            # An insult, then who it is for: "murderers, the lot of you".
            rf"|\b{_INSULT}\s*,?\s+(?:the\s+lot\s+of\s+(?:you|ya)|all\s+of\s+you|every\s+(?:last\s+|single\s+)?one\s+of\s+you)\b"
            # Called stupid the British way: "thick as mince", "as thick as two short planks".
            r"|\b(?:thick|dense)\s+as\s+(?:mince|shit|pig\s*shit|two\s+short\s+planks|a\s+(?:brick|plank|post))\b"
            # Mocking how someone looks: "fat ugly receptionist", "that smelly old git".
            r"|\b(?:fat|ugly|hideous|smelly|stinking|minging|retarded|spastic)\s+(?:(?:fat|ugly|old|little|lazy|stupid|thick)\s+)?"
            rf"(?:cow|bitch|hag|git|bloke|woman|man|{_STAFF_ROLE})\b"
        ),
        tier=Tier.HARMFUL,
        folded=True,
    ),
    # Only swearing aimed at someone is Tier 1. MSE Appendix B lists swearing among what "may" be
    # removed, but the desk's own guidance (Appendix C) removes targeted abuse and leaves the rest,
    # "including comments that are critical" ("leave any that are unpleasant").
    Rule(
        "abuse.directed_swearing",
        "swearing aimed at a person",
        re.compile(
            rf"\b(?:fuck|f\*+k|screw|sod)\s+(?:off\s+)?{_TARGET}\b|\bgo\s+(?:fuck|f\*+k)\s+yo?urself\b"
        ),
        tier=Tier.HARMFUL,
        folded=True,
    ),
    # Staff made sexual objects, or told their sex keeps them from the job: "a personal attack on a
    # person's character, including … our staff" and hatred "on the basis of … gender" (MSE
    # Appendix B). Not "I'd do the night shift", "get my hands on that report" or "the car needs
    # a good seeing to".
    Rule(
        "abuse.sexual_harassment",
        "sexual harassment or sexist abuse aimed at a person",
        re.compile(
            # (One alternative per act, each with words of its own for the gate to find: together
            # they would wake on every comment holding "I'd".)
            rf"\b{_WOULD}(?:give\s+(?:her|him|them)\s+one|bend\s+(?:her|him)\s+over)\b"
            rf"|\b{_WOULD}(?:do|smash)\s+(?:her|him)(?=\s*(?:[.!,;?]|$)|\s+(?:in|on|over|from|any\s*time|all\s+night|senseless)\b)"
            rf"|\b{_WOULD}(?:shag|bang|have\s+sex\s+with|sleep\s+with|get\s+my\s+hands\s+on|get\s+(?:her|him)\s+in(?:to)?\s+bed)\s+"
            rf"(?:her|him|them|(?:that|the|this|your)\s+(?:\w+\s+)?(?:{_STAFF_ROLE}|woman|girl|lady|bloke|man|one))\b"
            rf"|\b(?:she|he|{_STAFF_ROLE})\s+can\s+(?:examine|touch|undress|bathe?|inspect|check\s+me\s+over)\s+(?:me\s+)?any\s*time\b"
            r"(?!\s+(?:i|if|you|she|he|they|we)\b)"
            r"|\bnice\s+(?:tits|boobs|arse|rack|bum|bod|jugs)\b|\bget\s+(?:your|ur)\s+(?:tits|boobs)\s+out\b"
            r"|\bshow\s+(?:us|me)\s+(?:your|ur)\s+(?:tits|boobs|legs|arse|ass|bum)\b|\bsend\s+(?:me\s+|us\s+)?nudes\b"
            r"|\bsit\s+on\s+my\s+face\b"
            rf"|\b(?:she|he|her|{_STAFF_ROLE}|gp|woman|lady)\s+needs?\s+a\s+(?:good\s+)?(?:seeing\s+to|shag|rogering|portion)\b"
            r"|\byou'?d\s+be\s+(?:(?:much|a\s+lot|far)\s+)?(?:prettier|hotter|fitter|better\s+looking)\s+if\s+you\b"
            r"|\b(?:she|he|you)(?:'s|\s+is|'re|\s+are)\s+too\s+(?:old\s+and\s+)?(?:ugly|fat|minging)\s+to\b"
            r"|\bwhat\s+an?\s+(?:\w+\s+)?(?:slag|slut|whore|slapper|bitch|cow|cunt|twat|prick|dickhead|wanker|tosser|knobhead)\b(?!\s+of\b)"
            # A woman's place: "get back to the kitchen", "women doctors should stick to nursing".
            r"|\bget\s+back\s+(?:in|to)\s+(?:the|your)\s+kitchen\b|\bmake\s+me\s+a\s+sandwich\b"
            r"|\bwomen\s+(?:\w+\s+)?(?:should|belong|need\s+to)\s+(?:stick\s+to|stay\s+in|be\s+in|go\s+back\s+to)\s+"
            r"(?:the\s+)?(?:kitchen|nursing|cooking|cleaning|housework|home|having\s+babies)\b"
            r"|\b(?:wo)?men\s+(?:can'?t|cannot|shouldn'?t|should\s+not)\s+be\s+(?:nurses|doctors|surgeons|midwives|paramedics"
            r"|consultants|gps)\b(?!\s+in\b)"
            # A post said to be won by looks, sex or race: "she only got the job because she's pretty".
            r"|\bonly\s+got\s+(?:the\s+|her\s+|his\s+|their\s+|that\s+)?(?:job|post|role|promotion|hired|promoted)\s+"
            r"(?:because|cos|coz|cause|'cause)\s+(?:she'?s|he'?s|she\s+is|he\s+is|they'?re|they\s+are)\s+"
            r"(?:pretty|attractive|hot|fit|blonde|young|a\s+(?:woman|girl|pretty\s+face)|black|asian|brown|gay|muslim|female"
            r"|foreign|an?\s+(?:diversity|token)\s+hire)\b"
        ),
        tier=Tier.HARMFUL,
        folded=True,
    ),
    # --- Tier 2: misinformation or spam (MSE Appendix C row 2) -------------------------------
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
    # --- Special routes ----------------------------------------------------------------------
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

# What health misinformation is about (COVID-19, vaccines, cures, the agencies it names). The
# learned misinformation head only speaks about comments that name one of these: its training set
# sets official bulletins against fact-checked claims, so without the gate it reads any ordinary
# complaint about a service ("three hours for an ambulance") as a false claim. With it, criticism of
# the NHS stays up (README: "The classifier").
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
