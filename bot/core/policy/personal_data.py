"""Detectors for personal details shared in public (MSE Appendix B: "Sharing personal details,
such as private addresses, phone numbers, email addresses or other online contact details").

Each detector yields (start, end, kind) spans over the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType, number_type

from bot.core.policy.links import find_links

# Numbers that reach an organisation, not a person: 03 (the NHS's 0300 lines), 08 (0800 free
# numbers, 0845) and 09, whether or not libphonenumber knows the range. 01, 02 and 07 numbers
# could be anyone's.
_SERVICE_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
    }
)
_SERVICE_RANGES = ("3", "8", "9")
# Written as a UK number is: a trunk 0, +44 or 0044 (a bare run of digits is a reference or a count).
_UK_WRITTEN = ("0", "+44", "0044")
_DIGIT_RUN = re.compile(r"\d(?:[\s\-()]*\d){8}")


def _phone_numbers(text: str) -> Iterator[tuple[int, int]]:
    """UK phone numbers a person could be reached on, found by libphonenumber. Numbers outside
    the ranges it knows as in service (Ofcom's drama range, new ranges) still count when they are
    possible UK numbers: a moderator would still hide them."""
    if _DIGIT_RUN.search(text) is None:
        return  # fewer than nine digits together: no phone number, and the matcher is costly
    for found in PhoneNumberMatcher(text, "GB", leniency=Leniency.POSSIBLE):
        number = found.number
        national = str(number.national_number)
        if number.country_code != 44 or not found.raw_string.lstrip("(").startswith(_UK_WRITTEN):
            continue
        if national.startswith(_SERVICE_RANGES) or number_type(number) in _SERVICE_TYPES:
            continue  # "ring 0300 123 4567 for the booking line": an organisation's number
        yield found.start, found.end
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b")
# An address spelt out so that filters miss it: "jane dot smith at gmail dot com", "jane [at]
# gmail.com". A plain " at " only before a mail provider or a domain spelt with "dot": "our
# guidance at nhs.uk" is a web page.
_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)"
_PROVIDER = (
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|aol|btinternet|sky|protonmail"
    rf"|nhs(?={_DOT}net\b))"
)
# Words that come before "at" in a shop's or a site's address, never as an address's own name:
# "buy at cheapmeds dot com" is a link to a shop (spam's to judge), not a person's address.
_NOT_A_MAILBOX = (
    r"(?!(?:buy|shop|visit|us|me|available|order|find|get|it|them|online|here|now|look|more|info|details|sale"
    r"|click|see|go|sold|stock|call|read|out|is|are|was|be|up|deals?|offers?|cheap|cheaper|free|join|sign)\b)"
)
_SPELT_EMAIL = re.compile(
    rf"\b{_NOT_A_MAILBOX}[a-z0-9._%+\-]+(?:\s+dot\s+[a-z0-9_%+\-]+)*"
    rf"(?:\s*[\[(]\s*at\s*[\])]\s*[a-z0-9\-]+(?:{_DOT}[a-z0-9\-]+)*{_DOT}[a-z]{{2,}}"
    rf"|\s+at\s+(?:{_PROVIDER}{_DOT}|[a-z0-9\-]+\s+dot\s+)(?:[a-z0-9\-]+{_DOT})*[a-z]{{2,}})\b",
    re.IGNORECASE,
)
_AT_PROVIDER = re.compile(rf"at\s+{_PROVIDER}\b")


def _may_spell_an_address(lowered: str) -> bool:
    """Whether a spelt-out address could be here: substring tests, so most comments never reach
    the pattern (a regex over every comment would cost as much as all the other detectors)."""
    if "dot" in lowered or "at]" in lowered or "at)" in lowered or "at ]" in lowered or "at )" in lowered:
        return True
    return "at " in lowered and _AT_PROVIDER.search(lowered) is not None


# NHS number: ten digits, commonly written 3-3-4, validated by its modulus-11 check digit.
_NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[\s\-]?(\d{3})[\s\-]?(\d{4})(?!\d)")
# Ten digits given as an NHS number are one, whatever their check digit says: a mistyped number
# still points at a patient ("my NHS number is 943 476 5910").
_NAMED_NHS_NUMBER = re.compile(
    r"\bnhs\s*(?:no|num|number|#)\.?\s*(?:is\s+)?[:\-]?\s*(\d{3}[\s\-]?\d{3}[\s\-]?\d{4})(?!\d)",
    re.IGNORECASE,
)
# A hospital's own patient number, given as one: "my hospital number is RX1234567", "MRN 0012345".
_HOSPITAL_NUMBER = re.compile(
    r"\b(?:hospital|patient|unit|mrn)\s*(?:no|num|number|#)?\.?\s*(?:is\s+)?[:\-]?\s*([a-z]{0,3}\d{5,10})\b",
    re.IGNORECASE,
)
# Full UK postcode (outward + inward), case-insensitive.
_POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)
# Suffixes that name little but streets: the words before them may be written in lower case.
_STREET = r"road|rd|street|avenue|ave|lane|drive|crescent|cres|gardens|gdns|terrace|mews"
# Suffixes that are also ordinary words ("a million view", "5 people on the hill"): only after
# capitalised names ("Sea View", "Castle Hill").
_ALSO_WORDS = r"st|ln|close|dr|way|court|ct|place|pl|grove|hill|park|square|sq|walk|row|rise|view"
# Words that never begin a street's name, so "3 people on the road" is not an address.
_NOT_A_NAME = (
    r"a|an|the|my|your|his|her|our|their|this|that|these|those|in|on|at|of|to|by|for|from|with|"
    r"into|onto|and|or|but|per|more|less|than|people|times|hours|minutes|days|weeks|months|years|"
    r"million|billion|thousand|hundred"
)
_NAME_START = rf"(?!(?i:{_NOT_A_NAME})\b)"
_HOUSE_ADDRESS = re.compile(
    rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?:"
    rf"(?:{_NAME_START}[A-Za-z][A-Za-z'’]+\s+){{1,3}}(?i:{_STREET})"
    rf"|(?:{_NAME_START}[A-Z][a-z'’]+\s+){{1,3}}(?i:{_ALSO_WORDS})"
    rf")\b"
)

# A date of birth given as one ("DOB 12/03/1958", "date of birth: 4 May 2015"): with a name it
# identifies a patient. A birthday or a baby "born on" a date is not asked for here.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE_OF_BIRTH = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth)\W{0,3}(?:is\s+)?"
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)?\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)

_ANY_DIGIT = re.compile(r"\d")


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number modulus-11 check: weights 10..2 over the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def find_personal_data(
    text: str, lowered: str | None = None, links: Sequence[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int, str]]:
    """Spans of personal details in `text`, each with what kind of detail it is (`lowered`: the
    text lower-cased, and `links`: the spans of its links, if the caller has them already)."""
    has_digit = _ANY_DIGIT.search(text) is not None
    lowered = text.lower() if lowered is None else lowered
    if _may_spell_an_address(lowered):
        for m in _SPELT_EMAIL.finditer(text):
            if "@" not in m.group():
                yield m.start(), m.end(), "e-mail address"
    if not has_digit:
        # Every detail but an e-mail address has a digit in it; most comments have neither.
        if "@" in text:
            for m in _EMAIL.finditer(text):
                yield m.start(), m.end(), "e-mail address"
        return

    def in_link(start: int) -> bool:
        nonlocal links
        if links is None:  # worked out only when a candidate needs it
            # Digits in a tracking code or a short link's path are not anyone's NHS number,
            # postcode or house.
            links = [(link.start, link.end) for link in find_links(text)]
        return any(s <= start < e for s, e in links)

    nhs_spans: list[tuple[int, int]] = []
    for m in _NHS_NUMBER.finditer(text):
        if nhs_number_is_valid("".join(m.groups())) and not in_link(m.start()):
            nhs_spans.append(m.span())
            yield m.start(), m.end(), "NHS number"
    for m in _NAMED_NHS_NUMBER.finditer(text) if "nhs" in lowered else ():
        if m.span(1) not in nhs_spans:
            nhs_spans.append(m.span(1))
            yield m.start(1), m.end(1), "NHS number"
    for start, end in _phone_numbers(text):
        if any(s <= start < e for s, e in nhs_spans):
            continue  # a valid NHS number is reported as such, not as a phone number
        # A phone number stays one inside a link ("wa.me/..." is a contact detail).
        yield start, end, "phone number"
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end(), "e-mail address"
    for m in _POSTCODE.finditer(text):
        if not in_link(m.start()):
            yield m.start(), m.end(), "postcode"
    for m in _HOUSE_ADDRESS.finditer(text):
        if not in_link(m.start()):
            yield m.start(), m.end(), "house address"
    for m in _DATE_OF_BIRTH.finditer(text):
        yield m.start(), m.end(), "date of birth"
    numbered = "hospital" in lowered or "patient" in lowered or "unit" in lowered or "mrn" in lowered
    for m in _HOSPITAL_NUMBER.finditer(text) if numbered else ():
        if not any(s <= m.start(1) < e for s, e in nhs_spans):
            yield m.start(1), m.end(1), "hospital number"
