"""Typed commands to the bot in Teams (the command menu inserts them; a channel needs @modbot).

report-abuse                         open the confidential report form
report-abuse status SG-2026-0001     where your report stands
oncall                               who is on call now
oncall @person 2026-11-23 2026-11-29 (moderators) set the rota
desk                                 (moderators) the desk at a glance
help                                 this list
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from bot.core.errors import ModbotError
from bot.core.rhythm.rota import OnCall, SetOnCall, shift_days

USAGE = "Type **oncall** to see who is on call, or **oncall @person 2026-11-23 2026-11-29** to set the rota."
HELP = (
    "I understand: **report-abuse** (log abuse you received or a safeguarding concern, confidentially), "
    "**report-abuse status SG-2026-0001**, **oncall**, **desk** (moderators: the desk at a glance) and "
    "**help**. In a channel, @mention me first."
)


class Verb(StrEnum):
    REPORT_ABUSE = "report-abuse"
    ONCALL = "oncall"
    DESK = "desk"
    HELP = "help"


@dataclass(frozen=True, slots=True)
class Command:
    verb: Verb
    rest: str


def parse(text: str) -> Command:
    """The command in a message whose bot mention has been removed; anything else is help."""
    words = text.strip().split(maxsplit=1)
    first = words[0].lower().lstrip("/") if words else ""
    rest = words[1] if len(words) > 1 else ""
    if first == "report" and rest.lower().startswith("abuse"):
        first, rest = "report-abuse", rest[5:]
    try:
        return Command(Verb(first), rest.strip())
    except ValueError:
        return Command(Verb.HELP, "")


def parse_oncall(rest: str, *, mentions: list[dict[str, Any]], today: date) -> SetOnCall | None:
    """None for "show"; SetOnCall for "set" (the person is the message's @mention)."""
    if not rest.strip():
        return None
    if not mentions:
        raise ModbotError(f"Name the person with an @mention. {USAGE}")
    person = mentions[0]
    after = re.sub(r"<at>.*?</at>", " ", rest)
    starts, ends = shift_days(after, today=today, usage=USAGE)
    return SetOnCall(str(person.get("id", "")), str(person.get("name") or person.get("id", "")), starts, ends)


def describe(person: OnCall | None) -> str:
    if person is None:
        return "Nobody is on call now. Set the rota with **oncall @person FROM TO**."
    return f"On call now: {person.name} ({person.starts_on:%a %d %b} to {person.ends_on:%a %d %b})."
