"""X API v2 client (the SocialPlatform port for X) and the mentions poll.

- Hide or unhide a reply: `PUT /2/tweets/:id/hidden {"hidden": bool}`; only replies in
  conversations our account started (X answers 403 otherwise, and the card says so).
- No deletion of other people's posts. "Ban" is a mute: `POST /2/users/:me/muting`.
- Reply: `POST /2/tweets` with `reply.in_reply_to_tweet_id`; a direct message:
  `POST /2/dm_conversations/with/:participant_id/messages`.
- Mentions for accounts without webhook access: `GET /2/users/:me/mentions?since_id=`.
A user-context OAuth 2.0 token (scopes tweet.moderate.write, mute.write, dm.write) goes in the
Authorization header. 429 is retried after `x-rate-limit-reset`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.core.errors import PlatformError
from bot.core.models import IncomingComment, ItemKind, Platform
from bot.ports import PlatformItem
from handlers.social.clients.api import ApiReply, JsonApi, refused, segment
from handlers.social.webhooks.fields import when

LABEL = "X"


@dataclass(frozen=True, slots=True)
class MentionsPage:
    items: list[IncomingComment]
    newest_id: str | None


class XClient:
    platform = Platform.X

    def __init__(
        self, *, base_url: str, access_token: str, user_id: str, session: aiohttp.ClientSession
    ) -> None:
        self._api = JsonApi(
            label=LABEL,
            base_url=base_url,
            headers={"Authorization": f"Bearer {access_token}"},
            session=session,
        )
        self.user_id = user_id

    async def hide(self, item: PlatformItem) -> None:
        await self._hidden(item, True)

    async def unhide(self, item: PlatformItem) -> None:
        await self._hidden(item, False)

    async def delete(self, item: PlatformItem) -> None:
        raise PlatformError("X does not let an account delete other people's posts", transient=False)

    async def reply(self, item: PlatformItem, text: str) -> None:
        await self._send(
            "POST", "2/tweets", json={"text": text, "reply": {"in_reply_to_tweet_id": item.external_id}}
        )

    async def private_reply(self, item: PlatformItem, text: str) -> None:
        raise PlatformError(
            "X has no private reply to a post; send a direct message by hand", transient=False
        )

    async def remove_and_ban(self, item: PlatformItem) -> None:
        """Hide the reply, then mute its author (X has no ban). Both are safe to repeat."""
        if not item.author_id:
            raise PlatformError(
                "the author of this post is unknown, so they cannot be muted", transient=False
            )
        await self._hidden(item, True)
        await self._send(
            "POST", f"2/users/{segment(self.user_id)}/muting", json={"target_user_id": item.author_id}
        )

    async def message(self, item: PlatformItem, text: str) -> None:
        if not item.author_id:
            raise PlatformError("the sender is unknown", transient=False)
        await self._send(
            "POST", f"2/dm_conversations/with/{segment(item.author_id)}/messages", json={"text": text}
        )

    async def mentions(self, *, since_id: str | None) -> MentionsPage:
        """Posts that mention us (newest first, up to 100), as items; replies to our posts are
        comments, the rest mentions."""
        params = {
            "max_results": "100",
            "tweet.fields": "author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets",
            "expansions": "author_id",
            "user.fields": "username",
        }
        if since_id:
            params["since_id"] = since_id
        body = await self._send("GET", f"2/users/{segment(self.user_id)}/mentions", params=params)
        users = {
            str(u.get("id")): str(u.get("username", ""))
            for u in (body.get("includes") or {}).get("users") or []
            if isinstance(u, dict)
        }
        items = [self._mention(post, users) for post in body.get("data") or [] if isinstance(post, dict)]
        newest = (body.get("meta") or {}).get("newest_id")
        return MentionsPage(items=items, newest_id=str(newest) if newest else None)

    def _mention(self, post: dict[str, Any], users: dict[str, str]) -> IncomingComment:
        post_id = str(post.get("id", ""))
        author = str(post.get("author_id", ""))
        conversation = str(post.get("conversation_id", ""))
        replied = next(
            (
                str(ref.get("id"))
                for ref in post.get("referenced_tweets") or []
                if isinstance(ref, dict) and ref.get("type") == "replied_to"
            ),
            "",
        )
        to_us = str(post.get("in_reply_to_user_id", "")) == self.user_id and bool(replied)
        kind = ItemKind.COMMENT if to_us else ItemKind.MENTION
        return IncomingComment(
            platform=Platform.X,
            external_id=post_id,
            text=str(post.get("text", "")),
            kind=kind,
            account_id=self.user_id,
            post_id=conversation if kind is ItemKind.COMMENT and conversation else post_id,
            post_url=f"https://x.com/i/web/status/{conversation or post_id}",
            comment_url=f"https://x.com/i/web/status/{post_id}",
            parent_id=replied,
            author_id=author,
            author_name=users.get(author, ""),
            created_at=when(post.get("created_at")),
            from_own_account=author == self.user_id,
        )

    async def _hidden(self, item: PlatformItem, hidden: bool) -> None:
        reply = await self._api.request(
            "PUT", f"2/tweets/{segment(item.external_id)}/hidden", json={"hidden": hidden}
        )
        if reply.status == 403:
            raise PlatformError(
                "X refused: only replies in conversations our account started can be hidden. "
                "Report it to X instead.",
                transient=False,
            )
        self._checked(reply)

    async def _send(
        self, method: str, path: str, *, json: Any = None, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        return self._checked(await self._api.request(method, path, params=params, json=json))

    def _checked(self, reply: ApiReply) -> dict[str, Any]:
        body = reply.document
        if reply.ok and not (body.get("errors") and not body.get("data")):
            return body
        raise self._error(reply, body)

    @staticmethod
    def _error(reply: ApiReply, body: dict[str, Any]) -> PlatformError:
        errors = body.get("errors") or [{}]
        first = errors[0] if isinstance(errors[0], dict) else {}
        message = str(body.get("detail") or first.get("message") or first.get("detail") or "no reason given")
        error = refused(LABEL, reply, message)
        if reply.status == 429:
            reset = reply.headers.get("x-rate-limit-reset") or reply.headers.get("X-Rate-Limit-Reset")
            if reset and reset.isdigit():
                error.retry_after = max(float(reset) - time.time(), 1.0)
        return error
