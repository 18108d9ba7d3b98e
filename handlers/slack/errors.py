"""The Slack edge's one error path: what a listener raises becomes plain words for the person.

Listeners raise; they do not catch. Each is registered through `told`, which hands what it
raises to `answer`: a domain error in its own words, an unexpected one with a reference that
finds it in the log (`bot.core.errors.explain`), told where the person acted (the response URL
for a slash command, else a message only they see in the channel). A listener whose person
acted in a dialog names the channel to answer in with `REPLY_CHANNEL` in the context.

Why not Bolt's `@app.error` alone: with `process_before_response` off (the HTTP default), Bolt
runs a listener beside the request and, when one raises after `ack()`, resets the ack it is
still waiting for; a listener that fails within Bolt's 10 ms poll (a double click's "already
decided") turns into "didn't call ack()" and a 404 to Slack. `@app.error` stays registered,
on the same `answer`, for anything raised outside a listener.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.kwargs_injection.async_args import AsyncArgs
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import explain
from bot.core.models import Actor

log = logging.getLogger(__name__)

# Set by a listener in Bolt's context when the channel is not in the payload (a dialog).
REPLY_CHANNEL = "modbot_reply_channel"


def actor_of(body: dict[str, Any]) -> Actor:
    """The person behind an interaction (a button, a dialog, a shortcut)."""
    user = body.get("user") or {}
    return Actor(
        surface="slack", id=str(user.get("id", "")), name=str(user.get("name") or user.get("username") or "")
    )


def actor_of_command(body: dict[str, Any]) -> Actor:
    return Actor(surface="slack", id=str(body.get("user_id", "")), name=str(body.get("user_name", "")))


def channel_of(body: dict[str, Any]) -> str:
    container = body.get("container") or {}
    return str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")


async def tell(client: AsyncWebClient, *, channel: str, user: str, text: str) -> None:
    """A message only that person sees. Failing to tell them is logged, never raised."""
    if not channel or not user:
        return
    try:
        await client.chat_postEphemeral(channel=channel, user=user, text=text)
    except Exception:
        log.exception("could not post an ephemeral message")


async def answer(
    error: Exception, *, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """Tell the person what went wrong, where they acted; never raises."""
    text = explain(error, surface="Slack")
    if body.get("command") and context.respond is not None:
        try:
            await context.respond(text=text, response_type="ephemeral")
        except Exception:
            log.exception("could not answer a slash command")
        return
    user = context.user_id or actor_of(body).id
    channel = str(context.get(REPLY_CHANNEL) or channel_of(body))
    await tell(client, channel=channel, user=user, text=text)


def told(listener: Callable[..., Awaitable[None]]) -> Callable[[AsyncArgs], Awaitable[None]]:
    """`listener`, with what it raises answered by `answer` (register the result with Bolt)."""
    names = inspect.getfullargspec(listener).args

    async def guarded(args: AsyncArgs) -> None:
        try:
            await listener(**{name: getattr(args, name) for name in names})
        except Exception as exc:
            await answer(exc, body=args.body, client=args.client, context=args.context)

    guarded.__name__ = guarded.__qualname__ = listener.__name__  # Bolt names listeners in its log
    return guarded


def register(app: AsyncApp) -> None:
    @app.error
    async def answer_the_person(
        error: Exception, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
    ) -> None:
        await answer(error, body=body, client=client, context=context)
