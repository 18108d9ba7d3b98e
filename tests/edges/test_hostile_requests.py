"""Junk and forgeries at every route get a 4xx with the reason: never a 500, nothing stored.

The cases the chaos run found, each through the real app over HTTP. Property-based tests that
throw generated bodies at the same routes are in `test_hostile_properties.py`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from urllib.parse import quote

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.store.tables import Comment, OutboxTask
from tests.conftest import DbTarget
from tests.harness import SLACK_SECRET, Desk, running_desk, sign_hub

TEAMS_CHANNEL = "19:6848757105754c8981c67612732d9aa7@thread.tacv2"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(
        db_target, TEAMS_MODERATION_CHANNEL=TEAMS_CHANNEL, TIKTOK_APP_SECRET="tiktok-secret"
    ) as running:
        yield running


def slack_signed(body: bytes, *, timestamp: str | None = None) -> dict[str, str]:
    """Headers Slack would send for `body`, signed with the app's signing secret."""
    stamp = timestamp or str(int(time.time()))
    # Over the raw bytes, as Slack signs them (slack_sdk's helper would decode them first).
    digest = hmac.new(SLACK_SECRET.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    signature = f"v0={digest}"
    return {"Content-Type": FORM, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


def nothing_stored(desk: Desk) -> bool:
    comments = desk.query(lambda s: s.exec(select(func.count()).select_from(Comment)).one())
    tasks = desk.query(lambda s: s.exec(select(func.count()).select_from(OutboxTask)).one())
    return comments == 0 and tasks == 0


NOW = str(int(time.time()))
DEEP = quote("[" * 20000 + "]" * 20000).encode()

UNSIGNED = {
    "meta, non-ASCII signature": (
        "/webhooks/meta",
        b"{}",
        {"Content-Type": "application/json", "X-Hub-Signature-256": "sha256=\u00e9"},
        403,
    ),
    "x, non-ASCII signature": ("/webhooks/x", b"{}", {"x-twitter-webhooks-signature": "sha256=\u00e9"}, 403),
    "linkedin, non-ASCII signature": ("/webhooks/linkedin", b"{}", {"X-LI-Signature": "\u00e9"}, 403),
    "ingest, non-ASCII signature": ("/ingest", b"{}", {"X-Modbot-Signature-256": "sha256=\u00e9"}, 403),
    "tiktok, non-ASCII signature": (
        "/webhooks/tiktok",
        b"{}",
        {"TikTok-Signature": f"t={NOW},s=\u00e9"},
        403,
    ),
    "tiktok, non-ASCII digits": ("/webhooks/tiktok", b"{}", {"TikTok-Signature": "t=\u0661\u0662,s=ab"}, 403),
    "slack, non-ASCII signature": (
        "/slack/events",
        b"payload=%7B",
        {"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "v0=\u00e9"},
        401,
    ),
    "slack, timestamp abc": (
        "/slack/events",
        b"payload=%7B",
        {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"},
        401,
    ),
    "slack, unsigned payload={": ("/slack/events", b"payload=%7B", {"Content-Type": FORM}, 401),
    "slack, unsigned payload=[1]": ("/slack/events", b"payload=%5B1%5D", {"Content-Type": FORM}, 401),
    "slack, unsigned invalid UTF-8": ("/slack/events", b"payload=\xff\xfe", {"Content-Type": FORM}, 401),
    "slack, unsigned 20,000 deep": ("/slack/events", b"payload=" + DEEP, {"Content-Type": FORM}, 401),
    "teams, conversation a string": (
        "/api/messages",
        json.dumps({"type": "message", "serviceUrl": "https://smba.example", "conversation": "x"}).encode(),
        {"Content-Type": "application/json"},
        400,
    ),
    "teams, 20,000 deep": (
        "/api/messages",
        b'{"type": "message", "value": ' + b"[" * 20000 + b"]" * 20000 + b"}",
        {"Content-Type": "application/json"},
        400,
    ),
}


@pytest.mark.parametrize(("path", "body", "headers", "status"), UNSIGNED.values(), ids=UNSIGNED.keys())
async def test_junk_is_refused_with_a_reason(
    desk: Desk, path: str, body: bytes, headers: dict[str, str], status: int
) -> None:
    response = await desk.http.post(f"{desk.base}{path}", data=body, headers=headers)
    assert response.status == status
    assert (await response.json())["error"]
    assert nothing_stored(desk)


SIGNED_SLACK = {
    "block_actions with no action": {
        "type": "block_actions",
        "user": {"id": "U0MOD1"},
        "team": {"id": "T111"},
        "actions": [],
    },
    "view_submission without view.type": {
        "type": "view_submission",
        "user": {"id": "U0MOD1"},
        "team": {"id": "T111"},
        "view": {"callback_id": "modbot.leave_theme"},
    },
    "a payload that is a list": [1],
    "user as a list": {"type": "block_actions", "user": [1], "actions": [{"action_id": "modbot.hide"}]},
    "an action without its id": {
        "type": "block_actions",
        "user": {"id": "U0MOD1"},
        "actions": [{"value": 1}],
    },
}


@pytest.mark.parametrize("payload", SIGNED_SLACK.values(), ids=SIGNED_SLACK.keys())
async def test_a_signed_slack_payload_of_the_wrong_shape_is_a_400(desk: Desk, payload: object) -> None:
    body = ("payload=" + quote(json.dumps(payload))).encode()
    response = await desk.http.post(f"{desk.base}/slack/events", data=body, headers=slack_signed(body))
    assert response.status == 400
    assert (await response.json())["error"]
    assert desk.slack.of("chat.update") == [] and desk.slack.of("chat.postEphemeral") == []


@pytest.mark.parametrize("body", [b"payload=" + DEEP, b"payload=%FF%FE", b"\xff\xfe", b'{"type": '])
async def test_a_signed_slack_body_that_cannot_be_read_is_a_400(desk: Desk, body: bytes) -> None:
    response = await desk.http.post(f"{desk.base}/slack/events", data=body, headers=slack_signed(body))
    assert response.status == 400


async def test_a_stale_slack_signature_is_refused(desk: Desk) -> None:
    body = b"payload=" + quote(json.dumps({"type": "block_actions"})).encode()
    stale = str(int(time.time()) - 600)
    response = await desk.http.post(
        f"{desk.base}/slack/events", data=body, headers=slack_signed(body, timestamp=stale)
    )
    assert response.status == 401


async def test_a_well_signed_meta_body_that_is_not_an_object_is_a_400(desk: Desk) -> None:
    for body in (b"[1]", b'"page"', b"null", b'{"object": "page", "entry": 5}'):
        response = await desk.http.post(
            f"{desk.base}/webhooks/meta",
            data=body,
            headers={
                "Content-Type": "application/json",
                "X-Hub-Signature-256": sign_hub("meta-app-secret-for-tests", body),
            },
        )
        assert response.status == 400
    assert nothing_stored(desk)
