"""Enqueueing side effects, idempotently, inside the caller's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

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
    stmt = (
        insert_for(session, OutboxTask).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
    )
    result = session.connection().execute(stmt)
    return bool(result.rowcount)
