"""Measuring the classifier on labelled comments it never learned from.

Each labelled set is scored on its own (no set covers every tier). Figures come from
`sklearn.metrics`: precision, recall and F1 per flagged tier, the confusion matrix, and the share of
Tier 3 comments wrongly flagged. Three protocols say how the classifier carries to comments it was
never built from: the NHS-style held-out part (harm caught, routes named, criticism left up),
HateCheck (scoring only), and YouTube spam leave-one-video-out (trained here, four times).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from bot.core.models import Tier
from bot.core.policy import PolicyEngine, data
from bot.core.policy.identity_terms import measuring_comments

TIERS = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int


@dataclass(frozen=True, slots=True)
class TierScore:
    tier: int
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    name: str
    examples: int
    tiers_covered: tuple[int, ...]
    confusion: dict[int, dict[int, int]]  # label -> predicted -> count
    scores: list[TierScore] = field(default_factory=list)
    tier3_false_flag_rate: float = 0.0
    comments_per_second: float = 0.0
    p99_ms: float = 0.0
    predicted: tuple[int, ...] = field(default=(), repr=False)  # each example's tier, in order

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["predicted"]
        data["confusion"] = {str(k): {str(p): n for p, n in v.items()} for k, v in self.confusion.items()}
        return data


BATCH = 500
LATENCY_SAMPLE = 200  # comments timed one at a time, as a single webhook delivery is classified


def evaluate(name: str, examples: Sequence[Example], engine: PolicyEngine) -> Evaluation:
    texts = [e.text for e in examples]
    labels = np.array([e.label for e in examples], dtype=int)
    started = time.perf_counter()
    predicted = np.array(
        [
            int(v.tier)
            for i in range(0, len(texts), BATCH)
            for v in engine.classify_many(texts[i : i + BATCH])
        ],
        dtype=int,
    )
    elapsed = time.perf_counter() - started
    latencies = []
    for text in texts[:LATENCY_SAMPLE]:
        t0 = time.perf_counter()
        engine.classify(text)
        latencies.append(time.perf_counter() - t0)
    matrix = confusion_matrix(labels, predicted, labels=list(TIERS)) if len(labels) else np.zeros((3, 3), int)
    confusion = {label: {p: int(matrix[i][j]) for j, p in enumerate(TIERS)} for i, label in enumerate(TIERS)}
    covered = tuple(t for t in TIERS if sum(confusion[t].values()))
    flagged_tiers = [t for t in covered if t != 3]
    scores = []
    if flagged_tiers:
        precision, recall, f1, support = precision_recall_fscore_support(
            labels, predicted, labels=flagged_tiers, zero_division=0
        )
        scores = [
            TierScore(t, float(precision[i]), float(recall[i]), float(f1[i]), int(support[i]))
            for i, t in enumerate(flagged_tiers)
        ]
    leave = labels == 3
    latencies.sort()
    return Evaluation(
        name=name,
        examples=len(examples),
        tiers_covered=covered,
        confusion=confusion,
        scores=scores,
        tier3_false_flag_rate=float((predicted[leave] != 3).mean()) if leave.any() else 0.0,
        comments_per_second=len(examples) / elapsed if elapsed else 0.0,
        p99_ms=float(np.percentile(latencies, 99)) * 1000 if latencies else 0.0,
        predicted=tuple(int(p) for p in predicted),
    )


def report_text(evaluation: Evaluation) -> str:
    out = [f"{evaluation.name}: {evaluation.examples} examples, tiers {list(evaluation.tiers_covered)}"]
    for score in evaluation.scores:
        out.append(
            f"  tier {score.tier}: precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"F1 {score.f1:.3f}  (n={score.support})"
        )
    out.append(f"  tier 3 wrongly flagged: {evaluation.tier3_false_flag_rate:.1%}")
    out.append("  confusion (rows = label, columns = predicted tier 1 / 2 / 3):")
    for label in evaluation.tiers_covered:
        row = evaluation.confusion[label]
        out.append(f"    label {label}: {row[1]:>6} {row[2]:>6} {row[3]:>6}")
    speed = f"{evaluation.comments_per_second:,.0f} comments/s"
    out.append(f"  throughput: {speed}; p99 {evaluation.p99_ms:.3f} ms per comment")
    return "\n".join(out)


@dataclass(frozen=True, slots=True)
class GroupScore:
    """How one group of a labelled set fares: the share of its flagged-labelled comments that were
    flagged (tier 1 or 2), and the share of its tier 3 comments wrongly flagged."""

    value: str
    examples: int
    should_flag: int
    caught: float | None  # None when the group holds no tier 1 or 2 label
    should_leave: int
    wrongly_flagged: float | None  # None when the group holds no tier 3 label


def score_groups(rows: Sequence[tuple[Example, str]], evaluation: Evaluation) -> list[GroupScore]:
    """One line per value of a column, such as a test suite's functionality or a platform, from the
    tiers `evaluation` gave the same rows (nothing is classified twice)."""
    counts: dict[str, list[int]] = {}  # value -> [should flag, caught, should leave, wrongly flagged]
    for (example, value), predicted in zip(rows, evaluation.predicted, strict=True):
        flagged = predicted in (1, 2)
        tally = counts.setdefault(value, [0, 0, 0, 0])
        if example.label == 3:
            tally[2] += 1
            tally[3] += flagged
        else:
            tally[0] += 1
            tally[1] += flagged
    return [
        GroupScore(
            value=value,
            examples=flag + leave,
            should_flag=flag,
            caught=caught / flag if flag else None,
            should_leave=leave,
            wrongly_flagged=wrong / leave if leave else None,
        )
        for value, (flag, caught, leave, wrong) in sorted(counts.items())
    ]


def groups_text(name: str, column: str, groups: Sequence[GroupScore]) -> str:
    def share(rate: float | None, of: int) -> str:
        return f"{rate:6.1%} of {of}" if rate is not None else ""

    width = max([len(column), *(len(g.value) for g in groups)])
    lines = [
        f"{name} by {column}:",
        f"  {column:<{width}}  {'flagged (label 1/2)':<20} wrongly flagged (label 3)",
    ]
    for g in groups:
        flagged, wrong = share(g.caught, g.should_flag), share(g.wrongly_flagged, g.should_leave)
        lines.append(f"  {g.value:<{width}}  {flagged:<20} {wrong}".rstrip())
    return "\n".join(lines)


# --- The development sets and the protocols ------------------------------------------------


def load_labelled_csv(path: Path) -> list[Example]:
    """The simple format: a header with `text` and `label` (1, 2 or 3)."""
    return [example for example, _ in load_labelled_groups(path)]


def load_labelled_groups(path: Path, column: str | None = None) -> list[tuple[Example, str]]:
    """The simple format, each row with its value in `column` (any further column of the file)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"text", "label"} <= set(reader.fieldnames):
            raise ValueError(f"{path.name} needs a header with 'text' and 'label' columns")
        if column is not None and column not in reader.fieldnames:
            raise ValueError(f"{path.name} has no column {column!r} to group by")
        rows = []
        for line, row in enumerate(reader, start=2):
            try:
                label = int(row["label"])
            except ValueError as exc:
                raise ValueError(f"{path.name} line {line}: label must be 1, 2 or 3") from exc
            if label not in TIERS:
                raise ValueError(f"{path.name} line {line}: label must be 1, 2 or 3")
            rows.append((Example(row["text"], label), row[column] if column is not None else ""))
        return rows


