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
from handlers.social.webhooks.delivery import signed_delivery
from handlers.social.webhooks.fields import Parsed, ident, need, obj, sub, text, when


def _facebook(entry: dict[str, Any], change: Any, where: str) -> IncomingComment | None:
    change = obj(change, where)
    if change.get("field") != "feed":
        return None
    where = f"{where}.value"
    value = obj(change.get("value"), where)
    if value.get("item") != "comment" or value.get("verb") != "add":
        return None  # reactions, edits, removals and posts are not new comments
    page_id = text(entry, "id", "entry")
    comment_id = ident(value, "comment_id", where)
    post_id = text(value, "post_id", where)
    author = sub(value, "from", where)
    author_id = text(author, "id", f"{where}.from")
    return IncomingComment(
        platform=Platform.FACEBOOK,
        external_id=comment_id,
        text=text(value, "message", where),
        kind=ItemKind.COMMENT,
        account_id=page_id,
        post_id=post_id,
        post_url=f"https://www.facebook.com/{post_id}" if post_id else "",
        comment_url=f"https://www.facebook.com/{comment_id}",
        parent_id=text(value, "parent_id", where),
        author_id=author_id,
        author_name=text(author, "name", f"{where}.from"),
        created_at=when(value.get("created_time")),
        from_own_account=bool(page_id) and author_id == page_id,
    )


def _instagram(entry: dict[str, Any], change: Any, where: str) -> IncomingComment | None:
    change = obj(change, where)
    if change.get("field") not in ("comments", "live_comments"):
        return None
    where = f"{where}.value"
    value = obj(change.get("value"), where)
    author = sub(value, "from", where)
    author_id = text(author, "id", f"{where}.from")
    account_id = text(entry, "id", "entry")
    return IncomingComment(
        platform=Platform.INSTAGRAM,
        external_id=ident(value, "id", where),
        text=text(value, "text", where),
        kind=ItemKind.COMMENT,
        account_id=account_id,
        post_id=text(sub(value, "media", where), "id", f"{where}.media"),
        parent_id=text(value, "parent_id", where),
        author_id=author_id,
        author_name=text(author, "username", f"{where}.from"),
        created_at=when(entry.get("time")),
        from_own_account=bool(account_id) and author_id == account_id,
    )


def _message(platform: Platform, entry: dict[str, Any], event: Any, where: str) -> IncomingComment | None:
    """A Messenger or Instagram direct message (`entry[].messaging[]`); echoes of our own
    messages are stored as ours, read receipts and reactions are not messages."""
    event = obj(event, where)
    message = event.get("message")
    if not isinstance(message, dict) or message.get("is_deleted"):
        return None
    account_id = text(entry, "id", "entry")
    sender = text(obj(need(event, "sender", where), f"{where}.sender"), "id", f"{where}.sender")
    echo = bool(message.get("is_echo")) or sender == account_id
    return IncomingComment(
        platform=platform,
        external_id=f"dm:{ident(message, 'mid', f'{where}.message')}",
        text=text(message, "text", f"{where}.message"),
        kind=ItemKind.DIRECT_MESSAGE,
        account_id=account_id,
        author_id=sender,
        created_at=when(event.get("timestamp")),
        from_own_account=echo,
    )


def parse_meta_delivery(document: Any) -> Parsed:
    """All new comments in one delivery (which may batch many entries and changes)."""
    if not isinstance(document, dict):
        raise BadRequest("body must be a JSON object")
    kind = document.get("object")
    if kind not in ("page", "instagram"):
        raise BadRequest(f"object must be 'page' or 'instagram', not {kind!r}"[:200])
    entries = document.get("entry")
    if not isinstance(entries, list):
        raise BadRequest("entry must be a list")
    platform = Platform.FACEBOOK if kind == "page" else Platform.INSTAGRAM
    read_change = _facebook if kind == "page" else _instagram
    parsed = Parsed()
    for i, entry in enumerate(entries):
        where = f"entry[{i}]"
        if not isinstance(entry, dict):
            parsed.reject(where, f"{where} must be an object")
            continue
        for key, read, args in (
            ("messaging", _message, (platform, entry)),
            ("changes", read_change, (entry,)),
        ):
            events = entry.get(key)
            if events is None:
                continue
            if not isinstance(events, list):
                parsed.reject(f"{where}.{key}", f"{where}.{key} must be a list")
                continue
            for j, event in enumerate(events):
                parsed.read(f"{where}.{key}[{j}]", read, *args, event, f"{where}.{key}[{j}]")
    return parsed


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
