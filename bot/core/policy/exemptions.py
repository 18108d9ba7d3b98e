"""Where a flag does not hold although its words are there: abuse reported or quoted to condemn
it, a false claim rejected or a myth denied, a plain question, a slur's everyday British sense,
and advice passed on about nobody in particular. Each kind of span silences the rules and heads
it names (`EXEMPTIONS`); the engine asks `inside` before it keeps a finding."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.core.policy.rules import HOME_REMEDY, RULES

# Reported speech: "someone called the nurse a stupid cow", "comments calling staff lazy idiots".
# Quoting abuse to condemn it is not abuse (MSE Appendix B protects reasoned discussion), so an
# insult inside such a clause does not flag; "I'm calling you an idiot" still does.
_REPORTED = re.compile(
    r"\b(?:(?:call(?:ed|ing|s)?|posted|posting|said|saying|says|wrote|writing|writes|shout(?:ed|ing)"
    r"|scream(?:ed|ing)|yell(?:ed|ing)|quot(?:e|ed|ing)|label(?:led|ling)|branded"
    r"|threaten(?:s|ed|ing)?\s+to"
    # "She told me I was a stupid cow" reports an insult; "told me to … bitch" is not reported.
    r"|told\s+(?:me|us|him|her|them)\s+(?:that\s+)?(?:i|we|he|she|they)\s+(?:was|were|am|are|is))"
    # "How can you say …", "statements like …": asking or naming what others wrote.
    r"|(?:how\s+can|why\s+would|why\s+do|what\s+makes)\s+(?:you|anyone|people|someone)\s+say"
    # Someone else's belief challenged: "you can't seriously believe that …", "do you really think …".
    r"|you\s+(?:can'?t|cannot|don'?t|do\s+not)\s+(?:seriously\s+|really\s+|honestly\s+)?(?:believe|think)"
    # ("who do you think I am, bitch" is not one: the doubt must be said).
    r"|(?:do|does|did)\s+(?:you|anyone|someone)\s+(?:seriously|really|honestly|actually)\s+(?:believe|think)"
    r"|(?:statements|things|stuff|comments|messages|posts|tweets|remarks|words|language|hate|abuse|threats"
    r"|insults|slurs|bigotry)\s+like)\b"
    r"(?!\s+(?:you|u|ya|yours|yourself|yourselves)\b)[^.!?;\n]*"
)
# The words first, then who said them: "gay scum is what they shouted at my son", "lazy cow was
# what he called her". From the start of the clause to the reporting verb; not when the speaker
# owns them ("…, it is what I said") or no one is named ("this is what is being said").
_REPORTED_AFTER = re.compile(
    r"(?:^|(?<=[.!?;\n]))[^.!?;\n]*?\b(?:is|was|are|were)\s+what\s+(?!(?:i|we|is|was|are|were|being|has|had)\b)(?:\w+\s+){1,3}?"
    r"(?:called|shouted|said|wrote|posted|yelled|screamed|messaged|tweeted)\b"
)
# Words in double quotation marks, in a comment that condemns them in its own words. Quoting
# alone is not enough: a retweet of abuse with "lol" around it passes the abuse on.
_QUOTED = re.compile(r'"[^"\n]+"|“[^”\n]+”')
_CONDEMNED = re.compile(
    r"\b(?:hateful|hurtful|vile|disgusting|disgraceful|appalling|abhorrent|despicable|shameful|ashamed"
    r"|sickening|horrible|awful|unacceptable|not\s+(?:ok|okay|acceptable|on)|racis[mt]|sexis[mt]|homophob\w*"
    r"|transphob\w*|islamophob\w*|antisemit\w*|bigot\w*|prejudice\w*|offensive|harass\w*|reported|report\s+(?:it|this|them)"
    r"|dehumanis\w*|dehumaniz\w*|banned|blocked|no\s+respect|police|jail|prison|crime|illegal)\b"
)
# Rules and heads that judge an insult or a generalisation, as opposed to a threat or a slur.
_QUOTABLE = frozenset(
    {
        "abuse.directed_insult",
        "abuse.directed_swearing",
        "abuse.sexual_harassment",
        "hate.generalisation",
        "hate.refusing_care",
        "model.abuse",
    }
)

# Counter-speech: "people posting that vaccines are poison should be ashamed". A false claim that
# others are said to spread, in a comment that rejects it, is not misinformation. Both are needed:
# "people are saying vaccines are poison, wake up" and "doctors say the jab has microchips" flag.
_SPREAD_BY_OTHERS = re.compile(
    r"\b(?:people|those|anyone|someone|folks?|idiots|they)\s+(?:who\s+(?:keep\s+)?)?"
    r"(?:post(?:s|ed|ing)?|say(?:s|ing)?|said|claim(?:s|ed|ing)?|spread(?:s|ing)?|shar(?:e|es|ed|ing))"
    r"\b[^.!?;\n]*"
)
_REJECTED = re.compile(
    r"\b(?:ashamed|nonsense|rubbish|myths?|debunked|not\s+true|is\s*n[o']?t\s+true|utter\s+tosh"
    r"|alive\s+because|talk\s+to\s+(?:a|my|your|the)\b|check\s+the\s+facts)"
)
_REFUTABLE = frozenset({"misinformation.health", "model.misinformation"})
# A known myth named in order to deny it: "it's a myth that the MMR causes autism", "there is no
# evidence that 5G spreads the virus". Only a denial of what the myth rule knows as a myth counts:
# "it's a lie that vaccines are safe" denies a true claim and is misinformation itself.
_DENIED = re.compile(
    r"\b(?:(?:it|that|this)(?:'?s|\s+is|\s+was)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:myth|lie|false|untrue|not\s+true|nonsense"
    r"|rubbish|misinformation|disinformation)|there(?:'?s|\s+is)\s+no\s+(?:\w+\s+)?evidence|(?:it|that)\s+is\s+not\s+true"
    r"|no,?\s+it\s+is\s+not\s+true)\s+that\b[^.!?;\n]*"
)


def _reported_spans(lowered: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _REPORTED.finditer(lowered)]
    if "what" in lowered:
        spans += [m.span() for m in _REPORTED_AFTER.finditer(lowered)]
    for quote in _QUOTED.finditer(lowered):
        if _CONDEMNED.search(lowered[: quote.start()] + " " + lowered[quote.end() :]):
            spans.append(quote.span())
    return spans


def _counter_speech_spans(lowered: str) -> list[tuple[int, int]]:
    if _REJECTED.search(lowered) is None:
        return []
    return [m.span() for m in _SPREAD_BY_OTHERS.finditer(lowered)]


def _rule_pattern(rule_id: str) -> re.Pattern[str]:
    return next(rule.pattern for rule in RULES if rule.id == rule_id)


_MYTH = _rule_pattern("misinformation.health")


def _denied_spans(lowered: str) -> list[tuple[int, int]]:
    return [m.span() for m in _DENIED.finditer(lowered) if _MYTH.search(lowered, *m.span())]


# A parent's plain question about a vaccine ("does the MMR cause autism?") or a home remedy ("can
# hot water kill the coronavirus?") asks, it does not claim: the desk answers it (it is a medical
# question too). Rhetorical frames ("did you know…?", "why won't they admit…?") are not plain
# questions, and questions about other claims ("is the virus a bioweapon?") are a way of spreading
# them, so they are left to the rules.
_ASKED = re.compile(
    r"(?:^|(?<=[.!?\n,;:]))\s*(?:does|do|is|are|can|could|will|would|has|have|did|should)\b(?!\s+(?:you|u)\s+know\b)"
    rf"[^.!?\n]*\b(?:vaccines?|vaccinations?|jabs?|mmr|boosters?|calpol|midazolam|statins|antidepressants|antibiotics"
    r"|paracetamol|pill|masks?|vaping|sun\s*(?:screen|cream|block)|pregnant|5g|"
    rf"{HOME_REMEDY})\b[^.!?\n]*\?"
)


def _asked_spans(lowered: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ASKED.finditer(lowered)] if "?" in lowered else []


# Words that are slurs in one sense and everyday British English in another ("a fag" smoked,
# "faggots and peas"). Where the slur rule reads the everyday sense, the learned head, which
# learned the words from American tweets, is not believed either.
_SLUR = _rule_pattern("hate.slur")
_HOMONYM = re.compile(r"\bfagg?(?:ot)?s?\b")


def _homonym_spans(lowered: str) -> list[tuple[int, int]]:
    return [m.span() for m in _HOMONYM.finditer(lowered) if _SLUR.match(lowered, m.start()) is None]


# Advice passed on ("call 999 if your baby is floppy", "signs of sepsis include …") names the
# emergencies the patient-safety rule escalates, about nobody in particular: not an escalation.
# "If my mum doesn't get her insulin …" names someone, and still is one.
_ADVICE = re.compile(
    r"\b(?:if|when|whenever|in\s+case)\s+(?:your|a|an|you|you'?re|someone|somebody|anyone|anybody|children|people)\b"
    r"[^.!?;,\n]*"
    r"|\b(?:signs?|symptoms?|red\s+flags?)\s+(?:of|include|including|like|such\s+as|to\s+look\s+(?:out\s+)?for)\b[^.!?;,\n]*"
    r"|\b(?:look|watch)\s+out\s+for\b[^.!?;,\n]*"
)


def _advice_spans(lowered: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ADVICE.finditer(lowered)]


# Which rules and heads each kind of span silences, and how to find those spans.
EXEMPTIONS: tuple[tuple[frozenset[str], Callable[[str], list[tuple[int, int]]]], ...] = (
    (_QUOTABLE, _reported_spans),
    (_REFUTABLE, _counter_speech_spans),
    (_REFUTABLE, _denied_spans),
    (_REFUTABLE, _asked_spans),
    (frozenset({"model.abuse"}), _homonym_spans),
    (frozenset({"safety.patient", "model.safety_risk"}), _advice_spans),
)


def next_match(parts: Sequence[re.Pattern[str]], text: str, after: int) -> re.Match[str] | None:
    """The leftmost match of any of `parts` that starts at or after `after`."""
    found = [match for part in parts if (match := part.search(text, after)) is not None]
    return min(found, key=lambda match: match.start(), default=None)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
