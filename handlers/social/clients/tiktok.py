"""TikTok's Business API client (the `SocialPlatform` port): read a comment the webhook announced
(`GET business/comment/list/`), hide and unhide (`POST business/comment/hide/`, action
HIDE/UNHIDE), reply (`POST business/comment/reply/create/`). TikTok lets an account delete only
its own comments."""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp

from bot.core.errors import PlatformError
from bot.core.models import IncomingComment, ItemKind, Platform
from bot.ports import PlatformItem
from handlers.social.clients.api import ApiReply, JsonApi, refused
from handlers.social.webhooks.fields import when

log = logging.getLogger(__name__)

LABEL = "TikTok"


# Business API codes TikTok documents as temporary (rate limit, system busy).
_TRANSIENT_CODES = {40100, 40200, 40201, 40202, 50000, 50002, 51000, 51021}


class TikTokClient:
    platform = Platform.TIKTOK

    def __init__(
        self, *, base_url: str, access_token: str, business_id: str, session: aiohttp.ClientSession
    ) -> None:
        self._api = JsonApi(
            label=LABEL, base_url=base_url, headers={"Access-Token": access_token}, session=session
        )
        self.business_id = business_id

    async def hide(self, item: PlatformItem) -> None:
        await self._hide(item, "HIDE")

    async def unhide(self, item: PlatformItem) -> None:
        await self._hide(item, "UNHIDE")

    async def delete(self, item: PlatformItem) -> None:
        raise PlatformError("TikTok only lets an account delete its own comments", transient=False)

    async def remove_and_ban(self, item: PlatformItem) -> None:
        raise PlatformError("TikTok's API has no way to block an account", transient=False)

    async def reply(self, item: PlatformItem, text: str) -> None:
        await self._send(
            "POST",
            "business/comment/reply/create/",
            json={
                "business_id": item.account_id or self.business_id,
                "video_id": item.post_id,
                "comment_id": item.external_id,
                "text": text,
            },
        )

    async def private_reply(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("TikTok has no private reply to a comment", transient=False)

    async def message(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("modbot does not send TikTok messages", transient=False)

    async def comment(self, *, business_id: str, video_id: str, comment_id: str) -> IncomingComment | None:
        """One comment by id (None when it is gone: deleted before we could read it)."""
        body = await self._send(
            "GET",
            "business/comment/list/",
            params={
                "business_id": business_id,
                "video_id": video_id,
                "comment_ids": json.dumps([comment_id]),
                "include_replies": "true",
            },
        )
        for found in (body.get("data") or {}).get("comments") or []:
            if isinstance(found, dict) and str(found.get("comment_id")) == comment_id:
                return self._item(found, business_id, video_id)
        return None

    def _item(self, found: dict[str, Any], business_id: str, video_id: str) -> IncomingComment:
        author = str(found.get("user_id", ""))
        comment_id = str(found["comment_id"])
        return IncomingComment(
            platform=Platform.TIKTOK,
            external_id=comment_id,
            text=str(found.get("text", "")),
            kind=ItemKind.COMMENT,
            account_id=business_id,
            post_id=str(found.get("video_id") or video_id),
            parent_id=str(found.get("parent_comment_id") or ""),
            author_id=author,
            author_name=str(found.get("username") or found.get("display_name") or ""),
            created_at=when(found.get("create_time")),
            from_own_account=bool(found.get("owner")) or author == business_id,
        )

    async def _hide(self, item: PlatformItem, action: str) -> None:
        await self._send(
            "POST",
            "business/comment/hide/",
            json={
                "business_id": item.account_id or self.business_id,
                "video_id": item.post_id,
                "comment_id": item.external_id,
                "action": action,
            },
        )

    async def _send(
        self, method: str, path: str, *, json: Any = None, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        reply = await self._api.request(method, path, params=params, json=json)
        body = reply.document
        code = body.get("code")
        if reply.ok and code == 0:
            return body
        raise _error(reply, body)


def _error(reply: ApiReply, body: dict[str, Any]) -> PlatformError:
    code = body.get("code")
    message = f"{body.get('message') or 'no reason given'} (code {code})"
    transient = reply.status == 429 or reply.status >= 500 or code in _TRANSIENT_CODES
    return refused(LABEL, reply, message, transient=transient)
