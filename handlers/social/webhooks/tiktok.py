"""TikTok business accounts: the `comment.update` webhook at /webhooks/tiktok.

The webhook carries no comment text, only ids (`content` is a JSON string: comment_id,
video_id, parent_comment_id, comment_action). So a delivery is checked, queued durably as a
"fetch this comment" task and answered 200; the outbox then reads the comment with
`GET business/comment/list/` and sends it through the same ingest path. A redelivery queues
nothing new (the task's dedupe key is the comment id).

Signature: `TikTok-Signature: t=<unix seconds>,s=<hex>`, the hex HMAC-SHA256 of
"<t>.<raw body>" keyed with the app's client secret; older than five minutes is refused.
The client that reads and acts is `handlers.social.clients.tiktok`.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.core.delivery.tasks import TaskKind
from bot.core.errors import PlatformError
from bot.core.models import Platform
from bot.core.moderation.intake import InvalidItem, check_id
from bot.outbox.worker import RetryLater
from bot.services import Services
from handlers.http import BadRequest, parse_json, problem, read_body
from handlers.social.clients.tiktok import TikTokClient
from handlers.social.webhooks.fields import ident, need, obj, text
from handlers.social.webhooks.signatures import same

log = logging.getLogger(__name__)


TOLERANCE_SECONDS = 300


def tiktok_signature(secret: bytes, timestamp: str, body: bytes) -> str:
    return hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def check_signature(secret: bytes, body: bytes, header: str | None, *, now: float) -> str | None:
    """None when the header signs this body recently; otherwise why not (for the 4xx)."""
    if not header:
        return "TikTok-Signature header is missing"
    parts = dict(part.strip().split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("s", "")
    if not (timestamp.isascii() and timestamp.isdigit()) or not given:
        return "TikTok-Signature must read t=<seconds>,s=<hex>"
    if not same(tiktok_signature(secret, timestamp, body), given.lower()):
        return "signature does not match"
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return "signature is older than five minutes (a replay, or a clock far out)"
    return None


def parse_comment_event(document: Any) -> dict[str, str] | None:
    """The ids of a new comment from one `comment.update` delivery; None for other events."""
    body = obj(document, "body")
    if ident(body, "event", "body") != "comment.update":
        return None
    content = need(body, "content", "body")
    if isinstance(content, str):
        content = parse_json(content.encode("utf-8", "surrogatepass"))
    content = obj(content, "body.content")
    if content.get("comment_action") != "insert":
        return None  # deletions and visibility changes: nothing new to moderate
    # The ids are JSON numbers too wide for a double; Python keeps them exact as ints.
    try:
        return {
            "business_id": check_id(ident(body, "user_openid", "body"), "body.user_openid"),
            "comment_id": check_id(ident(content, "comment_id", "body.content"), "body.content.comment_id"),
            "video_id": check_id(ident(content, "video_id", "body.content"), "body.content.video_id"),
            "parent_id": check_id(text(content, "parent_comment_id", "body.content"), "parent_comment_id"),
            "created": text(content, "timestamp", "body.content") or text(body, "create_time", "body"),
        }
    except InvalidItem as exc:
        raise BadRequest(str(exc)) from exc


class FetchTikTokComment:
    """Outbox task: read a comment the webhook announced, then ingest it like any other."""

    def __init__(self, *, services: Services) -> None:
        self.services = services

    async def run(self, payload: dict[str, Any]) -> None:
        # The client is connected at start-up, after the outbox handlers are built.
        client = self.services.platforms.get(Platform.TIKTOK)
        if not isinstance(client, TikTokClient):
            raise RetryLater("TikTok is not connected (TIKTOK_ACCESS_TOKEN is not set)", after=300)
        try:
            item = await client.comment(
                business_id=str(payload["business_id"]),
                video_id=str(payload["video_id"]),
                comment_id=str(payload["comment_id"]),
            )
        except PlatformError as exc:
            if exc.transient:
                raise RetryLater(str(exc), after=exc.retry_after) from exc
            log.error("TikTok comment %s could not be read: %s", payload.get("comment_id"), exc)
            return
        if item is None:
            log.info("TikTok comment %s is gone before it could be read", payload.get("comment_id"))
            return
        await self.services.ingest([item], source="tiktok_webhook")

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error("gave up reading TikTok comment %s: %s", payload.get("comment_id"), reason)


def register(app: web.Application, services: Services, *, clock: Callable[[], float] = time.time) -> None:
    settings = services.settings

    async def deliver(request: web.Request) -> web.StreamResponse:
        if settings.tiktok_app_secret is None:
            return problem(503, "TIKTOK_APP_SECRET is not configured")
        body = await read_body(request, limit=settings.max_body_bytes)
        secret = settings.tiktok_app_secret.get_secret_value().encode()
        refusal = check_signature(secret, body, request.headers.get("TikTok-Signature"), now=clock())
        if refusal is not None:
            return problem(401 if "missing" in refusal else 403, refusal)
        try:
            event = parse_comment_event(parse_json(body))
        except BadRequest as exc:
            return problem(400, str(exc))
        if event is None:
            return web.json_response({"received": 1, "queued": 0})
        queued = await services.queue_task(
            TaskKind.FETCH_TIKTOK_COMMENT,
            payload=event,
            lane="platform:tiktok",
            dedupe_key=f"tiktok_fetch:{event['comment_id']}",
        )
        log.info("tiktok delivery: comment queued for reading (%s)", "new" if queued else "redelivery")
        return web.json_response({"received": 1, "queued": int(queued)})

    app.router.add_post("/webhooks/tiktok", deliver)
