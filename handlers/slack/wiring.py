"""Slack, put together from the settings: the desks the outbox posts to and the roles first
(`build`), then, once the use cases exist, Bolt's listeners and the way in (`register`): the
signed `/slack/events` route, Socket Mode, or both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.profile import PolicyProfile
from bot.ports import ChatDesk, SafeguardingDesk
from bot.services import Services
from bot.settings import Settings
from handlers.http import problem
from handlers.slack import errors, home, listeners, safeguarding
from handlers.slack.desk import SlackDesk
from handlers.slack.roles import SlackRoles
from handlers.slack.safeguarding import SlackSafeguardingDesk
from handlers.slack.socket_mode import SocketModeConnection

SOCKET_MODE_ONLY = (
    "Slack runs in Socket Mode here (SLACK_APP_TOKEN): set SLACK_SIGNING_SECRET to accept HTTP too"
)


@dataclass
class Slack:
    listener_client: AsyncWebClient
    roles: SlackRoles
    desks: dict[str, ChatDesk] = field(default_factory=dict)
    safeguarding_desks: dict[str, SafeguardingDesk] = field(default_factory=dict)


def build(settings: Settings, *, profile: PolicyProfile) -> Slack | None:
    """The outbound half of Slack, and who holds which role there; None when not configured."""
    if not settings.slack_enabled:
        return None
    assert settings.slack_bot_token
    token = settings.slack_bot_token.get_secret_value()
    listener_client = AsyncWebClient(token=token, base_url=settings.slack_api_url, timeout=10)
    slack = Slack(
        listener_client=listener_client,
        roles=SlackRoles(
            client=listener_client,
            moderators=settings.slack_moderators,
            leads=settings.slack_safeguarding_leads,
        ),
    )
    desk_client = AsyncWebClient(token=token, base_url=settings.slack_api_url, timeout=settings.slack_timeout)
    if settings.slack_moderation_channel:
        slack.desks["slack"] = SlackDesk(client=desk_client, channel=settings.slack_moderation_channel)
    if settings.slack_safeguarding_channel:
        slack.safeguarding_desks["slack"] = SlackSafeguardingDesk(
            client=desk_client,
            channel=settings.slack_safeguarding_channel,
            targets=profile.safeguarding.escalation_targets,
            outcomes=profile.safeguarding.outcomes,
        )
    return slack


def register(
    app: web.Application, settings: Settings, slack: Slack | None, services: Services
) -> SocketModeConnection | None:
    """Bolt's listeners on the use cases, and the way in; the Socket Mode connection to start."""
    if slack is None:

        async def not_configured(_request: web.Request) -> web.StreamResponse:
            return problem(503, "Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")

        app.router.add_post("/slack/events", not_configured)
        return None
    # In Socket Mode alone there is no signing secret: Bolt checks signatures only on HTTP.
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    bolt = AsyncApp(signing_secret=secret, client=slack.listener_client)
    errors.register(bolt)
    listeners.register(bolt, services)
    home.register(bolt, services)
    safeguarding.register(bolt, services)
    if settings.slack_signing_secret is not None:
        app.router.add_routes([listeners.route(bolt, signing_secret=secret, limit=settings.max_body_bytes)])
    else:

        async def in_socket_mode(_request: web.Request) -> web.StreamResponse:
            return problem(404, SOCKET_MODE_ONLY)

        app.router.add_post("/slack/events", in_socket_mode)
    if settings.slack_app_token is None:
        return None
    return SocketModeConnection(
        bolt,
        app_token=settings.slack_app_token.get_secret_value(),
        web_client=AsyncWebClient(base_url=settings.slack_api_url, timeout=10),
    )
