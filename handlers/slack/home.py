"""Slack's Home tab: the desk at a glance for moderators, how to report abuse for everyone else.

Rebuilt from the core's `DeskOverview` each time someone opens it (`app_home_opened`, then
`views.publish`), so it is never stale when looked at.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import NotPermitted
from bot.core.models import Actor
from bot.core.moderation.overview import DeskOverview, checks_line, month_line
from bot.core.moderation.views import format_when
from bot.core.rhythm.digest_text import TIER_NAMES
from bot.services import Services
from handlers.slack.blocks import escape
from handlers.slack.digest_blocks import section
from handlers.slack.errors import told

log = logging.getLogger(__name__)
Block = dict[str, Any]


def _text(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:2900]}]}


def desk_home(overview: DeskOverview) -> dict[str, Any]:
    """The moderators' Home tab."""
    now = overview.at
    month = overview.month
    person = overview.on_call
    on_call = (
        f"*On call tonight:* {escape(person.name)}"
        + (f" (<@{person.slack_user_id}>)" if person.slack_user_id else "")
        if person
        else "*On call tonight:* :warning: nobody. Set the rota with `/oncall`."
    )
    checks = checks_line(overview.checks, now, escape)
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"{overview.organisation[:120]}: the desk"},
        },
        _context(f"As of {format_when(now, now)} (London). Reopen this tab to refresh it."),
        _text(
            f"*Open cases: {overview.open_total}*  ·  *Overdue: {overview.overdue.count}*\n{on_call}\n"
            f"*Checks last done:* {checks}"
        ),
        {"type": "divider"},
    ]
    blocks += section("Overdue", overview.overdue)
    for tier, listing in overview.open_by_tier.items():
        blocks += section(f"Open {TIER_NAMES.get(tier, f'Tier {tier}')}", listing)
    blocks += [
        {"type": "divider"},
        _text(f"*{month.month:%B %Y} so far:* {month_line(month)}"),
        _context("Last month's full report, with charts, is shared in the channel on the first working day."),
    ]
    return {"type": "home", "blocks": blocks[:100]}  # Slack's limit for a view


def staff_home() -> dict[str, Any]:
    """Everyone else's Home tab: how to report abuse, danger first."""
    return {
        "type": "home",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Report online abuse"}},
            _text(
                ":rotating_light: *If anyone is in immediate danger, call 999 now.*\n"
                "To report abuse you received online, or a concern about someone's safety, type "
                "`/report-abuse` in any channel: the form is confidential and goes to the safeguarding leads."
            ),
            _context("To ask about a report you made: `/report-abuse status SG-2026-0001`."),
        ],
    }


def register(app: AsyncApp, services: Services) -> None:
    @app.event("app_home_opened")
    @told
    async def on_home_opened(event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("tab", "home") != "home":
            return  # the Messages tab needs nothing from us
        user = str(event.get("user", ""))
        try:
            view = desk_home(await services.desk_overview(viewer=Actor(surface="slack", id=user)))
        except NotPermitted:
            view = staff_home()  # what every member of staff may do: report abuse
        try:
            await client.views_publish(user_id=user, view=view)
        except SlackApiError as exc:  # the next opening tries again; nothing is lost
            log.warning("could not publish the Home tab: %s", exc.response.get("error"))
