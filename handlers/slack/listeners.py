"""Bolt listeners for the desk. Thin: ack, parse, call one use case, explain errors."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import AlreadyDecided, InvalidPayload
from bot.core.errors import explain as explain_error
from bot.core.models import Actor, Decision
from bot.core.moderation.card_action import CardAction
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.sends import acknowledged_what
from bot.services import Services
from handlers.http import problem, read_body
from handlers.slack.blocks import leave_theme_modal
from handlers.slack.ids import ACK_PREFIX, ACTION_PREFIX, SURGE_PREFIX, CallbackId, Command
from handlers.slack.oncall import describe, parse_oncall
from handlers.slack.requests import refusal
from handlers.slack.surge_blocks import read_surge_value

log = logging.getLogger(__name__)

def _actor(body: dict[str, Any]) -> Actor:
    user = body.get("user") or {}
    return Actor(
        surface="slack", id=str(user.get("id", "")), name=str(user.get("name") or user.get("username") or "")
    )


def _actor_from_command(body: dict[str, Any]) -> Actor:
    return Actor(surface="slack", id=str(body.get("user_id", "")), name=str(body.get("user_name", "")))


def _channel(body: dict[str, Any]) -> str:
    container = body.get("container") or {}
    return str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")


async def _tell(client: AsyncWebClient, *, channel: str, user: str, text: str) -> None:
    """A message only the clicker sees. Failing to tell them is logged, never raised."""
    if not channel or not user:
        return
    try:
        await client.chat_postEphemeral(channel=channel, user=user, text=text)
    except Exception:
        log.exception("could not post an ephemeral message")


def explain(exc: Exception) -> str:
    return explain_error(exc, surface="Slack")


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
    async def on_card_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = _actor(body), _channel(body)
        try:
            card_action = CardAction.parse(str(action.get("value", "")))
            if card_action.action is Decision.LEAVE:
                await services.may_decide(actor)  # before the theme dialog, not after it
                await client.views_open(
                    trigger_id=body["trigger_id"], view=leave_theme_modal(card_action, channel)
                )
                return
            await services.decide(case_id=card_action.case_id, decision=card_action.action, actor=actor)
        except Exception as exc:
            await _tell(client, channel=channel, user=actor.id, text=explain(exc))

    @app.action(re.compile("^" + re.escape(SURGE_PREFIX)))
    async def on_surge_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = _actor(body), _channel(body)
        try:
            surge_id = read_surge_value(str(action.get("value", "")))
            what = str(action.get("action_id", "")).removeprefix(SURGE_PREFIX)
            outcome = await services.surge_act(surge_id=surge_id, action=what, actor=actor)
            await _tell(client, channel=channel, user=actor.id, text=outcome.summary())
        except Exception as exc:
            await _tell(client, channel=channel, user=actor.id, text=explain(exc))

    @app.action(re.compile("^" + re.escape(ACK_PREFIX)))
    async def on_ack_button(
        ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        actor, channel = _actor(body), _channel(body)
        try:
            send_id = _send_id(str(action.get("value", "")))
            send = await services.acknowledge(send_id=send_id, actor=actor)
            what = acknowledged_what(send)
            await _tell(client, channel=channel, user=actor.id, text=f"Recorded: {what}, by you.")
        except Exception as exc:
            await _tell(client, channel=channel, user=actor.id, text=explain(exc))

    @app.command(Command.ONCALL.value)
    async def on_oncall(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        actor = _actor_from_command(body)
        try:
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
        except Exception as exc:
            await respond(text=explain(exc), response_type="ephemeral")

    @app.view(CallbackId.LEAVE_THEME.value)
    async def on_leave_theme(
        ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient
    ) -> None:
        actor = _actor(body)
        raw, _, channel = str(view.get("private_metadata", "")).partition("|")
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
        except AlreadyDecided as exc:
            await ack(response_action="errors", errors={"theme": str(exc)})
            return
        except Exception as exc:
            await ack()
            await _tell(client, channel=channel, user=actor.id, text=explain(exc))
            return
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
