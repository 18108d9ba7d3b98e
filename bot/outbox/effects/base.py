"""What every outbox effect shares: the database, policy, desks and platforms it works with,
and how a platform's or a chat's failure becomes a retry.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime

from bot.core.delivery.desks import DeskTarget
from bot.core.errors import ChatError, PlatformError
from bot.core.models import Platform
from bot.core.profile import PolicyProfile
from bot.outbox.worker import RetryLater
from bot.ports import ChatDesk, PlatformItem, SocialPlatform
from bot.store.db import Database
from bot.store.tables import Comment

log = logging.getLogger(__name__)


def platform_item(comment: Comment) -> PlatformItem:
    return PlatformItem(
        external_id=comment.external_id,
        account_id=comment.account_id,
        post_id=comment.post_id,
        kind=comment.kind,
        author_id=comment.author_id,
    )


class Effect:
    def __init__(
        self,
        *,
        db: Database,
        profile: PolicyProfile,
        desks: Mapping[str, ChatDesk],
        platforms: Mapping[Platform, SocialPlatform],
        now: Callable[[], datetime],
    ) -> None:
        self.db = db
        self.profile = profile
        self.desks = desks
        self.platforms = platforms
        self.now = now

    async def _on_platform(
        self, comment: Comment, call: Callable[[SocialPlatform], Awaitable[None]]
    ) -> str | None:
        """Run `call` against the comment's platform: None when done, the reason when refused.

        Transient failures raise RetryLater, so the outbox tries again with backoff.
        """
        client = self.platforms.get(Platform(comment.platform))
        if client is None:
            return f"modbot has no connection to {Platform(comment.platform).label}"
        try:
            await call(client)
        except PlatformError as exc:
            if exc.transient:
                raise RetryLater(str(exc), after=exc.retry_after) from exc
            return str(exc)
        return None

    @property
    def targets(self) -> Sequence[DeskTarget]:
        return [DeskTarget(name, desk.lane()) for name, desk in self.desks.items()]


def retry_for(exc: ChatError) -> RetryLater:
    """A chat failure as an outbox retry: transient ones honour Retry-After (or back off);
    permanent ones (a missing channel, a revoked token) are tried again a minute later, so a
    fixed configuration picks them up."""
    return RetryLater(str(exc), after=exc.retry_after if exc.transient else 60.0)

