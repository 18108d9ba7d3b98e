"""Local HTTP stand-ins for the outside services, each speaking its documented API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.test_utils import TestServer


async def serve(route: str, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> TestServer:
    """A server on a free local port answering every method on `route` with `handler`."""
    app = web.Application()
    app.router.add_route("*", route, handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server
