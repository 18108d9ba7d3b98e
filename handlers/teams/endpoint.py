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
import logging
from typing import Any

import requests
from aiohttp import web
from azure.core.exceptions import DeserializationError
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import AuthenticateRequestResult, ChannelValidation
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.core.errors import explain
from bot.settings import Settings
from handlers.http import BadRequest, parse_json, problem, read_body
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


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class _Account(_Open):
    id: str = ""
    name: str | None = None
    aad_object_id: str | None = Field(None, alias="aadObjectId")


class _Conversation(_Open):
    id: str = Field(min_length=1)
    tenant_id: str | None = Field(None, alias="tenantId")


class ActivityEnvelope(_Open):
    """The fields of an activity that the SDK and our bot read, with the types the Bot Framework
    documents: a wrong type here (`"conversation": "x"`) made the SDK raise, answered 500."""

    type: str = Field(min_length=1)
    service_url: str = Field(min_length=1, alias="serviceUrl")
    conversation: _Conversation
    sender: _Account | None = Field(None, alias="from")
    recipient: _Account | None = None
    channel_data: dict[str, Any] | None = Field(None, alias="channelData")
    text: str | None = None
    entities: list[dict[str, Any]] | None = None
    attachments: list[dict[str, Any]] | None = None
    reply_to_id: str | None = Field(None, alias="replyToId")


def read_activity(body: bytes) -> Activity:
    """The activity in the body; BadRequest with the reason when it is not one."""
    try:
        document = parse_json(body)
    except BadRequest as exc:
        raise BadRequest(f"The body is not JSON that can be read ({exc})") from exc
    if not isinstance(document, dict):
        raise BadRequest("Not a Bot Framework activity: the body must be a JSON object")
    try:
        ActivityEnvelope.model_validate(document)
        return Activity().deserialize(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "activity"
        why = f"it has no {where}" if first["type"] == "missing" else f"{where}: {first['msg']}"
        raise BadRequest(f"Not a Bot Framework activity: {why}") from exc
    except (DeserializationError, ValueError, TypeError, AttributeError, KeyError, RecursionError) as exc:
        kind = type(exc).__name__
        raise BadRequest(f"Not a Bot Framework activity: it could not be read ({kind})") from exc


def route(
    adapter: CloudAdapter, bot: ModbotTeamsBot, *, auth_timeout: float = 10.0, limit: int = 2 * 1024 * 1024
) -> web.RouteDef:
    async def messages(request: web.Request) -> web.StreamResponse:
        if "application/json" not in request.headers.get("Content-Type", ""):
            return problem(415, "Bot Framework activities are JSON (Content-Type: application/json)")
        try:
            activity = read_activity(await read_body(request, limit=limit))
        except BadRequest as exc:
            return problem(400, str(exc))
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
