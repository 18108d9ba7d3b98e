"""How the core knows a configured chat desk: a name and a pacing lane (nothing of Slack or Teams)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.core.delivery.tasks import enqueue


@dataclass(frozen=True, slots=True)
class DeskTarget:
    """A configured chat desk, as the core needs to know it: a name and a pacing lane."""

    name: str
    lane: str


def enqueue_on_desks(
    session: Session,
    *,
    kind: str,
    payload: dict[str, Any],
    dedupe_key: Callable[[str], str],
    desks: Sequence[DeskTarget],
    now: datetime,
) -> bool:
    """One task per desk: its payload names the desk, the desk's lane paces it, and
    `dedupe_key(desk name)` makes a second enqueue a no-op. False when every one was queued before."""
    queued = [
        enqueue(
            session,
            kind=kind,
            payload={**payload, "desk": desk.name},
            lane=desk.lane,
            dedupe_key=dedupe_key(desk.name),
            now=now,
        )
        for desk in desks
    ]
    return any(queued)
