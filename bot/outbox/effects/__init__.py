"""The outbox's task handlers: post and refresh cards, act on platforms, contact commenters,
send the desk's rhythm and safeguarding notices.

They reach chat and social platforms only through the ports, and record every outcome through
the core's use cases (so the audit log and the cards tell the same story). The outbox calls
the core; the core never imports the outbox.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from bot.core.delivery.tasks import TaskKind
from bot.core.models import Platform
from bot.core.profile import PolicyProfile
from bot.outbox.effects.cards import PostCard, PostSurgeCard, RefreshCard, RefreshSurgeCard
from bot.outbox.effects.desk_messages import DeadTaskNotice, Escalate, SendScheduled
from bot.outbox.effects.platforms import AutoReply, ContactCommenter, PlatformAction
from bot.outbox.effects.safeguarding import build_safeguarding_handlers
from bot.outbox.worker import TaskHandler
from bot.ports import ChatDesk, SocialPlatform
from bot.store.db import Database

__all__ = ["build_handlers", "build_safeguarding_handlers"]


def build_handlers(
    *,
    db: Database,
    profile: PolicyProfile,
    desks: Mapping[str, ChatDesk],
    platforms: Mapping[Platform, SocialPlatform],
    now: Callable[[], datetime],
) -> dict[str, TaskHandler]:
    kw: dict[str, Any] = dict(db=db, profile=profile, desks=desks, platforms=platforms, now=now)
    return {
        TaskKind.POST_CARD: PostCard(**kw),
        TaskKind.REFRESH_CARD: RefreshCard(**kw),
        TaskKind.POST_SURGE_CARD: PostSurgeCard(**kw),
        TaskKind.REFRESH_SURGE_CARD: RefreshSurgeCard(**kw),
        TaskKind.PLATFORM_ACTION: PlatformAction(**kw),
        TaskKind.CONTACT_COMMENTER: ContactCommenter(**kw),
        TaskKind.SEND_SCHEDULED: SendScheduled(**kw),
        TaskKind.ESCALATE: Escalate(**kw),
        TaskKind.AUTO_REPLY: AutoReply(**kw),
        TaskKind.DEAD_TASK_NOTICE: DeadTaskNotice(**kw),
    }
