"""The composition root: the only place that wires core, edges and schedules together.

One aiohttp application serves every HTTP route; the outbox worker runs on the same loop.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import aiohttp
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.core.delivery import dead_letters
from bot.core.delivery.tasks import TaskKind
from bot.core.models import Platform
from bot.core.permissions import Permissions, Roles
from bot.core.policy import build_engine
from bot.core.profile import load_profile
from bot.core.rhythm.rota import seed_rota
from bot.core.safeguarding.confidential import parse_key
from bot.health import Health
from bot.outbox.effects import build_handlers, build_safeguarding_handlers
from bot.outbox.worker import OutboxPolicy, OutboxWorker
from bot.ports import ChatDesk, SafeguardingDesk, SocialPlatform
from bot.services import Services, utc_now
from bot.settings import Settings
from bot.store.db import Database, make_engine, ready_schema
from handlers.http import (
    PathOnlyAccessLogger,
    keep_requests_out_of_the_log,
    measured,
    with_request_id,
)
from handlers.report import links as report_links
from handlers.slack import wiring as slack_wiring
from handlers.slack.socket_mode import SocketModeConnection
from handlers.social import wiring as social_wiring
from handlers.social.polling import Poller
from handlers.social.webhooks import ingest as ingest_edge
from handlers.social.webhooks import linkedin as linkedin_edge
from handlers.social.webhooks import meta as meta_edge
from handlers.social.webhooks import tiktok as tiktok_edge
from handlers.social.webhooks import x as x_edge
from handlers.social.webhooks.tiktok import FetchTikTokComment
from handlers.teams import wiring as teams_wiring
from schedules.scheduler import build_scheduler

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    app: web.Application
    services: Services
    worker: OutboxWorker
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    scheduler: AsyncIOScheduler | None = None
    pollers: list[Poller] = field(default_factory=list)
    socket_mode: SocketModeConnection | None = None


def build_runtime(
    settings: Settings,
    *,
    now: Callable[[], datetime] = utc_now,
    db_schema: str | None = None,
    run_worker: bool = True,
) -> Runtime:
    """Everything `modbot serve` runs, ready to start; tests build it the same way."""
    engine = make_engine(settings.database_url, schema=db_schema)
    ready_schema(engine, migrate_allowed=settings.modbot_migrate)
    db = Database(engine)
    profile = load_profile(settings.modbot_policy)
    policy_engine = build_engine(
        profile.staff_names,
        models=settings.modbot_models,
        learned=settings.modbot_learned,
        trusted_sites=profile.desk.trusted_sites,
        service_topics=profile.desk.service_topics,
    )
    key, development_key = parse_key(
        settings.modbot_data_key.get_secret_value() if settings.modbot_data_key else None,
        production=settings.modbot_env == "production",
    )
    if development_key:
        log.warning("MODBOT_DATA_KEY is not set: safeguarding reports are sealed with a DEVELOPMENT key")
    app = web.Application(client_max_size=settings.max_body_bytes, middlewares=[with_request_id, measured])
    keep_requests_out_of_the_log()
    http: dict[str, aiohttp.ClientSession] = {}

    # The edges' outbound halves first: the desks the outbox posts to, and who holds which role.
    slack = slack_wiring.build(settings, profile=profile)
    teams = teams_wiring.build(settings, profile=profile, data_key=key, db=db, now=now)
    desks: dict[str, ChatDesk] = {**(slack.desks if slack else {}), **(teams.desks if teams else {})}
    safeguarding_desks: dict[str, SafeguardingDesk] = {
        **(slack.safeguarding_desks if slack else {}),
        **(teams.safeguarding_desks if teams else {}),
    }
    roles: dict[str, Roles] = {
        **({"slack": slack.roles} if slack else {}),
        **({"teams": teams.roles} if teams else {}),
    }
    # The social clients need the HTTP session, so they are connected at start-up, into this dict.
    platforms: dict[Platform, SocialPlatform] = {}
    # The outbox worker listens for this: set when something is queued, it looks at once.
    doorbell = asyncio.Event()

    # Then the use cases, once, complete; then what calls them.
    services = Services(
        settings=settings,
        db=db,
        profile=profile,
        engine=policy_engine,
        desks=desks,
        platforms=platforms,
        now=now,
        wake_outbox=doorbell.set,
        data_key=key,
        safeguarding_desks=safeguarding_desks,
        permissions=Permissions(roles),
    )
    worker = OutboxWorker(
        db=db,
        handlers={
            **build_handlers(db=db, profile=profile, desks=desks, platforms=platforms, now=now),
            **build_safeguarding_handlers(db=db, desks=safeguarding_desks, sealer=services.sealer, now=now),
            TaskKind.FETCH_TIKTOK_COMMENT: FetchTikTokComment(services=services),
        },
        now=now,
        on_dead=lambda session, task, when: dead_letters.tell_desks(
            session, task=task, desks=services.desk_targets, now=when
        ),
        policy=OutboxPolicy(
            give_up_after=settings.outbox_give_up_after,
            backoff_base=settings.outbox_backoff_base,
            backoff_max=settings.outbox_backoff_max,
            poll_interval=settings.outbox_poll_interval,
            lane_interval={"slack:": settings.slack_post_interval, "teams:": settings.teams_post_interval},
        ),
        doorbell=doorbell,
    )
    runtime = Runtime(app=app, services=services, worker=worker)
    pollers: list[Poller] = runtime.pollers
    scheduler = (
        build_scheduler(
            services,
            engine=engine,
            interval_seconds=settings.scheduler_interval,
            pollers=pollers,
            poll_interval_seconds=settings.poll_interval,
        )
        if settings.scheduler_enabled
        else None
    )
    runtime.scheduler = scheduler

    health = Health(
        settings=settings,
        db=db,
        platforms=platforms,
        scheduler=scheduler,
        now=now,
        classifier_prepared=lambda: policy_engine.prepared,
    )
    app.router.add_get("/healthz", health.healthz)
    app.router.add_get("/readyz", health.readyz)
    if settings.metrics_enabled:
        app.router.add_get("/metrics", health.metrics)

    socket_mode = slack_wiring.register(app, settings, slack, services)
    runtime.socket_mode = socket_mode
    teams_wiring.register(app, settings, teams, services)
    report_links.register(app, services)
    meta_edge.register(app, services)
    x_edge.register(app, services)
    linkedin_edge.register(app, services)
    tiktok_edge.register(app, services)
    ingest_edge.register(app, services)

    async def on_startup(_app: web.Application) -> None:
        session = aiohttp.ClientSession()
        http["session"] = session
        social_wiring.connect(settings, session=session, db=db, now=now, platforms=platforms, pollers=pollers)
        seeded = await db.run(lambda s: seed_rota(s, profile=profile, now=now()))
        if seeded:
            log.info("on-call rota: %s shifts seeded from the policy file", seeded)
        if run_worker:
            runtime.tasks.append(asyncio.create_task(worker.run_forever(), name="outbox"))
        # The rule gate takes seconds to build: built beside the serving, not in a comment's way.
        runtime.tasks.append(
            asyncio.ensure_future(asyncio.get_running_loop().run_in_executor(None, policy_engine.prepare))
        )
        if scheduler is not None:
            scheduler.start()
        if socket_mode is not None:
            socket_mode.start()
        _warn_about(settings)

    async def on_cleanup(_app: web.Application) -> None:
        if socket_mode is not None:
            await socket_mode.stop()
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)
        # Let work in flight finish, so a message Slack has accepted is also recorded as sent;
        # only a task still running after the grace period is cancelled (its lease covers it).
        worker.stop()
        _done, pending = await asyncio.wait(runtime.tasks, timeout=10) if runtime.tasks else (set(), set())
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        if "session" in http:
            await http["session"].close()
        db.close()

    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return runtime


def _warn_about(settings: Settings) -> None:
    for problem_text in settings.problems():
        log.warning("configuration: %s", problem_text)
    if not settings.slack_enabled and not settings.teams_enabled:
        log.warning("Neither Slack nor Teams is configured: cases are stored but no cards are posted")
    if settings.teams_enabled and not settings.teams_authenticated:
        log.warning(
            "TEAMS_APP_ID is not set: /api/messages runs WITHOUT AUTHENTICATION (local testing only); "
            "anyone who can reach it can act as Teams"
        )
    if not settings.meta_enabled:
        log.warning("META_APP_SECRET is not set: /webhooks/meta refuses deliveries")
    if not settings.ingest_secret:
        log.warning("INGEST_SECRET is not set: /ingest refuses deliveries")


def serve(settings: Settings, *, now: Callable[[], datetime] = utc_now) -> None:
    """Run until stopped. `now` is the desk's clock (bench/serve_at.py sets it elsewhere)."""
    runtime = build_runtime(settings, now=now)
    # Warm the classifier before the port opens: built while requests were already being served,
    # its rule gate held the CPU for about 5 s and the first deliveries took as long (chaos run).
    # A platform that finds the port closed retries; one kept waiting may give up.
    started = time.perf_counter()
    runtime.services.engine.prepare()
    log.info("classifier ready in %.1f s", time.perf_counter() - started)
    # What start-up built (the classifier's models and rules, the app) lives as long as the
    # process: frozen, the collector's full passes stop walking it on every busy minute.
    gc.freeze()
    log.info("modbot listening on http://%s:%s", settings.modbot_host, settings.modbot_port)
    web.run_app(
        runtime.app,
        host=settings.modbot_host,
        port=settings.modbot_port,
        print=None,
        access_log_class=PathOnlyAccessLogger,
    )
