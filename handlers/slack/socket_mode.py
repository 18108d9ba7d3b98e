"""Slack Socket Mode: the bot connects out to Slack over a WebSocket, so `modbot serve` needs no
public address. Bolt's aiohttp Socket Mode handler carries the envelopes to the same listeners
the HTTP endpoint serves, and acknowledges each once its listener has acked."""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)

PING_INTERVAL = 10.0  # seconds between pings; also how long the client waits to try again


class SocketModeConnection:
    """Keeps one Socket Mode connection open for the life of `modbot serve`.

    Slack's client (slack_sdk) keeps trying to connect, every `PING_INTERVAL` seconds, until it
    can, and reconnects when a connection drops; so an outage or a refused token at start-up
    delays the desk's clicks (and logs why) rather than stopping the process. Cards still go out
    through the Web API and the outbox meanwhile."""

    def __init__(self, app: AsyncApp, *, app_token: str, web_client: AsyncWebClient) -> None:
        # The web client opens the connection (apps.connections.open, with the app token): its
        # base URL is SLACK_API_URL, so tests point the whole exchange at a stand-in.
        self._handler = AsyncSocketModeHandler(
            app, app_token, web_client=web_client, ping_interval=PING_INTERVAL
        )
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        self._task = asyncio.create_task(self._connect(), name="slack-socket-mode")

    async def _connect(self) -> None:
        await self._handler.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack Socket Mode: connected")
        self.connected.set()

    async def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._handler.close_async()  # type: ignore[no-untyped-call]
