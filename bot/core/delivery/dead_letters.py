"""Outbox tasks that ran out of time: told to the desks, listed, and queued again by hand.

The outbox keeps trying a task with capped backoff until its time is up (a day by default). A
task that still fails then is never dropped silently: every desk is told what did not happen and
how to try again, `modbot outbox list --dead` lists it, and `modbot outbox retry` queues it
again with its clock restarted. A notice that itself runs out of time is left to the log and to
`modbot check`, so one outage cannot feed on itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, func, select

from bot.core.delivery.desks import DeskTarget, enqueue_on_desks
from bot.core.delivery.tasks import TaskKind
from bot.core.rhythm.clock import LONDON
from bot.store.tables import OutboxTask

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeskNotice:
    """A plain message for the moderators' channel: a headline and a few lines under it."""

    title: str
    lines: tuple[str, ...] = ()


def what_failed(task: OutboxTask) -> str:
    """The task in a moderator's words (ids only: payloads hold no personal data, and a
    safeguarding task is named without its reference, which is not the desk's to know)."""
    payload, desk = task.payload, task.payload.get("desk", "the desk")
    case = payload.get("case_id")
    match task.kind:
        case TaskKind.POST_CARD:
            return f"The card for case {case} could not be posted to {desk}."
        case TaskKind.REFRESH_CARD:
            return f"The card for case {case} on {desk} could not be brought up to date."
        case TaskKind.POST_SURGE_CARD | TaskKind.REFRESH_SURGE_CARD:
            return f"The card for surge {payload.get('surge_id')} on {desk} could not be posted or updated."
        case TaskKind.PLATFORM_ACTION:
            return f"The {payload.get('decision', 'action')} decided on case {case} was not carried out."
        case TaskKind.CONTACT_COMMENTER:
            return f"The message to the commenter of case {case} was not sent."
        case TaskKind.ESCALATE:
            return f"The out-of-hours escalation of case {case} did not reach {desk}."
        case TaskKind.SEND_SCHEDULED:
            send = payload.get("send_id")
            return f"A scheduled reminder, handover or monthly report (send {send}) did not reach {desk}."
        case TaskKind.AUTO_REPLY:
            return "An out-of-hours automatic reply to a direct message was not sent."
        case TaskKind.FETCH_TIKTOK_COMMENT:
            return "A TikTok comment announced by its webhook could not be read, so it is not on the desk."
        case kind if kind.startswith("safeguarding"):
            return "A safeguarding task could not be completed: tell the safeguarding lead."
        case _:
            return f"A {task.kind.replace('_', ' ')} task could not be completed."


def notice_for(task: OutboxTask, *, now: datetime) -> DeskNotice:
    started = task.created_at.astimezone(LONDON)
    return DeskNotice(
        title=what_failed(task),
        lines=(
            f"modbot kept trying from {started:%d %b %H:%M} until {now.astimezone(LONDON):%d %b %H:%M} "
            f"({task.attempts} attempts) and has stopped.",
            f"Last error: {task.last_error or 'none recorded'}",
            f"Once the cause is fixed, queue it again: modbot outbox retry {task.id}",
        ),
    )


def tell_desks(session: Session, *, task: OutboxTask, desks: Sequence[DeskTarget], now: datetime) -> None:
    """Queue a notice of `task`'s end to every desk (called as the outbox buries it)."""
    if task.kind == TaskKind.DEAD_TASK_NOTICE:
        log.error(
            "the notice about outbox task %s could not be delivered either; see modbot outbox list --dead",
            task.payload.get("task_id"),
        )
        return
    enqueue_on_desks(
        session,
        kind=TaskKind.DEAD_TASK_NOTICE,
        payload={"task_id": task.id},
        dedupe_key=lambda desk: f"dead_task_notice:{task.id}:{now.isoformat()}:{desk}",
        desks=desks,
        now=now,
    )


def tasks(session: Session, *, dead_only: bool, limit: int = 200) -> list[OutboxTask]:
    """Outbox tasks not yet done (or only the dead ones), oldest first."""
    wanted = ("dead",) if dead_only else ("pending", "running", "dead")
    return list(
        session.exec(
            select(OutboxTask)
            .where(col(OutboxTask.status).in_(wanted))
            .order_by(col(OutboxTask.id))
            .limit(limit)
        ).all()
    )


def dead_count(session: Session) -> int:
    return int(session.exec(select(func.count()).where(col(OutboxTask.status) == "dead")).one())


def requeue(session: Session, *, ids: Sequence[int], all_dead: bool, now: datetime) -> list[int]:
    """Queue dead tasks again (the given ids, or every one), their time restarted from now."""
    query = select(OutboxTask.id).where(col(OutboxTask.status) == "dead")
    if not all_dead:
        query = query.where(col(OutboxTask.id).in_(list(ids)))
    found = [int(task_id) for task_id in session.exec(query).all() if task_id is not None]
    if found:
        session.connection().execute(
            update(OutboxTask)
            .where(col(OutboxTask.id).in_(found), col(OutboxTask.status) == "dead")
            .values(status="pending", attempts=0, next_attempt_at=now, created_at=now, done_at=None)
        )
    return found
