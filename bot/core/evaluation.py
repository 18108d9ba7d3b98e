"""Measuring the policy engine on labelled comments: per-tier precision/recall/F1, confusion
matrix, Tier 3 false-flag rate, throughput and per-comment latency.

Labels are tiers: 1 harmful, 2 misinformation or spam, 3 leave. A set is scored on the tiers it
covers (the public sets each cover one flagged tier and tier 3), never pooled across sets.
"""

from __future__ import annotations

import csv
import html
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from bot.core.models import Route
from bot.core.policy import PolicyEngine
from bot.core.policy.identity_terms import measuring_comments
from bot.core.policy.learned import held_out

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


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def evaluate(name: str, examples: Sequence[Example], engine: PolicyEngine) -> Evaluation:
    confusion = {label: dict.fromkeys(TIERS, 0) for label in TIERS}
    latencies: list[float] = []
    predictions: list[int] = []
    started = time.perf_counter()
    for example in examples:
        t0 = time.perf_counter()
        predicted = int(engine.classify(example.text).tier)
        latencies.append(time.perf_counter() - t0)
        confusion[example.label][predicted] += 1
        predictions.append(predicted)
    elapsed = time.perf_counter() - started
    covered = tuple(t for t in TIERS if sum(confusion[t].values()))
    scores = []
    for tier in covered:
        if tier == 3:
            continue
        true_pos = confusion[tier][tier]
        predicted_pos = sum(confusion[label][tier] for label in TIERS)
        actual = sum(confusion[tier].values())
        precision = true_pos / predicted_pos if predicted_pos else 0.0
        recall = true_pos / actual if actual else 0.0
        scores.append(TierScore(tier, precision, recall, _f1(precision, recall), actual))
    tier3 = sum(confusion[3].values())
    false_flags = confusion[3][1] + confusion[3][2]
    latencies.sort()
    return Evaluation(
        name=name,
        examples=len(examples),
        tiers_covered=covered,
        confusion=confusion,
        scores=scores,
        tier3_false_flag_rate=false_flags / tier3 if tier3 else 0.0,
        comments_per_second=len(examples) / elapsed if elapsed else 0.0,
        p99_ms=latencies[int(0.99 * (len(latencies) - 1))] * 1000 if latencies else 0.0,
        predicted=tuple(predictions),
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


# --- Loaders -------------------------------------------------------------------------------


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


def load_davidson(path: Path) -> list[Example]:
    """Davidson et al.: class 0 hate and 1 offensive -> tier 1; 2 neither -> tier 3."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Example(html.unescape(row["tweet"]), 1 if row["class"] in ("0", "1") else 3)
            for row in csv.DictReader(handle)
        ]


def load_youtube(paths: Iterable[Path]) -> list[Example]:
    """YouTube Spam Collection: CLASS 1 spam -> tier 2; 0 ham -> tier 3."""
    examples = []
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            examples += [
                Example(row["CONTENT"], 2 if row["CLASS"] == "1" else 3) for row in csv.DictReader(handle)
            ]
    return examples


def load_constraint(path: Path) -> list[Example]:
    """CONSTRAINT COVID-19 fake news: fake -> tier 2; real -> tier 3 (quoting disabled)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        return [Example(row[1], 2 if row[2].strip() == "fake" else 3) for row in rows if len(row) >= 3]


RUMOURS = "COVID-19-rumor-dataset"  # the folder a clone of the dataset's repository makes
NEWS_RUMOURS = Path("Data") / "news" / "news.csv"
TWITTER_RUMOURS = Path("Data") / "twitter" / "Twitter.csv"


def load_covid_rumours(folder: Path) -> list[Example]:
    """The COVID-19 rumour dataset (Cheng et al. 2021), laid out as its repository is: false
    claims -> tier 2; true ones -> tier 3. Unverified ones (`U`) teach nothing either way and are
    left out. `Data/news/news.csv` has no header (id, label, content, ...); the Twitter file has.
    """
    examples = []
    for path, header in ((folder / NEWS_RUMOURS, False), (folder / TWITTER_RUMOURS, True)):
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = csv.reader(handle)
            if header:
                next(rows, None)
            examples += [
                Example(row[2], 2 if row[1] == "F" else 3)
                for row in rows
                if len(row) >= 3 and row[1] in ("F", "T") and row[2].strip()
            ]
    return examples


HATECHECK = Path("hatecheck-data") / "test_suite_cases.csv"  # in a clone of paul-rottger/hatecheck-data


def load_hatecheck(path: Path) -> list[Example]:
    """HateCheck's functional tests (Röttger et al. 2021, CC BY 4.0): hateful -> tier 1,
    non-hateful -> tier 3. Only ever measured, never learned.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Example(row["test_case"].strip(), 1 if row["label_gold"] == "hateful" else 3)
            for row in csv.DictReader(handle)
        ]


CRITICISM_SET = Path(__file__).parent / "policy" / "eval_data" / "nhs_criticism.csv"


def as_roots(datasets: Path | Sequence[Path]) -> tuple[Path, ...]:
    """One folder of labelled sets or several (the shared ones, and others cloned beside them)."""
    return (datasets,) if isinstance(datasets, Path) else tuple(datasets)


def find_set(datasets: Path | Sequence[Path], relative: str | Path) -> Path | None:
    """`relative` in the first of the folders that holds it."""
    for root in as_roots(datasets):
        if (root / relative).exists():
            return root / relative
    return None


def load_davidson_classes(path: Path) -> list[tuple[Example, str]]:
    """Davidson rows with their original class, so hate and offensive can be scored apart."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (Example(html.unescape(row["tweet"]), 1 if row["class"] in ("0", "1") else 3), row["class"])
            for row in csv.DictReader(handle)
        ]


