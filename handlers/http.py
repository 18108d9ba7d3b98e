"""HTTP plumbing shared by the edges: bounded bodies and plain-worded errors."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError

from bot import logs, metrics
from handlers.social.webhooks.signatures import signature_matches


def route_template(request: web.BaseRequest) -> str:
    """The route a request matched, as registered ("/webhooks/meta"), or "unmatched": a metric
    label from a fixed set, never the path a caller made up."""
    match_info = getattr(request, "match_info", None)
    resource = match_info.route.resource if match_info is not None else None
    return resource.canonical if resource is not None else "unmatched"


@web.middleware
async def measured(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Time every answer, and count every refusal by route, status and reason (bot.metrics)."""
    route, started = route_template(request), time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        metrics.HTTP_SECONDS.labels(route).observe(time.perf_counter() - started)
        if status >= 400:
            metrics.record_rejection(route, status)


_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")


@web.middleware
async def with_request_id(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every log line a request causes carries its id: the proxy's X-Request-Id when it looks
    like one, else a new one; the answer carries it back, so a caller can quote it."""
    given = request.headers.get("X-Request-Id", "")
    request_id = given if _SAFE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    token = logs.REQUEST_ID.set(request_id)
    try:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            exc.headers["X-Request-Id"] = request_id
            raise
        if not response.prepared:
            response.headers["X-Request-Id"] = request_id
        return response
    finally:
        logs.REQUEST_ID.reset(token)


def problem(status: int, reason: str) -> web.Response:
    """An error a caller can act on: `{"error": reason}` with the status."""
    return web.json_response({"error": reason}, status=status)


async def read_body(request: web.Request, *, limit: int) -> bytes:
    """The whole raw body, refused with 413 past `limit` (checked before and after reading).

    aiohttp's `read()` reads to the end of the stream and stops past the application's
    `client_max_size`; one `content.read(n)` returns only what has arrived so far, which cut
    large signed deliveries short and failed their signature check.
    """
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    body = await request.read()
    if len(body) > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(body))
    return body


# Deeper than any platform's delivery (theirs nest about ten deep). Python's parser stops far
# deeper on some versions and not at all on others (3.13), and code reading a document that deep
# would exhaust the stack, so a document is refused past this, the same on every version.
MAX_DEPTH = 64


def nests_too_deeply(document: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects nest more than `limit` deep (walked without recursion)."""
    stack = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def parse_json(body: bytes) -> Any:
    """The JSON document in `body`; BadRequest when it is not JSON or nests too deep to read."""
    try:
        document = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"body is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRequest("body nests too deeply to be read") from exc
    if nests_too_deeply(document):
        raise BadRequest("body nests too deeply to be read")
    return document


class BadRequest(Exception):
    """A malformed request; the message is safe to return to the caller."""


class MalformedRequestFilter(logging.Filter):
    """Turns aiohttp's log of an unreadable request into one line without the request in it.

    aiohttp logs a request it cannot parse (a request line or header over 8 KiB, a bad method)
    at ERROR with the parser's exception, whose message quotes the start of the offending line:
    the query string, and with it Meta's `hub.verify_token`. The record keeps its place and
    level; only the exception's type is kept of its message.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], HttpProcessingError):
            kind = type(record.exc_info[1]).__name__
            record.msg, record.args = "malformed request refused with 400 (%s)", (kind,)
            record.exc_info, record.exc_text = None, None
        return True


def keep_requests_out_of_the_log() -> None:
    """Install MalformedRequestFilter on aiohttp's server logger (once)."""
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, MalformedRequestFilter) for f in server_log.filters):
        server_log.addFilter(MalformedRequestFilter())


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings: Meta's handshake puts the verify token in the query."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status, time * 1000)


def _refusal(status: int, reason: str) -> web.HTTPException:
    exc = web.HTTPException(text=json.dumps({"error": reason}), content_type="application/json")
    exc.set_status(status)
    return exc


async def signed_body(
    request: web.Request,
    *,
    secret: str | None,
    header: str,
    setting: str,
    limit: int,
    matches: Callable[[bytes, bytes, str | None], bool] = signature_matches,
) -> bytes:
    """The raw body, once its `sha256=<hex>` HMAC header checks out; else an HTTP refusal.

    503 when the secret is not configured, 401 when the header is missing, 403 when it does
    not match, 413 when the body is too large. Nothing has been parsed or stored by then.
    """
    if secret is None:
        raise _refusal(503, f"{setting} is not configured")
    body = await read_body(request, limit=limit)
    given = request.headers.get(header)
    if not given:
        raise _refusal(401, f"{header} header is missing")
    if not matches(secret.encode(), body, given):
        raise _refusal(403, "signature does not match")
    return body
