"""Storage: migrations match the models, the audit log is append-only, exports work."""

from __future__ import annotations

import base64
import csv
import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlmodel import SQLModel

from bot.core import audit
from bot.core.models import Actor
from bot.store.db import Database, make_engine, migrate, owned_by_modbot

NOW = datetime(2026, 11, 20, 10, 42, tzinfo=UTC)


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": owned_by_modbot})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_migrating_twice_changes_nothing(db: Database) -> None:
    migrate(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0009"


def test_audit_rows_cannot_be_changed_or_removed(db: Database) -> None:
    db.call(
        lambda s: audit.record(
            s, actor=Actor("slack", "U1", "sam"), action="decided_hide", outcome="ok", now=NOW, case_id=1
        )
    )
    with pytest.raises(DatabaseError, match="append-only"):
        db.call(lambda s: s.connection().execute(text("UPDATE audit_event SET outcome = 'forged'")))
    with pytest.raises(DatabaseError, match="append-only"):
        db.call(lambda s: s.connection().execute(text("DELETE FROM audit_event")))
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT outcome FROM audit_event")).scalar_one() == "ok"


def test_export_csv_filters_by_time(db: Database) -> None:
    actor = Actor("slack", "U1", "sam")
    db.call(
        lambda s: audit.record(
            s, actor=actor, action="old", outcome="ok", now=datetime(2026, 10, 1, tzinfo=UTC)
        )
    )
    db.call(
        lambda s: audit.record(
            s,
            actor=actor,
            action="decided_delete",
            outcome="ok",
            now=NOW,
            case_id=7,
            detail={"to": "deleted"},
        )
    )
    out = io.StringIO()
    count = db.call(lambda s: audit.export_csv(s, since=datetime(2026, 11, 1, tzinfo=UTC), out=out))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == 1
    assert (
        rows[0]["action"] == "decided_delete" and rows[0]["actor"] == "slack:U1" and rows[0]["case_id"] == "7"
    )
    assert rows[0]["detail"] == "to=deleted"


def test_modbot_audit_export_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    migrate(engine)
    Database(engine, workers=1).call(
        lambda s: audit.record(
            s, actor=Actor("slack", "U9", "kim"), action="decided_leave", outcome="ok", now=NOW
        )
    )
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "audit", "export", "--since", "2026-11-01", "--format", "csv"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "decided_leave" in result.stdout and "slack:U9" in result.stdout
    assert "1 audit rows exported" in result.stderr


def test_modbot_check_names_what_is_missing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "META_", "INGEST_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.db'}", SLACK_BOT_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s"
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "check"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    assert "SLACK_MODERATION_CHANNEL is not set" in result.stdout
    assert "SLACK_MODERATORS is empty" in result.stdout
    assert f"database: SQLite file {tmp_path / 'check.db'}, reachable; `modbot serve` will migrate it to" in (
        result.stdout
    )


@pytest.mark.parametrize(
    ("key", "says"),
    [
        (None, "MODBOT_DATA_KEY is not set"),
        (base64.b64encode(b"passwordPASSWORD" * 2).decode(), "typed text"),
        (base64.b64encode(b"\x13\x37\xc0\xde\x42\x99\x01\xfe" * 4).decode(), "repeat too much"),
    ],
)
def test_modbot_check_fails_in_production_on_a_missing_or_guessable_key(
    tmp_path: Path, key: str | None, says: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MODBOT_", "SLACK_", "META_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'check.db'}", MODBOT_ENV="production")
    if key is not None:
        env["MODBOT_DATA_KEY"] = key
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "check"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "data key: PROBLEM" in result.stdout and says in result.stdout
    env["MODBOT_DATA_KEY"] = base64.b64encode(os.urandom(32)).decode()
    command = [sys.executable, "-m", "bot.cli", "check"]
    strong = subprocess.run(command, capture_output=True, text=True, env=env)
    assert "data key: set" in strong.stdout


def test_modbot_check_reports_each_platform_and_what_it_can_do(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "META_", "X_", "YOUTUBE_", "TIKTOK_"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.db'}",
        YOUTUBE_ACCESS_TOKEN="ya29.t",
        YOUTUBE_CHANNEL_ID="UC1",
        X_ACCESS_TOKEN="x-token",
        TIKTOK_APP_SECRET="tt",
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "check"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0
    lines = {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}
    assert "comment poll on (quota 10,000 units a day" in lines["YouTube"]
    assert (
        "modbot acts on the platform" in lines["YouTube"]
        and "can hide, delete, reply, ban" in lines["YouTube"]
    )
    assert "can hide, reply, mute" in lines["X"] and "actions done by hand" in lines["X"]  # no X_USER_ID
    assert "X_USER_ID is not set" in result.stdout
    assert "TIKTOK_ACCESS_TOKEN is not set" in result.stdout
    assert lines["LinkedIn"].endswith("can reply")
