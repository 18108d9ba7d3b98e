"""Undoing the disguises people put on abuse to get it past filters: "1d10t", "tw@t", "c*nt",
"f***ing", "c u n t", "s.c.u.m".

Folding keeps the text's length, so a match in the folded text still points at the author's own
characters; where a disguise was rewritten, `Folded.widen` stretches a match over the whole of it
so the card quotes what was written ("c u n t", not "c u").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s", "!": "i"})

# The words worth disguising: insults, slurs, and the verbs of hatred and threats. Only these are
# ever restored, so "sh*t" (undirected swearing stays up) and "u.s.a" are left as they are.
_DISGUISABLE = frozenset(
    {
        "cunt",
        "cunts",
        "twat",
        "twats",
        "prick",
        "wanker",
        "bastard",
        "bitch",
        "slut",
        "whore",
        "scum",
        "idiot",
        "moron",
        "retard",
        "fuck",
        "fucking",
        "fucker",
        "dickhead",
        "arsehole",
        "asshole",
        "nigger",
        "nigga",
        "paki",
        "faggot",
        "tranny",
        "vermin",
        "hate",
        "kill",
        "rape",
        "stab",
        "shoot",
    }
)
_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _word in sorted(_DISGUISABLE):
    _BY_LENGTH[len(_word)] = (*_BY_LENGTH.get(len(_word), ()), _word)

_MASKED = re.compile(r"\b[a-z][a-z*]*\*[a-z*]*")  # letters hidden by asterisks: "c*nt", "f***ing"
_SPACED = re.compile(r"(?<![a-z])[a-z](?:[ .][a-z]){2,}(?![a-z])")  # "c u n t", "s.c.u.m"
# Single-letter words a spaced run may begin with: "u r a c u n t", "i h a t e".
_LETTER_WORDS = frozenset("iuar")


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    disguised: tuple[tuple[int, int], ...] = ()  # spans rewritten from a masked or spaced word

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """The span, stretched over any rewritten disguise it touches."""
        for d_start, d_end in self.disguised:
            if d_start < end and start < d_end:
                start, end = min(start, d_start), max(end, d_end)
        return start, end


def _unmasked(token: str) -> str | None:
    for word in _BY_LENGTH.get(len(token), ()):
        if all(seen in ("*", letter) for seen, letter in zip(token, word, strict=True)):
            return word
    return None


def _unspaced(run: str) -> tuple[int, str] | None:
    """(offset in the run, word) for a spaced-out word, after up to three leading letter-words."""
    letters = run[::2]
    for skip in range(min(4, len(letters) - 2)):
        if skip and letters[skip - 1] not in _LETTER_WORDS:
            break
        if (word := "".join(letters[skip:])) in _DISGUISABLE:
            return 2 * skip, word
    return None


def fold_disguises(lowered: str) -> Folded:
    """Lower-cased text with leet swaps undone and masked or spaced-out abuse words restored."""
    text = lowered.translate(_LEET)
    if "*" not in text and _SPACED.search(text) is None:
        return Folded(text)
    chars = list(text)
    disguised: list[tuple[int, int]] = []
    for match in _MASKED.finditer(text):
        if (word := _unmasked(match.group())) is not None:
            chars[match.start() : match.end()] = word
            disguised.append(match.span())
    for match in _SPACED.finditer(text):
        if (found := _unspaced(match.group())) is not None:
            offset, word = found
            start = match.start() + offset
            # The word, then spaces to keep the length: "c u n t" reads "cunt   ".
            chars[start : match.end()] = word.ljust(match.end() - start)
            disguised.append((start, match.end()))
    return Folded("".join(chars), tuple(disguised))
