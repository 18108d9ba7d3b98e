"""A one-pass gate in front of the rules: which rules could match a text at all.

Every rule needs some fixed words somewhere in a match: an insult ("idiot", "moron"), a verb of
violence, "vaccine". The gate reads those words out of each pattern, joins them into one
trie-shaped regex, and finds the ones a text holds in a single scan; only the rules whose words
occur are then searched, and most comments wake two or three of them. The words are read
conservatively (a lookaround is ignored, an optional part is tried both ways, a run of `\\s`
stands for any whitespace), and a rule in which no fixed word can be found is always searched:
the gate changes how long a verdict takes, never the verdict.

Patterns are read with interegular (MIT), a maintained parser of Python's regex syntax, not with
`re`'s private one. It knows no zero-width anchors, so `\\b`, `^` and `$` are handed to it as
private-use characters that this module reads as the anchors they stand for. Hand-written: the
walk over its syntax tree that lists what a match must contain (no library offers that).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import interegular
from interegular.patterns import Pattern, _CharGroup, _Concatenation, _NonCapturing, _Repeated

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
_BOUNDARY, _EDGE = "\ue000", "\ue001"  # `\b`, and `^` or `$`, as handed to the parser

Node = Any  # a node of interegular's syntax tree


class _Unreadable(Exception):
    """The pattern's openings cannot be listed within the limits."""


def _anchors_as_characters(source: str) -> str:
    """`source` with `\\b` as `_BOUNDARY` and `^`, `$` as `_EDGE` outside character classes."""
    out, index = [], 0
    class_opens = -1  # where the characters of the `[...]` being read begin; -1: not in one
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escaped = source[index + 1]
            out.append(_BOUNDARY if escaped == "b" and class_opens < 0 else char + escaped)
            index += 2
            continue
        if class_opens >= 0:
            if char == "]" and index > class_opens:  # a "]" first in a class is a character
                class_opens = -1
        elif char == "[":
            class_opens = index + 2 if source[index + 1 : index + 2] == "^" else index + 1
        elif char in "^$":
            char = _EDGE
        out.append(char)
        index += 1
    return "".join(out)


@functools.lru_cache(maxsize=2048)
def _parse(source: str) -> tuple[Node, ...] | None:
    """The pattern as a sequence of nodes, or None where the parser cannot read it."""
    try:
        parsed = interegular.parse_pattern(_anchors_as_characters(source))
    except Exception:  # unsupported syntax (a conditional group): the rule is always searched
        return None
    return _items(parsed)


def _items(node: Node) -> tuple[Node, ...]:
    """A node as the sequence it stands for: a group of one option opened up."""
    if isinstance(node, Pattern) and len(node.options) == 1 and not node.added_flags:
        return _items(node.options[0])
    if isinstance(node, _Concatenation):
        return tuple(item for part in node.parts for item in _items(part))
    return (node,)


def _then(opening: str, char: str) -> str:
    """`opening` followed by `char`. Whitespace of any kind and length is one `_SPACE`, which the
    gate's scan reads as `\\s+`: so "i\\s+will" opens with "i will", not with a bare "i "."""
    if char == _SPACE or char.isspace():
        return opening if opening.endswith(_SPACE) else opening + _SPACE
    return opening + char


def _charset(node: _CharGroup) -> list[str] | None:
    """The characters a class matches (any whitespace class as `_SPACE`), or None if too many."""
    if node.negated:
        return None
    chars = sorted(node.chars)
    if chars and all(c.isspace() for c in chars):
        return [_SPACE]
    return chars if len(chars) <= _MAX_CHARSET else None


def _is_space(node: Node) -> bool:
    """Whether a repeated part is whitespace alone (`\\s`, a space)."""
    items = _items(node)
    return len(items) == 1 and isinstance(items[0], _CharGroup) and _charset(items[0]) == [_SPACE]


