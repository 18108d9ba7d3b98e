"""Universal Actions' `refresh` on case cards: each moderator sees the card as it is now when they
open the channel, not only after the outbox has updated it.

Teams refreshes a card automatically for the people its `userIds` names (by their Teams ids, the
`29:…` MRIs; at most 60), sending an `adaptiveCard/action` invoke with the refresh verb; the bot
answers with the current card. `TEAMS_MODERATORS` lists Entra object ids, so the MRI of each
moderator is learned from the first activity they send (every activity carries both) and kept
with the conversation references (under a surface of its own), where every process reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from microsoft_agents.activity import Activity

from bot.core.delivery import conversations
from bot.core.errors import InvalidPayload
from bot.store.db import Database
from handlers.teams.cards import VERB_PREFIX
from handlers.teams.roles import TeamsRoles

log = logging.getLogger(__name__)
# Kept beside the conversation references, apart from them: a moderator's id is not a place
# the bot can post to (`modbot check` lists those).
SURFACE = "teams-moderators"
REFRESH_VERB = VERB_PREFIX + "refresh"
# Teams refreshes automatically for at most 60 named users.
MAX_USERS = 60
_KEY = "moderator:"


def refresh_clause(case_id: int, user_ids: list[str]) -> dict[str, Any]:
    """The card's `refresh` property: the verb and case to ask for, and who gets it unasked."""
    data = {"v": 1, "case_id": case_id}
    return {
        "action": {"type": "Action.Execute", "title": "Refresh", "verb": REFRESH_VERB, "data": data},
        "userIds": user_ids[:MAX_USERS],
    }


def read_refresh(data: dict[str, Any]) -> int:
    """The case a refresh asks for; InvalidPayload when the data is not a refresh's."""
    case_id = data.get("case_id")
    if data.get("v") != 1 or not isinstance(case_id, int) or isinstance(case_id, bool) or case_id < 1:
        raise InvalidPayload("This card's refresh could not be read.")
    return case_id


class ModeratorIds:
    """The moderators' Teams ids (MRIs), learned as they use the app."""

    def __init__(self, *, db: Database, roles: TeamsRoles, now: Callable[[], datetime]) -> None:
        self._db, self._roles, self._now = db, roles, now
        self._seen: dict[str, str] = {}  # Entra object id -> MRI, already saved by this process

    async def learn(self, activity: Activity) -> None:
        who = activity.from_property
        aad, mri = (who.aad_object_id or "", who.id or "") if who else ("", "")
        if not self._roles.lists_moderator(aad) or not mri or self._seen.get(aad) == mri:
            return
        now = self._now()
        tenant = str(activity.conversation.tenant_id or "") if activity.conversation else ""
        await self._db.run(
            lambda s: conversations.remember(
                s, surface=SURFACE, key=_KEY + aad, tenant=tenant, reference={"id": mri}, now=now
            )
        )
        self._seen[aad] = mri
        log.info("learned the Teams id of a moderator (%s known)", len(self._seen))

    async def refresh(self, case_id: int) -> dict[str, Any]:
        """The `refresh` clause for a case card, naming the moderators known now."""
        return refresh_clause(case_id, await self.user_ids())

    async def user_ids(self) -> list[str]:
        """The MRIs of the moderators still listed in TEAMS_MODERATORS, in a stable order."""

        def read(session: Any) -> list[tuple[str, dict[str, Any]]]:
            return conversations.all_with_prefix(session, surface=SURFACE, prefix=_KEY)

        found = await self._db.run(read)
        return sorted(
            str(reference.get("id"))
            for key, reference in found
            if self._roles.lists_moderator(key.removeprefix(_KEY)) and reference.get("id")
        )[:MAX_USERS]
