"""APScheduler 3 in the bot's event loop, with its job store on the bot's database.

Two jobs. `platform-poll` runs the configured polls (YouTube, X mentions, Meta reconciliation).
`desk-rhythm` runs every minute and asks the core which reminders and digests are due
(`bot.core.rhythm.tick`). Why not one cron job per slot: APScheduler's `replace_existing=True`
recomputes a job's next run time at every start, so a cron slot that fell due while the bot was
down would be skipped, not run late. The tick finds it instead, and the unique
(kind, date, slot) row makes a second tick, a restart or a second scheduler process harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

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


async def desk_rhythm_tick() -> None:
    if _services is None:
        log.warning("desk rhythm tick skipped: no services registered in this process")
        return
    claimed = await _services.schedule_tick()
    if claimed:
        log.info("desk rhythm: %s scheduled sends claimed", len(claimed))


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
