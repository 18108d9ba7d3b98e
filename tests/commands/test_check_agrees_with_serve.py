"""`modbot check` fails on everything that would stop `modbot serve`, and says what to do:
each case below is run through both commands, and both must refuse it."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = base64.b64encode(hashlib.sha256(b"a test key, published").digest()).decode()


def _modbot(command: str, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "META_", "MODBOT_"))}
    base.update(DATABASE_URL=f"sqlite:///{tmp_path / 'modbot.db'}", MODBOT_PORT="0", MODBOT_SCHEDULER="false")
    base.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", command], capture_output=True, text=True, env=base, timeout=120
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        pytest.param({"MODBOT_ENV": "production"}, "MODBOT_DATA_KEY is not set", id="production-without-key"),
        pytest.param(
            {"MODBOT_ENV": "production", "MODBOT_DATA_KEY": base64.b64encode(b"ab" * 16).decode()},
            "too weak",
            id="production-weak-key",
        ),
        pytest.param({"MODBOT_DATA_KEY": "not base64!"}, "32 bytes in base64", id="malformed-key"),
        pytest.param({"MODBOT_POLICY": "no-such-policy.yml"}, "no-such-policy.yml", id="missing-policy"),
        pytest.param({"MODBOT_MIGRATE": "false"}, "run `modbot migrate`", id="schema-behind"),
        pytest.param(
            {"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"},
            "cannot open DATABASE_URL",
            id="database-unreachable",
        ),
        pytest.param({"MODBOT_PORT": "not-a-port"}, "MODBOT_PORT", id="invalid-setting"),
    ],
)
def test_check_fails_where_serve_would_not_start(tmp_path: Path, env: dict[str, str], says: str) -> None:
    check = _modbot("check", tmp_path, env)
    serve = _modbot("serve", tmp_path, env)
    assert check.returncode != 0, check.stdout
    assert says in check.stdout + check.stderr
    assert serve.returncode != 0
    assert says in serve.stderr, serve.stderr[-600:]


def test_check_passes_a_configuration_serve_accepts(tmp_path: Path) -> None:
    production = {"MODBOT_ENV": "production", "MODBOT_DATA_KEY": STRONG_KEY}
    check = _modbot("check", tmp_path, production)
    assert check.returncode == 0, check.stdout
    assert "data key: set" in check.stdout
