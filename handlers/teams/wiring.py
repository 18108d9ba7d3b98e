"""Teams, put together from the settings: the adapter, connector and desks the outbox posts to
first (`build`), then, once the use cases exist, the bot and its route (`register`).

The composition root calls only `build` and `register`, so the SDK under this folder (the
Microsoft 365 Agents SDK) can change without touching anything outside it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from aiohttp import web
from microsoft_agents.hosting.aiohttp import CloudAdapter

from bot.core.profile import PolicyProfile
from bot.ports import ChatDesk, SafeguardingDesk
from bot.services import Services
from bot.settings import Settings
from bot.store.db import Database
from handlers.http import problem
from handlers.report.links import link_key, signed_url
from handlers.teams import endpoint
from handlers.teams.bot import ModbotTeamsBot
from handlers.teams.connector import TeamsConnector
from handlers.teams.desk import TeamsDesk, TeamsSafeguardingDesk
from handlers.teams.refresh import ModeratorIds
from handlers.teams.roles import TeamsRoles

log = logging.getLogger(__name__)


@dataclass
class Teams:
    adapter: CloudAdapter
    connector: TeamsConnector
    roles: TeamsRoles
    moderator_ids: ModeratorIds
    desks: dict[str, ChatDesk] = field(default_factory=dict)
    safeguarding_desks: dict[str, SafeguardingDesk] = field(default_factory=dict)


def build(
    settings: Settings,
    *,
    profile: PolicyProfile,
    data_key: bytes,
    db: Database,
    now: Callable[[], datetime],
) -> Teams | None:
    """The outbound half of Teams, and who holds which role there; None when Teams is not
    configured, or when it would run unauthenticated in production."""
    if not settings.teams_enabled:
        return None
    if settings.modbot_env == "production" and not settings.teams_authenticated:
        log.error("TEAMS_APP_ID is not set in production: the Teams endpoint stays closed")
        return None
    adapter = endpoint.build_adapter(settings)
    roles = TeamsRoles(moderators=settings.teams_moderators, leads=settings.teams_safeguarding_leads)
    connector = TeamsConnector(adapter=adapter, app_id=settings.teams_app_id or "", db=db, now=now)
    teams = Teams(
        adapter=adapter,
        connector=connector,
        roles=roles,
        moderator_ids=ModeratorIds(db=db, roles=roles, now=now),
    )
    if settings.teams_moderation_channel:
        teams.desks["teams"] = TeamsDesk(
            connector=connector,
            channel=settings.teams_moderation_channel,
            moderator_ids=teams.moderator_ids,
            report_link=_report_link(settings, data_key=data_key, now=now),
        )
    if settings.teams_safeguarding_channel:
        guidance = profile.safeguarding
        teams.safeguarding_desks["teams"] = TeamsSafeguardingDesk(
            connector=connector,
            channel=settings.teams_safeguarding_channel,
            targets=guidance.escalation_targets,
            outcomes=guidance.outcomes,
        )
    return teams


def _report_link(
    settings: Settings, *, data_key: bytes, now: Callable[[], datetime]
) -> Callable[[date], str] | None:
    """Links to the reports the bot serves (`handlers/report/links.py`), where its host is known."""
    domain = settings.teams_valid_domain
    if not domain:
        return None
    key = link_key(data_key)
    return lambda month: signed_url(domain, month, key=key, now=now())


def register(app: web.Application, settings: Settings, teams: Teams | None, services: Services) -> None:
    """The bot on the use cases, behind its route (or a 503 that says what is missing)."""
    if teams is not None:
        bot = ModbotTeamsBot(services=services, moderator_ids=teams.moderator_ids)
        tokens = endpoint.build_tokens(settings)
        app.router.add_routes(
            [
                endpoint.route(
                    teams.adapter,
                    bot,
                    tokens,
                    auth_timeout=settings.teams_auth_timeout,
                    limit=settings.max_body_bytes,
                )
            ]
        )
        return
    reason = (
        "Teams needs TEAMS_APP_ID in production"
        if settings.teams_enabled
        else "Teams is not configured: set TEAMS_APP_ID and TEAMS_MODERATION_CHANNEL"
    )

    async def not_configured(_request: web.Request) -> web.StreamResponse:
        return problem(503, reason)

    app.router.add_post("/api/messages", not_configured)
