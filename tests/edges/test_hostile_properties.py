"""Generated hostile bodies at every route of the real app (hypothesis), over HTTP.

For each route: forged or unsigned bodies are refused and store nothing; signed bodies of any
shape never get a 5xx; and a valid delivery whose middle item is spoiled at random still stores
the two good items beside it. The examples are the same on every run (see conftest); set
HYPOTHESIS_PROFILE=explore to draw new ones.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func
from sqlmodel import col, select

from bot.store.tables import Comment, OutboxTask
from handlers.social.webhooks.tiktok import tiktok_signature
from tests.conftest import DbTarget
from tests.harness import (
    INGEST_SECRET,
    LINKEDIN_SECRET,
    META_SECRET,
    SLACK_SECRET,
    X_SECRET,
    Desk,
    running_desk,
    sign_hub,
)

TIKTOK_SECRET = "tiktok-secret-for-properties"
TEAMS_CHANNEL = "19:6848757105754c8981c67612732d9aa7@thread.tacv2"

# Any text, lone surrogates and NUL included (JSON escapes them; the app must cope).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | ANY_TEXT
)
JSON = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(ANY_TEXT, JSON, max_size=6) | JSON


def _json(document: Any) -> bytes:
    return json.dumps(document).encode()


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(
        db_target, TEAMS_MODERATION_CHANNEL=TEAMS_CHANNEL, TIKTOK_APP_SECRET=TIKTOK_SECRET
    ) as running:
        yield running


async def explore(strategy: st.SearchStrategy[Any], check: Callable[[Any], Awaitable[None]]) -> None:
    """Run `check` on examples of `strategy`: hypothesis drives from a worker thread, each
    example runs on this loop (where the app and its client live)."""
    loop = asyncio.get_running_loop()

    @given(strategy)
    def each(example: Any) -> None:
        asyncio.run_coroutine_threadsafe(check(example), loop).result(timeout=60)

    await asyncio.to_thread(each)


def _stored(desk: Desk) -> tuple[int, int]:
    comments = desk.query(lambda s: s.exec(select(func.count()).select_from(Comment)).one())
    tasks = desk.query(lambda s: s.exec(select(func.count()).select_from(OutboxTask)).one())
    return int(comments), int(tasks)


# Each signed route: its path, and the headers that sign a body for it.
def _x(body: bytes) -> dict[str, str]:
    digest = hmac.new(X_SECRET.encode(), body, hashlib.sha256).digest()
    return {"x-twitter-webhooks-signature": "sha256=" + base64.b64encode(digest).decode()}


def _tiktok(body: bytes) -> dict[str, str]:
    at = str(int(time.time()))
    return {"TikTok-Signature": f"t={at},s={tiktok_signature(TIKTOK_SECRET.encode(), at, body)}"}


def _slack(body: bytes) -> dict[str, str]:
    at = str(int(time.time()))
    digest = hmac.new(SLACK_SECRET.encode(), f"v0:{at}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": at,
        "X-Slack-Signature": f"v0={digest}",
    }


SIGNERS: dict[str, Callable[[bytes], dict[str, str]]] = {
    "/webhooks/meta": lambda body: {"X-Hub-Signature-256": sign_hub(META_SECRET, body)},
    "/webhooks/x": _x,
    "/webhooks/linkedin": lambda body: {
        "X-LI-Signature": hmac.new(LINKEDIN_SECRET.encode(), body, hashlib.sha256).hexdigest()
    },
    "/ingest": lambda body: {"X-Modbot-Signature-256": sign_hub(INGEST_SECRET, body)},
    "/webhooks/tiktok": _tiktok,
    "/slack/events": _slack,
}
FORGED_HEADERS = st.dictionaries(
    st.sampled_from(
        [
            "X-Hub-Signature-256",
            "x-twitter-webhooks-signature",
            "X-LI-Signature",
            "X-Modbot-Signature-256",
            "TikTok-Signature",
            "X-Slack-Signature",
            "X-Slack-Request-Timestamp",
        ]
    ),
    # What a header can carry: printable ASCII and Latin-1 (no control characters).
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f").filter(
            lambda c: not 0x80 <= ord(c) < 0xA0
        ),
        max_size=80,
    ),
    max_size=4,
)


async def _post(desk: Desk, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json", **headers}
    async with desk.http.post(f"{desk.base}{path}", data=body, headers=headers) as response:
        raw = await response.read()
        try:
            answer = json.loads(raw) if raw else None
        except ValueError:
            answer = raw
        return response.status, answer


@pytest.mark.parametrize("path", [*SIGNERS, "/api/messages"])
async def test_forged_and_unsigned_bodies_are_refused_and_store_nothing(desk: Desk, path: str) -> None:
    async def check(example: tuple[bytes, dict[str, str]]) -> None:
        body, headers = example
        status, _ = await _post(desk, path, body, headers)
        assert 400 <= status < 500, (path, status)
        if path != "/api/messages":
            assert _stored(desk) == (0, 0)

    bodies = st.binary(max_size=300) | DOCUMENTS.map(_json)
    await explore(st.tuples(bodies, FORGED_HEADERS), check)


@pytest.mark.parametrize("path", [*SIGNERS])
async def test_signed_documents_of_any_shape_never_get_a_5xx(desk: Desk, path: str) -> None:
    def encode(document: Any) -> bytes:
        if path == "/slack/events":  # interactivity arrives as a form field holding JSON
            return ("payload=" + quote(json.dumps(document))).encode()
        return _json(document)

    async def check(document: Any) -> None:
        body = encode(document)
        status, answer = await _post(desk, path, body, SIGNERS[path](body))
        assert status < 500, (path, status, answer)
        if status == 200 and isinstance(answer, dict) and "received" in answer and "rejected" in answer:
            assert answer["new"] + answer["duplicates"] + answer["rejected"] == answer["received"]

    await explore(DOCUMENTS, check)


# ---------------------------------------------------------------------------------------------
# A valid three-item delivery per platform; the middle item is spoiled at random places.

_serial = itertools.count(1)


def _meta(ids: list[str]) -> dict[str, Any]:
    def change(comment_id: str) -> dict[str, Any]:
        value = {
            "item": "comment",
            "verb": "add",
            "comment_id": comment_id,
            "post_id": "1_777",
            "message": "What time does the clinic open?",
            "from": {"id": "42", "name": "A Member"},
            "created_time": int(time.time()),
        }
        return {"field": "feed", "value": value}

    return {"object": "page", "entry": [{"id": "1", "time": 1, "changes": [change(i) for i in ids]}]}


def _x_delivery(ids: list[str]) -> dict[str, Any]:
    def tweet(tweet_id: str) -> dict[str, Any]:
        return {
            "id_str": tweet_id,
            "text": "@nhs is the walk-in centre open?",
            "timestamp_ms": str(int(time.time() * 1000)),
            "in_reply_to_user_id_str": "7",
            "in_reply_to_status_id_str": "55",
            "user": {"id_str": "42", "screen_name": "someone"},
            "extended_tweet": {"full_text": "@nhs is the walk-in centre open today?"},
        }

    return {"for_user_id": "7", "tweet_create_events": [tweet(i) for i in ids]}


def _linkedin(ids: list[str]) -> dict[str, Any]:
    def note(comment_id: str) -> dict[str, Any]:
        urn = f"urn:li:comment:(urn:li:activity:709,{comment_id})"
        return {
            "action": "COMMENT",
            "organizationalEntity": "urn:li:organization:96072893",
            "sourcePost": "urn:li:activity:709",
            "lastModifiedAt": int(time.time() * 1000),
            "generatedActivity": urn,
            "decoratedGeneratedActivity": {
                "comment": {"entity": urn, "text": "Great work", "owner": "urn:li:person:abc"}
            },
        }

    return {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [note(i) for i in ids]}


def _ingest(ids: list[str]) -> dict[str, Any]:
    return {
        "comments": [
            {"platform": "facebook", "external_id": i, "text": "Parking was fine", "author_name": "A Member"}
            for i in ids
        ]
    }


# path, template, the list of items inside it, the id a stored good item carries
DELIVERIES: dict[str, tuple[Callable[[list[str]], dict[str, Any]], Callable[[Any], list[Any]]]] = {
    "/webhooks/meta": (_meta, lambda d: d["entry"][0]["changes"]),
    "/webhooks/x": (_x_delivery, lambda d: d["tweet_create_events"]),
    "/webhooks/linkedin": (_linkedin, lambda d: d["notifications"]),
    "/ingest": (_ingest, lambda d: d["comments"]),
}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _has(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and key < len(node)


def _spoil(item: Any, path: tuple[Any, ...], value: Any) -> Any:
    """`item` with the node at `path` replaced (unchanged where an earlier spoil removed it)."""
    if not path:
        return value
    spoiled = copy.deepcopy(item)
    parent = spoiled
    for key in path[:-1]:
        if not _has(parent, key):
            return spoiled
        parent = parent[key]
    if _has(parent, path[-1]):
        parent[path[-1]] = value
    return spoiled


def _external_ids(path: str, ids: list[str]) -> list[str]:
    if path == "/webhooks/linkedin":
        return [f"urn:li:comment:(urn:li:activity:709,{i})" for i in ids]
    return ids


@pytest.mark.parametrize("path", DELIVERIES)
async def test_a_spoiled_item_never_keeps_the_good_items_beside_it_out(desk: Desk, path: str) -> None:
    build, items_of = DELIVERIES[path]
    template_item = items_of(build(["1"]))[0]
    spoils = st.lists(st.tuples(st.sampled_from(_paths(template_item)), JSON), min_size=1, max_size=3)

    async def check(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
        serial = next(_serial)
        ids = [f"{serial}0{n}" for n in (1, 2, 3)]
        document = build(ids)
        items = items_of(document)
        for where, value in changes:
            items[1] = _spoil(items[1], where, value)
        body = _json(document)
        status, answer = await _post(desk, path, body, SIGNERS[path](body))
        assert status == 200, (status, answer)
        # The spoiled item is stored, set aside with its reason, or (no longer a comment) ignored.
        assert answer["received"] in (2, 3)
        assert answer["new"] + answer["duplicates"] + answer["rejected"] == answer["received"]
        good = [_external_ids(path, ids)[n] for n in (0, 2)]
        stored = desk.query(
            lambda s: s.exec(select(Comment.external_id).where(col(Comment.external_id).in_(good))).all()
        )
        assert sorted(stored) == sorted(good)

    await explore(spoils, check)
