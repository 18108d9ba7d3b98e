"""The chat-neutral card of a surge. Edges render it; it says at a glance how big the pile-on is,
what it is made of, and what one click will do."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from bot.core.models import CaseStatus, ItemKind, Platform, Tier
from bot.core.moderation import surges
from bot.core.moderation.capabilities import capabilities_for
from bot.core.moderation.surges import SurgeStatus
from bot.core.moderation.views import Confirm, format_when
from bot.store.tables import Surge

SURGE_HIDE_ALL = "hide_all"
SURGE_EXPAND = "expand"
_EXCERPT = 140
_LATEST = 3
_STATUS_WORDS = {
    CaseStatus.OPEN: "open",
    CaseStatus.ACTIONING: "being actioned",
    CaseStatus.AWAITING_MANUAL: "to do by hand",
    CaseStatus.FAILED: "failed",
    CaseStatus.HIDDEN: "hidden",
    CaseStatus.DELETED: "deleted",
    CaseStatus.LEFT: "left up",
    CaseStatus.ROUTED: "routed",
    CaseStatus.HANDLED: "handled",
}


@dataclass(frozen=True, slots=True)
class SurgeButton:
    action: str  # SURGE_HIDE_ALL or SURGE_EXPAND
    label: str
    style: str = ""
    confirm: Confirm | None = None


@dataclass(frozen=True, slots=True)
class SurgeComment:
    author: str
    excerpt: str
    status: str


@dataclass(frozen=True, slots=True)
class SurgeCard:
    surge_id: int
    version: int
    headline: str
    platform: str
    account: str
    post_url: str
    tiers: tuple[tuple[str, int], ...]  # tier label, how many
    reasons: tuple[tuple[str, int], ...]  # the commonest reasons, how many
    counts: tuple[tuple[str, int], ...]  # status word, how many
    latest: tuple[SurgeComment, ...]
    status_line: str
    notes: tuple[str, ...]
    buttons: tuple[SurgeButton, ...]


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def _span(minutes: float) -> str:
    if minutes < 1:
        return "under a minute"
    if minutes < 90:
        return f"{round(minutes)} minute{'s' if round(minutes) != 1 else ''}"
    return f"{minutes / 60:.1f} hours"


def build_surge_card(session: Session, *, surge_id: int, now: datetime) -> SurgeCard:
    surge = surges.load(session, surge_id)
    rows = surges.members(session, surge_id)
    platform = Platform(surge.platform)
    tiers: Counter[str] = Counter(Tier(case.tier).label for case, _ in rows)
    reasons: Counter[str] = Counter()
    for _, comment in rows:
        seen = {r["category"] for r in comment.reasons if not r["rule"].startswith("route.")}
        reasons.update(seen)
    statuses: Counter[CaseStatus] = Counter(CaseStatus(case.status) for case, _ in rows)
    hideable = sum(
        1
        for case, comment in rows
        if CaseStatus(case.status) is CaseStatus.OPEN
        and capabilities_for(platform, ItemKind(comment.kind)).hide
    )
    open_count = statuses[CaseStatus.OPEN]
    first = min((case.opened_at for case, _ in rows), default=surge.opened_at)
    minutes = (surge.last_at - first).total_seconds() / 60
    count = len(rows)
    headline = (
        f"Surge: {count} flagged comment{'s' if count != 1 else ''} on one {platform.label} post "
        f"in {_span(minutes)}"
    )
    anchor = rows[0][1] if rows else None
    status = SurgeStatus(surge.status)
    if status is SurgeStatus.EXPANDED:
        status_line = (
            f"Shown one by one at the request of {surge.expanded_by_name or 'a moderator'}"
            f" ({format_when(surge.expanded_at or now, now)}): each comment has its own card."
        )
    elif status is SurgeStatus.GROUPING:
        status_line = (
            f"Still gathering: new flagged comments on this post join this card until none has come "
            f"for a while. Last one {format_when(surge.last_at, now)}."
        )
    else:
        status_line = f"Quiet since {format_when(surge.last_at, now)}."
    notes = []
    if surge.earlier_cards:
        notes.append(
            f"The first {surge.earlier_cards} flagged comment{'s' if surge.earlier_cards != 1 else ''} "
            "on this post have cards of their own."
        )
    notes.append(
        "Urgent items, complaints, FOI and media requests and medical questions on this post always "
        "get their own card."
    )
    buttons: list[SurgeButton] = []
    if hideable:
        buttons.append(
            SurgeButton(
                SURGE_HIDE_ALL,
                f"Hide all {hideable} open",
                "danger",
                Confirm(
                    title="Hide them all?",
                    text=(
                        f"{hideable} comment{'s' if hideable != 1 else ''} will be hidden on "
                        f"{platform.label}. Each is recorded in the audit log as hidden by you, "
                        "and can be unhidden later."
                    ),
                    confirm="Hide all",
                    danger=True,
                ),
            )
        )
    if open_count and status is not SurgeStatus.EXPANDED:
        buttons.append(SurgeButton(SURGE_EXPAND, "Cards one by one"))
    latest = tuple(
        SurgeComment(
            author=comment.author_name or comment.author_id or "unknown author",
            excerpt=_clip(comment.text),
            status=_STATUS_WORDS[CaseStatus(case.status)],
        )
        for case, comment in reversed(rows[-_LATEST:])
    )
    return SurgeCard(
        surge_id=surge_id,
        version=surge.version,
        headline=headline,
        platform=platform.label,
        account=anchor.account_name if anchor else "",
        post_url=anchor.post_url if anchor else "",
        tiers=tuple(tiers.most_common()),
        reasons=tuple(reasons.most_common(3)),
        counts=tuple((_STATUS_WORDS[s], n) for s, n in statuses.most_common()),
        latest=latest,
        status_line=status_line,
        notes=tuple(notes),
        buttons=tuple(buttons),
    )


def surges_since(session: Session, *, since: datetime, now: datetime) -> tuple[str, ...]:
    """One line per surge active since `since`, for the handover: where, how many, where they stand."""
    found = session.exec(select(Surge).where(col(Surge.last_at) >= since).order_by(col(Surge.id))).all()
    lines = []
    for surge in found:
        assert surge.id is not None
        rows = surges.members(session, surge.id)
        statuses: Counter[CaseStatus] = Counter(CaseStatus(case.status) for case, _ in rows)
        standing = ", ".join(f"{n} {_STATUS_WORDS[s]}" for s, n in statuses.most_common())
        lines.append(
            f"{Platform(surge.platform).label} post: {len(rows)} flagged comments grouped, "
            f"{format_when(surge.opened_at, now)} to {format_when(surge.last_at, now)} ({standing})"
        )
    return tuple(lines)
