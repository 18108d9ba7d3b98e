"""The learned second stage: small linear models over words, word pairs and letter groups.

Each head (abuse, spam, misinformation) is a logistic regression stored as plain JSON: no numpy,
no download at run time, and every flag can name the words that pushed it over its threshold.
Features are computed once per comment and scored against every head in one pass.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from bot.core.models import Tier

SHIPPED_MODELS = Path(__file__).with_name("models")
FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)  # format 1 has no padding: it reads as padding 0

# One pass over the lower-cased text: links and @handles become placeholders (so no one account or
# site is learned), everything else is words.
_WORD = re.compile(r"https?://\S+|www\.\S+|@\w+|[a-z0-9]+(?:'[a-z]+)?|[*#$!]{2,}")
_REPEATS = re.compile(r"(.)\1{2,}")


class Token(NamedTuple):
    """A normalised word and where it sits in the original text (a tuple: cheap to make)."""

    word: str
    start: int
    end: int


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered


def _normalised(lowered: str, found: list[str]) -> list[str]:
    """The word matches of `lowered`, in place: links and handles as placeholders, repeats squeezed."""
    squeeze = _REPEATS.search(lowered) is not None  # "sooooo" and "sooo" are one word
    if not squeeze and "@" not in lowered and "://" not in lowered and "www." not in lowered:
        return found  # no handle, link or repeat: most comments have nothing to rewrite
    for index, word in enumerate(found):
        if word[0] == "@":
            found[index] = "_user_"
        elif "/" in word or "." in word:  # only a link holds either
            found[index] = "_url_"
        elif squeeze:
            found[index] = _REPEATS.sub(r"\1\1", word)
    return found


def words(text: str) -> list[str]:
    """The normalised words of `text`: all that scoring needs, without `tokenize`'s spans."""
    lowered = _lowered(text)
    return _normalised(lowered, _WORD.findall(lowered))


def tokenize(text: str) -> list[Token]:
    """The words of `words` with their spans in `text` (for a flag's evidence, and training)."""
    lowered = _lowered(text)
    matches = list(_WORD.finditer(lowered))
    found = _normalised(lowered, [match.group() for match in matches])
    return [Token(word, *match.span()) for word, match in zip(found, matches, strict=True)]


def features(tokens: Sequence[Token]) -> list[str]:
    """Words, word pairs and four-letter groups inside words, in token order (for training;
    `LearnedModel.judge` computes the same sums word by word)."""
    out: list[str] = []
    previous = "<s>"
    for token in tokens:
        word = token.word
        out.append("w:" + word)
        out.append("b:" + previous + " " + word)
        if len(word) > 3 and word[0] != "_":
            padded = "<" + word + ">"
            out += ["c:" + padded[i : i + 4] for i in range(len(padded) - 3)]
        previous = word
    return out


