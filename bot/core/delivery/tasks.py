"""The durable side effects the core asks for, and how it asks: a row in the caller's transaction.

The outbox (`bot.outbox`) carries them out; the core never imports it. Kind values are stored:
never rename.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col

from bot.store.tables import OutboxTask
from bot.store.upsert import insert_for


class TaskKind(StrEnum):
    POST_CARD = "post_card"
    REFRESH_CARD = "refresh_card"
    PLATFORM_ACTION = "platform_action"
    CONTACT_COMMENTER = "contact_commenter"
    SEND_SCHEDULED = "send_scheduled"
    ESCALATE = "escalate"
    SAFEGUARDING_NOTICE = "safeguarding_notice"
    SAFEGUARDING_NOTICE_REFRESH = "safeguarding_notice_refresh"
    SAFEGUARDING_TELL_REPORTER = "safeguarding_tell_reporter"
    SAFEGUARDING_ALERT_ONCALL = "safeguarding_alert_oncall"
    AUTO_REPLY = "auto_reply"
    FETCH_TIKTOK_COMMENT = "fetch_tiktok_comment"
    POST_SURGE_CARD = "post_surge_card"
    REFRESH_SURGE_CARD = "refresh_surge_card"
    DEAD_TASK_NOTICE = "dead_task_notice"


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
