"""The ports through which the core reaches the world. Edges implement them; tests fake them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.core.delivery.dead_letters import DeskNotice
from bot.core.moderation.surge_views import SurgeCard
from bot.core.moderation.views import CaseCard
from bot.core.reporting.figures import MonthlyAssurance
from bot.core.rhythm.digests import CaseLine, HandoverDigest, Reminder
from bot.core.rhythm.rota import OnCall
from bot.core.safeguarding.notices import ReportNotice


@dataclass(frozen=True, slots=True)
class PostedCard:
    """Where a desk put a card, so it can be updated in place later."""

    channel: str
    message_ref: str


class ChatDesk(Protocol):
    """A moderators' channel on one chat platform (Slack, Teams)."""

    name: str

    def lane(self) -> str:
        """The pacing lane for posts to this desk (one channel: about one message a second)."""
        ...

    async def post_card(self, card: CaseCard) -> PostedCard:
        """Post a new card; raise ChatError on failure."""
        ...

    async def update_card(self, posted: PostedCard, card: CaseCard) -> None:
        """Replace a posted card in place; raise ChatError on failure."""
        ...

    async def find_posted(self, *, kind: str, record_id: int) -> PostedCard | None:
        """The card this desk already posted for the record ("case" or "surge"), if it can tell.

        Asked before a retry posts again: a post can reach the channel even though its answer
        never came back (a timeout, a process killed mid-post). None when there is none, or when
        the chat platform cannot say.
        """
        ...

    async def post_surge(self, card: SurgeCard) -> PostedCard:
        """Post the one card that stands for a surge of comments on one post."""
        ...

    async def update_surge(self, posted: PostedCard, card: SurgeCard) -> None: ...

    async def escalate(self, card: CaseCard, *, on_call: OnCall | None) -> None:
        """An urgent item out of hours: straight to the person on call (or, with nobody on call,
        to the channel with a warning)."""
        ...

    async def post_notice(self, notice: DeskNotice) -> None:
        """A plain message to the moderators' channel (a task that ran out of time, say)."""
        ...

    async def post_clock_alert(self, line: CaseLine, *, overdue: bool) -> None:
        """A case is near (75%) or past its response due time."""
        ...

    async def post_reminder(self, reminder: Reminder, *, send_id: int) -> PostedCard:
        """Post a check reminder (with a "Checked" button) to the moderators' channel."""
        ...

    async def post_handover(self, digest: HandoverDigest, *, send_id: int, resend: bool) -> PostedCard:
        """Send the handover to the person on call directly, and a summary to the channel.

        With nobody on call (or no way to reach them on this desk) the channel gets the
        whole digest with a clear warning.
        """
        ...

    async def post_report(self, report: MonthlyAssurance) -> None:
        """Last month's assurance report to the moderators' channel (a file, or a card with a link)."""
        ...


@dataclass(frozen=True, slots=True)
class PlatformItem:
    """What a social client needs to act on one item."""

    external_id: str
    account_id: str
    post_id: str
    kind: str
    author_id: str = ""


class SocialPlatform(Protocol):
    """One social platform's API. Raises PlatformError; transient errors are retried.

    A platform that cannot do something raises PlatformError(transient=False) with the reason
    in words a moderator can act on; the capability table keeps such buttons off the card.
    """

    async def hide(self, item: PlatformItem) -> None: ...

    async def unhide(self, item: PlatformItem) -> None: ...

    async def delete(self, item: PlatformItem) -> None: ...

    async def reply(self, item: PlatformItem, text: str) -> None: ...

    async def private_reply(self, item: PlatformItem, text: str) -> None: ...

    async def remove_and_ban(self, item: PlatformItem) -> None:
        """Remove the item and stop its author, the platform's way (ban, block or mute)."""
        ...

    async def message(self, item: PlatformItem, text: str) -> None:
        """A direct message to the item's author (the answer to a direct message)."""
        ...


class SafeguardingDesk(Protocol):
    """The private safeguarding channel, and private messages to reporters and leads."""

    name: str

    def lane(self) -> str: ...

    async def post_notice(self, notice: ReportNotice, *, alert: bool) -> None:
        """Reference, category and urgency only, with View and lead buttons."""
        ...

    async def update_notice(self, posted: PostedCard, notice: ReportNotice) -> None: ...

    async def tell(self, user_id: str, text: str) -> None:
        """A private message to one person (a reporter about progress, the person on call)."""
        ...


class Clock(Protocol):
    def now(self) -> datetime: ...
