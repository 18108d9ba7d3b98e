"""Enqueueing side effects, idempotently, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col

from bot.store.tables import OutboxTask
from bot.store.upsert import insert_for


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
    # RETURNING, not rowcount: psycopg reports -1 rows for a skipped ON CONFLICT insert.
    stmt = (
        insert_for(session, OutboxTask)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(col(OutboxTask.id))
    )
    return session.connection().execute(stmt).first() is not None
