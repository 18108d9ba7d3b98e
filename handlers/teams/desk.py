"""The Teams desks: case cards, reminders, handovers and urgent messages in the moderators'
channel (ChatDesk), and safeguarding notices and private messages (SafeguardingDesk)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from microsoft_agents.hosting.core import MessageFactory

from bot.core.delivery.dead_letters import DeskNotice
from bot.core.moderation.surge_views import SurgeCard
from bot.core.moderation.views import CaseCard
from bot.core.reporting.figures import MonthlyAssurance
from bot.core.rhythm.digest_text import handover_text, reminder_text
from bot.core.rhythm.digests import CaseLine, HandoverDigest, Reminder
from bot.core.rhythm.rota import OnCall
from bot.core.safeguarding.notices import ReportNotice
from bot.ports import PostedCard
from handlers.teams import digest_cards
from handlers.teams.cards import case_card
from handlers.teams.connector import TeamsConnector, card_activity
from handlers.teams.refresh import ModeratorIds
from handlers.teams.safeguarding_cards import notice_card
from handlers.teams.surge_cards import surge_card

URGENT = "Out of hours: urgent item for the duty communications manager on call."


class TeamsDesk:
    name = "teams"

    def __init__(
        self,
        *,
        connector: TeamsConnector,
        channel: str,
        moderator_ids: ModeratorIds,
        report_link: Callable[[date], str] | None = None,
    ) -> None:
        self._connector = connector
        self._channel = channel
        self._moderator_ids = moderator_ids  # who gets a case card refreshed unasked
        self._report_link = report_link  # a signed link to a month's report, where the bot is public

    def lane(self) -> str:
        return f"teams:{self._channel}"

    async def post_card(self, card: CaseCard) -> PostedCard:
        return await self._post(await self._case_card(card), card.headline)

    async def update_card(self, posted: PostedCard, card: CaseCard) -> None:
        await self._update(posted, await self._case_card(card), card.headline)

    async def _case_card(self, card: CaseCard) -> dict[str, object]:
        return case_card(card, refresh=await self._moderator_ids.refresh(card.case_id))

    async def find_posted(self, *, kind: str, record_id: int) -> PostedCard | None:
        """The Bot Connector API cannot list a channel's messages, so Teams cannot tell."""
        return None

    async def post_surge(self, card: SurgeCard) -> PostedCard:
        return await self._post(surge_card(card), card.headline)

    async def update_surge(self, posted: PostedCard, card: SurgeCard) -> None:
        await self._update(posted, surge_card(card), card.headline)

    async def escalate(self, card: CaseCard, *, on_call: OnCall | None) -> None:
        inner = case_card(card)
        if on_call and on_call.teams_user_id:
            reference = await self._connector.user_reference(on_call.teams_user_id)
            await self._connector.send(
                reference, card_activity(digest_cards.notice_card(URGENT, inner), f"Urgent: {card.headline}")
            )
            return
        who = (
            f"{on_call.name} is on call but has no Teams user in the rota."
            if on_call
            else "Nobody is on call."
        )
        await self._post(digest_cards.notice_card(f"{URGENT} {who}", inner), f"Urgent: {card.headline}")

    async def post_report(self, report: MonthlyAssurance) -> None:
        link = self._report_link(report.month) if self._report_link is not None else None
        await self._post(digest_cards.report_card(report, link=link), report.title)

    async def post_notice(self, notice: DeskNotice) -> None:
        text, card = digest_cards.desk_notice_card(notice)
        await self._post(card, text)

    async def post_clock_alert(self, line: CaseLine, *, overdue: bool) -> None:
        text, card = digest_cards.clock_alert_card(line, overdue=overdue)
        await self._post(card, text)

    async def post_reminder(self, reminder: Reminder, *, send_id: int) -> PostedCard:
        return await self._post(
            digest_cards.reminder_card(reminder, send_id=send_id), reminder_text(reminder)
        )

    async def post_handover(self, digest: HandoverDigest, *, send_id: int, resend: bool) -> PostedCard:
        person = digest.on_call.teams_user_id if digest.on_call else ""
        text = handover_text(digest)
        if not person:
            notice = (
                f"{digest.on_call.name} has no Teams user in the rota: hand over by phone."
                if digest.on_call
                else ""
            )
            card = digest_cards.handover_card(
                digest, send_id=send_id, resend=resend, summary=False, notice=notice
            )
            return await self._post(card, text)
        reference = await self._connector.user_reference(person)
        full = digest_cards.handover_card(digest, send_id=send_id, resend=resend, summary=False)
        await self._connector.send(reference, card_activity(full, text))
        summary = digest_cards.handover_card(
            digest,
            send_id=send_id,
            resend=resend,
            summary=True,
            notice=f"Handover sent to {digest.on_call.name if digest.on_call else ''} as a direct message.",
        )
        return await self._post(summary, text)

    async def _post(self, card: dict[str, object], text: str) -> PostedCard:
        reference = await self._connector.channel_reference(self._channel)
        conversation, message_id = await self._connector.send(reference, card_activity(card, text))
        return PostedCard(channel=conversation, message_ref=message_id)

    async def _update(self, posted: PostedCard, card: dict[str, object], text: str) -> None:
        reference = await self._connector.channel_reference(posted.channel)
        await self._connector.update(reference, posted.message_ref, card_activity(card, text))


class TeamsSafeguardingDesk:
    name = "teams"

    def __init__(
        self, *, connector: TeamsConnector, channel: str, targets: tuple[str, ...], outcomes: tuple[str, ...]
    ) -> None:
        self._connector, self._channel, self._targets, self._outcomes = connector, channel, targets, outcomes

    def lane(self) -> str:
        return f"teams:{self._channel}"

    async def post_notice(self, notice: ReportNotice, *, alert: bool) -> None:
        card = notice_card(notice, alert=alert, targets=self._targets, outcomes=self._outcomes)
        reference = await self._connector.channel_reference(self._channel)
        await self._connector.send(reference, card_activity(card, f"Safeguarding report {notice.reference}"))

    async def update_notice(self, posted: PostedCard, notice: ReportNotice) -> None:
        card = notice_card(notice, alert=False, targets=self._targets, outcomes=self._outcomes)
        reference = await self._connector.channel_reference(posted.channel)
        await self._connector.update(
            reference, posted.message_ref, card_activity(card, f"Safeguarding report {notice.reference}")
        )

    async def tell(self, user_id: str, text: str) -> None:
        reference = await self._connector.user_reference(user_id)
        await self._connector.send(reference, MessageFactory.text(text))
