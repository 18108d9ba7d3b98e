"""The outbox's task handlers: post and refresh cards, act on platforms, contact commenters.

They reach chat and social platforms only through the ports, and record every outcome through
the case use cases (so the audit log and the cards tell the same story).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from bot.core import audit, card_refs, cases, dead_letters, rhythm, rota, surges
from bot.core.assurance import MonthlyAssurance, build_monthly_assurance
from bot.core.clock import LONDON
from bot.core.desks import DeskTarget
from bot.core.digests import (
    CaseLine,
    HandoverDigest,
    Reminder,
    build_handover_digest,
    build_reminder,
    case_line,
)
from bot.core.errors import ChatError, PlatformError
from bot.core.models import SYSTEM, Decision, Platform
from bot.core.profile import PolicyProfile
from bot.core.rota import OnCall
from bot.core.surge_views import build_surge_card
from bot.core.tasks import TaskKind
from bot.core.views import CaseCard, build_case_card
from bot.outbox.worker import RetryLater, TaskHandler, attempt
from bot.ports import ChatDesk, PlatformItem, PostedCard, SocialPlatform
from bot.store.db import Database
from bot.store.tables import CardRef, Comment, OutboxTask, ScheduledSend, SurgeCardRef

log = logging.getLogger(__name__)


def _item(comment: Comment) -> PlatformItem:
    return PlatformItem(
        external_id=comment.external_id,
        account_id=comment.account_id,
        post_id=comment.post_id,
        kind=comment.kind,
        author_id=comment.author_id,
    )


class _Base:
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


class _DeskMessage(_Base, ABC):
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


class PlatformAction(_Base):
    async def run(self, payload: dict[str, Any]) -> None:
        case_id, decision = int(payload["case_id"]), Decision(payload["decision"])
        comment = await self.db.run(lambda s: cases.load_case(s, case_id)[1])
        error = await self._on_platform(comment, lambda client: self._act(client, decision, comment))
        await self._record(case_id, decision, error)

    async def _act(self, client: SocialPlatform, decision: Decision, comment: Comment) -> None:
        item = _item(comment)
        match decision:
            case Decision.HIDE | Decision.HIDE_AND_REPORT:
                await client.hide(item)
            case Decision.DELETE:
                await client.delete(item)
            case Decision.SEND_SIGNPOSTING:
                await client.reply(item, self.profile.wording.signposting_reply)
            case Decision.REMOVE_AND_BAN:
                await client.remove_and_ban(item)
            case _:
                raise PlatformError(f"{decision.value} is not a platform action", transient=False)

    async def _record(self, case_id: int, decision: Decision, error: str | None) -> None:
        await self.db.run(
            lambda s: cases.record_platform_outcome(
                session=s, case_id=case_id, decision=decision, error=error, desks=self.targets, now=self.now()
            )
        )
        log.info(
            "platform action %s on case %s: %s",
            decision.value,
            case_id,
            "done" if error is None else "failed",
        )

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        await self._record(
            int(payload["case_id"]), Decision(payload["decision"]), f"gave up after retries: {reason}"
        )


class ContactCommenter(_Base):
    async def run(self, payload: dict[str, Any]) -> None:
        case_id = int(payload["case_id"])
        comment = await self.db.run(lambda s: cases.load_case(s, case_id)[1])
        explanation = self.profile.wording.house_rules_explanation
        error = await self._on_platform(
            comment, lambda client: client.private_reply(_item(comment), explanation)
        )
        await self._record(case_id, error)

    async def _record(self, case_id: int, error: str | None) -> None:
        await self.db.run(
            lambda s: cases.record_contact_outcome(
                session=s, case_id=case_id, error=error, desks=self.targets, now=self.now()
            )
        )

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        await self._record(int(payload["case_id"]), f"gave up after retries: {reason}")


class SendScheduled(_Base):
    """Deliver a claimed reminder or handover to one desk, built as of the moment it goes out."""

    async def run(self, payload: dict[str, Any]) -> None:
        send_id, desk_name = int(payload["send_id"]), str(payload["desk"])
        desk = self.desks.get(desk_name)
        if desk is None:
            return
        now = self.now()

        def build(
            session: Any,
        ) -> tuple[str, Reminder | HandoverDigest | CaseLine | MonthlyAssurance | None]:
            send = session.get(ScheduledSend, send_id)
            assert send is not None
            if send.kind == rhythm.ASSURANCE:
                return send.kind, build_monthly_assurance(
                    session=session,
                    month=date.fromisoformat(f"{send.slot}-01"),
                    organisation=self.profile.organisation.name,
                    calendar=self.profile.calendar,
                    now=now,
                )
            if send.kind in (rhythm.NUDGE, rhythm.OVERDUE):
                return send.kind, case_line(session, case_id=int(send.slot.removeprefix("case:")), now=now)
            if send.kind == rhythm.CHECK:
                return send.kind, build_reminder(
                    session=session, slot=send.slot, now=now, profile=self.profile
                )
            return send.kind, build_handover_digest(session=session, now=now, profile=self.profile)

        kind, view = await self.db.run(build)
        try:
            if isinstance(view, Reminder):
                await desk.post_reminder(view, send_id=send_id)
            elif isinstance(view, CaseLine):
                await desk.post_clock_alert(view, overdue=kind == rhythm.OVERDUE)
            elif isinstance(view, MonthlyAssurance):
                await desk.post_report(view)
            elif view is None:
                pass  # the case was closed before the alert went out: nothing to say
            else:
                await desk.post_handover(view, send_id=send_id, resend=kind == rhythm.HANDOVER_RESEND)
        except ChatError as exc:
            raise retry_for(exc) from exc
        await self.db.run(lambda s: rhythm.mark_sent(s, send_id=send_id, now=self.now()))
        log.info("scheduled %s %s sent to %s", kind, send_id, desk_name)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error(
            "gave up sending scheduled message %s to %s: %s",
            payload.get("send_id"),
            payload.get("desk"),
            reason,
        )


class Escalate(_Base):
    """Out of hours, an urgent case goes to the person on call at once (MSE 6.4.5)."""

    async def run(self, payload: dict[str, Any]) -> None:
        case_id, desk_name = int(payload["case_id"]), str(payload["desk"])
        desk = self.desks.get(desk_name)
        if desk is None:
            return
        now = self.now()

        def build(session: Any) -> tuple[CaseCard, OnCall | None]:
            case, comment = cases.load_case(session, case_id)
            card = build_case_card(comment=comment, case=case, profile=self.profile, now=now)
            return card, rota.on_call(session, day=now.astimezone(LONDON).date())

        card, person = await self.db.run(build)
        try:
            await desk.escalate(card, on_call=person)
        except ChatError as exc:
            raise retry_for(exc) from exc

        def record(session: Any) -> None:
            audit.record(
                session,
                actor=SYSTEM,
                action="escalated_out_of_hours",
                outcome="ok" if person else "nobody_on_call",
                now=self.now(),
                case_id=case_id,
                detail={"desk": desk_name, "on_call": person.name if person else ""},
            )

        await self.db.run(record)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error("gave up escalating case %s on %s: %s", payload.get("case_id"), payload.get("desk"), reason)


class AutoReply(_Base):
    """The out-of-hours automatic reply to a direct message (MSE 6.4.2), once per sender."""

    async def run(self, payload: dict[str, Any]) -> None:
        comment_id = int(payload["comment_id"])
        comment = await self.db.run(lambda s: s.get(Comment, comment_id))
        if comment is None:
            return
        wording = self.profile.wording.out_of_hours_reply
        error = await self._on_platform(comment, lambda client: client.message(_item(comment), wording))
        await self._record(comment, error)

    async def _record(self, comment: Comment, error: str | None) -> None:
        def record(session: Any) -> None:
            audit.record(
                session,
                actor=SYSTEM,
                action="auto_reply",
                outcome="ok" if error is None else "failed",
                now=self.now(),
                subject=f"{comment.platform}:{comment.external_id}",
                detail={"error": error[:200]} if error else None,
            )

        await self.db.run(record)
        if error:
            log.warning("out-of-hours reply on %s not sent: %s", comment.platform, error)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        comment_id = int(payload["comment_id"])
        comment = await self.db.run(lambda s: s.get(Comment, comment_id))
        if comment is not None:
            await self._record(comment, f"gave up after retries: {reason}")


class DeadTaskNotice(_Base):
    """Tells one desk that a task ran out of time, and how to queue it again."""

    async def run(self, payload: dict[str, Any]) -> None:
        task_id, desk = int(payload["task_id"]), self.desks.get(str(payload["desk"]))
        task = await self.db.run(lambda s: s.get(OutboxTask, task_id))
        if desk is None or task is None or task.status != "dead":
            return  # the desk is gone, or someone queued the task again already
        notice = dead_letters.notice_for(task, now=self.now())
        try:
            await desk.post_notice(notice)
        except ChatError as exc:
            raise retry_for(exc) from exc

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error("the notice about dead outbox task %s reached nobody: %s", payload.get("task_id"), reason)


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