def development_sets(datasets: Path | Sequence[Path]) -> Iterator[tuple[str, list[Example]]]:
    """The development sets found in `datasets`, each scored on its own.

    The shipped model learned from four fifths of Davidson, of the YouTube files and of the
    COVID-19 rumours, so only the held-out fifth of those is scored; CONSTRAINT is scored on its
    validation split, which no model trains on. The project's own criticism set and its
    comments naming protected groups (templates no model trains on) are always included.
    """
    davidson = find_set(datasets, Path("davidson-hate-offensive") / "labeled_data.csv")
    if davidson is not None:
        rows = [(e, cls) for e, cls in load_davidson_classes(davidson) if held_out(e.text)]
        yield "davidson held-out fifth (hate+offensive vs neither)", [e for e, _ in rows]
        yield "davidson held-out fifth (hate only vs neither)", [e for e, cls in rows if cls != "1"]
    youtube = find_set(datasets, "youtube-spam")
    videos = sorted(youtube.glob("Youtube0*.csv")) if youtube is not None else []
    if videos:
        yield (
            "youtube-spam held-out fifth (spam vs ham)",
            [e for e in load_youtube(videos) if held_out(e.text)],
        )
    constraint = find_set(datasets, Path("constraint-covid-fakenews") / "valid.tsv")
    if constraint is not None:
        yield "constraint-covid (fake vs real, validation split)", load_constraint(constraint)
    rumours = find_set(datasets, RUMOURS)
    if rumours is not None:
        yield (
            "covid-19 rumours held-out fifth (false vs true claims)",
            [e for e in load_covid_rumours(rumours) if held_out(e.text)],
        )
    hatecheck = find_set(datasets, HATECHECK)
    if hatecheck is not None:
        yield "hatecheck functional tests (hateful vs not)", load_hatecheck(hatecheck)
    if CRITICISM_SET.exists():
        yield "nhs criticism (written for this project)", load_labelled_csv(CRITICISM_SET)
    yield (
        "protected groups named or abused (written for this project)",
        [Example(c.text, c.label) for c in measuring_comments()],
    )


# --- The organisation's own decisions as labels ------------------------------------------------

_REMOVED = ("hidden", "deleted")
# Which learned head a flag speaks for, by the family of the rule or head that raised it. Flags
# no head judges (a named member of staff, personal data, a route) teach no head.
_HEAD_OF_FAMILY = {
    "abuse": "abuse",
    "hate": "abuse",
    "threat": "abuse",
    "spam": "spam",
    "misinformation": "misinformation",
}


class DecisionLabel(NamedTuple):
    case_id: int
    text: str
    label: int  # the tier the comment should have had: the classifier's if removed, 3 if left
    classifier_tier: int
    decision: str
    signal: str  # the head the flag speaks for (abuse, spam, misinformation), or ""


def signal_of(rules: Iterable[str], tier: int) -> str:
    """The learned head a flag of `tier` speaks for, read from the rules and heads that raised it."""
    for rule in rules:
        family, _, rest = rule.partition(".")
        head = rest if family == "model" else _HEAD_OF_FAMILY.get(family, "")
        if head and (tier == 1) == (head == "abuse"):
            return head
    return ""


def decision_labels(session: Any) -> list[DecisionLabel]:
    """Every settled moderator decision as a label.

    Hide/Delete confirms the flag (label = the tier the classifier gave); Leave says it should
    have been left up (label 3). Routed and handled cases carry no tier judgement and are skipped,
    and so are comments that shared personal details: labels are written out and learned from,
    and those details are only for the department they are passed to (MSE 6.5.2).
    """
    from sqlmodel import col, select

    from bot.store.tables import Case, Comment

    rows = [
        (case, text, reasons)
        for case, text, reasons, routes in session.exec(
            select(Case, Comment.text, Comment.reasons, Comment.routes)
            .join(Comment, col(Comment.id) == col(Case.comment_id))
            .where(col(Case.status).in_([*_REMOVED, "left"]), col(Comment.text) != "")
            .order_by(col(Case.id))
        ).all()
        if Route.PERSONAL_DATA.value not in (routes or ())
    ]
    return [
        DecisionLabel(
            int(case.id),
            str(text),
            int(case.tier) if case.status in _REMOVED else 3,
            int(case.tier),
            str(case.decided_action or case.status),
            signal_of((str(r.get("rule", "")) for r in reasons or ()), int(case.tier)),
        )
        for case, text, reasons in rows
    ]
