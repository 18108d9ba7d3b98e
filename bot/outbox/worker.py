"""Runs outbox tasks: claims due ones with a lease, paces each lane, retries with backoff.

Nothing is lost across a restart: a task is only marked done after its handler returned, and a
task whose process died is picked up again when its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from bot import logs, metrics
from bot.store.db import Database
from bot.store.tables import OutboxTask

log = logging.getLogger(__name__)


_attempt: ContextVar[int] = ContextVar("outbox_attempt", default=1)


def attempt() -> int:
    """Which try at its task the running handler is on: 1 the first time; more after a failure,
    or after a process died mid-task (its lease ran out), when part of it may have happened."""
    return _attempt.get()


class RetryLater(Exception):
    """A handler's transient failure: try again after `after` seconds (or the backoff)."""

    def __init__(self, reason: str, *, after: float | None = None) -> None:
        super().__init__(reason)
        self.after = after


class TaskHandler(Protocol):
    async def run(self, payload: dict[str, Any]) -> None: ...

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        """Called once when retries are exhausted, so the failure shows where people look."""
        ...


@dataclass(frozen=True)
class OutboxPolicy:
    # A task is tried until this long after it was queued (capped backoff between tries), so
    # an outage of minutes or hours delays work rather than losing it.
    give_up_after: float = 24 * 3600.0
    backoff_base: float = 2.0
    backoff_max: float = 300.0
    # A claimed task is leased for this long and the lease renewed every third of it while its
    # worker lives: a process killed mid-batch hands its tasks on within a minute, not the
    # five minutes a lease long enough for a whole paced batch took.
    lease: float = 60.0
    batch: int = 50
    poll_interval: float = 1.0
    lane_interval: Mapping[str, float] | None = None  # lane prefix -> seconds between tasks

    def interval_for(self, lane: str) -> float:
        for prefix, seconds in (self.lane_interval or {}).items():
            if lane.startswith(prefix):
                return float(seconds)
        return 0.0

    def backoff(self, attempts: int) -> float:
        delay: float = min(self.backoff_base * 2.0 ** max(attempts - 1, 0), self.backoff_max)
        return delay * (0.8 + 0.4 * random.random())  # jitter, so retries do not stampede


def _claim(session: Session, *, now: datetime, lease_until: datetime, limit: int) -> list[OutboxTask]:
    due = session.exec(
        select(OutboxTask)
        .where(
            or_(
                (col(OutboxTask.status) == "pending") & (col(OutboxTask.next_attempt_at) <= now),
                (col(OutboxTask.status) == "running") & (col(OutboxTask.lease_until) < now),
            )
        )
        .order_by(col(OutboxTask.id))
        .limit(limit)
    ).all()
    claimed: list[OutboxTask] = []
    for task in due:
        # Conditional on the state we read: a second worker claiming the same row gets 0 rows.
        result = session.connection().execute(
            update(OutboxTask)
            .where(
                col(OutboxTask.id) == task.id,
                col(OutboxTask.status) == task.status,
                col(OutboxTask.attempts) == task.attempts,
            )
            .values(status="running", lease_until=lease_until, attempts=task.attempts + 1)
        )
        if result.rowcount == 1:
            task.status, task.attempts = "running", task.attempts + 1
            claimed.append(task)
    return claimed


def _finish(session: Session, *, task_id: int, now: datetime) -> None:
    session.connection().execute(
        update(OutboxTask)
        .where(col(OutboxTask.id) == task_id)
        .values(status="done", done_at=now, lease_until=None, last_error=None)
    )


def _reschedule(session: Session, *, task_id: int, at: datetime, reason: str) -> None:
    session.connection().execute(
        update(OutboxTask)
        .where(col(OutboxTask.id) == task_id)
        .values(status="pending", next_attempt_at=at, lease_until=None, last_error=reason[:1000])
    )


def _renew(session: Session, *, ids: list[int], until: datetime) -> None:
    """Extend the lease of those of `ids` still running (done or rescheduled ones are left)."""
    session.execute(
        update(OutboxTask)
        .where(col(OutboxTask.id).in_(ids), col(OutboxTask.status) == "running")
        .values(lease_until=until)
    )


def _release(session: Session, *, tasks: list[OutboxTask]) -> None:
    for task in tasks:
        session.connection().execute(
            update(OutboxTask)
            .where(col(OutboxTask.id) == task.id, col(OutboxTask.status) == "running")
            .values(status="pending", lease_until=None, attempts=task.attempts - 1)
        )


