"""INSERT ... ON CONFLICT for the session's database: idempotency by unique keys, never by
check-then-insert (both SQLite and PostgreSQL support ON CONFLICT DO NOTHING and RETURNING)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_for(session: Session, table: Any) -> Any:
    """`insert(table)` in the session's dialect, with `on_conflict_do_nothing` available."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
