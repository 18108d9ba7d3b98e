"""Meta webhooks at /webhooks/meta: Facebook Page `feed` comments, Instagram `comments`, and
direct messages to either (`messages` subscription: `entry[].messaging[]`).

GET answers the subscription handshake (hub.mode=subscribe, hub.verify_token, hub.challenge).
POST checks `X-Hub-Signature-256` over the raw body with the app secret, then stores every
comment in one transaction and only then answers 200 (Meta retries non-2xx for up to 36 hours).
"""

from __future__ import annotations

import hmac
from typing import Any

from aiohttp import web

from bot.core.models import IncomingComment, ItemKind, Platform
from bot.services import Services
from handlers.http import BadRequest, problem
from handlers.social.delivery import signed_delivery
from handlers.social.fields import need, obj, when


def _facebook(entry: dict[str, Any], value: dict[str, Any], where: str) -> IncomingComment | None:
    if value.get("item") != "comment" or value.get("verb") != "add":
        return None  # reactions, edits, removals and posts are not new comments
    page_id = str(entry.get("id", ""))
    comment_id = str(need(value, "comment_id", where))
    post_id = str(value.get("post_id", ""))
    author = value.get("from") or {}
    return IncomingComment(
        platform=Platform.FACEBOOK,
        external_id=comment_id,
        text=str(value.get("message", "")),
        kind=ItemKind.COMMENT,
        account_id=page_id,
        post_id=post_id,
        post_url=f"https://www.facebook.com/{post_id}" if post_id else "",
        comment_url=f"https://www.facebook.com/{comment_id}",
        parent_id=str(value.get("parent_id", "")),
        author_id=str(author.get("id", "")),
        author_name=str(author.get("name", "")),
        created_at=when(value.get("created_time")),
        from_own_account=bool(page_id) and str(author.get("id", "")) == page_id,
    )


def _instagram(entry: dict[str, Any], value: dict[str, Any], where: str) -> IncomingComment:
    comment_id = str(need(value, "id", where))
    author = value.get("from") or {}
    media = value.get("media") or {}
    account_id = str(entry.get("id", ""))
    return IncomingComment(
        platform=Platform.INSTAGRAM,
        external_id=comment_id,
        text=str(value.get("text", "")),
        kind=ItemKind.COMMENT,
        account_id=account_id,
        post_id=str(media.get("id", "")),
        parent_id=str(value.get("parent_id", "")),
        author_id=str(author.get("id", "")),
        author_name=str(author.get("username", "")),
        created_at=when(entry.get("time")),
        from_own_account=bool(account_id) and str(author.get("id", "")) == account_id,
    )


def _message(
    platform: Platform, entry: dict[str, Any], event: dict[str, Any], where: str
) -> IncomingComment | None:
    """A Messenger or Instagram direct message (`entry[].messaging[]`); echoes of our own
    messages are stored as ours, read receipts and reactions are not messages."""
    message = event.get("message")
    if not isinstance(message, dict) or message.get("is_deleted"):
        return None
    account_id = str(entry.get("id", ""))
    sender = str(obj(need(event, "sender", where), f"{where}.sender").get("id", ""))
    echo = bool(message.get("is_echo")) or sender == account_id
    return IncomingComment(
        platform=platform,
        external_id=f"dm:{need(message, 'mid', f'{where}.message')}",
        text=str(message.get("text", "")),
        kind=ItemKind.DIRECT_MESSAGE,
        account_id=account_id,
        author_id=sender,
        created_at=when(event.get("timestamp")),
        from_own_account=echo,
    )


def parse_meta_delivery(document: Any) -> list[IncomingComment]:
    """All new comments in one delivery (which may batch many entries and changes)."""
    if not isinstance(document, dict):
        raise BadRequest("body must be a JSON object")
    kind = document.get("object")
    if kind not in ("page", "instagram"):
        raise BadRequest(f"object must be 'page' or 'instagram', not {kind!r}")
    entries = document.get("entry")
    if not isinstance(entries, list):
        raise BadRequest("entry must be a list")
    found: list[IncomingComment] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise BadRequest(f"entry[{i}] must be an object")
        platform = Platform.FACEBOOK if kind == "page" else Platform.INSTAGRAM
        for j, event in enumerate(entry.get("messaging") or []):
            message = _message(
                platform, entry, obj(event, f"entry[{i}].messaging[{j}]"), f"entry[{i}].messaging[{j}]"
            )
            if message is not None:
                found.append(message)
        for j, change in enumerate(entry.get("changes") or []):
            where = f"entry[{i}].changes[{j}].value"
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                raise BadRequest(f"{where} must be an object")
            if kind == "page" and change.get("field") == "feed":
                comment = _facebook(entry, value, where)
                if comment is not None:
                    found.append(comment)
            elif kind == "instagram" and change.get("field") in ("comments", "live_comments"):
                found.append(_instagram(entry, value, where))
    return found


def register(app: web.Application, services: Services) -> None:
    settings = services.settings

    async def handshake(request: web.Request) -> web.StreamResponse:
        token = settings.meta_verify_token
        if token is None:
            return problem(503, "META_VERIFY_TOKEN is not configured")
        query = request.query
        given = query.get("hub.verify_token", "")
        if query.get("hub.mode") != "subscribe" or not hmac.compare_digest(
            given.encode(), token.get_secret_value().encode()
        ):
            return problem(403, "verify token does not match")
        return web.Response(text=query.get("hub.challenge", ""), content_type="text/plain")

    async def deliver(request: web.Request) -> web.StreamResponse:
        return await signed_delivery(
            request,
            services,
            secret=settings.meta_app_secret.get_secret_value() if settings.meta_app_secret else None,
            header="X-Hub-Signature-256",
            setting="META_APP_SECRET",
            parse=parse_meta_delivery,
            source="meta_webhook",
        )

    app.router.add_get("/webhooks/meta", handshake)
    app.router.add_post("/webhooks/meta", deliver)
