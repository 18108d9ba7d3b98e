"""Finding named members of staff in a comment (MSE Appendix B: "Comments that name individual
members of ICB staff" are Tier 1), written the ways the public writes them."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Titles a name may carry. The public writes them with or without a full stop, and after a full
# stop often with no space: "Dr Patel", "Dr. Patel", "Dr.Patel".
TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "nurse", "sister"})


def _token(word: str, last: bool, titles: frozenset[str]) -> str:
    bare = word.rstrip(".")
    if bare in titles and not last:
        return re.escape(bare) + r"(?:\.\s*|\s+)"
    return re.escape(word) + ("" if last else r"\s+")


def phrase_pattern(names: Iterable[str], titles: frozenset[str] = frozenset()) -> re.Pattern[str] | None:
    """Any of the names as whole words, however spaced, a word in `titles` with or without a full
    stop; None for no names. Service topics use it too, with no titles."""
    cleaned = sorted({n.strip().lower() for n in names if n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternation = "|".join(
        "".join(_token(w, i == len(ws) - 1, titles) for i, w in enumerate(ws))
        for ws in (n.split() for n in cleaned)
    )
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def staff_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """The staff list's names, titles with or without a full stop ("Dr. Patel", "Dr.Patel")."""
    return phrase_pattern(names, TITLES)


# A title or a job at a surgery or hospital, then a capitalised name: "Dr Patel", "Nurse Jones",
# "that receptionist Karen Smith", "the consultant, Mr Okafor". Without a staff list this is how
# a reader knows a member of staff is named. Case matters for the name and only for the name:
# lower-case words after a role are ordinary words ("the nurse said").
_TITLE = r"(?i:dr|doctor|prof|professor|nurse|sister|matron)\.?"
_ROLE = (
    r"(?i:receptionists?|nurses?|doctors?|gps?|consultants?|surgeons?|midwife|midwives|paramedics?|porters?"
    r"|managers?|matrons?|physios?|physiotherapists?|pharmacists?|health\s+visitors?|registrars?"
    r"|anaesthetists?|sonographers?|radiographers?|dentists?|care\s+co-?ordinators?|social\s+workers?)"
)
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# Capitalised words that follow a role but name no one: places and teams in the service, days and
# months, and words a sentence starts with. A hand-kept list: no library lists the nouns of an NHS
# service, and a name is whatever is left.
_NOT_A_NAME_WORDS = """
    i i'm i'd i've i'll a an the he she they we you it his her their our my your this that there then
    and but or so if when what who why how not no yes ok okay please thanks thank sorry well also just
    at in on of to for from with by as is was are were be been has had have do did does can could will
    would should may might must about after before again said says told asked
    surgery practice hospital hospitals ward wards clinic clinics centre center team teams service
    services unit units department trust board nhs icb ics gp gps a&e ae ambulance pharmacy appointment
    appointments practitioner practitioners associate associates assistant assistants receptionist
    receptionists manager managers reception desk line lines call calls letter letters who's
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight
    january february march april june july august september october november december
    mr mrs ms miss mx dr prof sir madam
"""
_NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split())
_ROLE_AND_NAME = re.compile(
    rf"(?<!\w)(?:{_TITLE}\s*|{_ROLE},?\s+(?:(?i:called|named)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s*)?)"
    rf"(?P<name>{_NAME})(?:\s+(?P<surname>{_NAME}))?(?!\w)"
)


def role_and_name(text: str) -> tuple[int, int] | None:
    """The first span where a title or a care role stands beside a capitalised name, or None."""
    for match in _ROLE_AND_NAME.finditer(text):
        if match["name"].lower() in _NOT_A_NAME:
            continue
        surname = match["surname"]
        named = "surname" if surname and surname.lower() not in _NOT_A_NAME else "name"
        return match.start(), match.end(named)
    return None
