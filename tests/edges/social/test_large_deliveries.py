"""Large signed deliveries through the real HTTP edges are read whole, verified and stored whole.

Meta batches up to 1,000 changes in one delivery; a body that arrives in many TCP segments must
be read to its end before the signature is checked, or a correctly signed delivery is refused as
forged and every redelivery of the same bytes is refused again.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select

from bot.store.tables import Comment, OutboxTask
from handlers.social.webhooks.tiktok import tiktok_signature
from tests.conftest import DbTarget
from tests.harness import Desk, running_desk

TIKTOK_SECRET = "tiktok-secret-for-large-deliveries"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target, TIKTOK_APP_SECRET=TIKTOK_SECRET) as running:
        yield running


def meta_feed_delivery(count: int, *, page_id: str = "1234567890321") -> dict[str, Any]:
    """A Page `feed` delivery of `count` new comments, in the shape Meta documents."""
    changes = [
        {
            "field": "feed",
            "value": {
                "item": "comment",
                "verb": "add",
                "comment_id": f"{page_id}_{i}",
                "post_id": f"{page_id}_777",
                "message": f"Comment {i}: what time does the walk-in centre open on Sunday?",
                "from": {"id": f"9{i:06d}", "name": f"Member {i}"},
                "created_time": int(time.time()) - 60,
            },
        }
        for i in range(count)
    ]
    return {"object": "page", "entry": [{"id": page_id, "time": int(time.time()), "changes": changes}]}


def _stored(desk: Desk) -> int:
    return int(desk.query(lambda s: s.exec(select(func.count()).select_from(Comment)).one()))


async def test_a_signed_meta_delivery_of_2000_comments_is_stored_whole(desk: Desk) -> None:
    body = json.dumps(meta_feed_delivery(2000)).encode()
    assert len(body) > 500 * 1024  # larger than any one read of the socket returns
    response = await desk.post_meta(body)
    assert response.status == 200, await response.text()
    assert (await response.json())["new"] == 2000
    assert _stored(desk) == 2000
    again = await desk.post_meta(body)  # Meta redelivers the same bytes: nothing twice
    assert again.status == 200 and (await again.json())["duplicates"] == 2000
    assert _stored(desk) == 2000


async def test_a_large_signed_ingest_batch_is_stored_whole(desk: Desk) -> None:
    items = [
        {"platform": "facebook", "external_id": f"10_{i}", "text": "The car park was full again today " * 4}
        for i in range(2000)
    ]
    response = await desk.post_ingest({"comments": items})
    assert response.status == 200, await response.text()
    assert (await response.json())["new"] == 2000
    assert _stored(desk) == 2000


async def test_a_large_signed_tiktok_delivery_is_verified_over_its_whole_body(desk: Desk) -> None:
    content = {"comment_id": 7301, "video_id": 7302, "comment_action": "insert", "timestamp": 1}
    document = {
        "client_key": "aw123",
        "event": "comment.update",
        "create_time": int(time.time()),
        "user_openid": "act.business-1",
        "content": json.dumps(content),
        "padding": "x" * (400 * 1024),  # unknown fields are allowed; the signature covers them
    }
    at = str(int(time.time()))

    def sign(body: bytes) -> str:
        return f"t={at},s={tiktok_signature(TIKTOK_SECRET.encode(), at, body)}"

    response = await desk.post_signed("/webhooks/tiktok", document, "TikTok-Signature", sign)
    assert response.status == 200, await response.text()
    assert (await response.json())["queued"] == 1
    queued = desk.query(lambda s: s.exec(select(func.count()).select_from(OutboxTask)).one())
    assert queued == 1
