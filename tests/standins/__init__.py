"""Local HTTP stand-ins for the outside services, each speaking its documented API."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def serve(route: str, handler: Handler, *, websockets: dict[str, Handler] | None = None) -> TestServer:
    """A server on a free local port answering every method on `route` with `handler` (and GETs
    on each of `websockets`' paths with its handler)."""
    app = web.Application()
    app.router.add_route("*", route, handler)
    for path, socket_handler in (websockets or {}).items():
        app.router.add_get(path, socket_handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


class JsonHandler(BaseHTTPRequestHandler):
    """For stand-ins on threads of their own (the SDKs call them with blocking requests from inside
    the event loop): answers in JSON, and no request log in the test output."""

    def _answer(self, status: int, document: dict[str, Any]) -> None:
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass
