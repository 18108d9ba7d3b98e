"""The desk's rhythm as view models: check reminders and the end-of-day handover digest.

Built from the database as of an injected `now`; edges render them (Slack blocks, plain text).
Lists are capped and counts are exact, so a digest over 10,000 open cases stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.core.models import OPEN_STATUS_VALUES, CaseStatus, ContactState, Platform
from bot.core.moderation.surge_views import surges_since
from bot.core.moderation.views import format_when
from bot.core.profile import PolicyProfile
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.rota import OnCall, on_call
from bot.core.safeguarding.reports import opened_on
from bot.store.tables import CardRef, Case, Comment

LIST_CAP = 10
SLOTS = ("morning", "midday", "afternoon")


@dataclass(frozen=True, slots=True)
class CardLink:
    desk: str
    channel: str
    message_ref: str


@dataclass(frozen=True, slots=True)
class CaseLine:
    case_id: int
    tier: int
    urgent: bool
    summary: str
    due: str
    overdue: bool
    cards: tuple[CardLink, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    """An exact count and the first few lines behind it."""

    count: int
    lines: tuple[CaseLine, ...] = ()


@dataclass(frozen=True, slots=True)
class PostActivity:
    platform: str
    post_id: str
    post_url: str
    comments: int


@dataclass(frozen=True, slots=True)
class Reminder:
    slot: str
    title: str
    at: datetime
    window_start: datetime
    window_text: str
    open_by_tier: dict[int, Listing]
    due_soon: Listing
    overdue: Listing
    new_comments: int
    new_cases: int
    busiest_posts: tuple[PostActivity, ...]
    guidance: str


@dataclass(frozen=True, slots=True)
class HandoverDigest:
    day: date
    title: str
    at: datetime
    on_call: OnCall | None
    open_by_tier: dict[int, Listing]
    urgent: Listing
    pending_contact: Listing
    due_by_next_working_day: Listing
    overdue: Listing
    themes: tuple[tuple[str, int], ...]
    tier3_today: int
    warning: str = ""
    safeguarding_today: tuple[str, ...] = field(default_factory=tuple)
    surges_today: tuple[str, ...] = field(default_factory=tuple)  # one line per pile-on under a post


def _lines(session: Session, query: Any, now: datetime) -> tuple[CaseLine, ...]:
    rows = session.exec(query.limit(LIST_CAP)).all()
    ids = [case.id for case, _comment in rows]
    cards: dict[int, list[CardLink]] = {}
    if ids:
        for ref in session.exec(select(CardRef).where(col(CardRef.case_id).in_(ids))):
            cards.setdefault(ref.case_id, []).append(CardLink(ref.desk, ref.channel, ref.message_ref))
    lines = []
    for case, comment in rows:
        assert case.id is not None
        category = comment.reasons[0]["category"] if comment.reasons else "flagged"
        lines.append(
            CaseLine(
                case_id=case.id,
                tier=case.tier,
                urgent=case.urgent,
                summary=f"{Platform(comment.platform).label}: {category}",
                due=format_when(case.due_at, now) if case.due_at else "",
                overdue=bool(case.due_at and case.due_at <= now),
                cards=tuple(cards.get(case.id, ())),
            )
        )
    return tuple(lines)


def case_line(session: Session, *, case_id: int, now: datetime) -> CaseLine | None:
    """One open case as a digest line (None once it is closed)."""
    lines = _lines(session, _open_cases().where(col(Case.id) == case_id), now)
    return lines[0] if lines else None


def _open_cases() -> Any:
    return (
        select(Case, Comment)
        .join(Comment, col(Comment.id) == col(Case.comment_id))
        .where(col(Case.status).in_(OPEN_STATUS_VALUES))
    )


def _count(session: Session, *conditions: Any) -> int:
    query = select(func.count()).select_from(Case).where(col(Case.status).in_(OPEN_STATUS_VALUES))
    for condition in conditions:
        query = query.where(condition)
    return int(session.exec(query).one())


def _listing(session: Session, now: datetime, *conditions: Any) -> Listing:
    query = _open_cases()
    for condition in conditions:
        query = query.where(condition)
    query = query.order_by(col(Case.due_at), col(Case.id))
    return Listing(count=_count(session, *conditions), lines=_lines(session, query, now))


def open_by_tier(session: Session, *, now: datetime) -> dict[int, Listing]:
    """Open cases per tier: exact counts, the first few lines with links to their cards."""
    return {tier: _listing(session, now, col(Case.tier) == tier) for tier in (1, 2, 3)}


def overdue(session: Session, *, now: datetime) -> Listing:
    """Open cases past their response due time, soonest due first."""
    return _listing(session, now, col(Case.due_at) <= now)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)


def _at_local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON)


def due_soon_before(*, now: datetime, profile: PolicyProfile) -> datetime:
    """Cases due before this moment have used `nudge_fraction` of their response time."""
    calendar = profile.calendar
    remaining = timedelta(hours=calendar.response_hours * (1 - profile.schedules.nudge_fraction))
    return calendar.add_working_time(calendar.next_hours_start(now), remaining)


def window_start(*, slot: str, now: datetime, profile: PolicyProfile) -> datetime:
    """The morning check covers everything since the end of the last working day; later checks
    cover the time since the previous check today."""
    checks = dict(profile.schedules.check_slots())
    today = _local(now).date()
    if slot == "midday":
        return _at_local(today, checks["morning"])
    if slot == "afternoon":
        return _at_local(today, checks["midday"])
    return profile.calendar.last_hours_end(now)


def build_reminder(*, session: Session, slot: str, now: datetime, profile: PolicyProfile) -> Reminder:
    """What needs looking at now, for the check at `slot`."""
    if slot not in SLOTS:
        raise ValueError(f"slot must be one of {SLOTS}")
    since = window_start(slot=slot, now=now, profile=profile)
    near = due_soon_before(now=now, profile=profile)
    new_comments = int(
        session.exec(select(func.count()).select_from(Comment).where(col(Comment.received_at) >= since)).one()
    )
    new_cases = int(
        session.exec(select(func.count()).select_from(Case).where(col(Case.opened_at) >= since)).one()
    )
    # Scan only the time window on the covering index, then group: without MATERIALIZED, SQLite
    # prefers walking the whole (platform, post_id) index (bench/digests.py: 600 ms vs 120 ms).
    recent = (
        select(Comment.platform, Comment.post_id)
        .where(col(Comment.received_at) >= since, col(Comment.post_id) != "")
        .cte("recent")
        .prefix_with("MATERIALIZED")
    )
    posts = session.exec(
        select(recent.c.platform, recent.c.post_id, func.count())
        .group_by(recent.c.platform, recent.c.post_id)
        .order_by(func.count().desc())
        .limit(5)
    ).all()
    busiest = tuple(
        PostActivity(platform, post_id, _post_url(session, platform, post_id), int(n))
        for platform, post_id, n in posts
    )
    guidance = (
        "Look again at yesterday's posts too: conversations move on overnight (MSE Appendix C)."
        if slot == "morning"
        else "Look at every post shared today, even ones you checked: conversations move on."
    )
    return Reminder(
        slot=slot,
        title=f"{slot.title()} check · {_local(now):%a %d %b %H:%M}",
        at=now,
        window_start=since,
        window_text=f"since {_local(since):%H:%M %a %d %b}",
        open_by_tier=open_by_tier(session, now=now),
        due_soon=_listing(session, now, col(Case.due_at) > now, col(Case.due_at) <= near),
        overdue=overdue(session, now=now),
        new_comments=new_comments,
        new_cases=new_cases,
        busiest_posts=busiest,
        guidance=guidance,
    )


def _post_url(session: Session, platform: str, post_id: str) -> str:
    url = session.exec(
        select(Comment.post_url)
        .where(
            col(Comment.platform) == platform, col(Comment.post_id) == post_id, col(Comment.post_url) != ""
        )
        .limit(1)
    ).first()
    return url or ""


def build_handover_digest(*, session: Session, now: datetime, profile: PolicyProfile) -> HandoverDigest:
    """Everything the person on call needs to know tonight (MSE Appendix C)."""
    calendar = profile.calendar
    today = _local(now).date()
    start_of_day = _at_local(today, time(0))
    next_day = calendar.next_hours_start(_at_local(today, time(23, 59)))
    end_of_next = _at_local(_local(next_day).date(), calendar.end)
    themes = session.exec(
        select(func.lower(col(Case.note)), func.count())
        .where(
            col(Case.status) == CaseStatus.LEFT.value,
            col(Case.note).is_not(None),
            col(Case.decided_at) >= start_of_day,
        )
        .group_by(func.lower(col(Case.note)))
        .order_by(func.count().desc())
        .limit(LIST_CAP)
    ).all()
    tier3_today = int(
        session.exec(
            select(func.count())
            .select_from(Comment)
            .where(col(Comment.received_at) >= start_of_day, col(Comment.tier) == 3)
        ).one()
    )
    person = on_call(session, day=today)
    return HandoverDigest(
        day=today,
        title=f"End-of-day handover · {_local(now):%a %d %b}",
        at=now,
        on_call=person,
        open_by_tier=open_by_tier(session, now=now),
        urgent=_listing(session, now, col(Case.urgent).is_(True)),
        pending_contact=Listing(
            count=_count_contact(session),
            lines=_lines(
                session,
                select(Case, Comment)
                .join(Comment, col(Comment.id) == col(Case.comment_id))
                .where(col(Case.contact_state).in_([ContactState.OFFERED.value, ContactState.FAILED.value]))
                .order_by(col(Case.id)),
                now,
            ),
        ),
        due_by_next_working_day=_listing(
            session, now, col(Case.due_at) > now, col(Case.due_at) <= end_of_next
        ),
        overdue=overdue(session, now=now),
        themes=tuple((str(theme), int(n)) for theme, n in themes),
        tier3_today=tier3_today,
        warning="" if person else "Nobody is on call tonight. Set the rota with /oncall.",
        safeguarding_today=opened_on(session, since=start_of_day),
        surges_today=surges_since(session, since=start_of_day, now=now),
    )


def _count_contact(session: Session) -> int:
    return int(
        session.exec(
            select(func.count())
            .select_from(Case)
            .where(col(Case.contact_state).in_([ContactState.OFFERED.value, ContactState.FAILED.value]))
        ).one()
    )
