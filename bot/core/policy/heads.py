"""The learned heads: scikit-learn models over word counts, letter groups and sentence meaning.

Every head reads the same features, computed once per batch of comments: TF-IDF of words and word
pairs, TF-IDF of letter groups (2 to 5 letters, inside words, so "1d10t" and "idiot" share some),
and the 256 numbers of the sentence encoder. Each head is a logistic regression with its own
threshold, chosen on out-of-fold probabilities when it was trained (`training.py`). They are
stored with skops (no pickle) in `heads.skops`, beside `heads.json`: what each head learned
from, under which licence, and how it scored. A flag names the words that pushed it hardest.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
from skops import io as skops_io

from bot.core.models import Route, Tier
from bot.core.policy.encoder import Meaning

SHIPPED_MODELS = Path(__file__).with_name("models")
MODEL_FILE = "heads.skops"
MANIFEST_FILE = "heads.json"
FORMAT = 3
# Only these may be rebuilt from a model file: what `feature_union` and `training` put there.
_TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.", "bot.core.policy.")

_URL = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"@\w+")
_REPEATS = re.compile(r"(.)\1{2,}")
_WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's own token pattern


def normalise(text: str) -> str:
    """What both TF-IDF steps read: lower case, links and @handles as placeholders (no one site
    or account is learned), and letters repeated three times or more squeezed to two."""
    lowered = _HANDLE.sub(" _user_ ", _URL.sub(" _url_ ", text.lower()))
    return _REPEATS.sub(r"\1\1", lowered)


WORD_BUCKETS = 2**18
LETTER_BUCKETS = 2**19


def _counts(analyzer: str, ngrams: tuple[int, int], buckets: int) -> Pipeline:
    """Counts hashed into a fixed number of buckets, then TF-IDF. Hashing keeps no vocabulary:
    the model file holds one IDF vector, not hundreds of thousands of strings."""
    return make_pipeline(
        HashingVectorizer(
            preprocessor=normalise,
            analyzer=analyzer,
            ngram_range=ngrams,
            n_features=buckets,
            alternate_sign=False,
            norm=None,
        ),
        TfidfTransformer(sublinear_tf=True),
    )


def feature_union(*, encoder_weight: float) -> FeatureUnion:
    """The feature step every head shares (fitted once, on every head's training texts)."""
    return FeatureUnion(
        [
            ("words", _counts("word", (1, 2), WORD_BUCKETS)),
            ("letters", _counts("char_wb", (2, 5), LETTER_BUCKETS)),
            ("meaning", Meaning(weight=encoder_weight)),
        ]
    )


@dataclass(frozen=True, slots=True)
class HeadInfo:
    """One yes/no question a head answers, and what a yes means for the policy."""

    name: str
    tier: Tier | None  # None: a route head, which names a special route and leaves the tier be
    rule: str
    category: str
    threshold: float
    trained_on: str
    # The head speaks only about comments this matches (lower-cased text); None: about any.
    gate: re.Pattern[str] | None = None
    route: Route | None = None


class Token(NamedTuple):
    """A word and where it sits in the comment."""

    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Verdict:
    head: HeadInfo
    probability: float
    evidence: tuple[Token, ...]  # the words that pushed hardest towards the flag


@dataclass
class _Group:
    """Heads that share one fitted feature step (one model file)."""

    features: FeatureUnion
    heads: list[HeadInfo]
    weights: sparse.csc_matrix  # features x heads
    intercepts: np.ndarray[Any, np.dtype[np.float64]]

    def __post_init__(self) -> None:
        # Each head's weights dense once (3 heads: 9 MB), so finding a flag's words costs a few
        # lookups rather than a copy of the whole column.
        self.columns = self.weights.toarray().astype(np.float32).T


class LearnedHeads:
    """Every available head, judged together: features once per batch, then one product."""

    def __init__(self, groups: Sequence[_Group]) -> None:
        self._groups = list(groups)

    @property
    def heads(self) -> tuple[HeadInfo, ...]:
        return tuple(head for group in self._groups for head in group.heads)

    @classmethod
    def load(cls, *directories: Path) -> LearnedHeads:
        """Heads from each directory in turn; a later directory's head replaces one of the same name."""
        heads = cls([])
        for directory in directories:
            if (directory / MODEL_FILE).exists():
                heads = heads.replaced_by(read_group(directory))
        return heads

    def replaced_by(self, group: _Group) -> LearnedHeads:
        """These heads with `group` added; its heads replace any of the same name."""
        names = {head.name for head in group.heads}
        kept = []
        for earlier in self._groups:
            keep = [i for i, head in enumerate(earlier.heads) if head.name not in names]
            if keep:
                kept.append(
                    _Group(
                        earlier.features,
                        [earlier.heads[i] for i in keep],
                        sparse.csc_matrix(earlier.weights[:, keep]),
                        earlier.intercepts[keep],
                    )
                )
        return LearnedHeads([*kept, group])

    def judge(self, text: str) -> list[Verdict]:
        """The heads whose probability reaches their threshold, with their evidence."""
        return self.judge_many([text])[0]

    def judge_many(self, texts: Sequence[str]) -> list[list[Verdict]]:
        verdicts: list[list[Verdict]] = [[] for _ in texts]
        if not texts:
            return verdicts
        for group in self._groups:
            matrix = sparse.csr_matrix(group.features.transform(list(texts)))
            scores = matrix @ group.weights + group.intercepts
            probabilities = 1.0 / (1.0 + np.exp(-np.clip(scores, -35, 35)))
            flags = [
                (int(row), int(column))
                for row, column in zip(
                    *np.nonzero(probabilities >= [h.threshold for h in group.heads]), strict=True
                )
                if group.heads[column].gate is None or group.heads[column].gate.search(texts[row].lower())
            ]
            for (row, column), evidence in zip(flags, _evidence(group, matrix, flags, texts), strict=True):
                verdicts[row].append(
                    Verdict(group.heads[column], float(probabilities[row, column]), evidence)
                )
        return verdicts


def _evidence(
    group: _Group, matrix: sparse.csr_matrix, flags: Sequence[tuple[int, int]], texts: Sequence[str]
) -> list[tuple[Token, ...]]:
    """For each flag, up to three words that pushed hardest towards it: the weights of each
    word's own features (the word, and its letter groups) times their values in that comment,
    found by hashing the flagged comments' words as the feature step does, all in one go
    (placeholders never shown)."""
    if not flags:
        return []
    words = {row: list(_WORD.finditer(texts[row].lower())) for row, _ in flags}
    rows = sorted(words)
    (_, word_step), (_, letter_step) = group.features.transformer_list[:2]
    word_hash, letter_hash = word_step.steps[0][1], letter_step.steps[0][1]
    found = [m.group() for row in rows for m in words[row]]
    if not found:  # flagged comments with no words (emoji, say): nothing to point at
        return [() for _ in flags]
    own_words, own_letters = word_hash.transform(found), letter_hash.transform(found)
    first = dict(zip(rows, np.cumsum([0, *(len(words[row]) for row in rows)]).tolist(), strict=False))
    offset = word_hash.n_features
    out = []
    for row, column in flags:
        weights = group.columns[column]
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        indices = matrix.indices[start:end]
        contributions = dict(
            zip(indices.tolist(), (weights[indices] * matrix.data[start:end]).tolist(), strict=True)
        )
        pushes = []
        for i, match in enumerate(words[row], start=first[row]):
            own = own_words.indices[own_words.indptr[i] : own_words.indptr[i + 1]].tolist()
            own += (own_letters.indices[own_letters.indptr[i] : own_letters.indptr[i + 1]] + offset).tolist()
            push = sum(contributions.get(j, 0.0) for j in own)
            if push > 0 and not match.group().startswith("_"):
                pushes.append((push, match.span()))
        strongest = sorted(pushes, reverse=True)[:3]  # strongest first: the engine reads the first
        text = texts[row]
        out.append(tuple(Token(text[s:e], s, e) for _push, (s, e) in strongest))
    return out


def read_group(directory: Path) -> _Group:
    model_path, manifest_path = directory / MODEL_FILE, directory / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"{manifest_path}: model format {manifest.get('format')!r}, expected {FORMAT}")
    untrusted = skops_io.get_untrusted_types(file=model_path)
    unexpected = [name for name in untrusted if not name.startswith(_TRUSTED_PREFIXES)]
    if unexpected:
        raise ValueError(f"{model_path} holds types modbot does not load: {', '.join(unexpected)}")
    stored = skops_io.load(model_path, trusted=untrusted)
    names: list[str] = list(stored["heads"])
    heads = []
    for name in names:
        about = manifest["heads"][name]
        heads.append(
            HeadInfo(
                name=name,
                tier=Tier(about["tier"]) if about["tier"] is not None else None,
                rule=about["rule"],
                category=about["category"],
                threshold=float(about["threshold"]),
                trained_on=about["trained_on_summary"],
                gate=re.compile(about["gate"]) if about.get("gate") else None,
                route=Route(about["route"]) if about.get("route") else None,
            )
        )
    return _Group(
        stored["features"], heads, sparse.csc_matrix(stored["weights"]), np.asarray(stored["intercepts"])
    )


def write_group(directory: Path, *, group: _Group, manifest: dict[str, Any]) -> None:
    """The heads as arrays (their weights sparse: most hashed features never occurred) beside
    the fitted feature step, compressed; the manifest as readable JSON."""
    directory.mkdir(parents=True, exist_ok=True)
    stored = {
        "features": group.features,
        "heads": [head.name for head in group.heads],
        "weights": sparse.csr_matrix(group.weights, dtype=np.float32),
        "intercepts": group.intercepts,
    }
    skops_io.dump(stored, directory / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    text = json.dumps({"format": FORMAT, **manifest}, indent=2, ensure_ascii=False, sort_keys=False)
    (directory / MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")


def describe(model: LearnedHeads) -> Iterable[str]:
    for head in model.heads:
        yield (
            f"{head.name} ({_speaks_for(head)}, threshold {head.threshold:.2f}), "
            f"learned from {head.trained_on}"
        )


def _speaks_for(head: HeadInfo) -> str:
    if head.tier is not None:
        return f"tier {int(head.tier)}"
    return f"route {head.route.value}" if head.route is not None else "no tier or route"
