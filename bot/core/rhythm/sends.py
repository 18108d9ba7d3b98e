"""Which scheduled sends are due, claimed once per (kind, local date, slot).

The scheduler asks every minute; the core answers from the working calendar and the policy's
times. A slot missed while the bot was down is still sent when it comes back, until the next
slot supersedes it (the handover: until midnight). A send is claimed by inserting its unique row
in the same transaction as the outbox task that delivers it, so a restart, a second process or a
second tick never sends a second copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import cast

from sqlalchemy import String, exists, literal, update
from sqlalchemy import cast as cast_sql
from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.delivery.desks import DeskTarget, enqueue_on_desks
from bot.core.delivery.tasks import TaskKind
from bot.core.errors import AlreadyDecided, ModbotError
from bot.core.models import OPEN_STATUS_VALUES, Actor
from bot.core.moderation.retention import RetentionResult, apply_retention
from bot.core.profile import PolicyProfile
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.digests import due_soon_before
from bot.store.tables import Case, ScheduledSend
from bot.store.upsert import insert_for

CHECK = "check"
HANDOVER = "handover"
HANDOVER_RESEND = "handover_resend"
NUDGE = "nudge"  # 75% of the response time has gone
OVERDUE = "overdue"
CLOCK_BATCH = 50


@dataclass(frozen=True, slots=True)
class DueSend:
    kind: str
    slot: str
    local_date: date
    due_at: datetime


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON)


def due_sends(*, now: datetime, profile: PolicyProfile) -> list[DueSend]:
    """The sends whose time has come today and whose window has not passed."""
    local = now.astimezone(LONDON)
    today = local.date()
    if not profile.calendar.is_working_day(today):
        return []
    schedule = profile.schedules
    timeline = [(CHECK, slot, at) for slot, at in schedule.check_slots()] + [
        (HANDOVER, HANDOVER, schedule.handover)
    ]
    timeline.sort(key=lambda entry: entry[2])
    due: list[DueSend] = []
    for index, (kind, slot, at) in enumerate(timeline):
        starts = _at(today, at)
        ends = (
            _at(today, timeline[index + 1][2])
            if kind == CHECK and index + 1 < len(timeline)
            else _at(today + timedelta(days=1), time(0))
        )
        if starts <= now < ends:
            due.append(DueSend(kind, slot, today, starts))
    return due


def _insert_send(session: Session, send: DueSend, now: datetime) -> int | None:
    stmt = (
        insert_for(session, ScheduledSend)
        .values(
            kind=send.kind, local_date=send.local_date, slot=send.slot, due_at=send.due_at, created_at=now
        )
        .on_conflict_do_nothing(index_elements=["kind", "local_date", "slot"])
        .returning(col(ScheduledSend.id))
    )
    row = session.connection().execute(stmt).first()
    return None if row is None else int(cast(int, row[0]))


def claim(session: Session, *, send: DueSend, desks: Sequence[DeskTarget], now: datetime) -> int | None:
    """Claim one send and queue its delivery to every desk; None when it was claimed before."""
    send_id = _insert_send(session, send, now)
    if send_id is None:
        return None
    enqueue_on_desks(
        session,
        kind=TaskKind.SEND_SCHEDULED,
        payload={"send_id": send_id},
        dedupe_key=lambda desk: f"scheduled:{send_id}:{desk}",
        desks=desks,
        now=now,
    )
    return send_id


def resend_unacknowledged_handover(
    session: Session, *, now: datetime, profile: PolicyProfile, desks: Sequence[DeskTarget]
) -> int | None:
    """If nobody has acknowledged today's handover in time, send it again (once) and say so."""
    today = now.astimezone(LONDON).date()
    handover = session.exec(
        select(ScheduledSend).where(
            col(ScheduledSend.kind) == HANDOVER, col(ScheduledSend.local_date) == today
        )
    ).first()
    if handover is None or handover.acknowledged_at is not None or handover.sent_at is None:
        return None
    if now < handover.due_at + timedelta(minutes=profile.schedules.handover_ack_minutes):
        return None
    return claim(session, send=DueSend(HANDOVER_RESEND, HANDOVER, today, now), desks=desks, now=now)


def tick(
    session: Session, *, now: datetime, profile: PolicyProfile, desks: Sequence[DeskTarget]
) -> list[int]:
    """One scheduler tick: claim every due send that nobody has claimed yet."""
    claimed = [
        send_id
        for send in due_sends(now=now, profile=profile)
        if (send_id := claim(session, send=send, desks=desks, now=now)) is not None
    ]
    resent = resend_unacknowledged_handover(session, now=now, profile=profile, desks=desks)
    if resent is not None:
        claimed.append(resent)
    claimed += response_clock_alerts(session, now=now, profile=profile, desks=desks)
    report = monthly_report(session, now=now, profile=profile, desks=desks)
    if report is not None:
        claimed.append(report)
    daily_retention(session, now=now, profile=profile)
    return claimed


ASSURANCE = "assurance"


