"""Case and surge cards on every desk: posted once, then edited in place as the record moves on.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from bot.core.delivery.desks import DeskTarget
from bot.core.errors import ChatError
from bot.core.moderation import card_refs, cases, surges
from bot.core.moderation.surge_views import build_surge_card
from bot.core.moderation.views import CaseCard, build_case_card
from bot.outbox.effects.base import Effect, retry_for
from bot.outbox.worker import attempt
from bot.ports import ChatDesk, PostedCard
from bot.store.tables import CardRef, SurgeCardRef

log = logging.getLogger(__name__)


class _DeskMessage(Effect, ABC):
    """One chat message per desk that shows a record (a case, a surge) and is edited in place
    whenever the record's version moves on. Posting and refreshing work the same way for every
    kind of record; a subclass names its reference table and says how to read, render and
    re-queue its record."""

    what = "card"  # for the log: "card for case 12", "surge card 3"
    key = "id"  # the payload field naming the record
    kind = "record"  # how the desk marks the card it posts, to find it again ("case", "surge")
    table: type[CardRef] | type[SurgeCardRef] = CardRef  # where the message references live
    refreshing = False  # the task edits the posted message rather than posting one

    # What each kind of record supplies.
    @abstractmethod
    def _version(self, session: Any, record_id: int) -> int:
        """The record's current version."""

    @abstractmethod
    def _build(self, session: Any, record_id: int) -> Any:
        """The view to render, carrying the `version` it shows."""

    @abstractmethod
    async def _post(self, desk: ChatDesk, card: Any) -> PostedCard:
        """Post the view on the desk."""

    @abstractmethod
    async def _update(self, desk: ChatDesk, posted: PostedCard, card: Any) -> None:
        """Edit the posted message to show the view."""

    @abstractmethod
    def _enqueue_refresh(self, session: Any, record_id: int, desk: DeskTarget, version: int) -> None:
        """Queue a refresh of the message on `desk`."""

    def _ref(self, session: Any, record_id: int, desk: str) -> CardRef | SurgeCardRef | None:
        return card_refs.find(session, self.table, record_id=record_id, desk=desk)

    def _save_ref(self, session: Any, record_id: int, desk: str, posted: PostedCard, version: int) -> None:
        card_refs.save(
            session,
            self.table,
            record_id=record_id,
            desk=desk,
            channel=posted.channel,
            message_ref=posted.message_ref,
            version=version,
            now=self.now(),
        )

    def _mark_rendered(self, session: Any, record_id: int, desk: str, version: int) -> None:
        card_refs.mark_rendered(session, self.table, record_id=record_id, desk=desk, version=version)

    def _target(self, payload: dict[str, Any]) -> tuple[int, str, ChatDesk | None]:
        record_id, desk_name = int(payload[self.key]), str(payload["desk"])
        return record_id, desk_name, self.desks.get(desk_name)

    async def post(self, payload: dict[str, Any]) -> None:
        record_id, desk_name, desk = self._target(payload)
        if desk is None:
            log.warning("%s %s skipped: desk %s is no longer configured", self.what, record_id, desk_name)
            return
        if await self.db.run(lambda s: self._ref(s, record_id, desk_name)) is not None:
            return  # posted before a restart; the refresh path keeps it current
        card = await self.db.run(lambda s: self._build(s, record_id))
        # A try after the first may follow a post that reached the channel unanswered (a
        # timeout, or a process killed mid-post): adopt that message rather than post twice.
        found = await desk.find_posted(kind=self.kind, record_id=record_id) if attempt() > 1 else None
        try:
            posted = found or await self._post(desk, card)
        except ChatError as exc:
            if not exc.transient:
                log.error("%s %s could not be posted to %s: %s", self.what, record_id, desk_name, exc)
            raise retry_for(exc) from exc
        # What an adopted message shows is unknown (version 0), so it is refreshed at once.
        shown = card.version if found is None else 0

        def save(session: Any) -> None:
            self._save_ref(session, record_id, desk_name, posted, shown)
            current = self._version(session, record_id)
            if current != shown:  # changed while the post was in flight, or adopted
                self._enqueue_refresh(session, record_id, DeskTarget(desk_name, desk.lane()), current)

        await self.db.run(save)
        log.info("%s %s %s %s", self.what, record_id, "found already on" if found else "posted to", desk_name)

    async def refresh(self, payload: dict[str, Any]) -> None:
        record_id, desk_name, desk = self._target(payload)
        ref = await self.db.run(lambda s: self._ref(s, record_id, desk_name))
        if desk is None or ref is None:
            return  # not posted yet: the post renders the current state and re-checks after
        # Many changes each queue a refresh (a hide-all queues one per comment); most find the
        # message current, so compare versions before building the view.
        if ref.rendered_version >= await self.db.run(lambda s: self._version(s, record_id)):
            return
        card = await self.db.run(lambda s: self._build(s, record_id))
        try:
            await self._update(desk, PostedCard(ref.channel, ref.message_ref), card)
        except ChatError as exc:
            raise retry_for(exc) from exc
        await self.db.run(lambda s: self._mark_rendered(s, record_id, desk_name, card.version))

    async def run(self, payload: dict[str, Any]) -> None:
        await (self.refresh(payload) if self.refreshing else self.post(payload))

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error(
            "gave up %s %s %s on %s: %s",
            "refreshing" if self.refreshing else "posting",
            self.what,
            payload.get(self.key),
            payload.get("desk"),
            reason,
        )


class _CaseCard(_DeskMessage):
    what, key, kind, table = "card for case", "case_id", "case", CardRef

    def _version(self, session: Any, record_id: int) -> int:
        return cases.load_case(session, record_id)[0].version

    def _build(self, session: Any, record_id: int) -> CaseCard:
        case, comment = cases.load_case(session, record_id)
        return build_case_card(comment=comment, case=case, profile=self.profile, now=self.now())

    async def _post(self, desk: ChatDesk, card: Any) -> PostedCard:
        return await desk.post_card(card)

    async def _update(self, desk: ChatDesk, posted: PostedCard, card: Any) -> None:
        await desk.update_card(posted, card)

    def _enqueue_refresh(self, session: Any, record_id: int, desk: DeskTarget, version: int) -> None:
        case, _ = cases.load_case(session, record_id)
        cases.enqueue_refresh(session, case=case, desks=[desk], now=self.now())


class _SurgeCard(_DeskMessage):
    what, key, kind, table = "surge card", "surge_id", "surge", SurgeCardRef

    def _version(self, session: Any, record_id: int) -> int:
        return surges.load(session, record_id).version

    def _build(self, session: Any, record_id: int) -> Any:
        return build_surge_card(session, surge_id=record_id, now=self.now())

    async def _post(self, desk: ChatDesk, card: Any) -> PostedCard:
        return await desk.post_surge(card)

    async def _update(self, desk: ChatDesk, posted: PostedCard, card: Any) -> None:
        await desk.update_surge(posted, card)

    def _enqueue_refresh(self, session: Any, record_id: int, desk: DeskTarget, version: int) -> None:
        surges.enqueue_refresh(session, surge_id=record_id, version=version, desks=[desk], now=self.now())


class PostCard(_CaseCard):
    """Posts a case's card on one desk."""


class RefreshCard(_CaseCard):
    """Edits a case's card in place on one desk."""

    refreshing = True


class PostSurgeCard(_SurgeCard):
    """Posts a surge's card on one desk."""


class RefreshSurgeCard(_SurgeCard):
    """Edits a surge's card in place on one desk."""

    refreshing = True


