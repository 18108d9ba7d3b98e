"""The HTTP edges with bad and real input: handshake, signatures, 400/401/403/413, samples."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from sqlmodel import col, select

from bot.core.models import CaseStatus, Decision
from bot.store.tables import Case, Comment
from tests.conftest import DbTarget, sample
from tests.harness import Desk, make_settings, sign_hub, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn


@pytest.fixture
async def desk(tmp_path: object, db_target: DbTarget) -> AsyncIterator[Desk]:
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    running = await start_desk(
        make_settings(db_target, slack, graph, MODBOT_MAX_BODY_BYTES=64 * 1024),
        slack,
        graph,
        schema=db_target.schema,
    )
    yield running
    await stop_desk(running)
    await slack.close()
    await graph.close()


def _comments(desk: Desk) -> list[Comment]:
    return list(desk.query(lambda s: s.exec(select(Comment).order_by(col(Comment.id))).all()))


def _cases(desk: Desk) -> list[Case]:
    return list(desk.query(lambda s: s.exec(select(Case).order_by(col(Case.id))).all()))


async def test_meta_handshake(desk: Desk) -> None:
    ok = await desk.http.get(
        f"{desk.base}/webhooks/meta",
        params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"},
    )
    assert ok.status == 200 and await ok.text() == "1158201444"
    wrong = await desk.http.get(
        f"{desk.base}/webhooks/meta",
        params={"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "x"},
    )
    assert wrong.status == 403


async def test_facebook_sample_is_stored_but_our_own_comment_is_not_carded(desk: Desk) -> None:
    document = json.loads(sample("platforms", "facebook-page-feed-comment-add.json").read_text())
    response = await desk.post_meta(document)
    assert response.status == 200
    [stored] = _comments(desk)
    assert (stored.platform, stored.external_id, stored.post_id) == (
        "facebook",
        "901097836652708_903438993085259",
        "1234567890321_901097836652708",
    )
    assert stored.from_own_account  # the sample's author is the page itself
    assert _cases(desk) == []


async def test_instagram_sample_is_stored_with_its_author(desk: Desk) -> None:
    document = json.loads(sample("platforms", "instagram-comments-webhook.json").read_text())
    response = await desk.post_meta(document)
    assert response.status == 200
    [stored] = _comments(desk)
    assert (stored.platform, stored.external_id, stored.author_name, stored.post_id) == (
        "instagram",
        "123456789",
        "testuser",
        "76543987",
    )


async def test_a_batch_of_many_entries_is_stored_in_one_delivery(desk: Desk) -> None:
    document = json.loads(sample("platforms", "instagram-comments-webhook.json").read_text())
    entry = document["entry"][0]
    document["entry"] = []
    for i in range(40):
        copy = json.loads(json.dumps(entry))
        copy["changes"][0]["value"]["id"] = f"ig_{i}"
        document["entry"].append(copy)
    response = await desk.post_meta(document)
    assert (await response.json())["new"] == 40
    assert len(_comments(desk)) == 40


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"object": "page"}', "entry must be a list"),
        (b'{"object": "whatsapp", "entry": []}', "object must be"),
        (
            b'{"object": "page", "entry": [{"id": "1", "changes": [{"field": "feed", '
            b'"value": {"item": "comment", "verb": "add"}}]}]}',
            "comment_id is missing",
        ),
    ],
)
async def test_malformed_meta_deliveries_get_400_with_the_reason(
    desk: Desk, body: bytes, reason: str
) -> None:
    response = await desk.post_meta(body)
    assert response.status == 400
    assert reason in (await response.json())["error"]
    assert _comments(desk) == []


async def test_oversized_body_is_413(desk: Desk) -> None:
    body = b'{"object": "page", "entry": [], "pad": "' + b"x" * (70 * 1024) + b'"}'
    response = await desk.post_meta(body)
    assert response.status == 413
    assert _comments(desk) == []


async def test_ingest_refuses_unsigned_and_wrongly_signed(desk: Desk) -> None:
    item = {"platform": "x", "external_id": "1", "text": "hello"}
    unsigned = await desk.http.post(f"{desk.base}/ingest", json=item)
    assert unsigned.status == 401
    forged = await desk.post_ingest(item, secret="nope")
    assert forged.status == 403
    assert _comments(desk) == []


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"platform": "myspace", "external_id": "1", "text": "x"}, "comments[0].platform"),
        ({"platform": "x", "text": "x"}, "comments[0].external_id: Field required"),
        ({"platform": "x", "external_id": "1", "text": "x", "created_at": "2026-11-20T10:00:00"}, "timezone"),
        ([], "no comments"),
    ],
)
async def test_ingest_validation_errors_name_the_field(desk: Desk, document: object, reason: str) -> None:
    response = await desk.post_ingest(document)
    assert response.status == 400
    assert reason in (await response.json())["error"]
    assert _comments(desk) == []


async def test_ingest_stores_the_good_items_beside_a_bad_one_and_names_the_bad_one(desk: Desk) -> None:
    good, bad = {"platform": "x", "external_id": "1", "text": "ok"}, {"platform": "x"}
    response = await desk.post_ingest([good, bad])
    assert response.status == 200
    answer = await response.json()
    assert (answer["new"], answer["rejected"]) == (1, 1)
    assert answer["reasons"] == [{"item": "comments[1]", "reason": "comments[1].external_id: Field required"}]
    assert [c.external_id for c in _comments(desk)] == ["1"]


async def test_ingest_signature_is_over_the_raw_body(desk: Desk) -> None:
    body = b'{"platform": "youtube", "external_id": "yt1", "text": "great video"}'
    response = await desk.http.post(
        f"{desk.base}/ingest",
        data=body,
        headers={
            "Content-Type": "application/json",
            "X-Modbot-Signature-256": sign_hub("ingest-secret-for-tests", body),
        },
    )
    assert response.status == 200
    assert (await response.json())["new"] == 1


async def test_x_card_offers_hide_and_report_and_says_why(desk: Desk) -> None:
    response = await desk.post_ingest(
        {
            "platform": "x",
            "external_id": "2090000000000000001",
            "text": "you are a pathetic clown",
            "author_name": "someone",
            "created_at": "2026-11-20T16:00:00Z",
        }
    )
    assert response.status == 200
    posted = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    blocks = posted[0].args["blocks"]
    actions = [e["action_id"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert actions == ["modbot.hide", "modbot.hide_and_report", "modbot.remove_and_ban", "modbot.leave"]
    assert "X does not let an account delete other people" in json.dumps(blocks)
    assert "Respond by" in json.dumps(blocks) or "OVERDUE" in json.dumps(blocks)

    # modbot has no X connection yet: the decision waits for the moderator to do it by hand.
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.wait_for(lambda: desk.card_ref(case_id), what="card ref")
    await desk.click(case_id=case_id, decision=Decision.HIDE_AND_REPORT)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.AWAITING_MANUAL, what="awaiting manual")
    await desk.click(case_id=case_id, decision=Decision.DONE_BY_HAND)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.HIDDEN, what="hidden by hand")
    assert desk.graph.calls == []


async def test_medical_question_card_offers_the_signposting_reply(desk: Desk) -> None:
    await desk.post_ingest(
        {
            "platform": "facebook",
            "external_id": "med_1",
            "account_id": "123",
            "text": "Should I take paracetamol for my fever?",
        }
    )
    posted = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    actions = [
        e["action_id"] for b in posted[0].args["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert actions == ["modbot.send_signposting", "modbot.mark_handled", "modbot.leave"]
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.click(case_id=case_id, decision=Decision.SEND_SIGNPOSTING)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.HANDLED, what="handled")
    [call] = desk.graph.calls
    assert (call.method, call.path) == ("POST", "med_1/comments")
    assert "NHS 111" in call.body["message"]


async def test_healthz_reports_configuration_and_outbox(desk: Desk) -> None:
    response = await desk.http.get(f"{desk.base}/healthz")
    body = await response.json()
    assert response.status == 200
    assert body["slack"] is True and body["meta"] is True
    assert body["platform_connections"] == ["facebook", "instagram"]


async def test_the_same_comment_twice_in_one_delivery_is_stored_once(desk: Desk) -> None:
    item = {"platform": "facebook", "external_id": "twice_1", "text": "you are a useless idiot"}
    response = await desk.post_ingest([item, item])
    assert await response.json() == {
        "received": 2,
        "new": 1,
        "duplicates": 1,
        "rejected": 0,
        "reasons": [],
        "cases_opened": [_cases(desk)[0].id],
    }
    assert len(_comments(desk)) == 1
