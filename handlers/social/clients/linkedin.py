"""LinkedIn Community Management API client (the SocialPlatform port for LinkedIn pages).

LinkedIn's API lets a page reply to comments on its posts (`POST /rest/socialActions/{post}/
comments` as the organisation, `parentComment` for a reply) but offers no way to hide a
member's comment, and modbot does not delete members' comments through it: the card says so and
the moderator acts in the page admin view. When webhooks fail, the fallback poll reads the
comments on the organisation's latest posts. Versioned headers (`LinkedIn-Version`,
`X-Restli-Protocol-Version: 2.0.0`) and the token in the Authorization header.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from bot.core.errors import PlatformError
from bot.core.models import IncomingComment, ItemKind, Platform
from bot.ports import PlatformItem
from handlers.social.clients.api import ApiReply, JsonApi, refused, segment
from handlers.social.webhooks.fields import when

LABEL = "LinkedIn"


class LinkedInClient:
    platform = Platform.LINKEDIN

    def __init__(
        self, *, base_url: str, access_token: str, version: str, session: aiohttp.ClientSession
    ) -> None:
        self._api = JsonApi(
            label=LABEL,
            base_url=base_url,
            headers={
                "Authorization": f"Bearer {access_token}",
                "LinkedIn-Version": version,
                "X-Restli-Protocol-Version": "2.0.0",
            },
            session=session,
        )

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
        path = f"socialActions/{segment(item.post_id)}/comments"
        reply = await self._api.request("POST", path, json=body)
        if not reply.ok:
            raise _error(reply)

    async def recent_comments(self, *, organisation: str, posts: int) -> tuple[list[IncomingComment], int]:
        """Comments on the organisation's latest posts (the fallback when webhooks fail), and
        how many calls that took: `GET /rest/posts?q=author`, then each post's comments."""
        listing = await self._get("posts", {"q": "author", "author": organisation, "count": str(posts)})
        calls, items = 1, []
        for post in listing.get("elements") or []:
            urn = str(post.get("id", "")) if isinstance(post, dict) else ""
            if not urn:
                continue
            found = await self._get(f"socialActions/{segment(urn)}/comments", {"count": "100"})
            calls += 1
            for comment in found.get("elements") or []:
                if isinstance(comment, dict):
                    items.append(self._comment(comment, urn, organisation))
        return items, calls

    @staticmethod
    def _comment(comment: dict[str, Any], post: str, organisation: str) -> IncomingComment:
        urn = str(comment.get("commentUrn") or comment.get("$URN") or comment.get("id", ""))
        author = str(comment.get("actor", ""))
        target = str(comment.get("object") or post)
        return IncomingComment(
            platform=Platform.LINKEDIN,
            external_id=urn,
            text=str((comment.get("message") or {}).get("text", "")),
            kind=ItemKind.COMMENT,
            account_id=organisation,
            post_id=target,
            post_url=f"https://www.linkedin.com/feed/update/{target}/",
            parent_id=str(comment.get("parentComment", "")),
            author_id=author,
            created_at=when((comment.get("created") or {}).get("time")),
            from_own_account=author == organisation,
        )

    async def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        reply = await self._api.request("GET", path, params=params)
        if not reply.ok:
            raise _error(reply)
        return reply.document


def _error(reply: ApiReply) -> PlatformError:
    return refused(LABEL, reply, str(reply.document.get("message") or "no reason given"))
