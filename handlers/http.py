"""HTTP plumbing shared by the edges: bounded bodies and plain-worded errors."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger


def problem(status: int, reason: str) -> web.Response:
    """An error a caller can act on: `{"error": reason}` with the status."""
    return web.json_response({"error": reason}, status=status)


async def read_body(request: web.Request, *, limit: int) -> bytes:
    """The raw body, refused with 413 past `limit` (checked before and while reading)."""
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    body = await request.content.read(limit + 1)
    if len(body) > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(body))
    return body


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"body is not valid JSON: {exc}") from exc


class BadRequest(Exception):
    """A malformed request; the message is safe to return to the caller."""


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings: Meta's handshake puts the verify token in the query."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status, time * 1000)
