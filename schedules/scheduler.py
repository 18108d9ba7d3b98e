"""APScheduler 3 in the bot's event loop, with its job store on the bot's database.

Two jobs. `platform-poll` runs the configured polls (YouTube, X mentions, Meta reconciliation).
`desk-rhythm` runs every minute and asks the core which reminders and digests are due
(`bot.core.rhythm.sends.tick`). Why not one cron job per slot: APScheduler's `replace_existing=True`
recomputes a job's next run time at every start, so a cron slot that fell due while the bot was
down would be skipped, not run late. The tick finds it instead, and the unique
(kind, date, slot) row makes a second tick, a restart or a second scheduler process harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine

from bot.services import Services
from handlers.social.polling import Poller, run_all

log = logging.getLogger(__name__)

JOB_ID = "desk-rhythm"
POLL_JOB_ID = "platform-poll"

# The job store pickles a job as "module:function", so the job cannot carry the services with
# it: the running process registers them here when it builds its scheduler.
_services: Services | None = None
_pollers: Sequence[Poller] = ()


# When this process's current tick began, if one is running (for /readyz: a tick stuck).
_tick_running_since: datetime | None = None


async def desk_rhythm_tick() -> None:
    global _tick_running_since
    if _services is None:
        log.warning("desk rhythm tick skipped: no services registered in this process")
        return
    _tick_running_since = datetime.now(UTC)
    try:
        claimed = await _services.schedule_tick()
    finally:
        _tick_running_since = None
    if claimed:
        log.info("desk rhythm: %s scheduled sends claimed", len(claimed))


def scheduler_problem(scheduler: AsyncIOScheduler, *, now: datetime, stale_after: float) -> str | None:
    """Why the desk rhythm is not keeping time, or None. Reads the job store (blocking SQL).

    The job's next run time is in the store every scheduler shares: when it lies more than
    `stale_after` seconds in the past, no scheduler has run the tick for that long. A process
    that shares the store with another may rightly never run the tick itself, so this process's
    own part is judged only by a tick it started and has not finished.
    """
    if not scheduler.running:
        return "the scheduler is not running"
    job = scheduler.get_job(JOB_ID)
    if job is None or job.next_run_time is None:
        return f"the {JOB_ID} job is missing from the scheduler's job store"
    behind = (now - job.next_run_time).total_seconds()
    if behind > stale_after:
        return f"the desk rhythm has not ticked for {behind:.0f} s"
    started = _tick_running_since
    if started is not None and (now - started).total_seconds() > stale_after:
        return f"the desk rhythm tick has been running for {(now - started).total_seconds():.0f} s"
    return None


async def platform_poll_tick() -> None:
    """Run every configured poll (YouTube comments, X mentions, the Meta reconciliation)."""
    if _services is None or not _pollers:
        return
    await run_all(_services, _pollers)


def build_scheduler(
    services: Services,
    *,
    engine: Engine,
    interval_seconds: float = 60.0,
    pollers: Sequence[Poller] = (),
    poll_interval_seconds: float = 300.0,
) -> AsyncIOScheduler:
    """`pollers` is read at each tick, so clients connected at start-up are picked up."""
    global _services, _pollers
    _services = services
    _pollers = pollers
    scheduler = AsyncIOScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename="apscheduler_jobs")},
        timezone="Europe/London",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )
    scheduler.add_job(
        desk_rhythm_tick,
        IntervalTrigger(seconds=interval_seconds),
        id=JOB_ID,
        replace_existing=True,
    )
    scheduler.add_job(
        platform_poll_tick,
        IntervalTrigger(seconds=poll_interval_seconds),
        id=POLL_JOB_ID,
        replace_existing=True,
    )
    return scheduler
