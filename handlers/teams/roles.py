"""The desk's roles on Teams (`bot.core.permissions.Roles`): TEAMS_MODERATORS and
TEAMS_SAFEGUARDING_LEADS list Entra object ids, which every activity carries as the sender's
`aadObjectId` (the edge's `Actor.id`)."""

from __future__ import annotations

from bot.core.models import Actor
from bot.core.permissions import Role


class TeamsRoles:
    def __init__(self, *, moderators: tuple[str, ...], leads: tuple[str, ...] = ()) -> None:
        self._moderators = frozenset(moderators)
        self._leads = frozenset(leads)

    async def holds(self, person: Actor, role: Role) -> bool:
        return person.id in (self._leads if role is Role.SAFEGUARDING_LEAD else self._moderators)

    def lists_moderator(self, entra_id: str) -> bool:
        """Whether TEAMS_MODERATORS lists this Entra object id: whose Teams id the edge learns, and
        whom a case card's refresh names (it grants nothing: every click asks `holds`)."""
        return entra_id in self._moderators

    def how_to_join(self, role: Role) -> str:
        if role is Role.SAFEGUARDING_LEAD:
            return "add your Entra object id to TEAMS_SAFEGUARDING_LEADS"
        return "add your Entra object id to TEAMS_MODERATORS"
