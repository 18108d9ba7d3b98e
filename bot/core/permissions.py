"""Who may do what: the desk's roles, asked of one port, and the refusal in plain words.

Each chat surface answers for its own people through a `Roles` adapter (Slack: user ids and
user groups; Teams: Entra object ids). The use cases ask `Permissions`; no edge checks a role.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Protocol

from bot.core.errors import NotPermitted
from bot.core.models import Actor


class Role(StrEnum):
    MODERATOR = "moderator"
    SAFEGUARDING_LEAD = "safeguarding_lead"


NOT_A_LEAD = "Only the safeguarding leads named in the policy file can see a report's details."


class Roles(Protocol):
    """One chat surface's answer to "does this person hold this role?"."""

    async def holds(self, person: Actor, role: Role) -> bool: ...

    def how_to_join(self, role: Role) -> str:
        """Who to ask and what to change, in the words of this surface's settings."""
        ...


class Permissions:
    """The roles of every configured surface; anyone from another surface holds none."""

    def __init__(self, surfaces: Mapping[str, Roles] | None = None) -> None:
        self._surfaces = dict(surfaces or {})

    async def holds(self, person: Actor, role: Role) -> bool:
        roles = self._surfaces.get(person.surface)
        return roles is not None and await roles.holds(person, role)

    async def require(self, person: Actor, role: Role, *, refusal: str, how_to_join: bool = False) -> None:
        """Raise NotPermitted with `refusal` unless `person` holds `role`."""
        if not await self.holds(person, role):
            raise self.refusal(person, role, refusal, how_to_join=how_to_join)

    def refusal(self, person: Actor, role: Role, text: str, *, how_to_join: bool = False) -> NotPermitted:
        """The refusal in words; with `how_to_join`, it also says which setting of the person's
        surface would grant the role."""
        roles = self._surfaces.get(person.surface)
        if how_to_join and roles is not None:
            text += f" If you should be one, ask your communications lead to {roles.how_to_join(role)}."
        return NotPermitted(text)
