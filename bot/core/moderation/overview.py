"""The desk at a glance, as a view model: what Slack's Home tab and the Teams `desk` card show.

Open cases per tier (with links to their cards), what is overdue, who is on call tonight, when
each of the three checks was last done, and the month so far. Cheap counts only, so it can be
rebuilt every time someone opens it; the full month is `assurance.py`'s report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.core.moderation.views import format_when
from bot.core.profile import PolicyProfile
from bot.core.reporting.assurance import month_bounds
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.digests import SLOTS, Listing, open_by_tier, overdue
from bot.core.rhythm.rota import OnCall, on_call
from bot.store.tables import AuditEvent, Comment, SafeguardingReport, ScheduledSend


@dataclass(frozen=True, slots=True)
class CheckDone:
    slot: str  # morning, midday, afternoon
    at: datetime | None  # when it was last acknowledged (None: never)
    by: str


@dataclass(frozen=True, slots=True)
class MonthSoFar:
    month: date
    received: int
    tier1: int
    tier2: int
    decisions: int
    safeguarding: int


def month_line(month: MonthSoFar) -> str:
    """The month so far in one line, the same in every chat (counts, so no plurals to get wrong)."""
    return (
        f"items received {month.received:,} · Tier 1 flagged {month.tier1:,} · Tier 2 flagged "
        f"{month.tier2:,} · decisions {month.decisions:,} · safeguarding reports {month.safeguarding:,}"
    )


def checks_line(checks: Sequence[CheckDone], now: datetime, escape: Callable[[str], str]) -> str:
    """When each check was last done and by whom, in one line (`escape` is the chat's own)."""
    return " · ".join(
        f"{c.slot}: {format_when(c.at, now) + ' by ' + escape(c.by) if c.at else 'never'}" for c in checks
    )


@dataclass(frozen=True, slots=True)
class DeskOverview:
    at: datetime
    organisation: str
    open_by_tier: dict[int, Listing]
    overdue: Listing
    on_call: OnCall | None
    checks: tuple[CheckDone, ...]
    month: MonthSoFar

    @property
    def open_total(self) -> int:
        return sum(listing.count for listing in self.open_by_tier.values())


def _count(session: Session, query: object) -> int:
    return int(session.exec(query).one())  # type: ignore[call-overload]


def _month_so_far(session: Session, now: datetime) -> MonthSoFar:
    first = now.astimezone(LONDON).date().replace(day=1)
    start, _end = month_bounds(first)

    def comments(*conditions: object) -> int:
        query = select(func.count()).select_from(Comment).where(col(Comment.received_at) >= start)
        for condition in conditions:
            query = query.where(condition)  # type: ignore[arg-type]
        return _count(session, query)

    return MonthSoFar(
        month=first,
        received=comments(),
        tier1=comments(col(Comment.tier) == 1),
        tier2=comments(col(Comment.tier) == 2),
        decisions=_count(
            session,
            select(func.count())
            .select_from(AuditEvent)
            .where(
                col(AuditEvent.at) >= start,
                col(AuditEvent.action).startswith("decided_", autoescape=True),
            ),
        ),
        safeguarding=_count(
            session,
            select(func.count())
            .select_from(SafeguardingReport)
            .where(col(SafeguardingReport.opened_at) >= start),
        ),
    )


def _last_checks(session: Session) -> tuple[CheckDone, ...]:
    done = []
    for slot in SLOTS:
        send = session.exec(
            select(ScheduledSend)
            .where(
                col(ScheduledSend.kind) == "check",
                col(ScheduledSend.slot) == slot,
                col(ScheduledSend.acknowledged_at).is_not(None),
            )
            .order_by(col(ScheduledSend.acknowledged_at).desc())
            .limit(1)
        ).first()
        if send is None:
            done.append(CheckDone(slot, None, ""))
        else:
            done.append(CheckDone(slot, send.acknowledged_at, send.acknowledged_by or ""))
    return tuple(done)


def build_overview(*, session: Session, now: datetime, profile: PolicyProfile) -> DeskOverview:
    return DeskOverview(
        at=now,
        organisation=profile.organisation.name,
        open_by_tier=open_by_tier(session, now=now),
        overdue=overdue(session, now=now),
        on_call=on_call(session, day=now.astimezone(LONDON).date()),
        checks=_last_checks(session),
        month=_month_so_far(session, now),
    )
