"""X and LinkedIn webhooks over real HTTP: handshakes, signatures (good, forged, missing), the
sample fixtures, direct messages and mentions, redelivery, and the card a flagged reply gets."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlmodel import col, select

from bot.store.tables import Case, Comment
from tests.conftest import DbTarget, sample
from tests.harness import LINKEDIN_SECRET, X_SECRET, Desk, running_desk


def x_sign(body: bytes, secret: str = X_SECRET) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def li_sign(body: bytes, secret: str = LINKEDIN_SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target) as running:
        yield running


def _comments(desk: Desk) -> list[Comment]:
    return list(desk.query(lambda s: s.exec(select(Comment).order_by(col(Comment.id))).all()))


def _x_reply(text: str | None = None) -> dict[str, Any]:
    document = json.loads(sample("platforms", "x-activity-post-reply-create.json").read_text())
    if text is not None:
        document["data"]["payload"]["text"] = text
    return document


async def test_x_crc_answers_with_the_base64_hmac_of_the_token(desk: Desk) -> None:
    response = await desk.http.get(f"{desk.base}/webhooks/x", params={"crc_token": "9b4507b3-token"})
    assert response.status == 200
    assert await response.json() == {"response_token": x_sign(b"9b4507b3-token")}
    missing = await desk.http.get(f"{desk.base}/webhooks/x")
    assert missing.status == 400 and "crc_token" in (await missing.json())["error"]


async def test_x_reply_sample_is_stored_once_as_a_comment_on_our_post(desk: Desk) -> None:
    document = _x_reply()
    first = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", x_sign)
    assert first.status == 200 and (await first.json())["new"] == 1
    again = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", x_sign)
    assert (await again.json())["duplicates"] == 1
    [stored] = _comments(desk)
    payload = document["data"]["payload"]
    assert (stored.platform, stored.kind, stored.external_id) == ("x", "comment", payload["id"])
    assert stored.post_id == payload["conversation_id"] and stored.author_id == payload["author_id"]
    assert stored.account_id == document["data"]["filter"]["user_id"] and stored.tier == 3


async def test_x_signatures_are_checked_over_the_raw_body(desk: Desk) -> None:
    body = json.dumps(_x_reply()).encode()
    forged = await desk.post_signed(
        "/webhooks/x", body, "x-twitter-webhooks-signature", lambda b: x_sign(b, "guess")
    )
    assert forged.status == 403
    hex_style = await desk.post_signed(
        "/webhooks/x",
        body,
        "x-twitter-webhooks-signature",
        lambda b: "sha256=" + hashlib.sha256(b).hexdigest(),
    )
    assert hex_style.status == 403
    unsigned = await desk.http.post(f"{desk.base}/webhooks/x", data=body)
    assert unsigned.status == 401
    bad = await desk.post_signed(
        "/webhooks/x", b'{"data": {"payload": {}}}', "x-twitter-webhooks-signature", x_sign
    )
    assert bad.status == 400 and "event_type" in (await bad.json())["error"]
    assert _comments(desk) == []


async def test_a_flagged_x_reply_gets_a_card_without_delete(desk: Desk) -> None:
    response = await desk.post_signed(
        "/webhooks/x",
        _x_reply("@ExampleUser you are a useless idiot"),
        "x-twitter-webhooks-signature",
        x_sign,
    )
    assert response.status == 200
    [case] = desk.query(lambda s: s.exec(select(Case)).all())
    assert case.platform == "x" and case.tier == 1
    [card] = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    blocks = json.dumps(card.args["blocks"])
    assert "X does not let an account delete other people" in blocks
    action_ids = [
        element.get("action_id", "")
        for block in card.args["blocks"]
        if block.get("type") == "actions"
        for element in block.get("elements", [])
    ]
    assert action_ids and not any("delete" in a for a in action_ids)


async def test_x_direct_messages_and_our_own_echoes(desk: Desk) -> None:
    document = json.loads(sample("platforms", "x-aaa-direct-message-events.json").read_text())
    ours = copy.deepcopy(document["direct_message_events"][0])
    ours["id"] = "954491830116155397"
    ours["message_create"]["sender_id"] = document["for_user_id"]
    document["direct_message_events"].append(ours)
    response = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", x_sign)
    assert response.status == 200 and (await response.json())["new"] == 2
    theirs, echo = _comments(desk)
    assert (theirs.kind, theirs.external_id, theirs.author_name) == (
        "direct_message",
        "dm:954491830116155396",
        "furiouscamper",
    )
    assert echo.from_own_account and not theirs.from_own_account


async def test_x_account_activity_mentions_are_mentions(desk: Desk) -> None:
    document = {
        "for_user_id": "4337869213",
        "tweet_create_events": [
            {
                "id_str": "1500000000000000001",
                "text": "@Harris_0ff the clinic on the high street is great",
                "user": {"id_str": "3001969357", "screen_name": "furiouscamper"},
                "timestamp_ms": "1763720000000",
            },
            {
                "id_str": "1500000000000000002",
                "text": "@Harris_0ff when does it open?",
                "in_reply_to_status_id_str": "1400000000000000000",
                "in_reply_to_user_id_str": "4337869213",
                "user": {"id_str": "3001969357", "screen_name": "furiouscamper"},
            },
        ],
    }
    response = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", x_sign)
    assert response.status == 200
    mention, reply = _comments(desk)
    assert (mention.kind, reply.kind, reply.post_id) == ("mention", "comment", "1400000000000000000")
    assert mention.created_at.year == 2025


def _linkedin(note: dict[str, Any] | None = None) -> dict[str, Any]:
    sample_note = json.loads(
        sample("platforms", "linkedin-org-social-action-notification-comment.json").read_text()
    )
    return {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [note or sample_note]}


async def test_linkedin_challenge_answers_with_the_hex_hmac(desk: Desk) -> None:
    code = "890e4665-4dfe-4ab1-b689-ed553bceeed0"
    response = await desk.http.get(f"{desk.base}/webhooks/linkedin", params={"challengeCode": code})
    assert response.status == 200
    assert await response.json() == {"challengeCode": code, "challengeResponse": li_sign(code.encode())}


async def test_linkedin_comment_sample_is_stored_once(desk: Desk) -> None:
    document = _linkedin()
    response = await desk.post_signed("/webhooks/linkedin", document, "X-LI-Signature", li_sign)
    assert response.status == 200 and (await response.json())["new"] == 1
    prefixed = await desk.post_signed(
        "/webhooks/linkedin", document, "X-LI-Signature", lambda b: "hmacsha256=" + li_sign(b)
    )
    assert prefixed.status == 200 and (await prefixed.json())["duplicates"] == 1
    [stored] = _comments(desk)
    note = document["notifications"][0]
    assert stored.platform == "linkedin" and stored.kind == "comment"
    assert stored.external_id == note["decoratedGeneratedActivity"]["comment"]["entity"]
    assert stored.account_id == note["organizationalEntity"] and stored.post_id == note["sourcePost"]


async def test_linkedin_refuses_forgeries_and_says_what_is_malformed(desk: Desk) -> None:
    document = _linkedin()
    forged = await desk.post_signed(
        "/webhooks/linkedin", document, "X-LI-Signature", lambda b: li_sign(b, "guess")
    )
    assert forged.status == 403
    bad = await desk.post_signed(
        "/webhooks/linkedin",
        {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": {}},
        "X-LI-Signature",
        li_sign,
    )
    assert bad.status == 400 and "notifications must be a list" in (await bad.json())["error"]
    like = dict(document["notifications"][0], action="LIKE")
    ignored = await desk.post_signed("/webhooks/linkedin", _linkedin(like), "X-LI-Signature", li_sign)
    assert ignored.status == 200 and (await ignored.json())["received"] == 0
    assert _comments(desk) == []
