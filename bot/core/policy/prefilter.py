"""A one-pass gate in front of the rules: which rules could match a text at all.

Every rule needs some fixed words somewhere in a match: an insult ("idiot", "moron"), a verb of
violence, "vaccine". The gate reads those words out of each compiled pattern, joins them into one
trie-shaped regex, and finds the ones a text holds in a single scan; only the rules whose words
occur are then searched, and most comments wake two or three of them. The words are read
conservatively (a lookbehind is ignored, an optional part is tried both ways, a run of `\\s` stands for
any whitespace), and a rule in which no fixed word can be found is always searched: the gate
changes how long a verdict takes, never the verdict.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

# The parser behind `re`, to read what a compiled pattern must start with. It is private, so
# anything it returns that is not understood makes the rule "always search", never a wrong skip.
_sre_parse: Any = importlib.import_module("re._parser")

_MAX_OPENING = 5  # characters read per opening: enough to be rare in text, few enough to stay small
_MAX_OPENINGS = 5_000  # per rule; beyond this the rule is simply always searched
_MAX_CHARSET = 12  # a class of more characters than this ends an opening
# Flags under which a pattern's characters are not what they read as: its openings are not read.
_UNREADABLE_FLAGS = re.IGNORECASE | re.VERBOSE | re.MULTILINE
_SPACE = "\x00"  # stands for a run of whitespace inside an opening (`\s`, `\s+`, a space)
# What `\s` matches is what str.isspace() accepts; U+3000 is the last of them.
_WHITESPACE = {c: _SPACE for c in range(0x3001) if chr(c).isspace()}
_is_word = re.compile(r"\w").match
_SPACE_RUN = re.compile(_SPACE + "+")


def _then(opening: str, char: str) -> str:
    """`opening` followed by `char`. Whitespace of any kind and length is one `_SPACE`, which the
    gate's scan reads as `\\s+`: so "i\\s+will" opens with "i will", not with a bare "i "."""
    if char == _SPACE or char.isspace():
        return opening if opening.endswith(_SPACE) else opening + _SPACE
    return opening + char


def _is_space(body: Any) -> bool:
    """Whether a repeated part is whitespace alone (`\\s`, a space)."""
    items = list(body.data)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op.name == "LITERAL":
        return chr(av).isspace()
    if op.name == "IN":
        chars = _charset(av)
        return chars is not None and all(c == _SPACE or c.isspace() for c in chars)
    return False


class _Unreadable(Exception):
    """The pattern's openings cannot be listed within the limits."""


