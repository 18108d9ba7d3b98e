"""POST /api/messages: Teams' activities, on the same aiohttp application as Slack.

Built on the Microsoft 365 Agents SDK's `CloudAdapter`, called at `process_activity` rather than
`process` so that this route decides the answers a sender sees: a malformed activity is a 400
with the reason (the SDK's `process` lets a pydantic error become a 500), and the token check
(`tokens.py`) runs apart from the turn, so only a failed check is a 401 and a key service that
cannot be read is a 503 to retry. With an app id every request must carry a valid Bot Framework
token; without one (local testing only) none is needed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web
from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import ClaimsIdentity, TurnContext
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.core.errors import explain
from bot.settings import Settings
from handlers.http import BadRequest, parse_json, problem, read_body
from handlers.teams.bot import ModbotTeamsBot
from handlers.teams.credentials import ConnectorFactory, EntraTokens
from handlers.teams.tokens import BotFrameworkTokens, KeysUnavailable, TokenRefused

log = logging.getLogger(__name__)


def build_adapter(settings: Settings) -> CloudAdapter:
    tokens = None
    if settings.teams_app_id:
        tokens = EntraTokens(
            app_id=settings.teams_app_id,
            password=settings.teams_app_password.get_secret_value() if settings.teams_app_password else "",
            tenant_id=settings.teams_app_tenant_id or "",
            app_type=settings.teams_app_type,
            timeout=settings.teams_auth_timeout,
        )
    adapter = CloudAdapter(channel_service_client_factory=ConnectorFactory(tokens))

    async def on_error(turn_context: TurnContext, error: Exception) -> None:
        log.error("a Teams turn failed (%s)", type(error).__name__, exc_info=error)
        text = explain(error, surface="Teams")
        if turn_context.activity.type == ActivityTypes.message:
            try:
                await turn_context.send_activity(text)
            except Exception:
                log.exception("could not tell a Teams user about an error")

    adapter.on_turn_error = on_error
    return adapter


def build_tokens(settings: Settings) -> BotFrameworkTokens | None:
    """The inbound check, or None where no app id is set (local testing only)."""
    if not settings.teams_app_id:
        return None
    return BotFrameworkTokens(
        app_id=settings.teams_app_id,
        metadata_url=settings.teams_openid_metadata_url,
        timeout=settings.teams_auth_timeout,
    )


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
    document = _without_nulls(document)
    try:
        ActivityEnvelope.model_validate(document)
        return Activity.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "activity"
        why = f"it has no {where}" if first["type"] == "missing" else f"{where}: {first['msg']}"
        raise BadRequest(f"Not a Bot Framework activity: {why}") from exc
    except Exception as exc:  # the SDK's own checks raise bare Exceptions too; reading is pure
        kind = type(exc).__name__
        raise BadRequest(f"Not a Bot Framework activity: it could not be read ({kind})") from exc


def _without_nulls(document: dict[str, Any]) -> dict[str, Any]:
    """The activity without its null fields: the Bot Framework treats null as absent, where the
    SDK's models refuse a null in a field typed as a string."""
    return {key: value for key, value in document.items() if value is not None}


async def _identify(
    tokens: BotFrameworkTokens | None, activity: Activity, header: str, timeout: float
) -> ClaimsIdentity:
    if tokens is None:
        return ClaimsIdentity()  # anonymous: the SDK sends replies without a token
    check = tokens.check(
        header, channel_id=str(activity.channel_id or ""), service_url=activity.service_url or ""
    )
    return await asyncio.wait_for(check, timeout)


def route(
    adapter: CloudAdapter,
    bot: ModbotTeamsBot,
    tokens: BotFrameworkTokens | None,
    *,
    auth_timeout: float = 10.0,
    limit: int = 2 * 1024 * 1024,
) -> web.RouteDef:
    async def messages(request: web.Request) -> web.StreamResponse:
        if "application/json" not in request.headers.get("Content-Type", ""):
            return problem(415, "Bot Framework activities are JSON (Content-Type: application/json)")
        try:
            activity = read_activity(await read_body(request, limit=limit))
        except BadRequest as exc:
            return problem(400, str(exc))
        try:
            identity = await _identify(
                tokens, activity, request.headers.get("Authorization", ""), auth_timeout
            )
        except (KeysUnavailable, TimeoutError) as exc:
            log.error(
                "Teams request not checked: the signing keys could not be read (%s)", type(exc).__name__
            )
            return _unavailable("The Bot Framework signing keys could not be read; try again shortly")
        except TokenRefused as exc:
            log.warning("Teams request refused: %s", exc)
            return problem(401, "Unauthorized: a valid Bot Framework token is required")
        invoke = await adapter.process_activity(identity, activity, bot.on_turn)
        if invoke is None:
            return web.Response(status=201)
        return web.json_response(data=invoke.body, status=int(invoke.status or 501))

    return web.post("/api/messages", messages)
