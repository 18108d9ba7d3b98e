"""Where a chat platform lets the bot speak first: saved conversation references.

The reference itself is the edge's business (an opaque document); the core only keeps it,
keyed by what it reaches ("channel:<id>", "team:<id>", "user:<id>"), so that a restart loses
nothing and `modbot check` can say what is missing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.store.tables import ChatConversation
from bot.store.upsert import insert_for


def remember(
    session: Session, *, surface: str, key: str, tenant: str, reference: dict[str, Any], now: datetime
) -> None:
    """Insert or refresh one reference (the platform may move a team to another service URL)."""
    stmt = insert_for(session, ChatConversation).values(
        surface=surface, key=key, tenant=tenant, reference=reference, updated_at=now
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["surface", "key"],
        set_={"tenant": tenant, "reference": reference, "updated_at": now},
    )
    session.connection().execute(stmt)


def forget(session: Session, *, surface: str, key: str) -> bool:
    """The app was removed from there: stop trying to post to it."""
    row = session.get(ChatConversation, (surface, key))
    if row is None:
        return False
    session.delete(row)
    return True


def find(session: Session, *, surface: str, key: str) -> dict[str, Any] | None:
    row = session.get(ChatConversation, (surface, key))
    return dict(row.reference) if row else None


def any_with_prefix(session: Session, *, surface: str, prefix: str) -> dict[str, Any] | None:
    """The most recently refreshed reference of one kind (a team's, to reach its channels)."""
    row = session.exec(
        select(ChatConversation)
        .where(ChatConversation.surface == surface, col(ChatConversation.key).startswith(prefix))
        .order_by(col(ChatConversation.updated_at).desc())
        .limit(1)
    ).first()
    return dict(row.reference) if row else None


def all_with_prefix(session: Session, *, surface: str, prefix: str) -> list[tuple[str, dict[str, Any]]]:
    """Every (key, reference) of one kind."""
    rows = session.exec(
        select(ChatConversation)
        .where(ChatConversation.surface == surface, col(ChatConversation.key).startswith(prefix))
        .order_by(ChatConversation.key)
    ).all()
    return [(row.key, dict(row.reference)) for row in rows]


def known_keys(session: Session, *, surface: str) -> list[str]:
    """What the bot can reach on a surface, for `modbot check` (ids only, no content)."""
    return list(
        session.exec(
            select(ChatConversation.key)
            .where(ChatConversation.surface == surface)
            .order_by(ChatConversation.key)
        ).all()
    )
