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
