"""The default SQLite file is in one stated place for every command, whatever folder it is run
from (issue 27): an import run elsewhere must not quietly write a second database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.commands.common import where_is
from bot.settings import Settings
from bot.store.db import make_engine, migrate


def test_the_default_database_is_the_same_file_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    urls = set()
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        monkeypatch.chdir(tmp_path / folder)
        urls.add(Settings().database_url)
    assert urls == {f"sqlite:///{tmp_path / 'data' / 'modbot' / 'modbot.db'}"}
    assert where_is(urls.pop()) == f"SQLite file {tmp_path / 'data' / 'modbot' / 'modbot.db'}"


def test_a_sqlite_file_in_a_folder_not_yet_made_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "modbot.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    assert path.exists()


def test_a_server_database_is_named_without_its_password() -> None:
    named = where_is("postgresql+psycopg://modbot:s3cret@db.internal:5432/desk")
    assert "s3cret" not in named and "db.internal:5432/desk" in named
