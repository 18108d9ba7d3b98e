"""Shared fixtures: a database per test (SQLite file, or a fresh PostgreSQL schema)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from bot.store.db import Database, make_engine, migrate
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

if TYPE_CHECKING:
    from tests.harness import Desk
    from tests.teams_harness import TeamsDriver

# Property tests: the same examples on every run by default, so CI is repeatable; set
# HYPOTHESIS_PROFILE=explore to draw new ones (many more, at random) when hunting for failures.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=40)
hypothesis_settings.register_profile("explore", database=None, deadline=None, max_examples=400)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Real payloads, copied into the repository with their sources (tests/fixtures/README.md).
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
PG_URL = os.environ.get("TEST_DATABASE_URL", "")
PG_SKIP_REASON = "TEST_DATABASE_URL is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"


@dataclass(frozen=True)
class DbTarget:
    url: str
    schema: str | None = None

    @property
    def dialect(self) -> str:
        return "postgresql" if self.url.startswith("postgresql") else "sqlite"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DbTarget]:
    """Each test runs once on SQLite and once on PostgreSQL (skipped, with the reason, without it)."""
    if request.param == "sqlite":
        yield DbTarget(f"sqlite:///{tmp_path / 'modbot.db'}")
        return
    if not PG_URL:
        pytest.skip(PG_SKIP_REASON)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield DbTarget(PG_URL, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def db(db_target: DbTarget) -> Iterator[Database]:
    """A migrated database on the test's target, with a small worker pool."""
    engine = make_engine(db_target.url, schema=db_target.schema)
    migrate(engine)
    database = Database(engine, workers=2)
    yield database
    database.close()


def sample(*parts: str) -> Path:
    path = SAMPLES.joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(SAMPLES.parent)} is missing from the test fixtures")
    return path


@pytest.fixture
async def standins() -> AsyncIterator[tuple[SlackStandIn, GraphStandIn]]:
    """Fresh Slack and Graph stand-ins, started, closed after the test."""
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    yield slack, graph
    await slack.close()
    await graph.close()


@pytest.fixture
async def desk(db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]) -> AsyncIterator[Desk]:
    """The whole desk on the test settings, with the Slack and Graph stand-ins (a module that
    needs other settings defines its own `desk`)."""
    from tests.harness import make_settings, start_desk, stop_desk

    slack, graph = standins
    running = await start_desk(make_settings(db_target, slack, graph), slack, graph, schema=db_target.schema)
    yield running
    await stop_desk(running)


@pytest.fixture
async def teams(db_target: DbTarget) -> AsyncIterator[TeamsDriver]:
    """The desk with Teams on (unauthenticated, as for local testing), its stand-ins started."""
    from tests.harness import make_settings, start_desk, stop_desk
    from tests.standins.bot_connector import BotConnectorStandIn
    from tests.teams_harness import TeamsDriver, teams_settings

    slack, graph, connector = SlackStandIn(), GraphStandIn(), BotConnectorStandIn()
    await slack.start(), await graph.start(), await connector.start()
    settings = make_settings(db_target, slack, graph, **teams_settings(connector))
    desk = await start_desk(settings, slack, graph, schema=db_target.schema)
    try:
        yield TeamsDriver(desk, connector)
    finally:
        await stop_desk(desk)
        await slack.close(), await graph.close(), await connector.close()
