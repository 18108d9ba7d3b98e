"""Engine, sessions and migrations for SQLite (default) and PostgreSQL (production)."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

log = logging.getLogger(__name__)

T = TypeVar("T")


def make_engine(url: str, *, schema: str | None = None) -> Engine:
    """An engine tuned for this workload. `schema` sets PostgreSQL's search_path (tests).

    `hide_parameters`: a database error's message would otherwise carry every row's values
    (comment text, names, phone numbers), and such messages reach the log.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)  # SQLite makes no folders
        engine = create_engine(
            url, hide_parameters=True, connect_args={"check_same_thread": False, "timeout": 30}
        )

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE: concurrent writers then
            # wait on busy_timeout instead of failing when a read lock would need upgrading.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    connect_args: dict[str, Any] = {}
    if schema:
        connect_args["options"] = f"-c search_path={schema}"
    return create_engine(
        url,
        hide_parameters=True,
        pool_size=10,
        max_overflow=20,
        pool_pre_ping=True,
        connect_args=connect_args,
    )


# Any fixed number, the same in every process: pg_advisory_lock takes a 64-bit key, and this one
# is "modbot" in ASCII. Other applications sharing the database will not pick it by chance.
MIGRATION_LOCK_KEY = 0x6D6F64626F74


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("bot.store").joinpath("migrations")))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (idempotent), one process at a time: Alembic's
    environment migrates on `migration_connection`."""
    command.upgrade(alembic_config(engine), revision)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection to migrate on, holding the migration lock, so processes take turns.

    PostgreSQL: a session-level advisory lock. The first process migrates; the others wait and
    then find nothing left to do. Without it, three processes started together on an empty
    database raced to create the same tables, and two crashed. A SQLite file: a lock file
    beside it, taken before connecting, so even a fresh file's first connection waits its turn
    (one CI run had one of three processes on one fresh file fail; the cause was not found).
    """
    if engine.dialect.name != "postgresql":
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        lock = FileLock(f"{database}.migrate-lock") if database and database != ":memory:" else nullcontext()
        with lock, engine.connect() as connection:
            yield connection
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        connection.commit()
        try:
            yield connection
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()


def owned_by_modbot(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's `include_object`: APScheduler's job store table is made by migration 0009
    but defined by APScheduler, so autogenerate neither drops it nor its index."""
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return getattr(table, "name", None) != "apscheduler_jobs"


@dataclass(frozen=True)
class SchemaState:
    """Where the database's schema stands against the revision this release needs."""

    current: str | None
    head: str

    @property
    def behind(self) -> bool:
        return self.current != self.head

    def advice(self) -> str:
        return (
            f"the database schema is at {self.current or 'nothing (an empty database)'}, this release "
            f"needs {self.head}: run `modbot migrate` (or let `modbot serve` migrate: MODBOT_MIGRATE=true)"
        )


@functools.cache
def release_head() -> str:
    """The revision this release's code expects (read once from the shipped migrations)."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None  # the package always ships its migrations
    return head


def schema_state(engine: Engine) -> SchemaState:
    """The schema's current revision (None for an empty database) and the release's head."""
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return SchemaState(current=current, head=release_head())


class SchemaBehind(Exception):
    """The schema is older than this release needs, and this process may not migrate it."""


def ready_schema(engine: Engine, *, migrate_allowed: bool) -> None:
    """Migrate (under the lock), or, where migrating is left to `modbot migrate`, refuse a
    schema that is behind: a process that ran on it would fail on the first missing column."""
    if migrate_allowed:
        migrate(engine)
        return
    state = schema_state(engine)
    if state.behind:
        raise SchemaBehind(state.advice())


class Database:
    """Sessions for use cases, and a small thread pool so the event loop never blocks on SQL."""

    def __init__(self, engine: Engine, *, workers: int = 8) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="db")

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One session in one transaction: commit on success, roll back on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def call(self, fn: Callable[[Session], T]) -> T:
        with self.transaction() as session:
            return fn(session)

    async def run(self, fn: Callable[[Session], T]) -> T:
        """Run `fn(session)` in one transaction on the DB thread pool.

        In the caller's context (contextvars), which an executor does not carry by itself: log
        lines from the thread keep the request id and case they belong to.
        """
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        return await loop.run_in_executor(self._pool, context.run, self.call, fn)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self.engine.dispose()