def _examples(rows: Iterable[data.Row]) -> list[Example]:
    return [Example(r.text, r.tier) for r in rows]


HATECHECK_CONFLICT = "target_indiv_nh"  # abuse of one person: Tier 1 by the policy, "non-hateful" there


def development_sets(
    root: Path = data.DATASETS, constraint: Path | None = None
) -> Iterator[tuple[str, list[Example]]]:
    """Every labelled set, scored on the rows the shipped heads never learned from."""
    davidson = [r for r in data.davidson(root) if r.held_out]
    yield "davidson held-out fifth (hate+offensive vs neither)", _examples(davidson)
    yield "davidson held-out fifth (hate only vs neither)", _examples(r for r in davidson if r.group != "1")
    yield (
        "toxigen held-out fifth (hateful vs neutral)",
        _examples(r for r in data.toxigen(root) if r.held_out),
    )
    yield "youtube-spam held-out fifth (spam vs ham)", _examples(r for r in data.youtube(root) if r.held_out)
    yield (
        "covid-19 rumours held-out fifth (false vs true claims)",
        _examples(r for r in data.covid_rumours(root) if r.held_out),
    )
    yield "hatecheck functional tests, never learned from (hateful vs not)", _examples(data.hatecheck(root))
    if constraint is not None and (constraint / "valid.tsv").exists():
        yield (
            "constraint-covid validation split, never learned from (fake vs real)",
            _examples(data.constraint(constraint)),
        )
    nhs = data.nhs()
    yield (
        "nhs-style comments, held-out part (written for it)",
        _examples(r for r in nhs if r.held_out and r.origin != "criticism set"),
    )
    yield (
        "nhs criticism set (written for this project)",
        _examples(r for r in nhs if r.origin == "criticism set"),
    )
    yield (
        "protected groups named or abused (written for this project)",
        [Example(c.text, c.label) for c in measuring_comments()],
    )