def held_out(text: str) -> bool:
    """The deterministic fifth of a public set kept out of training, so it can score the model."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


@dataclass(frozen=True, slots=True)
class Head:
    """One yes/no question the model answers, and what a yes means for the policy."""

    name: str
    tier: Tier
    rule: str
    category: str
    threshold: float
    bias: float
    trained_on: str
    # The head speaks only about comments this matches (lower-cased text); None: about any.
    gate: re.Pattern[str] | None = None
    # Features of no weight a comment is judged as if it also held: a few mildly leaning words
    # ("Thank you", "Agreed") cannot add up to a flag on their own, while "you stupid bitch" can.
    padding: float = 0.0


@dataclass(frozen=True, slots=True)
class Verdict:
    head: Head
    probability: float
    evidence: tuple[Token, ...]  # the words that pushed hardest towards a flag


class LearnedModel:
    """Every available head, scored together in one pass over the words of a comment.

    A word's own features (the word and its letter groups) always add up to the same row of
    weights, so that row is worked out once per distinct word and cached; a comment then costs
    one cache lookup and one word-pair lookup per word.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, heads: Sequence[tuple[Head, dict[str, float]]]) -> None:
        self.heads = tuple(head for head, _ in heads)
        width = len(self.heads)
        table: dict[str, list[float]] = {}
        for column, (_, weights) in enumerate(heads):
            for feature, weight in weights.items():
                table.setdefault(feature, [0.0] * width)[column] = weight
        # A word's own features by name; word pairs by (previous word, word), so a comment's
        # pairs are looked up without building a string for each.
        self._table = {feature: tuple(row) for feature, row in table.items() if feature[:2] != "b:"}
        self._pairs = {
            tuple(feature[2:].split(" ", 1)): tuple(row)
            for feature, row in table.items()
            if feature[:2] == "b:"
        }
        self._zero = (0.0,) * width
        self._words: dict[str, tuple[int, tuple[float, ...]]] = {}

    @classmethod
    def load(cls, *directories: Path) -> LearnedModel:
        """Heads from each directory in turn; a later directory's head replaces one of the same name."""
        found: dict[str, tuple[Head, dict[str, float]]] = {}
        for directory in directories:
            for path in sorted(directory.glob("*.json.gz")):
                head, weights = read_head(path)
                found[head.name] = (head, weights)
        return cls(list(found.values()))

    def _word_row(self, word: str) -> tuple[int, tuple[float, ...]]:
        own = ["w:" + word]
        if len(word) > 3 and word[0] != "_":
            padded = "<" + word + ">"
            own += ["c:" + padded[i : i + 4] for i in range(len(padded) - 3)]
        rows = list(filter(None, map(self._table.get, own)))
        entry = (len(own), tuple(map(sum, zip(*rows, strict=True))) if rows else self._zero)
        if len(self._words) < self._CACHE_LIMIT:
            self._words[word] = entry
        return entry

    def judge(self, text: str) -> list[Verdict]:
        """The heads whose probability reaches their threshold, with their evidence."""
        if not self.heads:
            return []
        found = words(text)
        if not found:
            return []
        pair_rows, known = self._pairs, self._words
        rows: list[tuple[float, ...]] = []  # each word's own row
        pairs: list[tuple[int, tuple[float, ...]]] = []  # (word index, row) of each pair with weights
        count = len(found)  # one word pair per word
        previous = "<s>"
        for index, word in enumerate(found):
            entry = known.get(word) or self._word_row(word)
            rows.append(entry[1])
            count += entry[0]
            pair = pair_rows.get((previous, word))
            if pair is not None:
                pairs.append((index, pair))
            previous = word
        totals = list(map(sum, zip(*rows, *(pair for _, pair in pairs), strict=True)))
        verdicts = []
        lowered = ""
        spans: list[tuple[int, int]] = []  # where each word sits, read only for a flag's evidence
        for column, head in enumerate(self.heads):
            probability = head_probability(head.bias, totals[column], count, head.padding)
            if probability < head.threshold:
                continue
            if head.gate is not None:
                lowered = lowered or text.lower()
                if head.gate.search(lowered) is None:
                    continue
            spans = spans or [match.span() for match in _WORD.finditer(_lowered(text))]
            verdicts.append(Verdict(head, probability, _evidence(found, spans, rows, pairs, column)))
        return verdicts


def _evidence(
    found: Sequence[str],
    spans: Sequence[tuple[int, int]],
    rows: Sequence[tuple[float, ...]],
    pairs: Sequence[tuple[int, tuple[float, ...]]],
    column: int,
) -> tuple[Token, ...]:
    """Up to three words that pushed hardest towards the flag, each with the pair it ends
    (placeholders never shown)."""
    pushes = [row[column] for row in rows]
    for index, pair in pairs:
        pushes[index] += pair[column]
    strongest = sorted(
        ((push, index) for index, push in enumerate(pushes) if found[index][0] != "_"), reverse=True
    )
    return tuple(Token(found[index], *spans[index]) for push, index in strongest[:3] if push > 0)


def head_probability(bias: float, total: float, features: int, padding: float) -> float:
    """How sure a head is: the weights of a comment's features summed, over the square root of
    their count plus the head's padding. Scoring and training both read it from here."""
    return _sigmoid(bias + total / math.sqrt(features + padding))


def _sigmoid(z: float) -> float:
    if z < -35:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def read_head(path: Path) -> tuple[Head, dict[str, float]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if data.get("format") not in READABLE_FORMATS:
        raise ValueError(
            f"{path.name}: model format {data.get('format')!r}, expected one of {READABLE_FORMATS}"
        )
    head = Head(
        name=data["name"],
        tier=Tier(data["tier"]),
        rule=data["rule"],
        category=data["category"],
        threshold=float(data["threshold"]),
        bias=float(data["bias"]),
        trained_on=data["trained_on"],
        gate=re.compile(data["gate"]) if data.get("gate") else None,
        padding=float(data.get("padding", 0.0)),
    )
    return head, {str(k): float(v) for k, v in data["weights"].items()}


def write_head(path: Path, head: Head, weights: dict[str, float], metrics: dict[str, Any]) -> None:
    data = {
        "format": FORMAT_VERSION,
        "name": head.name,
        "tier": int(head.tier),
        "rule": head.rule,
        "category": head.category,
        "threshold": round(head.threshold, 4),
        "bias": round(head.bias, 5),
        "padding": head.padding,
        "trained_on": head.trained_on,
        **({"gate": head.gate.pattern} if head.gate is not None else {}),
        "metrics": metrics,
        "weights": {k: round(v, 4) for k, v in sorted(weights.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 so the same training run writes the same bytes.
    with gzip.GzipFile(path, "wb", mtime=0) as raw:
        raw.write(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def describe(model: LearnedModel) -> Iterable[str]:
    for head in model.heads:
        yield (
            f"{head.name} (tier {int(head.tier)}, threshold {head.threshold:.2f}), "
            f"learned from {head.trained_on}"
        )
