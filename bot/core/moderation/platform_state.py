"""Poll cursors and daily API quotas, kept in the database so a restart resumes, not repeats.

YouTube gives each project a daily quota (10,000 units unless raised) that resets at midnight
Pacific time; a list call costs 1 unit and a moderation call 50. The meter records every spend,
keeps a reserve for moderators' clicks (polling stops first), and after `quotaExceeded` pauses
every call until the reset instead of hammering the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from bot.store.db import Database
from bot.store.tables import PlatformState

PACIFIC = ZoneInfo("America/Los_Angeles")


def quota_day(now: datetime) -> str:
    return now.astimezone(PACIFIC).date().isoformat()


def next_reset(now: datetime) -> datetime:
    """The next midnight in Pacific time, when YouTube's daily quota starts again."""
    local = now.astimezone(PACIFIC)
    tomorrow = local.date() + timedelta(days=1)
    return datetime.combine(tomorrow, time(0), tzinfo=PACIFIC)


def load(session: Session, key: str, now: datetime) -> PlatformState:
    """The state for `key`, created on first use; a new quota day starts from zero."""
    state = session.get(PlatformState, key, with_for_update=True)
    if state is None:
        state = PlatformState(key=key, quota_day=quota_day(now))
        session.add(state)
        session.flush()
    if state.quota_day != quota_day(now):
        state.quota_day, state.quota_used = quota_day(now), 0
    return state


@dataclass(frozen=True, slots=True)
class QuotaView:
    used: int
    limit: int
    reserve: int
    paused_until: datetime | None

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    def can_poll(self, cost: int, now: datetime) -> bool:
        """Polling may not eat into the reserve kept for moderators' clicks."""
        if self.paused_until is not None and self.paused_until > now:
            return False
        return self.remaining - cost >= self.reserve

    def can_act(self, cost: int, now: datetime) -> bool:
        if self.paused_until is not None and self.paused_until > now:
            return False
        return self.remaining >= cost


class QuotaMeter:
    """One platform's daily quota, shared by the poller and the outbox (one row, locked)."""

    def __init__(
        self, *, db: Database, key: str, limit: int, reserve: int, now: Callable[[], datetime]
    ) -> None:
        self.db, self.key, self.limit, self.reserve, self.now = db, key, limit, reserve, now

    async def view(self) -> QuotaView:
        now = self.now()

        def read(session: Session) -> QuotaView:
            state = load(session, self.key, now)
            return QuotaView(state.quota_used, self.limit, self.reserve, state.paused_until)

        return await self.db.run(read)

    async def take(self, units: int, *, polling: bool) -> tuple[bool, QuotaView]:
        """Check and spend in one locked transaction, so two clicks cannot both take the last
        units; returns whether the call may go ahead and the quota as it was before it."""
        now = self.now()

        def run(session: Session) -> tuple[bool, QuotaView]:
            state = load(session, self.key, now)
            view = QuotaView(state.quota_used, self.limit, self.reserve, state.paused_until)
            allowed = view.can_poll(units, now) if polling else view.can_act(units, now)
            if allowed:
                state.quota_used += units  # YouTube charges failed calls too
            return allowed, view

        return await self.db.run(run)

    async def spend(self, units: int) -> int:
        """Record units spent (whatever the answer: YouTube charges failed calls too)."""
        now = self.now()

        def add(session: Session) -> int:
            state = load(session, self.key, now)
            state.quota_used += units
            return state.quota_used

        return await self.db.run(add)

    async def exhausted(self) -> datetime:
        """The platform said the quota is gone: pause every call until the reset."""
        now = self.now()
        until = next_reset(now)

        def pause(session: Session) -> None:
            state = load(session, self.key, now)
            state.paused_until = until
            state.quota_used = max(state.quota_used, self.limit)

        await self.db.run(pause)
        return until


def record_run(
    session: Session,
    *,
    key: str,
    now: datetime,
    cursor: str | None,
    new: int,
    spent: int,
    error: str = "",
    paused_until: datetime | None = None,
) -> PlatformState:
    """What one poll did: where to resume, what it found and spent, and any failure."""
    state = load(session, key, now)
    if cursor is not None:
        state.cursor = cursor
    state.last_run_at, state.last_new, state.last_spent = now, new, spent
    state.last_error = error[:500]
    current = state.paused_until if state.paused_until and state.paused_until > now else None
    # A pause already set (a quota reset) is never shortened by a later, shorter one.
    state.paused_until = max(paused_until, current) if paused_until and current else paused_until or current
    return state


def all_states(session: Session) -> list[PlatformState]:
    return list(session.exec(select(PlatformState).order_by(col(PlatformState.key))).all())
