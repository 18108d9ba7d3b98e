"""Local stand-ins for the X, YouTube, TikTok and LinkedIn APIs, recording what they receive.

One server answers each platform under its own prefix (`/x/`, `/youtube/v3/`, `/tiktok/`,
`/linkedin/rest/`) with the documented success shapes: X `{"data": {...}}`, YouTube 204 for
`setModerationStatus`, TikTok `{"code": 0, ...}`, LinkedIn 201. `script` queues a specific
answer (status, JSON body, headers) for the next request whose path matches, so errors,
rate limits and a spent quota can be played back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.standins import serve


@dataclass
class ApiCall:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


@dataclass
class PlatformStandIn:
    calls: list[ApiCall] = field(default_factory=list)
    scripts: list[tuple[str, str, int, Any, dict[str, str]]] = field(default_factory=list)
    # Bodies for reads, by path pattern (answered every time until replaced).
    reads: dict[str, Any] = field(default_factory=dict)
    server: TestServer | None = None

    def url(self, prefix: str) -> str:
        assert self.server is not None
        return str(self.server.make_url(f"/{prefix}/"))

    def script(
        self,
        method: str,
        pattern: str,
        *,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.scripts.append((method, pattern, status, body, headers or {}))

    def of(self, method: str, pattern: str) -> list[ApiCall]:
        return [c for c in self.calls if c.method == method and re.search(pattern, c.path)]

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body: Any = json.loads(raw) if raw and request.content_type == "application/json" else {}
        path = request.path
        self.calls.append(ApiCall(request.method, path, dict(request.query), body, dict(request.headers)))
        for i, (method, pattern, status, answer, headers) in enumerate(self.scripts):
            if method == request.method and re.search(pattern, path):
                del self.scripts[i]
                if answer is None:
                    return web.Response(status=status, headers=headers)
                return web.json_response(answer, status=status, headers=headers)
        if request.method == "GET":
            for pattern, answer in self.reads.items():
                if re.search(pattern, path):
                    return web.json_response(answer)
            return web.json_response({"error": {"message": f"no read scripted for {path}"}}, status=404)
        return self._success(request.method, path, body)

    @staticmethod
    def _success(method: str, path: str, body: Any) -> web.StreamResponse:
        if path.startswith("/x/2/tweets/") and path.endswith("/hidden"):
            return web.json_response({"data": {"hidden": bool(body.get("hidden"))}})
        if path.startswith("/x/") and path.endswith("/muting"):
            return web.json_response({"data": {"muting": True}})
        if path.startswith("/x/2/dm_conversations/"):
            return web.json_response({"data": {"dm_conversation_id": "1-2", "dm_event_id": "3"}}, status=201)
        if path == "/x/2/tweets":
            return web.json_response({"data": {"id": "9", "text": body.get("text", "")}}, status=201)
        if path.startswith("/youtube/v3/comments/setModerationStatus"):
            return web.Response(status=204)
        if path.startswith("/youtube/v3/comments"):
            return web.json_response({"kind": "youtube#comment", "id": "reply-1"})
        if path.startswith("/tiktok/"):
            return web.json_response({"code": 0, "message": "OK", "request_id": "r1", "data": {}})
        if path.startswith("/linkedin/"):
            return web.json_response({}, status=201)
        return web.json_response({"error": f"no such endpoint {method} {path}"}, status=404)

    async def start(self) -> PlatformStandIn:
        self.server = await serve("/{path:.+}", self._handle)
        return self

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()
