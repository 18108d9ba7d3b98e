"""The Slack desk: posts and updates case cards in the moderators' channel (ChatDesk port)."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.digests import CaseLine, HandoverDigest, Reminder
from bot.core.errors import ChatError
from bot.core.rota import OnCall
from bot.core.surge_views import SurgeCard
from bot.core.views import CaseCard
from bot.ports import PostedCard
from handlers.slack.blocks import case_card_blocks
from handlers.slack.digest_blocks import clock_alert_blocks, handover_blocks, reminder_blocks
from handlers.slack.surge_blocks import surge_card_blocks

log = logging.getLogger(__name__)

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
        return await self._post(self._channel, *case_card_blocks(card))

    async def update_card(self, posted: PostedCard, card: CaseCard) -> None:
        await self._update(posted, *case_card_blocks(card))

    async def post_surge(self, card: SurgeCard) -> PostedCard:
        return await self._post(self._channel, *surge_card_blocks(card))

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

    async def _post(self, channel: str, text: str, blocks: list[dict[str, Any]]) -> PostedCard:
        try:
            response = await self._client.chat_postMessage(
                channel=channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False
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
