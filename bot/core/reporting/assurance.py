"""The month's assurance for the Audit Committee (MSE section 9; SSOT 8.0), read from the database.

Every figure is read from the audit log and the tables for one calendar month in London time, so
it can be checked line by line against `modbot audit export` for the same dates: decisions,
escalations, checks done and safeguarding events are counted from the audit rows themselves.
People are counted, never named; safeguarding reports appear as references and counts only.
Edges render the view model (`figures`: an HTML page with charts, a PDF); `figures.METHODS` says
how each figure is computed, and the report prints it beside the figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from statistics import median, quantiles
from typing import NamedTuple

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from bot.core.models import Decision
from bot.core.reporting.figures import Agreement, MonthlyAssurance, Overdue, Response, Safeguarding, WeekCount
from bot.core.rhythm.clock import LONDON, WorkingCalendar
from bot.store.tables import AuditEvent, Case, Comment, SafeguardingReport, ScheduledSend

# A check acknowledged this long after its reminder counts as done on time.
CHECK_GRACE = timedelta(hours=1)
# Decisions that take a flagged comment down: the moderator agreed with a Tier 1 or 2 flag.
_REMOVING = frozenset({Decision.HIDE, Decision.DELETE, Decision.HIDE_AND_REPORT, Decision.REMOVE_AND_BAN})
OVERDUE_CAP = 25


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The UTC instants where the London calendar month starts and the next one starts."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (
        datetime.combine(first, time(0), tzinfo=LONDON).astimezone(UTC),
        datetime.combine(following, time(0), tzinfo=LONDON).astimezone(UTC),
    )


def _week(moment: datetime) -> date:
    day = moment.astimezone(LONDON).date()
    return day - timedelta(days=day.weekday())


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back naive; every stored one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _percentile90(values: Sequence[float]) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return quantiles(values, n=10, method="inclusive")[-1]


def build_monthly_assurance(
    *, session: Session, month: date, organisation: str, calendar: WorkingCalendar, now: datetime
) -> MonthlyAssurance:
    start, end = month_bounds(month)
    events = _events(session, start, end)
    received_rows = session.exec(
        select(Comment.platform, Comment.received_at, Comment.tier).where(
            col(Comment.received_at) >= start, col(Comment.received_at) < end
        )
    ).all()
    by_week: Counter[tuple[date, str]] = Counter()
    by_platform: Counter[str] = Counter()
    tiers: Counter[int] = Counter()
    for platform, received_at, tier in received_rows:
        by_week[(_week(_aware(received_at)), platform)] += 1
        by_platform[platform] += 1
        tiers[int(tier)] += 1
    # Every item given a route has a case (a route always needs the desk), so the routes are read
    # from the cases: a few thousand rows rather than every comment's JSON.
    routes: Counter[str] = Counter()
    for (case_routes,) in session.execute(
        sa_select(col(Case.routes))
        .join(Comment, col(Comment.id) == col(Case.comment_id))
        .where(col(Comment.received_at) >= start, col(Comment.received_at) < end)
    ):
        routes.update(case_routes or ())

    decided = [e for e in events if e.action.startswith("decided_")]
    people = Counter(e.actor for e in decided)
    response, agreement = _responses(session, decided, calendar)
    overdue_count, overdue_cases = _overdue(session, start=start, end=min(end, now))
    escalations = [e for e in events if e.action == "escalated_out_of_hours"]
    contacted = sum(e.action == "contact_sent" for e in events)
    checks_by_week, checks = _checks(session, month)
    return MonthlyAssurance(
        organisation=organisation,
        month=month.replace(day=1),
        start=start,
        end=end,
        generated_at=now,
        received=len(received_rows),
        received_by_week=tuple(WeekCount(w, p, n) for (w, p), n in sorted(by_week.items())),
        received_by_platform=tuple(sorted(by_platform.items(), key=lambda kv: (-kv[1], kv[0]))),
        flagged_by_tier=tuple((t, tiers.get(t, 0)) for t in (1, 2, 3)),
        routes=tuple(sorted(routes.items(), key=lambda kv: (-kv[1], kv[0]))),
        decisions=tuple(
            sorted(Counter(e.action.removeprefix("decided_") for e in decided).items(), key=lambda kv: -kv[1])
        )
        + ((("contact_sent", contacted),) if contacted else ()),
        deciders=len(people),
        decisions_by_person=tuple(sorted(people.values(), reverse=True)),
        response=response,
        overdue=overdue_count,
        overdue_cases=overdue_cases,
        escalations=len(escalations),
        escalations_nobody_on_call=sum(e.outcome == "nobody_on_call" for e in escalations),
        escalation_act_minutes=_acted_on(escalations, decided),
        handover_ack_minutes=_handover_acks(session, start, end),
        checks_by_week=checks_by_week,
        checks=checks,
        safeguarding=_safeguarding(session, start, end),
        themes=_themes(session, start, end),
        agreement=agreement,
    )


def _acted_on(escalations: Sequence[_Event], decided: Sequence[_Event]) -> tuple[float, ...]:
    """Minutes from each escalation to the first decision on its case that followed it."""
    firsts: dict[int, list[datetime]] = {}
    for event in decided:
        if event.case_id is not None:
            firsts.setdefault(event.case_id, []).append(_aware(event.at))
    minutes = []
    for escalation in escalations:
        at = _aware(escalation.at)
        after = [d for d in firsts.get(escalation.case_id or -1, ()) if d >= at]
        if after:
            minutes.append((min(after) - at).total_seconds() / 60)
    return tuple(minutes)


class _Event(NamedTuple):
    at: datetime
    actor: str
    action: str
    case_id: int | None
    outcome: str


def _events(session: Session, start: datetime, end: datetime) -> list[_Event]:
    """The month's audit rows this report counts (decisions, escalations), in the order they were
    written: only the columns it reads, since a busy month holds a hundred thousand other rows."""
    rows = session.execute(
        sa_select(
            col(AuditEvent.at),
            col(AuditEvent.actor),
            col(AuditEvent.action),
            col(AuditEvent.case_id),
            col(AuditEvent.outcome),
        )
        .where(
            col(AuditEvent.at) >= start,
            col(AuditEvent.at) < end,
            col(AuditEvent.action).startswith("decided_", autoescape=True)
            | col(AuditEvent.action).in_(("escalated_out_of_hours", "contact_sent")),
        )
        .order_by(col(AuditEvent.id))
    ).all()
    return [_Event(*row) for row in rows]


def _responses(
    session: Session, decided: Sequence[_Event], calendar: WorkingCalendar
) -> tuple[Response, tuple[Agreement, ...]]:
    """Working-day hours to each case's first decision, and whether Tier 1 and 2 flags held."""
    first: dict[int, _Event] = {}
    for event in decided:  # the audit log is in id order: the first row per case is the first decision
        if event.case_id is not None:
            first.setdefault(event.case_id, event)
    cases = {
        row[0]: row
        for chunk in _chunks(sorted(first))
        for row in session.exec(
            select(col(Case.id), col(Case.opened_at), col(Case.due_at), col(Case.tier)).where(
                col(Case.id).in_(chunk)
            )
        ).all()
    }
    hours, within = [], 0
    agree: Counter[tuple[int, bool]] = Counter()
    for case_id, event in first.items():
        found = cases.get(case_id)
        if found is None:
            continue
        _id, opened_at, due_at, tier = found
        at = _aware(event.at)
        hours.append(calendar.fraction_elapsed(_aware(opened_at), at) * calendar.response_hours)
        if due_at is not None and at <= _aware(due_at):
            within += 1
        decision = event.action.removeprefix("decided_")
        if tier in (1, 2) and decision in {*(d.value for d in _REMOVING), Decision.LEAVE.value}:
            agree[(tier, decision != Decision.LEAVE.value)] += 1
    response = Response(
        decided=len(hours),
        median_hours=median(hours) if hours else None,
        p90_hours=_percentile90(hours),
        within_target=within,
        hours=tuple(hours),
    )
    agreement = tuple(
        Agreement(tier, agree[(tier, True)] + agree[(tier, False)], agree[(tier, True)]) for tier in (1, 2)
    )
    return response, agreement


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _overdue(session: Session, *, start: datetime, end: datetime) -> tuple[int, tuple[Overdue, ...]]:
    # SQLAlchemy's own select: sqlmodel's takes at most four columns.
    rows = session.execute(
        sa_select(col(Case.id), col(Case.platform), col(Case.tier), col(Case.due_at), col(Case.decided_at))
        .where(col(Case.due_at) >= start, col(Case.due_at) < end)
        .order_by(col(Case.due_at))
    ).all()
    late = [
        Overdue(int(i), p, int(t), _aware(d), _aware(x) if x is not None else None)
        for i, p, t, d, x in rows
        if d is not None and (x is None or _aware(x) > _aware(d))
    ]
    return len(late), tuple(late[:OVERDUE_CAP])


