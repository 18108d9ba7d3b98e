"""/oncall: who is the duty communications manager on call, and (moderators) set the rota.

    /oncall                                  who is on call now
    /oncall @person 2026-11-23 2026-11-29    set @person on call for those dates (inclusive)
    /oncall @person today                    set @person on call for today

With `should_escape: true` in the manifest Slack sends a mention as `<@U123|name>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.core.errors import ModbotError
from bot.core.rota import OnCall

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|today|tomorrow")

USAGE = "Usage: `/oncall` to see who is on call, or `/oncall @person 2026-11-23 2026-11-29` to set the rota."


@dataclass(frozen=True, slots=True)
class SetOnCall:
    user_id: str
    name: str
    starts_on: date
    ends_on: date


def _day(word: str, today: date) -> date:
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError as exc:
        raise ModbotError(f"{word} is not a date (use YYYY-MM-DD). {USAGE}") from exc


def parse_oncall(text: str, *, today: date) -> SetOnCall | None:
    """None for "show"; a SetOnCall for "set"; ModbotError with the usage otherwise."""
    text = text.strip()
    if not text:
        return None
    mention = _MENTION.search(text)
    if mention is None:
        raise ModbotError(f"Name the person with an @mention. {USAGE}")
    days = _DATE.findall(text[mention.end() :])
    if not days or len(days) > 2:
        raise ModbotError(f"Give one or two dates. {USAGE}")
    starts = _day(days[0], today)
    ends = _day(days[-1], today)
    return SetOnCall(mention.group(1), mention.group(2) or mention.group(1), starts, ends)


def describe(person: OnCall | None) -> str:
    if person is None:
        return ":warning: Nobody is on call now. Set the rota with `/oncall @person FROM TO`."
    who = f"<@{person.slack_user_id}>" if person.slack_user_id else person.name
    return f"On call now: {who} ({person.starts_on:%a %d %b} to {person.ends_on:%a %d %b})."
