"""Migrations as operations run them: `modbot migrate`, Alembic's own command, several processes
at once, and a process told not to migrate meeting a schema that is behind."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.store.db import make_engine, schema_state
from tests.conftest import DbTarget

ROOT = Path(__file__).resolve().parents[2]


def database_url(target: DbTarget) -> str:
    """The URL a separate process is given: PostgreSQL's schema travels as a connect option."""
    if target.schema is None:
        return target.url
    return f"{target.url}?options=-csearch_path%3D{target.schema}"


def modbot(*args: str, url: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "META_", "MODBOT_"))}
    env.update(DATABASE_URL=url, **extra)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def empty(db_target: DbTarget) -> DbTarget:
    return db_target


def test_three_migrations_started_together_all_succeed(empty: DbTarget) -> None:
    url = database_url(empty)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODBOT_")}
    env["DATABASE_URL"] = url
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "migrate"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _out, _err in results] == [0, 0, 0], [err[-400:] for _c, _o, err in results]
    state = schema_state(make_engine(empty.url, schema=empty.schema))
    assert not state.behind
    assert all(f": schema at {state.head} (found at" in out for _code, out, _err in results)


def test_a_process_told_not_to_migrate_refuses_a_schema_that_is_behind(empty: DbTarget) -> None:
    url = database_url(empty)
    dry = modbot("migrate", "--dry-run", url=url)
    assert dry.returncode == 1 and "run `modbot migrate`" in dry.stdout

    check = modbot("check", url=url, MODBOT_MIGRATE="false")
    assert check.returncode == 1
    assert "database: PROBLEM:" in check.stdout and "an empty database" in check.stdout

    serve = modbot("serve", url=url, MODBOT_MIGRATE="false", MODBOT_PORT="0")
    assert serve.returncode == 1
    assert "cannot start: the database schema is at nothing" in serve.stderr

    assert modbot("migrate", url=url).returncode == 0
    assert modbot("migrate", "--dry-run", url=url).returncode == 0
    check = modbot("check", url=url, MODBOT_MIGRATE="false")
    assert check.returncode == 0, check.stdout
    assert f"schema at {schema_state(make_engine(empty.url, schema=empty.schema)).head}" in check.stdout


def test_alembic_upgrade_head_works_from_the_repository(empty: DbTarget) -> None:
    env = {**os.environ, "DATABASE_URL": database_url(empty)}
    alembic = Path(sys.executable).with_name("alembic")
    subprocess.run([alembic, "upgrade", "head"], cwd=ROOT, env=env, check=True, capture_output=True)
    state = schema_state(make_engine(empty.url, schema=empty.schema))
    assert not state.behind
    current = subprocess.run(
        [alembic, "current"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    assert f"{state.head} (head)" in current.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_three_servers_started_together_on_an_empty_database_all_become_ready(empty: DbTarget) -> None:
    if empty.schema is None:
        # Several processes are a PostgreSQL deployment; SQLite is one process (docs/deployment.md).
        pytest.skip("SQLite runs one modbot serve process")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "META_", "MODBOT_"))}
    env.update(DATABASE_URL=database_url(empty), MODBOT_SCHEDULER="true")
    ports = [_free_port() for _ in range(3)]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve"],
            env={**env, "MODBOT_PORT": str(port)},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for port in ports
    ]
    try:
        answers = [_readiness(port, servers[i]) for i, port in enumerate(ports)]
    finally:
        for server in servers:
            server.terminate()
        logs = [server.communicate(timeout=30)[1] for server in servers]
    assert answers == [(200, {"status": "ready"})] * 3, [log[-800:] for log in logs]


def _readiness(port: int, server: subprocess.Popen[str], timeout: float = 90.0) -> tuple[int, object]:
    """/readyz's first 200, or its last answer (or why there was none) when time ran out."""
    deadline, last = time.monotonic() + timeout, (0, "never listened")
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return server.returncode, "exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:  # 503 while warming up: ask again
            last = (refused.code, json.loads(refused.read()))
        except OSError:
            pass
        time.sleep(0.2)
    return last