@dataclass(frozen=True, slots=True)
class DeskScore:
    """The NHS-style held-out part as a desk sees it."""

    harmful_caught: float  # Tier 1 comments given Tier 1
    harmful: int
    flagged_caught: float  # Tier 2 comments given Tier 2
    flagged: int
    left_flagged: float  # comments to leave up (criticism, complaints) given Tier 1 or 2
    left: int
    routes_named: float  # comments with routes, given every one of them
    routed: int


def desk_score(engine: PolicyEngine, rows: Sequence[data.Row] | None = None) -> DeskScore:
    """Harm caught, routes named and criticism wrongly flagged on the held-out NHS-style part."""
    held = [r for r in (rows if rows is not None else data.nhs()) if r.held_out]
    verdicts = dict(zip((r.text for r in held), engine.classify_many([r.text for r in held]), strict=True))

    def share(subset: list[data.Row], hit: Callable[[data.Row], bool]) -> float:
        return sum(map(hit, subset)) / len(subset) if subset else 0.0

    harmful = [r for r in held if r.tier == 1]
    flagged = [r for r in held if r.tier == 2]
    left = [r for r in held if r.tier == 3 and not r.routes]
    routed = [r for r in held if r.routes_known and r.routes]
    return DeskScore(
        harmful_caught=share(harmful, lambda r: verdicts[r.text].tier is Tier.HARMFUL),
        harmful=len(harmful),
        flagged_caught=share(flagged, lambda r: verdicts[r.text].tier is Tier.MISINFORMATION_OR_SPAM),
        flagged=len(flagged),
        left_flagged=share(left, lambda r: verdicts[r.text].tier is not Tier.LEAVE),
        left=len(left),
        routes_named=share(routed, lambda r: set(r.routes) <= set(verdicts[r.text].routes)),
        routed=len(routed),
    )


@dataclass(frozen=True, slots=True)
class HateCheckScore:
    hateful_caught: float
    non_hateful_left: float
    non_hateful_left_policy: float  # without the functionality the policy disagrees with
    by_functionality: dict[str, float] = field(default_factory=dict)  # share given the right answer


def hatecheck_score(engine: PolicyEngine, root: Path = data.DATASETS) -> HateCheckScore:
    rows = data.hatecheck(root)
    tiers = np.array([int(v.tier) for v in engine.classify_many([r.text for r in rows])])
    hateful = np.array([r.tier == 1 for r in rows])
    conflict = np.array([r.group == HATECHECK_CONFLICT for r in rows])
    correct = np.where(hateful, tiers == 1, tiers == 3)
    functionalities = sorted({r.group for r in rows})
    groups = np.array([r.group for r in rows])
    return HateCheckScore(
        hateful_caught=float((tiers[hateful] == 1).mean()),
        non_hateful_left=float((tiers[~hateful] == 3).mean()),
        non_hateful_left_policy=float((tiers[~hateful & ~conflict] == 3).mean()),
        by_functionality={f: round(float(correct[groups == f].mean()), 3) for f in functionalities},
    )


def leave_one_video_out(root: Path = data.DATASETS) -> dict[str, float]:
    """Spam F1 on each YouTube video, by the engine with a spam head trained without that video
    (the shipped abuse and misinformation heads, which learned from no YouTube comment, beside it)."""
    from bot.core.policy import build_engine
    from bot.core.policy.engine import PolicyEngine as Engine
    from bot.core.policy.training import fit

    shipped = build_engine(())
    comments = data.youtube(root)
    videos = sorted({r.group for r in comments})
    scores: dict[str, float] = {}
    for video in videos:

        def without(row: data.Row, video: str = video) -> bool:
            return not (row.source == "youtube-spam" and row.group == video)

        fitted = fit(["spam"], root, keep=without)
        assert shipped.model is not None
        engine = Engine(model=shipped.model.replaced_by(fitted.group()))
        rows = [r for r in comments if r.group == video]
        tiers = [int(v.tier) for v in engine.classify_many([r.text for r in rows])]
        scores[video] = float(f1_score([r.tier == 2 for r in rows], [t == 2 for t in tiers]))
    scores["mean"] = float(np.mean(list(scores.values())))
    return scores
