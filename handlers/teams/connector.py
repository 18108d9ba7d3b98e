"""Proactive sends to Teams: where the bot may speak (saved references) and how (the Agents
SDK's CloudAdapter).

Teams only lets a bot post where its app is installed; the installation tells the bot where,
and `bot.core.delivery.conversations` keeps that. A channel is reached through its own reference or,
failing that, through its team's (an app installed in a team may post in all its channels).
A person is reached through their personal chat with the bot or, failing that, by creating one
(Teams allows it where the app is installed for them). A missing reference is a clear error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ConversationParameters,
    ConversationReference,
)
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import CardFactory, MessageFactory, TurnContext

from bot.core.delivery import conversations
from bot.core.errors import ChatError
from bot.store.db import Database

log = logging.getLogger(__name__)
SURFACE = "teams"
# Teams' documented retryable answers (rate limits and gateway trouble).
_TRANSIENT = {412, 429, 500, 502, 503, 504}
# Retry a post to a place the app has not been installed yet, slowly: installing it fixes it.
MISSING_RETRY_SECONDS = 300.0
# Who the bot's outbound token is for: the Bot Framework's API.
AUDIENCE = "https://api.botframework.com"


def serialize(reference: ConversationReference) -> dict[str, Any]:
    """A reference as stored: the Bot Framework's JSON names, as the channel sent them."""
    found: dict[str, Any] = reference.model_dump(mode="json", by_alias=True, exclude_none=True)
    return found


def card_activity(card: dict[str, Any], text: str = "") -> Activity:
    activity: Activity = MessageFactory.attachment(CardFactory.adaptive_card(card))
    if text:
        # The notification and screen-reader text; the card holds the rest.
        activity.summary = text[:300]
    return activity


def to_chat_error(exc: Exception) -> ChatError:
    if isinstance(exc, aiohttp.ClientResponseError):  # the SDK's connector raises these
        retry = exc.headers.get("Retry-After") if exc.headers else None
        return ChatError(
            f"Teams said HTTP {exc.status}",
            transient=exc.status in _TRANSIENT,
            retry_after=float(retry) if retry and retry.isdigit() else None,
        )
    if isinstance(exc, ChatError):
        return exc
    if isinstance(exc, aiohttp.ClientError | TimeoutError | OSError):
        return ChatError(f"Teams could not be reached ({type(exc).__name__})", transient=True)
    return ChatError(f"Teams refused the message ({type(exc).__name__})", transient=False)


class TeamsConnector:
    """Send and update messages where the app is installed, by conversation reference."""

    def __init__(
        self, *, adapter: CloudAdapter, app_id: str, db: Database, now: Callable[[], datetime]
    ) -> None:
        self._adapter, self._app_id, self._db, self._now = adapter, app_id, db, now

    async def channel_reference(self, channel_id: str) -> dict[str, Any]:
        """The channel's own reference, or its team's with the channel as the conversation."""

        def lookup(session: Any) -> dict[str, Any] | None:
            found = conversations.find(session, surface=SURFACE, key=f"channel:{channel_id}")
            return found or conversations.any_with_prefix(session, surface=SURFACE, prefix="team:")

        reference = await self._db.run(lookup)
        if reference is None:
            raise ChatError(
                f"Teams has not told modbot about channel {channel_id}: add the modbot app to that team "
                "(modbot check lists what it knows).",
                transient=True,
                retry_after=MISSING_RETRY_SECONDS,
            )
        conversation = dict(reference.get("conversation") or {})
        conversation.update(id=channel_id, conversationType="channel", isGroup=True)
        return {**reference, "conversation": conversation, "activityId": None}

    async def user_reference(self, user_id: str) -> dict[str, Any]:
        """The person's chat with the bot: saved, or created through a team's service URL."""

        def lookup(session: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
            mine = conversations.find(session, surface=SURFACE, key=f"user:{user_id}")
            team = None if mine else conversations.any_with_prefix(session, surface=SURFACE, prefix="team:")
            return mine, team

        mine, team = await self._db.run(lookup)
        if mine is not None:
            return mine
        if team is None:
            raise ChatError(
                "Teams has not told modbot where it is installed, so it cannot message anyone directly: "
                "install the modbot app for the person, or in their team.",
                transient=False,
            )
        return await self._create_personal(team, user_id)

    async def _create_personal(self, team: dict[str, Any], user_id: str) -> dict[str, Any]:
        tenant = (team.get("conversation") or {}).get("tenantId") or ""
        parameters = ConversationParameters(
            is_group=False,
            agent=ChannelAccount(id=(team.get("bot") or {}).get("id", "")),
            members=[ChannelAccount(id=user_id)],
            tenant_id=tenant or None,
            channel_data={"tenant": {"id": tenant}},
        )
        created: dict[str, Any] = {}

        async def keep(turn: TurnContext) -> None:
            created.update(serialize(turn.activity.get_conversation_reference()))

        try:
            await self._adapter.create_conversation(
                self._app_id,
                "msteams",
                str(team.get("serviceUrl", "")),
                AUDIENCE,
                parameters,
                keep,
            )
        except Exception as exc:
            raise to_chat_error(exc) from exc
        created.pop("activityId", None)
        now = self._now()
        await self._db.run(
            lambda s: conversations.remember(
                s, surface=SURFACE, key=f"user:{user_id}", tenant=tenant, reference=created, now=now
            )
        )
        return created

    async def send(self, reference: dict[str, Any], activity: Activity) -> tuple[str, str]:
        """Post a new message; (conversation id, message id) for updating it later."""
        sent: dict[str, str] = {}

        async def post(turn: TurnContext) -> None:
            response = await turn.send_activity(activity)
            sent["id"] = response.id if response else ""

        await self._continue(reference, post)
        if not sent.get("id"):
            raise ChatError("Teams accepted the message but gave no id to update it by", transient=True)
        return str((reference.get("conversation") or {}).get("id", "")), sent["id"]

    async def update(self, reference: dict[str, Any], message_id: str, activity: Activity) -> None:
        async def put(turn: TurnContext) -> None:
            activity.id = message_id
            await turn.update_activity(activity)

        await self._continue(reference, put)

    async def _continue(self, reference: dict[str, Any], logic: Callable[[TurnContext], Any]) -> None:
        # The adapter hands an exception raised inside a turn to on_turn_error and carries on, so
        # a failed send would look like a success: catch it inside the turn and raise it here,
        # where the outbox can retry it.
        failures: list[Exception] = []

        async def guarded(turn: TurnContext) -> None:
            try:
                await logic(turn)
            except Exception as exc:
                failures.append(exc)

        try:
            continuation = ConversationReference.model_validate(reference).get_continuation_activity()
            await self._adapter.continue_conversation(self._app_id, continuation, guarded)
        except Exception as exc:
            raise to_chat_error(exc) from exc
        if failures:
            raise to_chat_error(failures[0]) from failures[0]
