"""Bolt listeners for the desk. Thin: ack, parse, call one use case; what they raise is explained
to the person by the edge's one error path (`handlers.slack.errors`)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import AlreadyDecided, InvalidPayload
from bot.core.models import Decision
from bot.core.moderation.card_action import CardAction
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.sends import acknowledged_what
from bot.services import Services
from handlers.http import problem, read_body
from handlers.slack.blocks import leave_theme_modal
from handlers.slack.errors import REPLY_CHANNEL, actor_of, actor_of_command, channel_of, tell, told
from handlers.slack.ids import ACK_PREFIX, ACTION_PREFIX, SURGE_PREFIX, CallbackId, Command
from handlers.slack.oncall import describe, parse_oncall
from handlers.slack.requests import refusal
from handlers.slack.surge_blocks import read_surge_value

log = logging.getLogger(__name__)

def _send_id(value: str) -> int:
    try:
        data = json.loads(value)
        if data.get("v") != 1:
            raise ValueError("unknown version")
        return int(data["send_id"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidPayload("This button's data could not be read.") from exc


def register(app: AsyncApp, services: Services) -> None:
    """Attach the desk's listeners to a Bolt app (no module-level app: compose by feature)."""

    @app.action(re.compile("^" + re.escape(ACTION_PREFIX)))
    @told
    async def on_card_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = actor_of(body), channel_of(body)
        card_action = CardAction.parse(str(action.get("value", "")))
        if card_action.action is Decision.LEAVE:
            await services.may_decide(actor)  # before the theme dialog, not after it
            modal = leave_theme_modal(card_action, channel)
            await client.views_open(trigger_id=body["trigger_id"], view=modal)
            return
        await services.decide(case_id=card_action.case_id, decision=card_action.action, actor=actor)

    @app.action(re.compile("^" + re.escape(SURGE_PREFIX)))
    @told
    async def on_surge_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = actor_of(body), channel_of(body)
        surge_id = read_surge_value(str(action.get("value", "")))
        what = str(action.get("action_id", "")).removeprefix(SURGE_PREFIX)
        outcome = await services.surge_act(surge_id=surge_id, action=what, actor=actor)
        await tell(client, channel=channel, user=actor.id, text=outcome.summary())

    @app.action(re.compile("^" + re.escape(ACK_PREFIX)))
    @told
    async def on_ack_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = actor_of(body), channel_of(body)
        send = await services.acknowledge(send_id=_send_id(str(action.get("value", ""))), actor=actor)
        what = acknowledged_what(send)
        await tell(client, channel=channel, user=actor.id, text=f"Recorded: {what}, by you.")

    @app.command(Command.ONCALL.value)
    @told
    async def on_oncall(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        actor = actor_of_command(body)
        today = services.now().astimezone(LONDON).date()
        request = parse_oncall(str(body.get("text", "")), today=today)
        if request is not None:
            await services.set_on_call(
                name=request.name,
                slack_user_id=request.user_id,
                starts_on=request.starts_on,
                ends_on=request.ends_on,
                actor=actor,
            )
        await respond(text=describe(await services.on_call_now()), response_type="ephemeral")

    @app.view(CallbackId.LEAVE_THEME.value)
    @told
    async def on_leave_theme(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        actor = actor_of(body)
        raw, _, channel = str(view.get("private_metadata", "")).partition("|")
        context[REPLY_CHANNEL] = channel  # a dialog's payload names no channel
        theme = (
            ((view.get("state") or {}).get("values") or {})
            .get("theme", {})
            .get("theme_input", {})
            .get("value")
        )
        try:
            card_action = CardAction.parse(raw)
            await services.decide(
                case_id=card_action.case_id,
                decision=Decision.LEAVE,
                actor=actor,
                note=(theme or "").strip() or None,
            )
        except AlreadyDecided as exc:  # an answer to the dialog, shown beside the field
            await ack(response_action="errors", errors={"theme": str(exc)})
            return
        except Exception:
            await ack()  # close the dialog; the error path tells them why
            raise
        await ack()


def route(app: AsyncApp, *, signing_secret: str, limit: int) -> web.RouteDef:
    """POST /slack/events: checked at the edge (see `handlers.slack.requests`), then Bolt's."""

    async def slack_events(request: web.Request) -> web.StreamResponse:
        body = await read_body(request, limit=limit)
        # Bolt reads the media type from the header itself (no header: by the body's first byte).
        content_type = request.headers.get("Content-Type", "").split(";")[0].strip() or None
        refused = refusal(
            secret=signing_secret, body=body, headers=request.headers, content_type=content_type
        )
        if refused is not None:
            return problem(*refused)
        headers: dict[str, str | Sequence[str]] = {n: request.headers.getall(n) for n in request.headers}
        text = body.decode("utf-8")  # checked to be UTF-8 by `refusal`
        bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=headers)
        bolt_response = await app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    return web.post("/slack/events", slack_events)
