"""X webhooks at /webhooks/x: replies, mentions and direct messages.

GET answers the Challenge-Response Check: `{"response_token": "sha256=<base64 HMAC>"}` of the
crc_token, keyed with the consumer secret (X repeats it hourly; a wrong answer stops delivery).
POST checks `x-twitter-webhooks-signature` over the raw body, then stores every item in one
transaction and only then answers 200. Two delivery shapes are read:

- the X Activity API (`{"data": {"event_type": "post.reply.create", "payload": <post>}}`), and
- the Account Activity API (`for_user_id` with `tweet_create_events` and
  `direct_message_events`).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.core.models import IncomingComment, ItemKind, Platform
from bot.services import Services
from handlers.http import BadRequest, problem
from handlers.social.webhooks.delivery import signed_delivery
from handlers.social.webhooks.fields import Parsed, ident, listed, need, obj, sub, text, when
from handlers.social.webhooks.signatures import x_signature, x_signature_matches


def _post_url(post_id: str) -> str:
    return f"https://x.com/i/web/status/{post_id}"


def _activity_event(event: Any, where: str) -> IncomingComment | None:
    """One X Activity API event: a reply to our post, or a post that mentions us."""
    data = obj(event, where)
    event_type = text(data, "event_type", where)
    if not event_type:
        raise BadRequest(f"{where}.event_type is missing")
    if event_type.endswith(".reply.create"):
        kind = ItemKind.COMMENT
    elif "mention" in event_type and event_type.endswith(".create"):
        kind = ItemKind.MENTION
    else:
        return None  # likes, follows, deletions and the rest are not items to moderate
    post = obj(data.get("payload"), f"{where}.payload")
    our_id = text(sub(data, "filter", where), "user_id", f"{where}.filter")
    post_id = ident(post, "id", f"{where}.payload")
    author_id = text(post, "author_id", f"{where}.payload")
    conversation = text(post, "conversation_id", f"{where}.payload")
    return IncomingComment(
        platform=Platform.X,
        external_id=post_id,
        text=text(post, "text", f"{where}.payload"),
        kind=kind,
        account_id=our_id,
        post_id=conversation if kind is ItemKind.COMMENT else post_id,
        post_url=_post_url(conversation) if conversation else "",
        comment_url=_post_url(post_id),
        parent_id=text(post, "in_reply_to_tweet_id", f"{where}.payload"),
        author_id=author_id,
        created_at=when(post.get("created_at")),
        from_own_account=bool(our_id) and author_id == our_id,
    )


def _account_tweet(our_id: str, tweet: Any, where: str) -> IncomingComment:
    """An Account Activity `tweet_create_events` item: a reply to us, else a mention."""
    tweet = obj(tweet, where)
    tweet_id = text(tweet, "id_str", where) or ident(tweet, "id", where)
    user = sub(tweet, "user", where)
    author_id = text(user, "id_str", f"{where}.user") or text(user, "id", f"{where}.user")
    reply_to = text(tweet, "in_reply_to_user_id_str", where)
    replied_post = text(tweet, "in_reply_to_status_id_str", where)
    kind = ItemKind.COMMENT if reply_to == our_id and replied_post else ItemKind.MENTION
    extended = sub(tweet, "extended_tweet", where)
    return IncomingComment(
        platform=Platform.X,
        external_id=tweet_id,
        text=text(extended, "full_text", f"{where}.extended_tweet")
        or text(tweet, "full_text", where)
        or text(tweet, "text", where),
        kind=kind,
        account_id=our_id,
        post_id=replied_post if kind is ItemKind.COMMENT else tweet_id,
        post_url=_post_url(replied_post) if replied_post else "",
        comment_url=_post_url(tweet_id),
        parent_id=replied_post,
        author_id=author_id,
        author_name=text(user, "screen_name", f"{where}.user"),
        created_at=when(tweet.get("timestamp_ms") or tweet.get("created_at")),
        from_own_account=author_id == our_id,
    )


def _direct_message(our_id: str, users: dict[str, Any], event: Any, where: str) -> IncomingComment | None:
    event = obj(event, where)
    if event.get("type") != "message_create":
        return None
    create = obj(need(event, "message_create", where), f"{where}.message_create")
    sender = ident(create, "sender_id", f"{where}.message_create")
    data = sub(create, "message_data", f"{where}.message_create")
    profile = users.get(sender)
    return IncomingComment(
        platform=Platform.X,
        external_id=f"dm:{ident(event, 'id', where)}",
        text=text(data, "text", f"{where}.message_create.message_data"),
        kind=ItemKind.DIRECT_MESSAGE,
        account_id=our_id,
        author_id=sender,
        author_name=text(profile, "screen_name", "users") if isinstance(profile, dict) else "",
        created_at=when(event.get("created_timestamp")),
        from_own_account=sender == our_id,  # our own replies echo back as events
    )


def parse_x_delivery(document: Any) -> Parsed:
    """Every reply, mention and direct message in one delivery."""
    body = obj(document, "body")
    parsed = Parsed()
    if "data" in body:
        data = body["data"]
        if isinstance(data, list):
            for i, event in enumerate(data):
                parsed.read(f"data[{i}]", _activity_event, event, f"data[{i}]")
        else:
            parsed.read("data", _activity_event, data, "data")
        return parsed
    if "for_user_id" not in body:
        raise BadRequest("body must hold 'data' (X Activity API) or 'for_user_id' (Account Activity API)")
    our_id = text(body, "for_user_id", "body")
    users = body.get("users") if isinstance(body.get("users"), dict) else {}
    for key, read, args in (
        ("tweet_create_events", _account_tweet, (our_id,)),
        ("direct_message_events", _direct_message, (our_id, users)),
    ):
        for i, event in enumerate(listed(body, key, "body")):
            parsed.read(f"{key}[{i}]", read, *args, event, f"{key}[{i}]")
    return parsed


def register(app: web.Application, services: Services) -> None:
    settings = services.settings

    def secret() -> str | None:
        return settings.x_consumer_secret.get_secret_value() if settings.x_consumer_secret else None

    async def crc(request: web.Request) -> web.StreamResponse:
        key = secret()
        if key is None:
            return problem(503, "X_CONSUMER_SECRET is not configured")
        token = request.query.get("crc_token", "")
        if not token:
            return problem(400, "crc_token is missing")
        return web.json_response({"response_token": x_signature(key.encode(), token.encode())})

    async def deliver(request: web.Request) -> web.StreamResponse:
        return await signed_delivery(
            request,
            services,
            secret=secret(),
            header="x-twitter-webhooks-signature",
            setting="X_CONSUMER_SECRET",
            parse=parse_x_delivery,
            source="x_webhook",
            matches=x_signature_matches,
        )

    app.router.add_get("/webhooks/x", crc)
    app.router.add_post("/webhooks/x", deliver)
