"""The Slack desk: posts and updates case cards in the moderators' channel (ChatDesk port)."""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import ChatError
from bot.core.views import CaseCard
from bot.ports import PostedCard
from handlers.slack.blocks import case_card_blocks

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
        text, blocks = case_card_blocks(card)
        try:
            response = await self._client.chat_postMessage(
                channel=self._channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc
        return PostedCard(channel=str(response["channel"]), message_ref=str(response["ts"]))

    async def update_card(self, posted: PostedCard, card: CaseCard) -> None:
        text, blocks = case_card_blocks(card)
        try:
            await self._client.chat_update(
                channel=posted.channel, ts=posted.message_ref, text=text, blocks=blocks
            )
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as exc:
            raise _chat_error(exc) from exc
