"""LinkedIn Community Management API client (the SocialPlatform port for LinkedIn pages).

LinkedIn's API lets a page reply to comments on its posts (`POST /rest/socialActions/{post}/
comments` as the organisation, `parentComment` for a reply) but offers no way to hide a
member's comment, and modbot does not delete members' comments through it: the card says so and
the moderator acts in the page admin view. Versioned headers (`LinkedIn-Version`,
`X-Restli-Protocol-Version: 2.0.0`) and the token in the Authorization header.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp

from bot.core.errors import PlatformError
from bot.core.models import Platform
from bot.ports import PlatformItem
from handlers.social.api import call, refused

LABEL = "LinkedIn"


class LinkedInClient:
    platform = Platform.LINKEDIN

    def __init__(
        self, *, base_url: str, access_token: str, version: str, session: aiohttp.ClientSession
    ) -> None:
        self._base = base_url
        self._headers = {
            "Authorization": f"Bearer {access_token}",
            "LinkedIn-Version": version,
            "X-Restli-Protocol-Version": "2.0.0",
        }
        self._session = session

    async def hide(self, item: PlatformItem) -> None:
        raise PlatformError("LinkedIn's API has no way to hide a comment", transient=False)

    async def unhide(self, item: PlatformItem) -> None:
        raise PlatformError("LinkedIn's API has no way to hide a comment", transient=False)

    async def delete(self, item: PlatformItem) -> None:
        raise PlatformError("delete LinkedIn comments from the page admin view", transient=False)

    async def remove_and_ban(self, item: PlatformItem) -> None:
        raise PlatformError("LinkedIn's API has no way to block a member", transient=False)

    async def private_reply(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("LinkedIn has no private reply to a comment", transient=False)

    async def message(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("LinkedIn page messages are not available through the API", transient=False)

    async def reply(self, item: PlatformItem, text: str) -> None:
        if not (item.post_id and item.account_id):
            raise PlatformError("the post or the page is unknown, so no reply can be sent", transient=False)
        body: dict[str, Any] = {
            "actor": item.account_id,
            "object": item.post_id,
            "message": {"text": text},
            "parentComment": item.external_id,
        }
        path = f"socialActions/{quote(item.post_id, safe='')}/comments"
        reply = await call(
            self._session, "POST", self._base + path, label=LABEL, headers=self._headers, json=body
        )
        if not reply.ok:
            message = reply.body.get("message") if isinstance(reply.body, dict) else None
            raise refused(LABEL, reply, str(message or "no reason given"))
