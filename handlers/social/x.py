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
from handlers.social.delivery import signed_delivery
from handlers.social.fields import need, obj, when
from handlers.social.signatures import x_signature, x_signature_matches


def _post_url(post_id: str) -> str:
    return f"https://x.com/i/web/status/{post_id}"


def _activity_event(data: dict[str, Any]) -> IncomingComment | None:
    """One X Activity API event: a reply to our post, or a post that mentions us."""
    event_type = str(need(data, "event_type", "data"))
    if event_type.endswith(".reply.create"):
        kind = ItemKind.COMMENT
    elif "mention" in event_type and event_type.endswith(".create"):
        kind = ItemKind.MENTION
    else:
        return None  # likes, follows, deletions and the rest are not items to moderate
    post = obj(data.get("payload"), "data.payload")
    our_id = str(obj(data.get("filter") or {}, "data.filter").get("user_id", ""))
    post_id = str(need(post, "id", "data.payload"))
    author_id = str(post.get("author_id", ""))
    conversation = str(post.get("conversation_id", ""))
    return IncomingComment(
        platform=Platform.X,
        external_id=post_id,
        text=str(post.get("text", "")),
        kind=kind,
        account_id=our_id,
        post_id=conversation if kind is ItemKind.COMMENT else post_id,
        post_url=_post_url(conversation) if conversation else "",
        comment_url=_post_url(post_id),
        parent_id=str(post.get("in_reply_to_tweet_id", "")),
        author_id=author_id,
        created_at=when(post.get("created_at")),
        from_own_account=bool(our_id) and author_id == our_id,
    )


def _account_tweet(our_id: str, tweet: dict[str, Any], where: str) -> IncomingComment:
    """An Account Activity `tweet_create_events` item: a reply to us, else a mention."""
    tweet_id = str(tweet.get("id_str") or need(tweet, "id", where))
    user = obj(tweet.get("user") or {}, f"{where}.user")
    author_id = str(user.get("id_str") or user.get("id") or "")
    reply_to = str(tweet.get("in_reply_to_user_id_str") or "")
    replied_post = str(tweet.get("in_reply_to_status_id_str") or "")
    kind = ItemKind.COMMENT if reply_to == our_id and replied_post else ItemKind.MENTION
    extended = tweet.get("extended_tweet") or {}
    return IncomingComment(
        platform=Platform.X,
        external_id=tweet_id,
        text=str(extended.get("full_text") or tweet.get("full_text") or tweet.get("text", "")),
        kind=kind,
        account_id=our_id,
        post_id=replied_post if kind is ItemKind.COMMENT else tweet_id,
        post_url=_post_url(replied_post) if replied_post else "",
        comment_url=_post_url(tweet_id),
        parent_id=replied_post,
        author_id=author_id,
        author_name=str(user.get("screen_name", "")),
        created_at=when(tweet.get("timestamp_ms") or tweet.get("created_at")),
        from_own_account=author_id == our_id,
    )


def _direct_message(
    our_id: str, event: dict[str, Any], users: dict[str, Any], where: str
) -> IncomingComment | None:
    if event.get("type") != "message_create":
        return None
    create = obj(need(event, "message_create", where), f"{where}.message_create")
    sender = str(need(create, "sender_id", f"{where}.message_create"))
    data = obj(create.get("message_data") or {}, f"{where}.message_create.message_data")
    profile = users.get(sender) if isinstance(users.get(sender), dict) else {}
    return IncomingComment(
        platform=Platform.X,
        external_id=f"dm:{need(event, 'id', where)}",
        text=str(data.get("text", "")),
        kind=ItemKind.DIRECT_MESSAGE,
        account_id=our_id,
        author_id=sender,
        author_name=str((profile or {}).get("screen_name", "")),
        created_at=when(event.get("created_timestamp")),
        from_own_account=sender == our_id,  # our own replies echo back as events
    )


def parse_x_delivery(document: Any) -> list[IncomingComment]:
    """Every reply, mention and direct message in one delivery."""
    body = obj(document, "body")
    if "data" in body:
        data = body["data"]
        events = data if isinstance(data, list) else [data]
        found = [_activity_event(obj(e, f"data[{i}]")) for i, e in enumerate(events)]
        return [item for item in found if item is not None]
    if "for_user_id" not in body:
        raise BadRequest("body must hold 'data' (X Activity API) or 'for_user_id' (Account Activity API)")
    our_id = str(body["for_user_id"])
    items: list[IncomingComment] = []
    for i, tweet in enumerate(body.get("tweet_create_events") or []):
        items.append(
            _account_tweet(our_id, obj(tweet, f"tweet_create_events[{i}]"), f"tweet_create_events[{i}]")
        )
    users = body.get("users") if isinstance(body.get("users"), dict) else {}
    for i, event in enumerate(body.get("direct_message_events") or []):
        where = f"direct_message_events[{i}]"
        message = _direct_message(our_id, obj(event, where), users or {}, where)
        if message is not None:
            items.append(message)
    return items


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