def _handover_acks(session: Session, start: datetime, end: datetime) -> tuple[float, ...]:
    rows = session.exec(
        select(ScheduledSend.sent_at, ScheduledSend.due_at, ScheduledSend.acknowledged_at).where(
            col(ScheduledSend.kind) == "handover",
            col(ScheduledSend.due_at) >= start,
            col(ScheduledSend.due_at) < end,
            col(ScheduledSend.acknowledged_at).is_not(None),
        )
    ).all()
    return tuple(
        max(0.0, (_aware(ack) - _aware(sent or due)).total_seconds() / 60)
        for sent, due, ack in rows
        if ack is not None
    )


def _checks(session: Session, month: date) -> tuple[tuple[WeekCount, ...], tuple[tuple[str, int], ...]]:
    """Each reminded check of the month: on time, late or missed, per week."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    sends = session.exec(
        select(ScheduledSend).where(
            col(ScheduledSend.kind) == "check",
            col(ScheduledSend.local_date) >= first,
            col(ScheduledSend.local_date) < following,
        )
    ).all()
    weekly: Counter[tuple[date, str]] = Counter()
    for send in sends:
        if send.acknowledged_at is None:
            state = "missed"
        elif _aware(send.acknowledged_at) <= _aware(send.sent_at or send.due_at) + CHECK_GRACE:
            state = "on_time"
        else:
            state = "late"
        weekly[(send.local_date - timedelta(days=send.local_date.weekday()), state)] += 1
    totals = Counter[str]()
    for (_week_start, state), n in weekly.items():
        totals[state] += n
    return (
        tuple(WeekCount(w, s, n) for (w, s), n in sorted(weekly.items())),
        tuple((s, totals.get(s, 0)) for s in ("on_time", "late", "missed")),
    )


def _safeguarding(session: Session, start: datetime, end: datetime) -> Safeguarding:
    reports = session.exec(
        select(SafeguardingReport)
        .where(col(SafeguardingReport.opened_at) >= start, col(SafeguardingReport.opened_at) < end)
        .order_by(col(SafeguardingReport.id))
    ).all()

    def hours(later: datetime | None, report: SafeguardingReport) -> float | None:
        return None if later is None else (_aware(later) - _aware(report.opened_at)).total_seconds() / 3600

    acks = [h for r in reports if (h := hours(r.acknowledged_at, r)) is not None]
    closes = [h for r in reports if (h := hours(r.closed_at, r)) is not None]
    return Safeguarding(
        opened=len(reports),
        references=tuple(r.reference for r in reports),
        by_category=tuple(sorted(Counter(r.category for r in reports).items(), key=lambda kv: -kv[1])),
        by_state=tuple(
            sorted(Counter(r.outcome or r.status for r in reports).items(), key=lambda kv: -kv[1])
        ),
        median_hours_to_acknowledge=median(acks) if acks else None,
        median_hours_to_close=median(closes) if closes else None,
    )


def _themes(session: Session, start: datetime, end: datetime) -> tuple[tuple[str, int], ...]:
    notes = session.exec(
        select(Case.note).where(
            col(Case.decided_action) == Decision.LEAVE.value,
            col(Case.note).is_not(None),
            col(Case.decided_at) >= start,
            col(Case.decided_at) < end,
        )
    ).all()
    grouped = Counter(" ".join(n.lower().split()) for n in notes if n and n.strip())
    return tuple(sorted(grouped.items(), key=lambda kv: (-kv[1], kv[0])))
