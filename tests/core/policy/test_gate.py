"""The rule gate may only skip a rule that cannot match: checked against every shipped rule on the
project's own comments and on random texts drawn from each rule's own grammar (read by the same
parser the gate uses)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from interegular.patterns import Pattern, _CharGroup, _NonCapturing, _Repeated

from bot.core.policy import PolicyEngine
from bot.core.policy import engine as engine_module
from bot.core.policy.disguises import fold_disguises
from bot.core.policy.gate import (
    _BOUNDARY,
    _EDGE,
    RuleGate,
    _items,
    _parse,
    _set_bits,
    alternatives,
    factors,
    with_first_characters,
)
from bot.core.policy.rules import RULES

POLICY_DATA = Path(__file__).resolve().parents[3] / "bot" / "core" / "policy"


def _strings(pattern: str) -> set[str]:
    found = factors(re.compile(pattern))
    assert found is not None
    return {string.replace("\x00", " ") for _, string in found}


def test_factors_are_the_rare_fixed_words_a_match_must_contain() -> None:
    # The insult, not the common opening word, is what the gate looks for.
    assert _strings(r"\b(?:you|the\s+staff)\s+(?:are\s+)?(?:idiots?|morons?)\b") == {"idiot", "moron"}
    # An optional part is read both ways; a lookbehind only narrows a match and is ignored.
    assert _strings(r"\b(?<!not\s)(?:jabs?|vax)\s+(?:do\s+)?\w+") == {
        "jab ",
        "jab d",
        "jabs ",
        "vax ",
        "vax d",
    }
    # A run of whitespace is read through: "i will", not a bare "i " that every comment holds.
    assert _strings(r"\bi\s+will\s+(?:make|get)\s+you\b") == {"i wil"}
    assert _strings(r"\bi'?ll\s+\w+") == {"i'll ", "ill "}
    assert _strings(r"\b\w+ing\b") == {"ing"}


@pytest.mark.parametrize(
    "pattern",
    [r"\w+\s+\w+|\bhello", r"(?i)\bidiot", r"(?:x)?\d+"],
    ids=["a branch with no fixed part", "ignorecase", "digits"],
)
def test_a_pattern_with_nothing_fixed_to_look_for_is_always_searched(pattern: str) -> None:
    gate = RuleGate([re.compile(r"\bnever"), re.compile(pattern)])
    assert factors(re.compile(pattern)) is None
    assert gate.candidates("nothing here") == (1,)


def test_the_longest_string_at_a_place_also_wakes_the_patterns_of_its_shorter_beginnings() -> None:
    gate = RuleGate([re.compile(r"\bzap\b"), re.compile(r"\bzapper\s+now"), re.compile(r"\bzebra")])
    assert gate.candidates("zapper now") == (0, 1)
    assert gate.candidates("zap it") == (0,)
    assert gate.candidates("zapping") == (0,)
    assert gate.candidates("a zebra") == (2,)
    assert gate.candidates("") == ()


@pytest.mark.parametrize("space", [" ", "\t", "\n", "\u00a0", "\u3000", "  ", " \n\t "])
def test_any_whitespace_the_pattern_allows_wakes_it(space: str) -> None:
    gate = RuleGate([re.compile(r"\bhope\s+you\s+die"), re.compile(r"\bi\s+will\s+(?:make|get)\s+you\b")])
    assert gate.candidates(f"i hope{space}you{space}die") == (0,)
    assert gate.candidates(f"i{space}will{space}get{space}you") == (1,)


def _comments() -> list[str]:
    from bot.core.policy import data

    return [row.text for row in data.nhs() + data.true_health_claims()]


def _sample(items: Sequence[Any], rng: random.Random, out: list[str]) -> None:
    """A random string the parsed pattern may match (anchors and lookarounds are not honoured;
    the caller keeps only the strings the real pattern matches)."""
    for node in items:
        if isinstance(node, _CharGroup):
            chars = sorted(node.chars - {_BOUNDARY, _EDGE})
            if node.negated:
                out.append(rng.choice("xq"))
            elif chars:
                out.append(rng.choice(chars))
        elif isinstance(node, _Repeated):
            high = node.min + 2 if node.max is None else min(node.max, node.min + 2)
            for _ in range(rng.randint(node.min, high)):
                _sample(_items(node.base), rng, out)
        elif isinstance(node, Pattern):
            _sample(_items(rng.choice(node.options)), rng, out)
        elif not isinstance(node, _NonCapturing):  # any character
            out.append(rng.choice("xq"))


def _drawn_from_rules(per_rule: int = 150) -> list[str]:
    rng = random.Random(20261127)
    texts = []
    for rule in RULES:
        # Drawn from one alternative at a time: the parser reads nearly all of them (a group
        # tested by a conditional, which it cannot read, is always searched instead).
        readable = [parsed for part in alternatives(rule.pattern) if (parsed := _parse(part.pattern))]
        assert readable, f"{rule.id}: the gate can read none of it"
        kept = 0
        for _ in range(per_rule * 20):
            out: list[str] = []
            _sample(rng.choice(readable), rng, out)
            text = rng.choice(["", "well ", "Oh. "]) + "".join(out) + rng.choice(["", ".", " ok"])
            if rule.pattern.search(text.lower()):
                texts.append(text)
                kept += 1
                if kept == per_rule:
                    break
        assert kept >= 20, f"{rule.id}: too few sampled matches to test the gate"
    return texts


def test_the_gate_never_skips_a_shipped_rule_that_matches() -> None:
    gate = RuleGate([rule.pattern for rule in RULES])
    checked = 0
    for text in _comments() + _drawn_from_rules():
        lowered = text.lower()
        folded = fold_disguises(lowered).text
        woken = gate.candidates(lowered, folded)
        for index, rule in enumerate(RULES):
            if rule.pattern.search(folded if rule.folded else lowered):
                checked += 1
                assert index in woken, f"{rule.id} matches but was skipped"
    assert checked > len(RULES) * 100
    # And it does skip: on ordinary comments most rules are never searched.
    ordinary = [gate.candidates(text.lower()) for text in _comments()]
    assert sum(map(len, ordinary)) < 0.4 * len(RULES) * len(ordinary)


def test_the_engine_gives_the_same_verdicts_gated_as_searching_every_rule_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An engine searches every rule whole until it has seen `GATE_AFTER` comments, then builds
    the gate: the verdicts are the same either way, only the time differs."""
    monkeypatch.setattr(engine_module, "GATE_AFTER", 10**9)
    whole = PolicyEngine()
    gated = PolicyEngine()
    gated._build_gate()
    texts = _comments()
    texts += [text.upper() for text in texts[:200]] + [text.replace("i", "1") for text in texts[:200]]
    assert [gated.classify(t) for t in texts] == [whole.classify(t) for t in texts]
    assert whole._search[0] is None and gated._search[0] is not None