def previous_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def monthly_report(
    session: Session, *, now: datetime, profile: PolicyProfile, desks: Sequence[DeskTarget]
) -> int | None:
    """On the first working day of a month, from the morning check, last month's assurance report
    goes to every desk: once, whatever restarts or second processes, like the reminders."""
    local = now.astimezone(LONDON)
    today, calendar = local.date(), profile.calendar
    if not calendar.is_working_day(today):
        return None
    if any(calendar.is_working_day(today.replace(day=d)) for d in range(1, today.day)):
        return None  # not the month's first working day
    starts = _at(today, profile.schedules.checks.morning)
    if now < starts:
        return None
    send = DueSend(ASSURANCE, f"{previous_month(today):%Y-%m}", today, starts)
    return claim(session, send=send, desks=desks, now=now)


RETENTION = "retention"
RETENTION_AT = time(2, 0)


def daily_retention(session: Session, *, now: datetime, profile: PolicyProfile) -> RetentionResult | None:
    """Once a day from 02:00 London time; the claim row and the erasure commit together."""
    local = now.astimezone(LONDON)
    if local.time() < RETENTION_AT:
        return None
    send = DueSend(RETENTION, "daily", local.date(), _at(local.date(), RETENTION_AT))
    if _insert_send(session, send, now) is None:
        return None
    return apply_retention(session, profile=profile, now=now)


def response_clock_alerts(
    session: Session, *, now: datetime, profile: PolicyProfile, desks: Sequence[DeskTarget]
) -> list[int]:
    """Nudge open cases at 75% of their response time, and alert once when overdue.

    Only in working hours: out of hours the urgent items are escalated instead, and the rest wait
    for the morning check, which lists what is overdue.
    """
    calendar = profile.calendar
    if not calendar.in_hours(now):
        return []
    near = due_soon_before(now=now, profile=profile)
    claimed: list[int] = []
    for kind, deadline in ((OVERDUE, now), (NUDGE, near)):
        slot = literal("case:") + cast_sql(Case.id, String)
        already = exists().where(col(ScheduledSend.kind) == kind, col(ScheduledSend.slot) == slot)
        rows = session.exec(
            select(Case.id, Case.due_at)
            .where(col(Case.status).in_(OPEN_STATUS_VALUES), col(Case.due_at) <= deadline, ~already)
            .order_by(col(Case.due_at))
            .limit(CLOCK_BATCH)
        ).all()
        for case_id, due_at in rows:
            if kind == NUDGE and due_at is not None and due_at <= now:
                continue  # already overdue: the overdue alert says it
            send = DueSend(kind, f"case:{case_id}", (due_at or now).astimezone(LONDON).date(), now)
            send_id = claim(session, send=send, desks=desks, now=now)
            if send_id is not None:
                claimed.append(send_id)
    return claimed


def mark_sent(session: Session, *, send_id: int, now: datetime) -> None:
    session.connection().execute(
        update(ScheduledSend)
        .where(col(ScheduledSend.id) == send_id, col(ScheduledSend.sent_at).is_(None))
        .values(sent_at=now)
    )


def is_check(session: Session, *, send_id: int) -> bool:
    """Whether a send is a check reminder ("Checked" is for moderators), not the handover (which
    the on-call manager acknowledges, moderator or not)."""
    send = session.get(ScheduledSend, send_id)
    return send is not None and send.kind not in (HANDOVER, HANDOVER_RESEND)


def acknowledge(session: Session, *, send_id: int, actor: Actor, now: datetime) -> ScheduledSend:
    """ "Checked" on a reminder, or "I have the handover": the first click is the record."""
    send = session.get(ScheduledSend, send_id)
    if send is None:
        raise ModbotError("That reminder no longer exists.")
    if send.kind == HANDOVER_RESEND:  # acknowledging the re-send acknowledges the handover
        original = session.exec(
            select(ScheduledSend).where(
                col(ScheduledSend.kind) == HANDOVER, col(ScheduledSend.local_date) == send.local_date
            )
        ).first()
        send = original or send
    result = session.connection().execute(
        update(ScheduledSend)
        .where(col(ScheduledSend.id) == send.id, col(ScheduledSend.acknowledged_at).is_(None))
        .values(acknowledged_by=actor.display, acknowledged_at=now)
    )
    if result.rowcount != 1:
        session.refresh(send)
        raise AlreadyDecided(
            case_id=0,
            outcome="Acknowledged" if send.kind == HANDOVER else "Checked",
            by=send.acknowledged_by or "someone",
            at=send.acknowledged_at.astimezone(LONDON) if send.acknowledged_at else None,
        )
    audit.record(
        session,
        actor=actor,
        action="handover_acknowledged" if send.kind == HANDOVER else f"check_done_{send.slot}",
        outcome="ok",
        now=now,
        subject=f"{send.kind}:{send.local_date.isoformat()}:{send.slot}",
    )
    session.refresh(send)
    return send


def acknowledged_what(send: ScheduledSend) -> str:
    """What a click on a send's button recorded, in the words every chat tells the clicker."""
    return "the handover is acknowledged" if send.kind == HANDOVER else f"the {send.slot} check is done"
