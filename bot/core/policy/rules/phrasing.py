"""Phrasing shared by the threat, hate and route rules: harm wished or urged, who suffers it,
counts, pay, remedies and the conditions a parent asks about."""

from __future__ import annotations

from bot.core.policy.rules.base import _lookbehinds, _words
from bot.core.policy.rules.people import _CARE_ROLES

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