def _bury(session: Session, *, task_id: int, now: datetime, reason: str) -> None:
    session.connection().execute(
        update(OutboxTask)
        .where(col(OutboxTask.id) == task_id)
        .values(status="dead", done_at=now, lease_until=None, last_error=reason[:1000])
    )


class OutboxWorker:
    def __init__(
        self,
        *,
        db: Database,
        handlers: Mapping[str, TaskHandler],
        now: Callable[[], datetime],
        policy: OutboxPolicy = OutboxPolicy(),
        on_dead: Callable[[Session, OutboxTask, datetime], None] | None = None,
        doorbell: asyncio.Event | None = None,
    ) -> None:
        self._db = db
        self._handlers = handlers
        self._now = now
        self._policy = policy
        # Called in the transaction that buries a task, so telling people cannot be lost.
        self._on_dead = on_dead
        # Set by whoever queues work (`Services.wake_outbox`), so the worker looks at once.
        self._wake = doorbell if doorbell is not None else asyncio.Event()
        self._lane_last: dict[str, float] = defaultdict(lambda: float("-inf"))
        self._stopping = False
        self._stopped = asyncio.Event()

    def wake(self) -> None:
        """Something was enqueued: look now rather than at the next poll."""
        self._wake.set()

    async def run_forever(self) -> None:
        log.info("outbox worker started")
        while not self._stopping:
            try:
                ran = await self.tick()
            except Exception:
                log.exception("outbox tick failed; retrying after the poll interval")
                ran = 0
            if ran == 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self._policy.poll_interval)

    def stop(self) -> None:
        self._stopping = True
        self._stopped.set()  # ends a pacing wait at once
        self._wake.set()

    async def tick(self) -> int:
        """Claim and run what is due; returns how many tasks ran."""
        now = self._now()
        lease_until = now + timedelta(seconds=self._policy.lease)
        tasks = await self._db.run(
            lambda s: _claim(s, now=now, lease_until=lease_until, limit=self._policy.batch)
        )
        lanes: dict[str, list[OutboxTask]] = defaultdict(list)
        for task in tasks:
            lanes[task.lane or f"task:{task.id}"].append(task)
        renewing = asyncio.create_task(self._renew_leases([t.id for t in tasks if t.id is not None]))
        try:
            await asyncio.gather(*(self._run_lane(lane, queue) for lane, queue in lanes.items()))
        finally:
            renewing.cancel()
            await asyncio.gather(renewing, return_exceptions=True)
        return len(tasks)

    async def _renew_leases(self, ids: list[int]) -> None:
        """Keep this tick's claimed tasks leased while they wait their turn or run."""
        if not ids:
            return
        every = self._policy.lease / 3
        while True:
            await asyncio.sleep(every)
            until = self._now() + timedelta(seconds=self._policy.lease)
            try:
                await self._db.run(functools.partial(_renew, ids=ids, until=until))
            except Exception:  # the next renewal tries again; the lease still has two thirds
                log.warning("outbox lease renewal failed", exc_info=True)

    async def _run_lane(self, lane: str, queue: list[OutboxTask]) -> None:
        interval = self._policy.interval_for(lane)
        loop = asyncio.get_running_loop()
        for index, task in enumerate(queue):
            if interval and not self._stopping:
                wait = self._lane_last[lane] + interval - loop.time()
                if wait > 0:  # pacing; stop() ends the wait at once
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._stopped.wait(), timeout=wait)
            if self._stopping:
                # Shutting down: start nothing more, and hand the rest back now rather than
                # leaving them leased until the lease runs out.
                await self._db.run(functools.partial(_release, tasks=queue[index:]))
                return
            await self._run_one(task)
            self._lane_last[lane] = loop.time()

    async def _run_one(self, task: OutboxTask) -> None:
        # Every line about this task (its handler's, its retries, its burial) says which it is.
        with logs.about(task=f"{task.kind}:{task.id}", **_subject(task.payload)):
            await self._run_task(task)

    async def _run_task(self, task: OutboxTask) -> None:
        assert task.id is not None
        task_id = task.id
        handler = self._handlers.get(task.kind)
        if handler is None:
            log.error("outbox task %s has unknown kind %s; marked dead", task_id, task.kind)
            await self._bury(task, reason="no handler for this kind of task")
            return
        attempt = _attempt.set(task.attempts)
        try:
            await handler.run(task.payload)
        except RetryLater as exc:
            await self._retry_or_give_up(task, handler, str(exc), exc.after)
            return
        except Exception as exc:
            ref = uuid.uuid4().hex[:8]
            log.exception("outbox task %s (%s) raised unexpectedly [ref %s]", task_id, task.kind, ref)
            await self._retry_or_give_up(
                task, handler, f"unexpected error (ref {ref}): {type(exc).__name__}", None
            )
            return
        finally:
            _attempt.reset(attempt)
        await self._db.run(lambda s: _finish(s, task_id=task_id, now=self._now()))
        metrics.OUTBOX_TASKS.labels(task.kind, "done").inc()

    async def _retry_or_give_up(
        self, task: OutboxTask, handler: TaskHandler, reason: str, after: float | None
    ) -> None:
        assert task.id is not None
        task_id, now = task.id, self._now()
        if now - task.created_at >= timedelta(seconds=self._policy.give_up_after):
            log.error(
                "outbox task %s (%s) gave up after %s attempts since %s",
                task_id,
                task.kind,
                task.attempts,
                task.created_at.isoformat(timespec="seconds"),
            )
            await _call_give_up(handler.give_up, task.payload, reason)
            await self._bury(task, reason=reason)
            metrics.OUTBOX_TASKS.labels(task.kind, "dead").inc()
            return
        delay = after if after is not None else self._policy.backoff(task.attempts)
        at = now + timedelta(seconds=delay)
        log.info("outbox task %s (%s) retry %s in %.1fs", task_id, task.kind, task.attempts, delay)
        await self._db.run(lambda s: _reschedule(s, task_id=task_id, at=at, reason=reason))
        metrics.OUTBOX_TASKS.labels(task.kind, "retry").inc()
        self._wake_after(delay)

    async def _bury(self, task: OutboxTask, *, reason: str) -> None:
        """Mark the task dead and, in the same transaction, have people told."""
        assert task.id is not None
        task_id, now = task.id, self._now()
        task.last_error = reason[:1000]

        def bury(session: Session) -> None:
            _bury(session, task_id=task_id, now=now, reason=reason)
            if self._on_dead is not None:
                self._on_dead(session, task, now)

        await self._db.run(bury)

    def _wake_after(self, delay: float) -> None:
        loop = asyncio.get_running_loop()
        loop.call_later(max(delay, 0.0), self._wake.set)