def _charset(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters a `[...]` class or `\\s` matches, or None if too many or not listable."""
    chars: list[str] = []
    for op, av in items:
        if op.name == "LITERAL":
            chars.append(chr(av))
        elif op.name == "RANGE" and av[1] - av[0] < _MAX_CHARSET:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        elif op.name == "CATEGORY" and av.name == "CATEGORY_SPACE":
            chars.append(_SPACE)
        else:  # NEGATE, \w, \d, wide ranges
            return None
    return chars if len(chars) <= _MAX_CHARSET else None


def _walk(items: list[tuple[Any, Any]], opening: str, anchored: bool, out: set[tuple[bool, str]]) -> None:
    """Add to `out` every (word-boundary first?, characters) a match of `items` can begin with."""
    if len(out) > _MAX_OPENINGS:
        raise _Unreadable
    if not items or len(opening) >= _MAX_OPENING:
        out.add((anchored, opening))
        return
    (op, av), rest = items[0], items[1:]
    name = op.name
    if name == "AT":  # zero-width; only a leading \b is kept, as the gate's own anchor
        _walk(rest, opening, anchored or (not opening and av.name == "AT_BOUNDARY"), out)
    elif name in ("ASSERT", "ASSERT_NOT"):  # lookarounds only narrow a match: ignoring them is safe
        _walk(rest, opening, anchored, out)
    elif name == "LITERAL":
        _walk(rest, _then(opening, chr(av)), anchored, out)
    elif name == "IN" and (chars := _charset(av)) is not None:
        for char in dict.fromkeys(_then("", c) for c in chars):
            _walk(rest, _then(opening, char), anchored, out)
    elif name == "SUBPATTERN" and not av[1]:  # a group without inline flags such as (?i:...)
        _walk(list(av[3].data) + rest, opening, anchored, out)
    elif name == "ATOMIC_GROUP":
        _walk(list(av.data) + rest, opening, anchored, out)
    elif name == "BRANCH":
        for alternative in av[1]:
            _walk(list(alternative.data) + rest, opening, anchored, out)
    elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = av
        if low == 0:
            _walk(rest, opening, anchored, out)
        if high != 0 and _is_space(body):  # any run of whitespace is one `_SPACE`: read on past it
            _walk(rest, _then(opening, _SPACE), anchored, out)
        elif high == 1:
            _walk(list(body.data) + rest, opening, anchored, out)
        elif high != 0:  # one pass through the body, then the opening ends
            _walk(list(body.data), opening, anchored, out)
    else:  # any character, \w, a back-reference...: the opening ends here
        out.add((anchored, opening))


def _openings(items: list[tuple[Any, Any]], anchored: bool = False) -> set[tuple[bool, str]] | None:
    """What every match of `items` begins with, as (after a word boundary?, characters), with
    `\\s` written as NUL; None when some match could begin with anything."""
    out: set[tuple[bool, str]] = set()
    try:
        _walk(items, "", anchored, out)
    except (_Unreadable, RecursionError):
        return None
    if any(not opening for _, opening in out):
        return None
    # A boundary implied by what came before (a space) holds only before a word character.
    return {(a and (not anchored or _is_word(o[0]) is not None), o) for a, o in out}


def _ends_in_non_word(items: list[tuple[Any, Any]]) -> bool:
    """Whether a match of `items` always ends with a non-word character (a space, a comma), so
    that what follows it, if it starts with a word character, starts at a word boundary."""
    if not items:
        return False
    op, av = items[-1]
    if op.name == "LITERAL":
        return _is_word(chr(av)) is None
    if op.name == "IN":
        chars = _charset(av)
        return chars is not None and all(c == _SPACE or _is_word(c) is None for c in chars)
    if op.name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _ends_in_non_word(list(av[2].data))
    if op.name == "SUBPATTERN":
        return _ends_in_non_word(list(av[3].data))
    if op.name == "BRANCH":
        return all(_ends_in_non_word(list(alternative.data)) for alternative in av[1])
    return False


# Words too common to be worth a gate: a rule that needs only these is cheaper to search.
# fmt: off
_COMMON = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "for", "get", "has", "have",
    "he", "her", "him", "his", "how", "i", "if", "in", "is", "it", "just", "like", "me", "my", "no",
    "not", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them", "these", "they",
    "this", "those", "to", "u", "ur", "was", "we", "what", "when", "who", "will", "with", "you", "your",
})
# fmt: on


def _selectivity(found: set[tuple[bool, str]]) -> tuple[int, int]:
    """How rarely a set of strings should occur in text: its weakest string's letters outside
    common words (more is rarer), then fewer strings."""

    def weight(anchored: bool, opening: str) -> int:
        pieces = re.split(r"[^a-z0-9]+", opening.replace(_SPACE, " "))
        # Every letter outside a common word counts: "buy n" is rarer than "now".
        letters = sum(len(p) for p in pieces if p not in _COMMON)
        # An asterisk is rare in text outside censored swearing ("f*ck"): worth two letters. A word
        # known to end ("son ") is rarer than the same letters beginning longer ones ("songs").
        letters += 2 * opening.count("*") + (letters > 0 and opening.endswith(_SPACE))
        # Inside a word ("ing", "men") a string turns up far more often than at its start.
        return letters if anchored else letters - 2

    return min(weight(a, o) for a, o in found), -len(found)


def _factors(
    items: list[tuple[Any, Any]], after_space: bool = False, depth: int = 0
) -> set[tuple[bool, str]] | None:
    """Strings one of which every match of `items` contains, chosen to be rare in text; None when
    no such set could be read. Candidates: what the sequence, or any tail of it, begins with, and
    the factors of any part every match must pass through (a group, each branch of an alternation)."""
    if depth > 20:
        return None
    candidates: list[set[tuple[bool, str]]] = []
    for k in range(len(items)):
        spaced = after_space if k == 0 else _ends_in_non_word(items[:k])
        if (found := _openings(items[k:], spaced)) is not None:
            candidates.append(found)
        op, av = items[k]
        inner: list[list[tuple[Any, Any]]] = []
        if op.name == "SUBPATTERN" and not av[1]:
            inner = [list(av[3].data)]
        elif op.name == "BRANCH":
            inner = [list(alternative.data) for alternative in av[1]]
        elif op.name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = [list(av[2].data)]
            # Later passes follow the body itself, not what came before it.
            spaced = spaced and _ends_in_non_word(inner[0])
        if inner:
            union: set[tuple[bool, str]] = set()
            for part in inner:
                found = _factors(part, spaced, depth + 1)
                if found is None:
                    break
                union |= found
            else:
                candidates.append(union)
    return max(candidates, key=_selectivity, default=None)


@functools.lru_cache(maxsize=512)
def _factors_of(source: str, flags: int) -> frozenset[tuple[bool, str]] | None:
    if flags & _UNREADABLE_FLAGS:
        return None
    found = _factors(list(_sre_parse.parse(source, flags).data))
    if found is None or _selectivity(found)[0] <= 0:  # a space or a comma: no use as a gate
        return None
    return frozenset(found)


def factors(pattern: re.Pattern[str]) -> frozenset[tuple[bool, str]] | None:
    """Strings one of which every match of `pattern` contains, as (at a word boundary?, characters)
    with `\\s` written as NUL; None when the pattern could match without any fixed characters."""
    return _factors_of(pattern.pattern, pattern.flags)


def trie_regex(words: Iterable[str]) -> str:
    """One regex for a set of strings, shaped as a trie (fast to scan), that prefers the longest
    at any position; NUL in a string stands for `\\s`."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (r"\s+" if char == _SPACE else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a shorter opening ends here: try the longer ones first
            return body + "?" if len(branches) > 1 or len(body) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


_MAX_FIRST = 20  # a lookahead of more first characters than this saves little


def with_first_characters(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` told which characters every match of it begins with, where that is known and
    they are few: `re` then passes over the other places in a text at once instead of trying the
    whole pattern at each. Matches are unchanged (a lookahead consumes nothing)."""
    if pattern.flags & _UNREADABLE_FLAGS:
        return pattern
    found = _openings(list(_sre_parse.parse(pattern.pattern, pattern.flags).data))
    if found is None:
        return pattern
    firsts = sorted({opening[0] for _, opening in found})
    if len(firsts) > _MAX_FIRST:
        return pattern
    characters = "".join(r"\s" if c == _SPACE else re.escape(c) for c in firsts)
    return re.compile(f"(?=[{characters}])(?:{pattern.pattern})", pattern.flags)


def alternatives(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """The top-level alternatives of `pattern`, each compiled on its own, so that each is gated
    on its own words: a rule of many alternatives then runs only the ones a text could match.
    Searching them all and keeping the leftmost match (the earliest alternative on a tie) finds
    what `pattern.search` finds. A pattern that cannot be split safely is returned whole."""
    source, parts, start, depth = pattern.pattern, [], 0, 0
    class_opens = -1  # where the characters of the `[...]` being read begin; -1: not in one
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1  # the escaped character is never structure
        elif class_opens >= 0:
            if char == "]" and index > class_opens:  # a "]" first in a class is a character
                class_opens = -1
        elif char == "[":
            class_opens = index + 2 if source[index + 1 : index + 2] == "^" else index + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    parts.append(source[start:])
    if len(parts) == 1:
        return [pattern]
    try:
        return [re.compile(part, pattern.flags) for part in parts]
    except re.error:  # a group referred to across alternatives
        return [pattern]


class RuleGate:
    """Which of a sequence of patterns could match a text, found in one scan of it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        read = [factors(pattern) for pattern in patterns]
        self._always = sum(1 << index for index, found in enumerate(read) if found is None)
        owners: dict[str, int] = {}  # string -> bit mask of the patterns containing it
        all_anchored = True
        for index, found in enumerate(read):
            for anchored, string in found or ():
                owners[string] = owners.get(string, 0) | 1 << index
                all_anchored = all_anchored and anchored
        # The scan reports the longest string at each place, so a string also wakes the patterns
        # of every shorter string it begins with ("zapper" wakes those that need "zap").
        self._woken: dict[str, int] = {}
        for string in owners:
            mask = self._always
            for n in range(1, len(string) + 1):
                mask |= owners.get(string[:n], 0)
            self._woken[string] = mask
            self._woken[string.replace(_SPACE, " ")] = mask  # as most text spells a space
        # One scan is cheaper than two, so strings are tried only at word starts if all allow it.
        anchor = r"\b" if all_anchored else ""
        self._scan = re.compile(anchor + "(?=(" + trie_regex(owners) + "))") if owners else None
        self._indexes: dict[int, tuple[int, ...]] = {}

    def candidates(self, *texts: str) -> tuple[int, ...]:
        """Indexes, in order, of the patterns that could match one of `texts`; the rest cannot."""
        mask = self._always
        if self._scan is not None:
            woken = self._woken
            for text in texts:
                for string in set(self._scan.findall(text)):
                    found = woken.get(string)
                    mask |= (
                        found
                        if found is not None
                        else woken[_SPACE_RUN.sub(_SPACE, string.translate(_WHITESPACE))]
                    )
        indexes = self._indexes.get(mask)
        if indexes is None:
            indexes = _set_bits(mask)
            if len(self._indexes) < 16384:
                self._indexes[mask] = indexes
        return indexes


def _set_bits(mask: int) -> tuple[int, ...]:
    """The positions of the set bits of `mask`, lowest first: one step per set bit, not per bit
    (a comment wakes a handful of the rules' several hundred alternatives)."""
    found = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return tuple(found)
