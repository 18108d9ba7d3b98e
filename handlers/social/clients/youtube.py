"""YouTube Data API v3 client (the SocialPlatform port for YouTube) and the comment poll.

YouTube has no comment webhook, so comments are polled with `commentThreads.list`
(`allThreadsRelatedToChannelId`, newest first, 1 unit a page). Moderation is
`comments.setModerationStatus` (50 units): Hide = `heldForReview` (reversible: `published`),
Delete = `rejected` (irreversible), and a ban is `rejected` with `banAuthor=true`. A reply is
`comments.insert` (50 units) under the top-level comment. Every call is metered against the
daily quota; after `quotaExceeded` every call waits for the reset (midnight Pacific time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.core.errors import PlatformError
from bot.core.models import IncomingComment, ItemKind, Platform
from bot.core.moderation.platform_state import QuotaMeter
from bot.ports import PlatformItem
from handlers.social.clients.api import ApiReply, JsonApi, refused
from handlers.social.webhooks.fields import when

LABEL = "YouTube"
LIST_COST = 1
MODERATE_COST = 50
INSERT_COST = 50


@dataclass(frozen=True, slots=True)
class ThreadsPage:
    items: list[IncomingComment]
    next_page_token: str | None
    newest: str  # the newest publishedAt on the page (ISO 8601), "" when empty
    oldest: str


class YouTubeClient:
    platform = Platform.YOUTUBE

    def __init__(
        self,
        *,
        base_url: str,
        access_token: str,
        channel_id: str,
        session: aiohttp.ClientSession,
        meter: QuotaMeter,
    ) -> None:
        self._api = JsonApi(
            label=LABEL,
            base_url=base_url,
            headers={"Authorization": f"Bearer {access_token}"},
            session=session,
        )
        self.channel_id = channel_id
        self.meter = meter

    async def hide(self, item: PlatformItem) -> None:
        await self._moderate(item, "heldForReview")

    async def unhide(self, item: PlatformItem) -> None:
        await self._moderate(item, "published")

    async def delete(self, item: PlatformItem) -> None:
        await self._moderate(item, "rejected")

    async def remove_and_ban(self, item: PlatformItem) -> None:
        await self._moderate(item, "rejected", ban=True)

    async def reply(self, item: PlatformItem, text: str) -> None:
        # A reply to a reply goes under the thread's top-level comment ("TOP.REPLY" ids).
        parent = item.external_id.split(".", 1)[0]
        await self._send(
            "POST",
            "comments",
            cost=INSERT_COST,
            params={"part": "snippet"},
            json={"snippet": {"parentId": parent, "textOriginal": text}},
        )

    async def private_reply(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("YouTube has no private messages", transient=False)

    async def message(self, item: PlatformItem, text: str) -> None:
        raise PlatformError("YouTube has no private messages", transient=False)

    async def threads(self, *, page_token: str | None = None) -> ThreadsPage:
        """One page (up to 100) of the channel's comment threads, newest first."""
        params = {
            "part": "snippet,replies",
            "allThreadsRelatedToChannelId": self.channel_id,
            "maxResults": "100",
            "order": "time",
            "textFormat": "plainText",
        }
        if page_token:
            params["pageToken"] = page_token
        body = await self._send("GET", "commentThreads", cost=LIST_COST, params=params, for_poll=True)
        items: list[IncomingComment] = []
        stamps: list[str] = []
        for thread in body.get("items") or []:
            if not isinstance(thread, dict):
                continue
            snippet = thread.get("snippet") or {}
            top = snippet.get("topLevelComment") or {}
            if isinstance(top, dict) and top.get("id"):
                items.append(self._comment(top, str(snippet.get("videoId", ""))))
                stamps.append(str((top.get("snippet") or {}).get("publishedAt", "")))
            for reply in (thread.get("replies") or {}).get("comments") or []:
                if isinstance(reply, dict) and reply.get("id"):
                    items.append(self._comment(reply, str(snippet.get("videoId", ""))))
        token = body.get("nextPageToken")
        stamps = [s for s in stamps if s]
        return ThreadsPage(
            items=items,
            next_page_token=str(token) if token else None,
            newest=max(stamps, default=""),
            oldest=min(stamps, default=""),
        )

    def _comment(self, comment: dict[str, Any], video_id: str) -> IncomingComment:
        snippet = comment.get("snippet") or {}
        author = str((snippet.get("authorChannelId") or {}).get("value", ""))
        video = str(snippet.get("videoId") or video_id)
        comment_id = str(comment["id"])
        return IncomingComment(
            platform=Platform.YOUTUBE,
            external_id=comment_id,
            text=str(snippet.get("textOriginal") or snippet.get("textDisplay") or ""),
            kind=ItemKind.COMMENT,
            account_id=self.channel_id,
            post_id=video,
            post_url=f"https://www.youtube.com/watch?v={video}" if video else "",
            comment_url=f"https://www.youtube.com/watch?v={video}&lc={comment_id}" if video else "",
            parent_id=str(snippet.get("parentId", "")),
            author_id=author,
            author_name=str(snippet.get("authorDisplayName", "")),
            created_at=when(snippet.get("publishedAt")),
            from_own_account=author == self.channel_id,
        )

    async def _moderate(self, item: PlatformItem, status: str, *, ban: bool = False) -> None:
        params = {"id": item.external_id, "moderationStatus": status}
        if ban:
            params["banAuthor"] = "true"
        await self._send("POST", "comments/setModerationStatus", cost=MODERATE_COST, params=params)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        cost: int,
        params: dict[str, str],
        json: Any = None,
        for_poll: bool = False,
    ) -> dict[str, Any]:
        now = self.meter.now()
        allowed, quota = await self.meter.take(cost, polling=for_poll)
        if not allowed:
            until = quota.paused_until
            wait = (until - now).total_seconds() if until and until > now else 3600.0
            raise PlatformError(
                f"YouTube's daily quota is spent ({quota.used} of {quota.limit} units"
                + (", the rest kept for moderators' clicks" if for_poll else "")
                + "): waiting for the reset at midnight Pacific time",
                transient=True,
                retry_after=wait,
            )
        reply = await self._api.request(method, path, params=params, json=json)
        body = reply.document
        if reply.ok:
            return body
        raise await self._error(reply, body)

    async def _error(self, reply: ApiReply, body: dict[str, Any]) -> PlatformError:
        found = body.get("error")
        error: dict[str, Any] = found if isinstance(found, dict) else {}
        reasons = {str(e.get("reason")) for e in error.get("errors") or [] if isinstance(e, dict)}
        message = str(error.get("message") or "no reason given")
        if reasons & {"quotaExceeded", "dailyLimitExceeded"}:
            until = await self.meter.exhausted()
            wait = max((until - self.meter.now()).total_seconds(), 60.0)
            return PlatformError(
                "YouTube's daily quota is spent: waiting for the reset at midnight Pacific time",
                transient=True,
                retry_after=wait,
            )
        if reasons & {"rateLimitExceeded", "userRateLimitExceeded", "processingFailure"}:
            return refused(LABEL, reply, message, transient=True)
        return refused(LABEL, reply, message)
