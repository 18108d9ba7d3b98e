"""POST /api/messages: the Bot Framework endpoint, on the same aiohttp application as Slack.

`CloudAdapter.process()` in botbuilder 4.17.x answers every invoke that has a body with HTTP 500
(it serializes an already-serialized body), so this route calls `process_activity` itself and
writes the invoke response as it is. Authentication is the adapter's: with an app id every
request must carry a valid Bot Framework token; without one (local testing only) none is needed.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import jwt
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes

from bot.core.errors import explain
from bot.settings import Settings
from handlers.http import problem
from handlers.teams.bot import ModbotTeamsBot

log = logging.getLogger(__name__)


class _AuthConfig:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""

    def __init__(self, settings: Settings) -> None:
        app_id = settings.teams_app_id or ""
        self.APP_ID = app_id
        self.APP_PASSWORD = (
            settings.teams_app_password.get_secret_value() if settings.teams_app_password else ""
        )
        # An empty app id with the multi-tenant type is the SDK's "authentication disabled" mode.
        self.APP_TYPE = settings.teams_app_type if app_id else "MultiTenant"
        self.APP_TENANTID = settings.teams_app_tenant_id or ""


def build_adapter(settings: Settings) -> CloudAdapter:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(_AuthConfig(settings)))

    async def on_error(turn_context: TurnContext, error: Exception) -> None:
        text = explain(error, surface="Teams")
        if turn_context.activity.type == ActivityTypes.message:
            try:
                await turn_context.send_activity(text)
            except Exception:
                log.exception("could not tell a Teams user about an error")

    adapter.on_turn_error = on_error
    return adapter


def route(adapter: CloudAdapter, bot: ModbotTeamsBot) -> web.RouteDef:
    async def messages(request: web.Request) -> web.StreamResponse:
        if "application/json" not in request.headers.get("Content-Type", ""):
            return problem(415, "Bot Framework activities are JSON (Content-Type: application/json)")
        try:
            body: Any = json.loads(await request.read())
        except ValueError:
            return problem(400, "The body is not JSON")
        if not isinstance(body, dict) or not body.get("type"):
            return problem(400, "Not a Bot Framework activity: it has no type")
        if not body.get("serviceUrl") or not (body.get("conversation") or {}).get("id"):
            return problem(400, "Not a Bot Framework activity: serviceUrl and conversation.id are required")
        activity = Activity().deserialize(body)
        auth_header = request.headers.get("Authorization", "")
        try:
            invoke = await adapter.process_activity(auth_header, activity, bot.on_turn)
        except (PermissionError, jwt.PyJWTError) as exc:
            log.warning("Teams request refused: %s", type(exc).__name__)
            return problem(401, "Unauthorized: a valid Bot Framework token is required")
        if invoke is None:
            return web.Response(status=201)
        # The workaround: the body is already a JSON-ready dict (see the module docstring).
        return web.json_response(data=invoke.body, status=int(invoke.status))

    return web.post("/api/messages", messages)
