"""`/healthz` (is the process alive, and what is configured) and `/readyz` (should it be sent
traffic), for load balancers, orchestrators and the on-call engineer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import metrics
from bot.core.models import Platform
from bot.core.moderation.platform_state import all_states
from bot.outbox.worker import outbox_backlog, outbox_counts
from bot.ports import SocialPlatform
from bot.settings import Settings
from bot.store.db import Database, schema_state
from schedules.scheduler import scheduler_problem

# A database that does not answer in this long is as good as down for a request in flight.
DATABASE_TIMEOUT = 5.0


def poll_summary(session: Any) -> list[dict[str, Any]]:
    """Each poll's last run, for /healthz and `modbot check` (no content, only counts)."""
    return [
        {
            "key": state.key,
            "last_run_at": state.last_run_at.isoformat() if state.last_run_at else None,
            "last_new": state.last_new,
            "quota_used_today": state.quota_used,
            "paused_until": state.paused_until.isoformat() if state.paused_until else None,
            "last_error": state.last_error,
        }
        for state in all_states(session)
    ]


@dataclass
class Health:
    settings: Settings
    db: Database
    platforms: dict[Platform, SocialPlatform]
    scheduler: AsyncIOScheduler | None
    now: Callable[[], datetime]
    classifier_prepared: Callable[[], bool] = lambda: True

    async def healthz(self, _request: web.Request) -> web.StreamResponse:
        """Liveness and configuration: answers while the process runs, whatever else is down."""
        settings = self.settings
        return web.json_response(
            {
                "status": "ok",
                "slack": settings.slack_enabled,
                "teams": settings.teams_enabled,
                "meta": settings.meta_enabled,
                "x": bool(settings.x_consumer_secret),
                "linkedin": bool(settings.linkedin_client_secret),
                "tiktok": bool(settings.tiktok_app_secret),
                "platform_connections": sorted(p.value for p in self.platforms),
                "polls": await self.db.run(poll_summary),
                "outbox": await self.db.run(outbox_counts),
            }
        )

    async def readyz(self, _request: web.Request) -> web.StreamResponse:
        """200 when this process can do its work; else 503 with each reason in words."""
        reasons = await self.problems()
        if reasons:
            return web.json_response({"status": "not ready", "reasons": reasons}, status=503)
        return web.json_response({"status": "ready"})

    async def metrics(self, _request: web.Request) -> web.StreamResponse:
        """Prometheus's text format; the outbox's backlog is read from the database per scrape."""
        now = self.now()
        backlog = await self.db.run(lambda s: outbox_backlog(s, now))
        dead = (await self.db.run(outbox_counts)).get("dead", 0)
        metrics.set_outbox(((b.kind, b.pending, b.oldest_age) for b in backlog), dead)
        body, content_type = metrics.exposition()
        response = web.Response(body=body)
        response.headers["Content-Type"] = content_type
        return response

    async def problems(self) -> list[str]:
        loop = asyncio.get_running_loop()
        try:  # reading the schema's revision is the database's answer, or its silence
            state = await asyncio.wait_for(
                loop.run_in_executor(None, schema_state, self.db.engine), DATABASE_TIMEOUT
            )
        except Exception as exc:  # whatever the driver raises, the answer is the same: not ready
            return [f"the database cannot be reached ({type(exc).__name__})"]
        reasons: list[str] = []
        if state.behind:
            reasons.append(state.advice())
            return reasons  # the tables below may not exist yet
        now = self.now()
        limit = self.settings.ready_outbox_wait
        for backlog in await self.db.run(lambda s: outbox_backlog(s, now)):
            if backlog.longest_due_wait > limit:
                reasons.append(
                    f"outbox: a {backlog.kind} task has waited {backlog.longest_due_wait:.0f} s for a worker "
                    f"(limit {limit:.0f} s; {backlog.pending} pending)"
                )
        if not self.classifier_prepared():
            reasons.append("the classifier is still warming up (building its rule gate)")
        scheduler = self.scheduler
        if scheduler is not None:
            stale_after = max(120.0, 2 * self.settings.scheduler_interval)
            # APScheduler keeps real time, whatever clock the desk is given.
            real_now = datetime.now(UTC)
            problem = await loop.run_in_executor(
                None, lambda: scheduler_problem(scheduler, now=real_now, stale_after=stale_after)
            )
            if problem:
                reasons.append(problem)
        return reasons
