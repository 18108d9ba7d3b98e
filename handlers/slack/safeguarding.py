"""/report-abuse in Slack: the form, the receipt, the private channel's notice and lead controls.

Thin listeners: ack (or open the modal) first, parse, call one use case, render, respond.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import ModbotError
from bot.core.safeguarding.form import FIELD_INPUTS, status_request
from bot.core.safeguarding.notices import ReportNotice, reporter_status
from bot.ports import PostedCard
from bot.services import Services
from handlers.slack.blocks import escape
from handlers.slack.desk import _chat_error
from handlers.slack.errors import actor_of, actor_of_command, told
from handlers.slack.ids import SAFEGUARDING_PREFIX, CallbackId, Command, SafeguardingActionId
from handlers.slack.safeguarding_blocks import (
    details_modal,
    notice_blocks,
    parse_report,
    receipt_view,
    report_modal,
)

log = logging.getLogger(__name__)


class SlackSafeguardingDesk:
    name = "slack"

    def __init__(
        self, *, client: AsyncWebClient, channel: str, targets: tuple[str, ...], outcomes: tuple[str, ...]
    ) -> None:
        self._client, self._channel, self._targets, self._outcomes = client, channel, targets, outcomes

    def lane(self) -> str:
        return f"slack:{self._channel}"

    async def post_notice(self, notice: ReportNotice, *, alert: bool) -> None:
        text, blocks = notice_blocks(notice, alert=alert, targets=self._targets, outcomes=self._outcomes)
        await self._call(self._client.chat_postMessage(channel=self._channel, text=text, blocks=blocks))

    async def update_notice(self, posted: PostedCard, notice: ReportNotice) -> None:
        text, blocks = notice_blocks(notice, alert=False, targets=self._targets, outcomes=self._outcomes)
        await self._call(
            self._client.chat_update(channel=posted.channel, ts=posted.message_ref, text=text, blocks=blocks)
        )

    async def tell(self, user_id: str, text: str) -> None:
        await self._call(self._client.chat_postMessage(channel=user_id, text=text))

    async def _call(self, call: Any) -> None:
        try:
            await call
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc


def register(app: AsyncApp, services: Services) -> None:
    guidance = services.profile.safeguarding

    async def open_form(
        client: AsyncWebClient, trigger_id: str, *, link: str = "", channel: str = ""
    ) -> None:
        await client.views_open(
            trigger_id=trigger_id,
            view=report_modal(immediate_danger=guidance.immediate_danger, link=link, channel=channel),
        )

    @app.command(Command.REPORT_ABUSE.value)
    @told
    async def on_report_abuse(
        ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond
    ) -> None:
        reference = status_request(str(body.get("text", "")))
        if reference is None:
            await ack()
            await open_form(client, str(body["trigger_id"]), channel=str(body.get("channel_id", "")))
            return
        await ack()
        notice = await services.report_status(reference=reference, reporter=actor_of_command(body))
        await respond(text=reporter_status(notice, escape), response_type="ephemeral")

    @app.shortcut(CallbackId.REPORT_MESSAGE.value)
    @told
    async def on_report_message(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        channel = str((body.get("channel") or {}).get("id", ""))
        ts = str((body.get("message") or {}).get("ts", ""))
        link = f"https://slack.com/archives/{channel}/p{ts.replace('.', '')}" if channel and ts else ""
        await open_form(client, str(body["trigger_id"]), link=link, channel=channel)

    @app.view(CallbackId.REPORT_ABUSE.value)
    @told
    async def on_report_submitted(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        form, errors = parse_report(view)
        if form is not None:
            problems = services.validate_report(form)
            errors = {FIELD_INPUTS[field]: message for field, message in problems.items()}
        if errors or form is None:
            await ack(response_action="errors", errors=errors)
            return
        try:
            receipt = await services.report_abuse(form=form, reporter=actor_of(body))
        except ModbotError as exc:
            await ack(response_action="errors", errors={"what": str(exc)})
            return
        await ack(response_action="update", view=receipt_view(receipt))

    @app.action(re.compile("^" + re.escape(SAFEGUARDING_PREFIX)))
    @told
    async def on_lead_control(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        lead = actor_of(body)
        container = body.get("container") or {}
        channel = str(container.get("channel_id", ""))
        action_id = SafeguardingActionId(str(action.get("action_id")))
        if action_id is SafeguardingActionId.VIEW:
            details = await services.view_report(reference=str(action.get("value")), viewer=lead)
            await client.views_open(trigger_id=body["trigger_id"], view=details_modal(details))
            return
        if action_id is SafeguardingActionId.ACKNOWLEDGE:
            reference, value = str(action.get("value")), ""
        else:
            reference, _, value = str((action.get("selected_option") or {}).get("value", "")).partition("|")
        await services.safeguarding_act(
            reference=reference,
            action=action_id.name.lower(),
            lead=lead,
            value=value,
            posted=("slack", channel, str(container.get("message_ts", ""))),
        )
