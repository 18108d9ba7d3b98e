"""`modbot teams-package` writes an uploadable Teams app; `modbot check` says whether Teams can
reach its channels (a missing conversation reference is named, never silently dropped)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from bot.core.delivery import conversations
from bot.store.db import Database, make_engine, migrate

APP_ID = "00000000-0000-4000-8000-0000000000a1"
CHANNEL = "19:6848757105754c8981c67612732d9aa7@thread.tacv2"


def _run(args: list[str], tmp_path: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "META_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'check.db'}", **env_extra)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_package_has_the_manifest_and_both_icons(tmp_path: Path) -> None:
    out = tmp_path / "modbot.zip"
    result = _run(
        ["teams-package", "--out", str(out), "--domain", "bot.example.org", "--version", "1.2.0"],
        tmp_path,
        TEAMS_APP_ID=APP_ID,
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        assert _png_size(archive.read("color.png")) == (192, 192)
        assert _png_size(archive.read("outline.png")) == (32, 32)
    assert manifest["id"] == APP_ID and manifest["version"] == "1.2.0"
    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID and set(bot["scopes"]) == {"team", "personal", "groupChat"}
    titles = [c["title"] for c in bot["commandLists"][0]["commands"]]
    assert titles == ["report-abuse", "oncall", "desk", "help"]
    assert manifest["validDomains"] == ["bot.example.org"]
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}


def test_package_refuses_without_an_app_id(tmp_path: Path) -> None:
    result = _run(
        ["teams-package", "--out", str(tmp_path / "x.zip"), "--domain", "bot.example.org"], tmp_path
    )
    assert result.returncode == 2
    assert "TEAMS_APP_ID" in result.stderr
    assert not (tmp_path / "x.zip").exists()


def test_check_names_a_channel_teams_has_not_told_us_about(tmp_path: Path) -> None:
    teams = dict(TEAMS_MODERATION_CHANNEL=CHANNEL, TEAMS_MODERATORS="aad-1")
    result = _run(["check"], tmp_path, **teams)
    assert result.returncode == 0
    assert "teams: configured, UNAUTHENTICATED (local testing only)" in result.stdout
    assert "teams moderation channel: PROBLEM: no conversation reference" in result.stdout
    assert "TEAMS_APP_ID is not set" in result.stdout

    engine = make_engine(f"sqlite:///{tmp_path / 'check.db'}")
    migrate(engine)
    db = Database(engine, workers=1)
    db.call(
        lambda s: conversations.remember(
            s,
            surface="teams",
            key=f"channel:{CHANNEL}",
            tenant="t",
            reference={"serviceUrl": "https://smba.example/", "conversation": {"id": CHANNEL}},
            now=datetime.now(UTC),
        )
    )
    db.close()
    result = _run(["check"], tmp_path, **teams)
    assert "teams moderation channel: reachable (the app has heard from it)" in result.stdout