def test_an_engine_builds_its_gate_once_it_has_seen_enough_comments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "GATE_AFTER", 3)
    engine = PolicyEngine()
    engine.classify_many(["one", "two", "three"])
    assert engine._search[0] is None
    engine.classify("four")
    assert engine._search[0] is not None


def test_a_rule_split_into_its_alternatives_finds_what_the_whole_rule_finds() -> None:
    """The engine searches each top-level alternative on its own and keeps the leftmost match,
    the earlier alternative on a tie: the same match `pattern.search` gives."""
    texts = [t.lower() for t in _comments() + _drawn_from_rules(per_rule=60)]
    split = 0
    for rule in RULES:
        parts = alternatives(rule.pattern)
        split += len(parts) > 1
        for text in texts:
            whole = rule.pattern.search(text)
            found = [m for m in (part.search(text) for part in parts) if m is not None]
            first = min(found, key=lambda m: m.start(), default=None)  # min keeps the earliest on ties
            assert (whole and whole.span()) == (first and first.span()), (rule.id, text)
    assert split >= len(RULES) - 3


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (r"a|b(c|d)|e", ["a", "b(c|d)", "e"]),
        (r"[|]x|\||y|[^]|]z", ["[|]x", r"\|", "y", "[^]|]z"]),
    ],
)
def test_alternatives_are_split_only_at_the_top_level(pattern: str, parts: list[str]) -> None:
    assert [p.pattern for p in alternatives(re.compile(pattern))] == parts


def test_alternatives_that_share_a_group_stay_whole() -> None:
    pattern = re.compile(r"(?P<n>a)x|(?(n)b|c)")
    assert alternatives(pattern) == [pattern]


def test_set_bits_lists_each_woken_pattern_once_lowest_first() -> None:
    assert _set_bits(0) == ()
    assert _set_bits(0b1011) == (0, 1, 3)
    mask = (1 << 700) | (1 << 64) | 1
    assert _set_bits(mask) == (0, 64, 700)


def test_told_its_first_characters_a_pattern_finds_the_same_matches() -> None:
    pattern = re.compile(r"\b(?:idiots?|morons?)\b|\s+kill\s+you")
    told = with_first_characters(pattern)
    assert told.pattern.startswith(r"(?=[\si")
    for text in ["you idiot", "what a moron!", "i will  kill you", "idiotic", "nothing here", ""]:
        found, expected = told.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
    # Nothing known to begin every match, or case folded: left as it is.
    for unknown in (re.compile(r"\w+ing"), re.compile(r"idiot", re.IGNORECASE)):
        assert with_first_characters(unknown) is unknown


def test_every_shipped_alternative_told_its_first_characters_matches_as_before() -> None:
    parts = [part for rule in RULES for part in alternatives(rule.pattern)]
    told = [with_first_characters(part) for part in parts]
    assert sum(t is not p for t, p in zip(told, parts, strict=True)) > 0.9 * len(parts)
    for text in _comments() + _drawn_from_rules(per_rule=40):
        lowered = text.lower()
        for part, faster in zip(parts, told, strict=True):
            found, expected = faster.search(lowered), part.search(lowered)
            assert (found and found.span()) == (expected and expected.span()), (part.pattern[:60], text)
