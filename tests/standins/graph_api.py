"""A local stand-in for Meta's Graph API comment endpoints, recording what it receives.

POST /{id} (is_hidden / hide), DELETE /{id}, POST /{id}/comments|replies, POST /{id}/messages:
each answers `{"success": true}` (or an id) as Graph does; `fail_next` returns Graph error
bodies with a status so retry and refusal paths can be tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.standins import serve


@dataclass
class GraphCall:
    method: str
    path: str
    params: dict[str, str]
    body: dict[str, Any]
    authorization: str
    raw_path: str = ""  # as sent, percent-encoding and all


@dataclass
class GraphStandIn:
    calls: list[GraphCall] = field(default_factory=list)
    _failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    server: TestServer | None = None
    # Answers to GET requests by path (the reconciliation's lists of posts and comments).
    reads: dict[str, dict[str, Any]] = field(default_factory=dict)

    def fail_next(
        self, *, status: int, code: int = 2, message: str = "Service temporarily unavailable", times: int = 1
    ) -> None:
        error = {"error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "Afake"}}
        self._failures.extend([(status, error)] * times)

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/v25.0/"))

    def actions(self) -> list[tuple[str, str, dict[str, Any]]]:
        return [(c.method, c.path, c.body) for c in self.calls]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        if request.content_type == "application/json":
            import json

            body: dict[str, Any] = json.loads(raw or b"{}")
        else:
            body = dict(parse_qsl(raw.decode()))
        self.calls.append(
            GraphCall(
                request.method,
                request.match_info["path"],
                dict(request.query),
                body,
                request.headers.get("Authorization", ""),
                request.rel_url.raw_path,
            )
        )
        if self._failures:
            status, error = self._failures.pop(0)
            return web.json_response(error, status=status)
        if request.method == "GET":
            found = self.reads.get(request.match_info["path"])
            if found is None:
                return web.json_response({"error": {"message": "Unknown path", "code": 100}}, status=404)
            return web.json_response(found)
        if request.match_info["path"].endswith("/messages"):
            return web.json_response(
                {"recipient_id": "1254477777772919", "message_id": "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM"}
            )
        if request.match_info["path"].endswith(("/comments", "/replies")):
            return web.json_response({"id": "reply_1"})
        return web.json_response({"success": True})

    async def start(self) -> GraphStandIn:
        self.server = await serve("/v25.0/{path:.+}", self._handle)
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()
