"""One malformed item never sinks its delivery: it is set aside with its reason or cleaned, and the
good comments beside it are stored (SQLite and PostgreSQL, through the real signed HTTP edges).

Every case here failed its whole delivery with a 500 on each redelivery before, so the good
comments beside it were never stored.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlmodel import col, select

from bot.store.tables import Comment
from tests.conftest import DbTarget
from tests.harness import LINKEDIN_SECRET, X_SECRET, Desk, running_desk

PAGE = "1234567890321"
# Personal data a commenter might share: none of it may reach the log, whatever goes wrong.
PHONE, EMAIL, NAME = "07700 900461", "jo.bloggs@example.org", "Josephine Bloggsworth"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target) as running:
        yield running


def _change(comment_id: str, text: str = "Thank you to the ward staff") -> dict[str, Any]:
    return {
        "field": "feed",
        "value": {
            "item": "comment",
            "verb": "add",
            "comment_id": comment_id,
            "post_id": f"{PAGE}_777",
            "message": text,
            "from": {"id": f"9{comment_id[-3:]}", "name": NAME},
            "created_time": int(time.time()) - 60,
        },
    }


def _delivery(middle: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """Three comments; `middle` spoils the second one."""
    changes = [
        _change(f"{PAGE}_101"),
        _change(f"{PAGE}_102", f"Call me on {PHONE} or {EMAIL}"),
        _change(f"{PAGE}_103"),
    ]
    middle(changes[1]["value"])
    return {"object": "page", "entry": [{"id": PAGE, "time": int(time.time()), "changes": changes}]}


def _stored(desk: Desk) -> list[Comment]:
    return list(desk.query(lambda s: s.exec(select(Comment).order_by(col(Comment.id))).all()))


def _set(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda value: value.update(values)


# Spoiled in a way that can be cleaned: all three are stored.
CLEANED = {
    "created_time 1e20": _set(created_time=1e20),
    "created_time -1e12": _set(created_time=-1e12),
    "created_time year 1": _set(created_time="0001-01-01T00:00:00+0000"),
    "created_time year 9999": _set(created_time="9999-12-31T23:59:59+0000"),
    "created_time NaN-like text": _set(created_time="soon"),
    "a lone surrogate in the text": _set(message="I waited \ud83d hours"),
    "a NUL byte in the text": _set(message=f"bad \x00 day, ring {PHONE}"),
    "a NUL byte in the name": _set(**{"from": {"id": "9102", "name": f"Jo\x00 {NAME}"}}),
    "a name of 300 characters": _set(**{"from": {"id": "9102", "name": NAME * 15}}),
}

# Spoiled in a way that cannot be stored: the other two are stored, the bad one named.
REJECTED = {
    "from of the wrong type": (_set(**{"from": "someone"}), "from must be an object"),
    "message of the wrong type": (_set(message={"text": "x"}), "message must be a string"),
    "an id of 300 characters": (_set(comment_id="1" * 300), "longer than 255"),
    "an id that walks a path": (_set(comment_id="123_456/../../victim_999"), "characters no platform uses"),
    "an id with a query": (_set(comment_id="123_457?method=delete&x="), "characters no platform uses"),
    "no id": (_set(comment_id=None), "comment_id is missing"),
}


@pytest.mark.parametrize("spoil", CLEANED.values(), ids=CLEANED.keys())
async def test_an_item_that_can_be_cleaned_is_stored_with_the_rest(
    desk: Desk, spoil: Callable[[dict[str, Any]], None], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = await desk.post_meta(_delivery(spoil))
    assert response.status == 200, await response.text()
    stored = _stored(desk)
    assert len(stored) == 3
    for comment in stored:
        assert "\x00" not in comment.text + comment.author_name
        assert len(comment.author_name) <= 255
        assert comment.created_at.year >= 2000
    for word in (PHONE, EMAIL, NAME):
        assert word not in caplog.text


@pytest.mark.parametrize(("spoil", "reason"), REJECTED.values(), ids=REJECTED.keys())
async def test_an_item_that_cannot_be_stored_is_named_and_the_rest_are_stored(
    desk: Desk, spoil: Callable[[dict[str, Any]], None], reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    response = await desk.post_meta(_delivery(spoil))
    assert response.status == 200, await response.text()
    answer = await response.json()
    assert (answer["new"], answer["rejected"]) == (2, 1)
    [problem] = answer["reasons"]
    assert problem["item"] == "entry[0].changes[1]" and reason in problem["reason"]
    assert [c.external_id for c in _stored(desk)] == [f"{PAGE}_101", f"{PAGE}_103"]
    for word in (PHONE, EMAIL, NAME):
        assert word not in caplog.text and word not in json.dumps(answer)
    again = await desk.post_meta(_delivery(spoil))  # Meta redelivers: the same answer, nothing twice
    assert again.status == 200 and (await again.json())["duplicates"] == 2
    assert len(_stored(desk)) == 2


async def test_an_entry_whose_changes_are_not_a_list_is_named_and_others_are_stored(desk: Desk) -> None:
    good = _delivery(lambda value: None)
    good["entry"].append({"id": PAGE, "time": 1, "changes": "not a list"})
    response = await desk.post_meta(good)
    assert response.status == 200
    answer = await response.json()
    assert (answer["new"], answer["rejected"]) == (3, 1)
    assert answer["reasons"][0]["item"] == "entry[1].changes"


async def test_a_delivery_whose_every_item_is_bad_is_a_400_with_the_reasons(desk: Desk) -> None:
    document = _delivery(_set(comment_id="../victim"))
    for change in document["entry"][0]["changes"]:
        change["value"]["from"] = 7
    response = await desk.post_meta(document)
    assert response.status == 400
    answer = await response.json()
    assert answer["rejected"] == 3 and "no item could be stored" in answer["error"]
    assert _stored(desk) == []


async def test_a_body_nested_3000_deep_is_a_400(desk: Desk) -> None:
    body = b'{"object": "page", "entry": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    response = await desk.post_meta(body)
    assert response.status == 400
    assert "nests too deeply" in (await response.json())["error"]


def _x_sign(body: bytes) -> str:
    return "sha256=" + base64.b64encode(hmac.new(X_SECRET.encode(), body, hashlib.sha256).digest()).decode()


def _li_sign(body: bytes) -> str:
    return hmac.new(LINKEDIN_SECRET.encode(), body, hashlib.sha256).hexdigest()


async def test_an_x_timestamp_of_thirty_nines_is_read_as_unknown(desk: Desk) -> None:
    tweet = {
        "id_str": "1850000000000000001",
        "text": "@nhs when is the clinic open?",
        "timestamp_ms": "9" * 30,
        "user": {"id_str": "42", "screen_name": "someone"},
    }
    broken = dict(tweet, id_str="1850000000000000002", user="someone")
    document = {"for_user_id": "7", "tweet_create_events": [tweet, broken]}
    response = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", _x_sign)
    assert response.status == 200
    answer = await response.json()
    assert (answer["new"], answer["rejected"]) == (1, 1)
    assert answer["reasons"][0]["item"] == "tweet_create_events[1]"


async def test_a_linkedin_date_of_1e30_is_read_as_unknown(desk: Desk) -> None:
    note = {
        "action": "COMMENT",
        "organizationalEntity": "urn:li:organization:96072893",
        "sourcePost": "urn:li:activity:7094637247890620418",
        "lastModifiedAt": 1e30,
        "generatedActivity": "urn:li:comment:(urn:li:activity:7094637247890620418,1)",
        "decoratedGeneratedActivity": {
            "comment": {"entity": "urn:li:comment:(urn:li:activity:7094637247890620418,1)", "text": "Thanks"}
        },
    }
    second = copy.deepcopy(note)
    second["decoratedGeneratedActivity"] = ["not", "an", "object"]
    document = {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [note, second]}
    response = await desk.post_signed("/webhooks/linkedin", document, "X-LI-Signature", _li_sign)
    assert response.status == 200
    answer = await response.json()
    assert (answer["new"], answer["rejected"]) == (1, 1)
    [stored] = _stored(desk)
    assert stored.created_at.year >= 2000


def test_nesting_is_limited_the_same_on_every_python() -> None:
    """Python 3.13 parses 3,000 nested lists that 3.11 refuses: the limit is the project's own."""
    from handlers.http import MAX_DEPTH, BadRequest, parse_json

    at_limit = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    assert isinstance(parse_json(at_limit), list)  # read, not refused
    past = b'{"a": ' * MAX_DEPTH + b"1" + b"}" * MAX_DEPTH + b" "
    past = b"[" + past + b"]"
    with pytest.raises(BadRequest, match="nests too deeply"):
        parse_json(past)
