"""The append-only audit log: who did what, when, from which surface, and the outcome."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from sqlmodel import Session, col, select

from bot.core.models import Actor
from bot.store.tables import AuditEvent

EXPORT_COLUMNS = (
    "id",
    "at",
    "actor",
    "actor_name",
    "surface",
    "action",
    "case_id",
    "subject",
    "outcome",
    "detail",
)


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    outcome: str,
    now: datetime,
    case_id: int | None = None,
    subject: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one row. Never put comment text or author handles in `detail`: use references."""
    event = AuditEvent(
        at=now,
        actor=actor.key,
        actor_name=actor.name,
        surface=actor.surface,
        action=action,
        case_id=case_id,
        subject=subject,
        outcome=outcome,
        detail=detail or {},
    )
    session.add(event)
    return event


def events_since(session: Session, *, since: datetime, until: datetime | None = None) -> Iterator[AuditEvent]:
    query = select(AuditEvent).where(col(AuditEvent.at) >= since).order_by(col(AuditEvent.id))
    if until is not None:
        query = query.where(col(AuditEvent.at) < until)
    yield from session.exec(query)


def export_csv(session: Session, *, since: datetime, out: IO[str], until: datetime | None = None) -> int:
    """Write the audit log from `since` as CSV for the Audit Committee; returns the row count."""
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for event in events_since(session, since=since, until=until):
        writer.writerow(
            [
                event.id,
                event.at.isoformat(),
                event.actor,
                event.actor_name,
                event.surface,
                event.action,
                event.case_id if event.case_id is not None else "",
                event.subject,
                event.outcome,
                _detail_text(event.detail),
            ]
        )
        count += 1
    return count


def _detail_text(detail: dict[str, Any]) -> str:
    return "; ".join(f"{k}={v}" for k, v in sorted(detail.items()))
