"""/readyz: 200 when the process can do its work, else 503 with the reasons in words."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.core.policy import PolicyEngine
from bot.health import Health
from bot.settings import Settings
from bot.store.db import Database, make_engine, migrate, release_head
from bot.store.tables import OutboxTask
from schedules.scheduler import JOB_ID
from tests.conftest import DbTarget
from tests.harness import Desk, make_settings, running_desk, start_desk, stop_desk, wait_until
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target, MODBOT_SCHEDULER=True) as running:
        yield running


async def ready(desk: Desk) -> tuple[int, dict[str, object]]:
    # Start-up builds the classifier's rule gate in the background; wait for that first.
    await wait_until(lambda: desk.runtime.services.engine.prepared, timeout=60, what="the rule gate")
    response = await desk.http.get(f"{desk.base}/readyz")
    return response.status, await response.json()


async def test_a_desk_still_warming_up_says_so(tmp_path: Path) -> None:
    engine = PolicyEngine()  # a fresh one: build_engine's are shared, and others may be warm
    db = Database(make_engine(f"sqlite:///{tmp_path / 'ready.db'}"), workers=1)
    migrate(db.engine)
    health = Health(
        settings=Settings(),
        db=db,
        platforms={},
        scheduler=None,
        now=lambda: datetime.now(UTC),
        classifier_prepared=lambda: engine.prepared,
    )
    try:
        assert await health.problems() == ["the classifier is still warming up (building its rule gate)"]
        engine.prepare()
        assert await health.problems() == []
    finally:
        db.close()


async def test_a_working_desk_is_ready(desk: Desk) -> None:
    assert await ready(desk) == (200, {"status": "ready"})


async def test_a_task_no_worker_has_taken_makes_it_not_ready(desk: Desk) -> None:
    long_ago = datetime.now(UTC) - timedelta(hours=2)
    # A task held by a worker that has hung on it: leased far ahead, due two hours ago.
    desk.runtime.services.db.call(
        lambda s: s.add(
            OutboxTask(
                kind="post_card",
                status="running",
                lease_until=datetime.now(UTC) + timedelta(hours=1),
                next_attempt_at=long_ago,
                created_at=long_ago,
            )
        )
    )
    status, body = await ready(desk)
    assert status == 503
    [reason] = body["reasons"]  # type: ignore[misc]
    assert reason.startswith("outbox: a post_card task has waited 7200 s for a worker (limit 1800 s")


async def test_a_schema_behind_the_release_makes_it_not_ready(desk: Desk) -> None:
    behind = text("UPDATE alembic_version SET version_num = '0008'")
    desk.runtime.services.db.call(lambda s: s.connection().execute(behind))
    status, body = await ready(desk)
    assert status == 503
    assert body["reasons"] == [
        f"the database schema is at 0008, this release needs {release_head()}: run `modbot migrate` "
        "(or let `modbot serve` migrate: MODBOT_MIGRATE=true)"
    ]


async def test_a_scheduler_that_stopped_ticking_makes_it_not_ready(desk: Desk) -> None:
    scheduler = desk.runtime.scheduler
    assert scheduler is not None
    scheduler.pause()  # as if its loop had died: nothing advances the job any more
    # What the shared job store then holds: a next run that has long passed.
    scheduler.modify_job(JOB_ID, next_run_time=datetime.now(UTC) - timedelta(minutes=10))
    status, body = await ready(desk)
    assert status == 503
    assert body["reasons"] == ["the desk rhythm has not ticked for 600 s"]
    scheduler.shutdown(wait=False)
    await wait_until(lambda: not scheduler.running, what="the scheduler to stop")
    assert (await ready(desk))[1]["reasons"] == ["the scheduler is not running"]


async def test_an_unreachable_database_makes_it_not_ready() -> None:
    db = Database(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none"), workers=1)
    health = Health(settings=Settings(), db=db, platforms={}, scheduler=None, now=lambda: datetime.now(UTC))
    try:
        assert await health.problems() == ["the database cannot be reached (OperationalError)"]
    finally:
        db.close()


async def test_a_desk_whose_clock_is_set_elsewhere_is_still_ready(db_target: DbTarget) -> None:
    """The scheduler keeps real time whatever clock the desk is given (a practice desk, a test)."""
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    settings = make_settings(db_target, slack, graph, MODBOT_SCHEDULER=True)
    two_days_on = lambda: datetime.now(UTC) + timedelta(days=2)  # noqa: E731
    desk = await start_desk(settings, slack, graph, schema=db_target.schema, now=two_days_on)
    try:
        assert await ready(desk) == (200, {"status": "ready"})
    finally:
        await stop_desk(desk)
        await slack.close()
        await graph.close()
