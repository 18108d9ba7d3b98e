"""POST /api/messages: the Bot Framework endpoint, on the same aiohttp application as Slack.

`CloudAdapter.process()` in botbuilder 4.17.x answers every invoke that has a body with HTTP 500
(it serializes an already-serialized body), so this route calls `process_activity` itself and
writes the invoke response as it is. Authentication is the adapter's: with an app id every
request must carry a valid Bot Framework token; without one (local testing only) none is needed.
A request the SDK cannot authenticate is answered 401 whatever it raised (it raises bare
`Exception`s and `IndexError` for some forgeries), or 503 when the signing keys could not be read.
The SDK reads those keys with blocking `requests.get` and no timeout, from inside the check; the
check therefore runs on a worker thread with a time limit, so a slow key service delays only the
Teams request it holds (503 after `TEAMS_AUTH_TIMEOUT`), never Slack or the rest of the server.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import requests
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import AuthenticateRequestResult, ChannelValidation

from bot.core.errors import explain
from bot.settings import Settings
from handlers.http import problem
from handlers.teams.bot import ModbotTeamsBot
from handlers.teams.credentials import KeptCredentialFactory

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
    # The SDK's own setting for where the channel's signing keys are read (a class attribute it
    # consults on every request); the public-cloud address unless a stand-in is configured.
    ChannelValidation.open_id_metadata_endpoint = settings.teams_openid_metadata_url
    config = _AuthConfig(settings)
    credentials = KeptCredentialFactory(config, timeout=settings.teams_auth_timeout)
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config, credentials_factory=credentials))

    async def on_error(turn_context: TurnContext, error: Exception) -> None:
        text = explain(error, surface="Teams")
        if turn_context.activity.type == ActivityTypes.message:
            try:
                await turn_context.send_activity(text)
            except Exception:
                log.exception("could not tell a Teams user about an error")

    adapter.on_turn_error = on_error
    return adapter


async def _authenticate(
    adapter: CloudAdapter, activity: Activity, header: str, timeout: float
) -> AuthenticateRequestResult:
    """The SDK's token check, on a worker thread with its own event loop (see the docstring)."""
    check = adapter.bot_framework_authentication.authenticate_request(activity, header)
    result: AuthenticateRequestResult = await asyncio.wait_for(asyncio.to_thread(asyncio.run, check), timeout)
    return result


def _unavailable(reason: str) -> web.Response:
    refused = problem(503, reason)
    refused.headers["Retry-After"] = "30"
    return refused


def route(adapter: CloudAdapter, bot: ModbotTeamsBot, *, auth_timeout: float = 10.0) -> web.RouteDef:
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
        try:
            # Authenticated apart from the turn, so only a failed check is answered 401.
            auth = await _authenticate(
                adapter, activity, request.headers.get("Authorization", ""), auth_timeout
            )
        except (requests.RequestException, TimeoutError) as exc:
            log.error(
                "Teams request not checked: the signing keys could not be read (%s)", type(exc).__name__
            )
            return _unavailable("The Bot Framework signing keys could not be read; try again shortly")
        except Exception as exc:  # the SDK raises PermissionError, jwt errors, IndexError, Exception
            log.warning("Teams request refused: %s", type(exc).__name__)
            return problem(401, "Unauthorized: a valid Bot Framework token is required")
        invoke = await adapter.process_activity(auth, activity, bot.on_turn)
        if invoke is None:
            return web.Response(status=201)
        # The workaround: the body is already a JSON-ready dict (see the module docstring).
        return web.json_response(data=invoke.body, status=int(invoke.status))

    return web.post("/api/messages", messages)