def _walk(items: Sequence[Node], opening: str, anchored: bool, out: set[tuple[bool, str]]) -> None:
    """Add to `out` every (word-boundary first?, characters) a match of `items` can begin with."""
    if len(out) > _MAX_OPENINGS:
        raise _Unreadable
    if not items or len(opening) >= _MAX_OPENING:
        out.add((anchored, opening))
        return
    node, rest = items[0], items[1:]
    if isinstance(node, _NonCapturing):  # lookarounds only narrow a match: ignoring them is safe
        _walk(rest, opening, anchored, out)
    elif isinstance(node, _CharGroup) and not node.negated and node.chars in ({_BOUNDARY}, {_EDGE}):
        # Zero-width; only a leading \b is kept, as the gate's own anchor.
        _walk(rest, opening, anchored or (not opening and node.chars == {_BOUNDARY}), out)
    elif isinstance(node, _CharGroup) and (chars := _charset(node)) is not None:
        for char in dict.fromkeys(_then("", c) for c in chars):
            _walk(rest, _then(opening, char), anchored, out)
    elif isinstance(node, Pattern) and not node.added_flags:  # alternatives (a group of several)
        for option in node.options:
            _walk(_items(option) + tuple(rest), opening, anchored, out)
    elif isinstance(node, _Repeated):
        low, high, body = node.min, node.max, node.base
        if low == 0:
            _walk(rest, opening, anchored, out)
        if high != 0 and _is_space(body):  # any run of whitespace is one `_SPACE`: read on past it
            _walk(rest, _then(opening, _SPACE), anchored, out)
        elif high == 1:
            _walk(_items(body) + tuple(rest), opening, anchored, out)
        elif high != 0:  # one pass through the body, then the opening ends
            _walk(_items(body), opening, anchored, out)
    else:  # any character, \w, a group with flags...: the opening ends here
        out.add((anchored, opening))


def _openings(items: Sequence[Node], anchored: bool = False) -> set[tuple[bool, str]] | None:
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


def _ends_in_non_word(items: Sequence[Node]) -> bool:
    """Whether a match of `items` always ends with a non-word character (a space, a comma), so
    that what follows it, if it starts with a word character, starts at a word boundary."""
    if not items:
        return False
    node = items[-1]
    if isinstance(node, _CharGroup):
        chars = _charset(node)
        return chars is not None and all(c == _SPACE or _is_word(c) is None for c in chars)
    if isinstance(node, _Repeated) and node.min >= 1:
        return _ends_in_non_word(_items(node.base))
    if isinstance(node, Pattern) and not node.added_flags:
        return all(_ends_in_non_word(_items(option)) for option in node.options)
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
    items: Sequence[Node], after_space: bool = False, depth: int = 0
) -> set[tuple[bool, str]] | None:
    """Strings one of which every match of `items` contains, chosen to be rare in text; None when
    no such set could be read. Candidates: what the sequence, or any tail of it, begins with, and
    the factors of any part every match must pass through (a group, each branch of an alternation)."""
    if depth > 20:
        return None
    candidates: list[set[tuple[bool, str]]] = []
    for k, node in enumerate(items):
        spaced = after_space if k == 0 else _ends_in_non_word(items[:k])
        if (found := _openings(items[k:], spaced)) is not None:
            candidates.append(found)
        inner: list[Sequence[Node]] = []
        if isinstance(node, Pattern) and not node.added_flags:
            inner = [_items(option) for option in node.options]
        elif isinstance(node, _Repeated) and node.min >= 1:
            inner = [_items(node.base)]
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


@functools.lru_cache(maxsize=2048)
def _factors_of(source: str, flags: int) -> frozenset[tuple[bool, str]] | None:
    if flags & _UNREADABLE_FLAGS or (items := _parse(source)) is None:
        return None
    found = _factors(items)
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
    if pattern.flags & _UNREADABLE_FLAGS or (items := _parse(pattern.pattern)) is None:
        return pattern
    found = _openings(items)
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
