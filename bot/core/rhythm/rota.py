"""The on-call rota: who is the duty communications manager on call on a given day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.errors import ModbotError
from bot.core.models import Actor
from bot.core.profile import PolicyProfile
from bot.store.tables import OnCallShift
from bot.store.upsert import insert_for


@dataclass(frozen=True, slots=True)
class OnCall:
    name: str
    slack_user_id: str
    teams_user_id: str
    starts_on: date
    ends_on: date

    def user_on(self, surface: str) -> str:
        """Their user id on one chat surface ("" when the rota does not say)."""
        return {"slack": self.slack_user_id, "teams": self.teams_user_id}.get(surface, "")


@dataclass(frozen=True, slots=True)
class SetOnCall:
    """A request to put someone on call, as a chat command gave it (their id on that surface)."""

    user_id: str
    name: str
    starts_on: date
    ends_on: date


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}|today|tomorrow")


def shift_days(text: str, *, today: date, usage: str) -> tuple[date, date]:
    """The first and last day of a shift from "2026-11-23 2026-11-29", "today" or "tomorrow"."""
    words = _DAY.findall(text)
    if not words or len(words) > 2:
        raise ModbotError(f"Give one or two dates. {usage}")

    def day(word: str) -> date:
        if word == "today":
            return today
        if word == "tomorrow":
            return today + timedelta(days=1)
        try:
            return date.fromisoformat(word)
        except ValueError as exc:
            raise ModbotError(f"{word} is not a date (use YYYY-MM-DD). {usage}") from exc

    return day(words[0]), day(words[-1])


def seed_rota(session: Session, *, profile: PolicyProfile, now: datetime) -> int:
    """Copy the policy file's rota into the database; a second run adds nothing."""
    if not profile.oncall:
        return 0
    rows = [
        dict(
            person_name=entry.name,
            slack_user_id=entry.slack_user,
            teams_user_id=entry.teams_user,
            starts_on=entry.starts_on,
            ends_on=entry.ends_on,
            source="policy",
            created_by="policy file",
            created_at=now,
        )
        for entry in profile.oncall
    ]
    stmt = (
        insert_for(session, OnCallShift)
        .on_conflict_do_nothing(index_elements=["person_name", "starts_on", "ends_on", "source"])
        .returning(col(OnCallShift.id))
    )
    # Count returned ids: psycopg reports rowcount -1 for a batched insert.
    return len(session.connection().execute(stmt, rows).all())


def on_call(session: Session, *, day: date) -> OnCall | None:
    """The most recently set shift that covers `day` (a later /oncall overrides the seed)."""
    shift = session.exec(
        select(OnCallShift)
        .where(col(OnCallShift.starts_on) <= day, col(OnCallShift.ends_on) >= day)
        .order_by(col(OnCallShift.created_at).desc(), col(OnCallShift.id).desc())
        .limit(1)
    ).first()
    if shift is None:
        return None
    return OnCall(shift.person_name, shift.slack_user_id, shift.teams_user_id, shift.starts_on, shift.ends_on)


def set_on_call(
    session: Session,
    *,
    name: str,
    starts_on: date,
    ends_on: date,
    actor: Actor,
    now: datetime,
    slack_user_id: str = "",
    teams_user_id: str = "",
) -> OnCall:
    if ends_on < starts_on:
        raise ModbotError("The end date is before the start date.")
    if (ends_on - starts_on).days > 366:
        raise ModbotError("A shift can cover at most a year; set it in parts.")
    session.add(
        OnCallShift(
            person_name=name,
            slack_user_id=slack_user_id,
            teams_user_id=teams_user_id,
            starts_on=starts_on,
            ends_on=ends_on,
            source=actor.surface,
            created_by=actor.key,
            created_at=now,
        )
    )
    audit.record(
        session,
        actor=actor,
        action="oncall_set",
        outcome="ok",
        now=now,
        detail={"from": starts_on.isoformat(), "to": ends_on.isoformat(), "person": name},
    )
    return OnCall(name, slack_user_id, teams_user_id, starts_on, ends_on)
