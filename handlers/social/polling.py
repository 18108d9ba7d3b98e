"""Polls: YouTube comments, X mentions and the Meta reconciliation, all through one runner.

Each poller reads from where the last run left off (its cursor is in the database) and hands
what it found to the same ingest path as the webhooks, so an item seen by both a webhook and a
poll is stored once. A failure is recorded and, when the platform asks for patience (a rate
limit, a spent quota), the poller pauses until then instead of trying every interval.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from bot.core.errors import PlatformError
from bot.core.models import IncomingComment, ItemKind, Platform
from bot.core.moderation import platform_state
from bot.services import Services
from handlers.social.clients.api import segment
from handlers.social.clients.graph import GraphClient
from handlers.social.clients.linkedin import LinkedInClient
from handlers.social.clients.x import XClient
from handlers.social.clients.youtube import LIST_COST, YouTubeClient
from handlers.social.webhooks.fields import when

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Found:
    items: list[IncomingComment]
    cursor: str | None  # None: keep the old cursor
    spent: int = 0  # quota units or API calls, as the platform counts them
    note: str = ""


@dataclass(frozen=True, slots=True)
class PollReport:
    key: str
    found: int
    new: int
    spent: int
    error: str = ""
    skipped: str = ""


class Poller(Protocol):
    key: str

    async def poll(self, cursor: str) -> Found: ...


async def run_poll(services: Services, poller: Poller) -> PollReport:
    """One run of one poller: skip while paused, ingest, record the cursor and the spend."""
    now = services.now()
    state = await services.db.run(lambda s: platform_state.load(s, poller.key, now))
    if state.paused_until is not None and state.paused_until > now:
        log.info("%s poll paused until %s", poller.key, state.paused_until.isoformat(timespec="minutes"))
        return PollReport(poller.key, 0, 0, 0, skipped=f"paused until {state.paused_until.isoformat()}")
    try:
        found = await poller.poll(state.cursor)
    except PlatformError as exc:
        pause = now + timedelta(seconds=exc.retry_after) if exc.transient and exc.retry_after else None
        reason = str(exc)
        await services.db.run(
            lambda s: platform_state.record_run(
                s, key=poller.key, now=now, cursor=None, new=0, spent=0, error=reason, paused_until=pause
            )
        )
        log.warning("%s poll failed: %s", poller.key, reason)
        return PollReport(poller.key, 0, 0, 0, error=reason)
    result = await services.ingest(found.items, source=f"{poller.key.split(':', 1)[0]}_poll")
    await services.db.run(
        lambda s: platform_state.record_run(
            s, key=poller.key, now=now, cursor=found.cursor, new=result.new, spent=found.spent
        )
    )
    log.info(
        "%s poll: %s items, %s new, %s cases opened; spent %s%s",
        poller.key,
        len(found.items),
        result.new,
        len(result.cases_opened),
        found.spent,
        f" ({found.note})" if found.note else "",
    )
    return PollReport(poller.key, len(found.items), result.new, found.spent)


async def run_all(services: Services, pollers: Sequence[Poller]) -> list[PollReport]:
    return [await run_poll(services, poller) for poller in pollers]


class YouTubePoller:
    """Newest threads first, page by page, until a page reaches what the last run saw."""

    def __init__(self, client: YouTubeClient, *, max_pages: int) -> None:
        self.client = client
        self.key = f"youtube:{client.channel_id}"
        self.max_pages = max_pages

    async def poll(self, cursor: str) -> Found:
        items: list[IncomingComment] = []
        newest, token, pages = cursor, None, 0
        while pages < self.max_pages:
            page = await self.client.threads(page_token=token)
            pages += 1
            items.extend(page.items)
            newest = max(newest, page.newest)
            token = page.next_page_token
            if not token or (cursor and page.oldest and page.oldest <= cursor):
                break
        quota = await self.client.meter.view()
        note = f"{quota.used} of {quota.limit} units today"
        return Found(items=items, cursor=newest, spent=pages * LIST_COST, note=note)


class XMentionsPoller:
    def __init__(self, client: XClient) -> None:
        self.client = client
        self.key = f"x-mentions:{client.user_id}"

    async def poll(self, cursor: str) -> Found:
        page = await self.client.mentions(since_id=cursor or None)
        return Found(items=page.items, cursor=page.newest_id or cursor, spent=1)


class MetaReconciler:
    """Meta has no replay of missed webhooks: list recent posts, then their recent comments.

    Facebook: `GET /{page-id}/feed` then `GET /{post-id}/comments?filter=stream` (replies
    included). Instagram: `GET /{ig-user-id}/media` then `GET /{media-id}/comments` (with
    replies). Items already stored are skipped by the ingest path's unique key.
    """

    def __init__(self, client: GraphClient, *, account_id: str, posts: int) -> None:
        self.client = client
        self.account_id = account_id
        self.posts = posts
        self.key = f"{client.platform.value}-reconcile:{account_id}"

    async def poll(self, cursor: str) -> Found:
        if self.client.platform is Platform.FACEBOOK:
            return await self._facebook()
        return await self._instagram()

    async def _facebook(self) -> Found:
        feed = await self.client.get(
            f"{segment(self.account_id)}/feed", {"fields": "id", "limit": str(self.posts)}
        )
        calls, items = 1, []
        for post in feed.get("data") or []:
            post_id = str(post.get("id", ""))
            if not post_id:
                continue
            found = await self.client.get(
                f"{segment(post_id)}/comments",
                {
                    "fields": "id,message,from,created_time,parent{id}",
                    "filter": "stream",
                    "order": "reverse_chronological",
                    "limit": "100",
                },
            )
            calls += 1
            for comment in found.get("data") or []:
                author = comment.get("from") or {}
                comment_id = str(comment.get("id", ""))
                items.append(
                    IncomingComment(
                        platform=Platform.FACEBOOK,
                        external_id=comment_id,
                        text=str(comment.get("message", "")),
                        kind=ItemKind.COMMENT,
                        account_id=self.account_id,
                        post_id=post_id,
                        post_url=f"https://www.facebook.com/{post_id}",
                        comment_url=f"https://www.facebook.com/{comment_id}",
                        parent_id=str((comment.get("parent") or {}).get("id", "")),
                        author_id=str(author.get("id", "")),
                        author_name=str(author.get("name", "")),
                        created_at=when(comment.get("created_time")),
                        from_own_account=str(author.get("id", "")) == self.account_id,
                    )
                )
        return Found(items=items, cursor=None, spent=calls, note=f"{calls} Graph calls")

    async def _instagram(self) -> Found:
        media = await self.client.get(
            f"{segment(self.account_id)}/media", {"fields": "id,permalink", "limit": str(self.posts)}
        )
        calls, items = 1, []
        for post in media.get("data") or []:
            media_id = str(post.get("id", ""))
            if not media_id:
                continue
            found = await self.client.get(
                f"{segment(media_id)}/comments",
                {"fields": "id,text,timestamp,from,replies{id,text,timestamp,from}", "limit": "50"},
            )
            calls += 1
            for comment in found.get("data") or []:
                items.append(self._instagram_item(comment, media_id, "", str(post.get("permalink", ""))))
                for reply in (comment.get("replies") or {}).get("data") or []:
                    items.append(
                        self._instagram_item(
                            reply, media_id, str(comment.get("id", "")), str(post.get("permalink", ""))
                        )
                    )
        return Found(items=items, cursor=None, spent=calls, note=f"{calls} Graph calls")

    def _instagram_item(
        self, comment: dict[str, object], media_id: str, parent: str, url: str
    ) -> IncomingComment:
        author = comment.get("from") if isinstance(comment.get("from"), dict) else {}
        assert isinstance(author, dict)
        return IncomingComment(
            platform=Platform.INSTAGRAM,
            external_id=str(comment.get("id", "")),
            text=str(comment.get("text", "")),
            kind=ItemKind.COMMENT,
            account_id=self.account_id,
            post_id=media_id,
            post_url=url,
            parent_id=parent,
            author_id=str(author.get("id", "")),
            author_name=str(author.get("username", "")),
            created_at=when(comment.get("timestamp")),
            from_own_account=str(author.get("id", "")) == self.account_id,
        )


class LinkedInPoller:
    """The fallback for LinkedIn's webhook: comments on the organisation's latest posts."""

    def __init__(self, client: LinkedInClient, *, organisation: str, posts: int) -> None:
        self.client = client
        self.organisation = organisation
        self.posts = posts
        self.key = f"linkedin-poll:{organisation}"

    async def poll(self, cursor: str) -> Found:
        items, calls = await self.client.recent_comments(organisation=self.organisation, posts=self.posts)
        return Found(items=items, cursor=None, spent=calls, note=f"{calls} LinkedIn calls")
