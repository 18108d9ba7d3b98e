"""A local stand-in for the Bot Connector service Teams runs at an activity's `serviceUrl`.

Speaks the documented v3 REST shapes the Bot Framework connector client calls, and records them:
    POST /v3/conversations                                  create a conversation (1:1 chat)
    POST /v3/conversations/{id}/activities                  a new message
    POST /v3/conversations/{id}/activities/{replyToId}      a reply
    PUT  /v3/conversations/{id}/activities/{activityId}     replace a message (card update)
`fail_next` makes the next calls fail with a status (429 with Retry-After, 502...).
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.standins import serve


@dataclass
class ConnectorCall:
    method: str
    conversation: str
    activity_id: str
    body: dict[str, Any]
    authorization: str | None
    answered_id: str = ""  # the id the stand-in gave a new message
    at: float = field(default_factory=time.monotonic)

    @property
    def card(self) -> dict[str, Any]:
        """The Adaptive Card a message carries."""
        [attachment] = self.body.get("attachments") or [{}]
        content: dict[str, Any] = attachment.get("content") or {}
        return content

    @property
    def card_text(self) -> str:
        """Every TextBlock and fact of the card, for reading what a person sees."""
        out: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if node.get("type") == "TextBlock":
                    out.append(str(node.get("text", "")))
                if node.get("type") == "FactSet":
                    out.extend(f"{f['title']}: {f['value']}" for f in node.get("facts", []))
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(self.card)
        return "\n".join(out) or str(self.body.get("text", ""))


@dataclass
class BotConnectorStandIn:
    calls: list[ConnectorCall] = field(default_factory=list)
    _failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    _ids = itertools.count(1_700_000_000_001)
    server: TestServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/"))

    def fail_next(self, *, status: int, times: int = 1, retry_after: int | None = None) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self._failures.extend([(status, headers)] * times)

    def posts(self, conversation: str | None = None) -> list[ConnectorCall]:
        return [
            c
            for c in self.calls
            if c.method == "POST"
            and c.conversation
            and (conversation is None or c.conversation == conversation)
        ]

    def updates(self, activity_id: str | None = None) -> list[ConnectorCall]:
        return [
            c
            for c in self.calls
            if c.method == "PUT" and (activity_id is None or c.activity_id == activity_id)
        ]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        parts = [unquote(p) for p in request.match_info["tail"].split("/") if p]
        body = json.loads(await request.read() or b"{}")
        conversation = parts[0] if parts else ""
        activity_id = parts[2] if len(parts) > 2 else ""
        authorization = request.headers.get("Authorization")
        call = ConnectorCall(request.method, conversation, activity_id, body, authorization)
        self.calls.append(call)
        if self._failures:
            status, headers = self._failures.pop(0)
            return web.json_response(
                {"error": {"code": "ServiceError", "message": "stand-in"}}, status=status, headers=headers
            )
        if not conversation:  # create conversation
            members = body.get("members") or [{}]
            return web.json_response(
                {"id": f"a:personal-{members[0].get('id', '')}", "activityId": ""}, status=201
            )
        if request.method == "PUT":
            return web.json_response({"id": activity_id})
        call.answered_id = str(next(self._ids))
        return web.json_response({"id": call.answered_id}, status=201)

    async def start(self) -> BotConnectorStandIn:
        self.server = await serve("/v3/conversations{tail:.*}", self._handle)
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()
