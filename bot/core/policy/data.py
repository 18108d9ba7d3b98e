"""Every labelled set the classifier learns from or is measured on, read into one row shape.

The public sets live in the repository's `datasets/` folder (text-and-label copies, with their
licences); the project's own NHS-style comments in `nhs_data/comments.csv`, with a fixed
held-out part. A set's held-out fifth is fixed by each text's SHA-256, so it is the same rows on
every machine. HateCheck is read for scoring only: `training` never asks for it.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from bot.core.models import Route

# The repository's datasets folder (present in a checkout; an installed package has none).
DATASETS = Path(__file__).resolve().parents[3] / "datasets"
NHS_SET = Path(__file__).with_name("nhs_data") / "comments.csv"
# Training rows in contrasting pairs, written by the repository's `datasets/nhs_contrast.py`.
NHS_CONTRAST = Path(__file__).with_name("nhs_data") / "contrast.csv"
# Written for this project: accurate health advice in a citizen's voice, for the misinformation
# head only (the claim sets' true rows are news headlines, so alone they taught that any claim a
# person makes is false).
TRUE_HEALTH_CLAIMS = Path(__file__).with_name("training_data") / "true_health_claims.csv"


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled text. `kind` names the head a flagged row teaches (abuse, spam,
    misinformation; "" for Tier 3); `group` is what the set groups rows by (a video, a
    HateCheck functionality, a Davidson class); `routes` are known only where `routes_known`."""

    text: str
    tier: int
    kind: str
    source: str
    group: str = ""
    held_out: bool = False
    routes: tuple[Route, ...] = ()
    routes_known: bool = False
    urgent: bool = False
    origin: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)


def held_out(text: str) -> bool:
    """The deterministic fifth of a public set kept out of training, so it can score the model."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def _read(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def _labelled(
    path: Path,
    source: str,
    *,
    flagged: Callable[[dict[str, str]], bool],
    tier: int,
    kind: str,
    group: str,
    keep: Callable[[dict[str, str]], bool] = lambda _r: True,
) -> list[Row]:
    """A set in `text` plus label columns: rows `flagged` says so get `tier` and teach `kind`;
    rows `keep` refuses are left out."""
    rows = []
    for r in filter(keep, _read(path)):
        hit = flagged(r)
        rows.append(
            Row(r["text"], tier if hit else 3, kind if hit else "", source, r[group], held_out(r["text"]))
        )
    return rows


def davidson(root: Path = DATASETS) -> list[Row]:
    """Davidson et al. 2017: class 0 hate and 1 offensive language -> Tier 1, 2 neither -> 3."""
    path = root / "davidson" / "tweets.csv"
    return _labelled(
        path, "davidson", flagged=lambda r: r["class"] != "2", tier=1, kind="abuse", group="class"
    )


def youtube(root: Path = DATASETS) -> list[Row]:
    """The YouTube Spam Collection: spam -> Tier 2, ham -> 3; grouped by video."""
    path = root / "youtube-spam" / "comments.csv"
    return _labelled(
        path, "youtube-spam", flagged=lambda r: r["spam"] == "1", tier=2, kind="spam", group="video"
    )


def toxigen(root: Path = DATASETS) -> list[Row]:
    """ToxiGen's seed statements: hateful -> Tier 1, neutral -> 3; grouped by the group named."""
    path = root / "toxigen-prompts" / "statements.csv"
    return _labelled(
        path, "toxigen", flagged=lambda r: r["hateful"] == "1", tier=1, kind="abuse", group="group"
    )


def covid_rumours(root: Path = DATASETS) -> list[Row]:
    """The COVID-19 rumour dataset: false claims -> Tier 2, true ones -> 3; unverified ones teach
    nothing either way and are left out."""
    return _labelled(
        root / "covid-rumours" / "claims.csv",
        "covid-rumours",
        flagged=lambda r: r["veracity"] == "F",
        tier=2,
        kind="misinformation",
        group="source",
        keep=lambda r: r["veracity"] in ("F", "T"),
    )


def hatecheck(root: Path = DATASETS) -> list[Row]:
    """HateCheck's functional tests: hateful -> Tier 1, non-hateful -> 3. Scoring only."""
    rows = _labelled(
        root / "hatecheck" / "cases.csv",
        "hatecheck",
        flagged=lambda r: r["label"] == "hateful",
        tier=1,
        kind="abuse",
        group="functionality",
    )
    return [replace(row, held_out=True) for row in rows]  # nothing learns from any of it


def constraint(folder: Path) -> list[Row]:
    """CONSTRAINT's validation split (fake -> Tier 2, real -> 3), when an organisation holds a
    copy: it states no licence, so it is never copied here and nothing ships learned from it."""
    rows = []
    with (folder / "valid.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            if len(row) >= 3:
                fake = row[2].strip() == "fake"
                rows.append(
                    Row(row[1], 2 if fake else 3, "misinformation" if fake else "", "constraint", "", True)
                )
    return rows


def nhs(path: Path = NHS_SET, contrast: Path | None = NHS_CONTRAST) -> list[Row]:
    """The project's NHS-style comments: a training part (the contrast rows included) and a
    fixed held-out part."""
    pairs = (
        []
        if contrast is None
        else [
            Row(
                r["text"], int(r["tier"]), r["kind"], "nhs", "contrast templates", origin="contrast templates"
            )
            for r in _read(contrast)
        ]
    )
    return pairs + [
        Row(
            r["text"],
            int(r["tier"]),
            r["kind"],
            "nhs",
            r["origin"],
            r["part"] == "held_out",
            tuple(Route(route) for route in r["routes"].split(";") if route),
            r["routes_labelled"] == "1",
            r["urgent"] == "1",
            r["origin"],
        )
        for r in _read(path)
    ]


def true_health_claims(path: Path = TRUE_HEALTH_CLAIMS) -> list[Row]:
    return [Row(r["text"], 3, "", "true-health-claims") for r in _read(path)]
