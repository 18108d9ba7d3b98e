"""The report's charts, drawn with matplotlib as PNG images (no screen, the Agg backend).

Each chart reads only the view model (`bot.core.reporting.assurance.MonthlyAssurance`), so its numbers are
the report's numbers. Colours are matplotlib's colour-blind-safe `tab10` defaults and every chart
has a title and axis labels, since a committee may print it in grey.
"""

from __future__ import annotations

import io
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # before pyplot: no display on a server

from matplotlib import pyplot as plt
from matplotlib.figure import Figure

from bot.core.models import Route
from bot.core.reporting.figures import MonthlyAssurance, WeekCount

# pyplot keeps global state: one report's charts at a time (the bot draws them on worker threads).
_DRAWING = threading.Lock()
_LABELS = {"on_time": "On time", "late": "Late", "missed": "Missed"}


@dataclass(frozen=True, slots=True)
class Chart:
    key: str  # the METHODS entry that explains it
    title: str
    alt: str  # what the picture shows, in words, for screen readers and for text-only mail
    png: bytes


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.tight_layout()
    figure.savefig(out, format="png", dpi=110)
    plt.close(figure)
    return out.getvalue()


def _stacked_weeks(counts: Sequence[WeekCount], order: Sequence[str], title: str, ylabel: str) -> bytes:
    weeks = sorted({c.week for c in counts})
    table: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
    for c in counts:
        table[c.key][weeks.index(c.week)] += c.count
    figure, axes = plt.subplots(figsize=(7, 3.2))
    bottom = [0] * len(weeks)
    labels = [f"w/c {w:%d %b}" for w in weeks]
    for key in [k for k in order if k in table] + sorted(set(table) - set(order)):
        axes.bar(labels, table[key], bottom=bottom, label=_LABELS.get(key, key.title()))
        bottom = [b + v for b, v in zip(bottom, table[key], strict=True)]
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    if table:
        axes.legend(fontsize="small", ncols=3)
    return _png(figure)


def _bars(pairs: Sequence[tuple[str, float]], title: str, xlabel: str, *, percent: bool = False) -> bytes:
    figure, axes = plt.subplots(figsize=(7, max(2.0, 0.45 * len(pairs) + 1)))
    names = [name for name, _ in pairs][::-1]
    values = [value for _, value in pairs][::-1]
    bars = axes.barh(names, values)
    axes.bar_label(bars, labels=[f"{v:.0%}" if percent else f"{v:,.0f}" for v in values], padding=3)
    axes.set_title(title)
    axes.set_xlabel(xlabel)
    if percent:
        axes.set_xlim(0, 1.15)
    return _png(figure)


def _response(report: MonthlyAssurance) -> bytes:
    hours = report.response.hours
    figure, axes = plt.subplots(figsize=(7, 3.2))
    axes.hist(hours, bins=[0, 4, 8, 16, 24, 36, 48, 72, 96, 144, max(145.0, *hours) if hours else 145.0])
    axes.axvline(48, color="black", linestyle="--", label="48-hour target")
    axes.set_title("Working-day hours from arrival to decision")
    axes.set_xlabel("hours (working days only)")
    axes.set_ylabel("cases")
    axes.legend(fontsize="small")
    return _png(figure)


def _label_route(value: str) -> str:
    try:
        return Route(value).label
    except ValueError:
        return value


def charts(report: MonthlyAssurance) -> list[Chart]:
    """Every chart the report shows, in reading order."""
    received = max(1, report.received)
    tiers = dict(report.flagged_by_tier)
    flagged = [
        ("Tier 1 (harmful)", tiers.get(1, 0) / received),
        ("Tier 2 (misinformation, spam)", tiers.get(2, 0) / received),
    ]
    flagged += [(_label_route(route), n / received) for route, n in report.routes]
    sg = report.safeguarding
    makers: list[tuple[str, str, str, Callable[[], bytes]]] = [
        (
            "received",
            "Comments received per platform and week",
            f"{report.received:,} items in the month; "
            + ", ".join(f"{p} {n:,}" for p, n in report.received_by_platform),
            lambda: _stacked_weeks(
                report.received_by_week,
                [p for p, _ in report.received_by_platform],
                "Comments received per week",
                "items",
            ),
        ),
        (
            "flagged",
            "Share flagged, per tier and special route",
            "; ".join(f"{name} {share:.1%}" for name, share in flagged),
            lambda: _bars(flagged, "Share of all items received", "share of items", percent=True),
        ),
        (
            "decisions",
            "Decisions by moderators",
            "; ".join(f"{a.replace('_', ' ')} {n:,}" for a, n in report.decisions)
            + f"; by {report.deciders} people",
            lambda: _bars([(a.replace("_", " "), n) for a, n in report.decisions], "Decisions", "decisions"),
        ),
        (
            "response",
            "Response times against the 48-hour working-day target",
            f"{report.response.within_target:,} of {report.response.decided:,} cases decided within target",
            lambda: _response(report),
        ),
        (
            "checks",
            "The three daily checks, per week",
            "; ".join(f"{_LABELS[s]} {n}" for s, n in report.checks),
            lambda: _stacked_weeks(
                report.checks_by_week, ["on_time", "late", "missed"], "Daily checks", "checks"
            ),
        ),
        (
            "safeguarding",
            "Safeguarding reports by category",
            "; ".join(f"{c.replace('_', ' ')} {n}" for c, n in sg.by_category) or "none",
            lambda: _bars(
                [(c.replace("_", " "), n) for c, n in sg.by_category], "Safeguarding reports", "reports"
            ),
        ),
        (
            "agreement",
            "How often moderators agreed with the classifier",
            "; ".join(f"Tier {a.tier}: {a.agreed} of {a.decided}" for a in report.agreement),
            lambda: _bars(
                [(f"Tier {a.tier}", a.agreed / a.decided if a.decided else 0.0) for a in report.agreement],
                "Flags the moderator took down",
                "share of decided flags",
                percent=True,
            ),
        ),
    ]
    with _DRAWING:
        return [Chart(key, title, alt, make()) for key, title, alt, make in makers]
