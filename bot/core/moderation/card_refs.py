"""Where a record's card was posted on each desk, and which version it shows.

Cases and surges keep their references in two tables of the same shape (`card_ref`,
`surge_card_ref`); these queries serve both, so posting, re-checking and refreshing a card work
the same way whatever the card shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.store.tables import CardRef, SurgeCardRef
from bot.store.upsert import insert_for

Ref = TypeVar("Ref", bound=CardRef | SurgeCardRef)

# The column naming the record each table's rows belong to.
_RECORD_COLUMN: dict[type[Any], str] = {CardRef: "case_id", SurgeCardRef: "surge_id"}


def _record(table: type[Any]) -> Any:
    return getattr(table, _RECORD_COLUMN[table])


def find(session: Session, table: type[Ref], *, record_id: int, desk: str) -> Ref | None:
    return session.exec(
        select(table).where(col(_record(table)) == record_id, col(table.desk) == desk)
    ).first()


def save(
    session: Session,
    table: type[Ref],
    *,
    record_id: int,
    desk: str,
    channel: str,
    message_ref: str,
    version: int,
    now: datetime,
) -> None:
    """Remember a posted card; a second save for the same record and desk changes nothing."""
    key = _RECORD_COLUMN[table]
    session.connection().execute(
        insert_for(session, table)
        .values(
            {
                key: record_id,
                "desk": desk,
                "channel": channel,
                "message_ref": message_ref,
                "rendered_version": version,
                "posted_at": now,
            }
        )
        .on_conflict_do_nothing(index_elements=[key, "desk"])
    )


def mark_rendered(session: Session, table: type[Ref], *, record_id: int, desk: str, version: int) -> None:
    """The card now shows `version` (never moves backwards when refreshes finish out of order)."""
    session.connection().execute(
        update(table)
        .where(
            col(_record(table)) == record_id,
            col(table.desk) == desk,
            col(table.rendered_version) < version,
        )
        .values(rendered_version=version)
    )
