"""The desk's roles on Slack (`bot.core.permissions.Roles`): SLACK_MODERATORS lists user ids
(U…/W…) and user group ids (S…); SLACK_SAFEGUARDING_LEADS lists user ids."""

from __future__ import annotations

import logging
import time

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.models import Actor
from bot.core.permissions import Role

log = logging.getLogger(__name__)


class SlackRoles:
    def __init__(
        self,
        *,
        client: AsyncWebClient,
        moderators: tuple[str, ...],
        leads: tuple[str, ...] = (),
        ttl: float = 300.0,
    ) -> None:
        self._client = client
        self._users = frozenset(i for i in moderators if not i.startswith("S"))
        self._groups = tuple(i for i in moderators if i.startswith("S"))
        self._leads = frozenset(leads)
        self._ttl = ttl
        self._members: dict[str, tuple[float, frozenset[str]]] = {}

    async def holds(self, person: Actor, role: Role) -> bool:
        if role is Role.SAFEGUARDING_LEAD:
            return person.id in self._leads
        return await self._is_moderator(person.id)

    def how_to_join(self, role: Role) -> str:
        if role is Role.SAFEGUARDING_LEAD:
            return "add you to SLACK_SAFEGUARDING_LEADS"
        return "add you to SLACK_MODERATORS"

    async def _is_moderator(self, user_id: str) -> bool:
        if user_id in self._users:
            return True
        for group in self._groups:
            if user_id in await self._group_members(group):
                return True
        return False

    async def _group_members(self, group: str) -> frozenset[str]:
        cached = self._members.get(group)
        if cached and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        try:
            response = await self._client.usergroups_users_list(usergroup=group)
            members = frozenset(response.get("users") or [])
        except SlackApiError as exc:
            code = (
                exc.response.data.get("error")
                if isinstance(exc.response.data, dict)
                else exc.response.status_code
            )
            log.warning("could not list members of user group %s: %s", group, code)
            return cached[1] if cached else frozenset()
        self._members[group] = (time.monotonic(), members)
        return members
