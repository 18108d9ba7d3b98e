"""Enqueueing side effects, idempotently, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from bot.store.tables import OutboxTask


def enqueue(
    session: Session,
    *,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    lane: str = "",
    dedupe_key: str | None = None,
) -> bool:
    """Add a task; with a `dedupe_key` a second enqueue of the same key is a no-op (False)."""
    values: dict[str, Any] = dict(
        kind=kind,
        payload=payload,
        lane=lane,
        dedupe_key=dedupe_key,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    if dedupe_key is None:
        session.add(OutboxTask(**values))
        return True
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(OutboxTask).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
    result = session.connection().execute(stmt)
    return bool(result.rowcount)
