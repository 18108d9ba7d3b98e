"""The Slack desk: posts and updates case cards in the moderators' channel (ChatDesk port)."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.delivery.dead_letters import DeskNotice
from bot.core.errors import ChatError
from bot.core.moderation.surge_views import SurgeCard
from bot.core.moderation.views import CaseCard
from bot.core.reporting.figures import MonthlyAssurance, summary_lines
from bot.core.rhythm.digests import CaseLine, HandoverDigest, Reminder
from bot.core.rhythm.rota import OnCall
from bot.ports import PostedCard
from handlers.slack.blocks import case_card_blocks
from handlers.slack.digest_blocks import (
    clock_alert_blocks,
    desk_notice_blocks,
    handover_blocks,
    reminder_blocks,
)
from handlers.slack.surge_blocks import surge_card_blocks

log = logging.getLogger(__name__)

# The metadata event type on every case and surge card modbot posts.
CARD_EVENT = "modbot_card"
# How far back, and how many pages of 200 messages, a retry looks for a card it may have posted.
HISTORY_WINDOW = 2 * 24 * 3600
HISTORY_PAGES = 5

_TRANSIENT_ERRORS = {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}


def _chat_error(exc: Exception) -> ChatError:
    if isinstance(exc, SlackApiError):
        status = exc.response.status_code
        code = exc.response.get("error", "") if isinstance(exc.response.data, dict) else ""
        retry_after = exc.response.headers.get("Retry-After") or exc.response.headers.get("retry-after")
        after = float(retry_after) if retry_after else None
        transient = status == 429 or status >= 500 or code in _TRANSIENT_ERRORS
        return ChatError(f"Slack said {code or status}", transient=transient, retry_after=after)
    return ChatError(f"Slack could not be reached ({type(exc).__name__})", transient=True)


class SlackDesk:
    name = "slack"

    def __init__(self, *, client: AsyncWebClient, channel: str) -> None:
        self._client = client
        self._channel = channel

    def lane(self) -> str:
        return f"slack:{self._channel}"

    async def post_card(self, card: CaseCard) -> PostedCard:
        return await self._post(self._channel, *case_card_blocks(card), marker=("case", card.case_id))

    async def update_card(self, posted: PostedCard, card: CaseCard) -> None:
        await self._update(posted, *case_card_blocks(card))

    async def post_surge(self, card: SurgeCard) -> PostedCard:
        return await self._post(self._channel, *surge_card_blocks(card), marker=("surge", card.surge_id))

    async def find_posted(self, *, kind: str, record_id: int) -> PostedCard | None:
        """Look through the channel's recent messages for the card's metadata (newest first).

        Needs channels:history (groups:history for a private channel); without it, or if
        Slack cannot be asked, this says it cannot tell (None) and the card is posted.
        """
        cursor: str | None = None
        oldest = f"{time.time() - HISTORY_WINDOW:.6f}"
        for _page in range(HISTORY_PAGES):
            try:
                response = await self._client.conversations_history(
                    channel=self._channel, include_all_metadata=True, limit=200, oldest=oldest, cursor=cursor
                )
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
                log.warning("could not look for case cards already posted (%s)", _chat_error(exc))
                return None
            for message in response.get("messages") or []:
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                if (
                    metadata.get("event_type") == CARD_EVENT
                    and payload.get("kind") == kind
                    and payload.get("id") == record_id
                ):
                    return PostedCard(channel=self._channel, message_ref=str(message["ts"]))
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                return None
        return None

    async def update_surge(self, posted: PostedCard, card: SurgeCard) -> None:
        await self._update(posted, *surge_card_blocks(card))

    async def escalate(self, card: CaseCard, *, on_call: OnCall | None) -> None:
        text, blocks = case_card_blocks(card)
        lead = ":rotating_light: *Out of hours: urgent item for the duty communications manager on call.*"
        if on_call and on_call.slack_user_id:
            await self._post(
                on_call.slack_user_id, f"Out-of-hours urgent item. {text}", [_notice(lead), *blocks]
            )
            return
        who = (
            f"{on_call.name} is on call but has no Slack user in the rota."
            if on_call
            else "Nobody is on call."
        )
        await self._post(
            self._channel,
            f"<!here> Out-of-hours urgent item. {text}",
            [_notice(f"{lead}\n:warning: {who}"), *blocks],
        )

    async def post_notice(self, notice: DeskNotice) -> None:
        text, blocks = desk_notice_blocks(notice)
        await self._post(self._channel, text, blocks)

    async def post_clock_alert(self, line: CaseLine, *, overdue: bool) -> None:
        text, blocks = clock_alert_blocks(line, overdue=overdue)
        await self._post(self._channel, text, blocks)

    async def post_reminder(self, reminder: Reminder, *, send_id: int) -> PostedCard:
        text, blocks = reminder_blocks(reminder, send_id=send_id)
        return await self._post(self._channel, text, blocks)

    async def post_handover(self, digest: HandoverDigest, *, send_id: int, resend: bool) -> PostedCard:
        person = digest.on_call.slack_user_id if digest.on_call else ""
        text, blocks = handover_blocks(digest, send_id=send_id, resend=resend, summary=False)
        if not person:
            # Nobody to hand over to on Slack: the whole digest goes to the channel, with the warning.
            if digest.on_call:
                blocks.insert(
                    1, _notice(f"{digest.on_call.name} has no Slack user in the rota: hand over by phone.")
                )
            return await self._post(self._channel, "<!here> " + text, blocks)
        # Posting to a user id delivers to the app's direct message with that person.
        await self._post(person, text, blocks)
        text, blocks = handover_blocks(digest, send_id=send_id, resend=resend, summary=True)
        blocks.insert(1, _notice(f"Handover sent to <@{person}> as a direct message."))
        return await self._post(self._channel, text, blocks)

    async def post_report(self, report: MonthlyAssurance) -> None:
        """The report as an HTML file shared in the channel (files.uploadV2: an upload URL, the
        bytes, then the share), introduced by the month's figures in a few lines."""
        # Imported here: matplotlib costs every process about 30 MB, and only this monthly send uses it.
        from handlers.report.html import render_html

        html = await asyncio.to_thread(render_html, report)  # charts take a second of CPU
        comment = "\n".join([f"*{report.title}*", *summary_lines(report), "The full report is attached."])
        try:
            await self._client.files_upload_v2(
                channel=self._channel,
                file=html.encode("utf-8"),
                filename=f"assurance-{report.month:%Y-%m}.html",
                title=report.title,
                initial_comment=comment,
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc

    async def _post(
        self, channel: str, text: str, blocks: list[dict[str, Any]], *, marker: tuple[str, int] | None = None
    ) -> PostedCard:
        # The marker travels as message metadata, so a retry can find a card whose post
        # reached Slack although its answer did not reach us.
        metadata = (
            {"event_type": CARD_EVENT, "event_payload": {"kind": marker[0], "id": marker[1]}}
            if marker
            else None
        )
        try:
            response = await self._client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                unfurl_links=False,
                unfurl_media=False,
                metadata=metadata,
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc
        return PostedCard(channel=str(response["channel"]), message_ref=str(response["ts"]))

    async def _update(self, posted: PostedCard, text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            await self._client.chat_update(
                channel=posted.channel, ts=posted.message_ref, text=text, blocks=blocks
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc


def _notice(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
