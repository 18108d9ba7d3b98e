"""What every command shares: the settings, the database, and the argument types."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.store.db import Database


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"modbot: settings are not valid: {problems}") from exc


def since_arg(value: str) -> datetime:
    """An ISO date or datetime for the audit log's bounds; without a zone it is UTC."""
    return _aware(value, UTC, "an ISO date or datetime")


def moment_arg(value: str) -> datetime:
    """An ISO datetime; without a zone it is London time (what people on the desk mean)."""
    from bot.core.rhythm.clock import LONDON

    return _aware(value, LONDON, "an ISO datetime")


def _aware(value: str, zone: tzinfo, kind: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not {kind}: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def where_is(url: str) -> str:
    """The database in words, without its password: the SQLite file's full path, or the server."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite file {Path(parsed.database or ':memory:').resolve()}"
    return f"{parsed.get_backend_name()} at {parsed.render_as_string(hide_password=True)}"


def open_db() -> Database:
    from bot.store.db import Database, SchemaBehind, make_engine, ready_schema

    settings = load_settings()
    engine = make_engine(settings.database_url)
    try:
        ready_schema(engine, migrate_allowed=settings.modbot_migrate)
    except SchemaBehind as exc:
        raise SystemExit(f"modbot: {exc}") from exc
    return Database(engine, workers=1)
