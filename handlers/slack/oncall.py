"""/oncall: who is the duty communications manager on call, and (moderators) set the rota.

    /oncall                                  who is on call now
    /oncall @person 2026-11-23 2026-11-29    set @person on call for those dates (inclusive)
    /oncall @person today                    set @person on call for today

With `should_escape: true` in the manifest Slack sends a mention as `<@U123|name>`.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.errors import ModbotError
from bot.core.rhythm.rota import OnCall, SetOnCall, shift_days

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")

USAGE = "Usage: `/oncall` to see who is on call, or `/oncall @person 2026-11-23 2026-11-29` to set the rota."


def parse_oncall(text: str, *, today: date) -> SetOnCall | None:
    """None for "show"; a SetOnCall for "set"; ModbotError with the usage otherwise."""
    text = text.strip()
    if not text:
        return None
    mention = _MENTION.search(text)
    if mention is None:
        raise ModbotError(f"Name the person with an @mention. {USAGE}")
    starts, ends = shift_days(text[mention.end() :], today=today, usage=USAGE)
    return SetOnCall(mention.group(1), mention.group(2) or mention.group(1), starts, ends)


def describe(person: OnCall | None) -> str:
    if person is None:
        return ":warning: Nobody is on call now. Set the rota with `/oncall @person FROM TO`."
    who = f"<@{person.slack_user_id}>" if person.slack_user_id else person.name
    return f"On call now: {who} ({person.starts_on:%a %d %b} to {person.ends_on:%a %d %b})."