async def _call_give_up(
    give_up: Callable[[dict[str, Any], str], Awaitable[None]], payload: dict[str, Any], reason: str
) -> None:
    try:
        await give_up(payload, reason)
    except Exception:
        log.exception("outbox give_up handler failed")


def outbox_counts(session: Session) -> dict[str, int]:
    """How many tasks are in each state (for health checks and `modbot check`)."""
    from sqlalchemy import func

    rows = session.exec(select(OutboxTask.status, func.count()).group_by(col(OutboxTask.status))).all()
    return {status: int(count) for status, count in rows}


def _subject(payload: dict[str, Any]) -> dict[str, Any]:
    """The case or report a task's log lines concern, from the ids its payload carries."""
    case_id, reference = payload.get("case_id"), payload.get("reference")
    return {
        "case_id": case_id if isinstance(case_id, int) else None,
        "reference": reference if isinstance(reference, str) else None,
    }


@dataclass(frozen=True)
class Backlog:
    """Tasks of one kind not yet done: how many, the oldest's age, and how long the longest-due
    one has waited for a worker (a task backing off after a failure is not yet due)."""

    kind: str
    pending: int
    oldest_age: float
    longest_due_wait: float


def outbox_backlog(session: Session, now: datetime) -> list[Backlog]:
    """Per kind, for /readyz and /metrics: one grouped query over the pending tasks."""
    from sqlalchemy import case, func

    due = case((col(OutboxTask.next_attempt_at) <= now, col(OutboxTask.next_attempt_at)), else_=None)
    rows = session.exec(
        select(OutboxTask.kind, func.count(), func.min(OutboxTask.created_at), func.min(due))
        .where(col(OutboxTask.status).in_(("pending", "running")))
        .group_by(col(OutboxTask.kind))
    ).all()
    return [
        Backlog(
            kind=kind,
            pending=int(count),
            oldest_age=max(0.0, (now - _aware(oldest)).total_seconds()),
            longest_due_wait=max(0.0, (now - _aware(first_due)).total_seconds()) if first_due else 0.0,
        )
        for kind, count, oldest, first_due in rows
    ]


def _aware(moment: datetime) -> datetime:
    # SQLite hands back MIN() of a timestamp column as a naive value; they are stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
