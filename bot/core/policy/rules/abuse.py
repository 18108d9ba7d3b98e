"""Tier 1 rules: insults, swearing and sexual harassment aimed at a person (MSE Appendix B/C;
SSOT 5.1)."""

from __future__ import annotations

import re

from bot.core.models import Tier
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.people import _INSULT, _INSULT_ADJECTIVE, _PAGE_ADMIN, _STAFF_ROLE, _TARGET
from bot.core.policy.rules.phrasing import _WOULD

ABUSE: tuple[Rule, ...] = (
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
)
