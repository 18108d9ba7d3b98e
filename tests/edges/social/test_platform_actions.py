"""X, YouTube, TikTok and LinkedIn over real HTTP: each card offers exactly what the platform
supports, each click reaches the platform's stand-in, polls and redeliveries never duplicate,
TikTok's signature (good, forged, stale) is checked, and a spent YouTube quota backs off."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import col, select

from bot.core.models import CaseStatus, Decision
from bot.core.moderation import platform_state
from bot.store.tables import AuditEvent, Case, Comment, PlatformState
from handlers.social.polling import LinkedInPoller, MetaReconciler, XMentionsPoller, YouTubePoller, run_poll
from tests.conftest import DbTarget, sample
from tests.edges.social.test_x_and_linkedin import _x_reply, x_sign
from tests.harness import Desk, make_settings, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.platform_apis import PlatformStandIn
from tests.standins.slack_api import SlackStandIn

ABUSE = "You are a useless idiot and everyone at that clinic is scum"
TIKTOK_SECRET = "tiktok-client-secret-for-tests"
OUR_X_ID = "2244994945"


@pytest.fixture
async def apis() -> AsyncIterator[PlatformStandIn]:
    standin = await PlatformStandIn().start()
    yield standin
    await standin.close()


@pytest.fixture
async def desk(db_target: DbTarget, apis: PlatformStandIn) -> AsyncIterator[Desk]:
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    settings = make_settings(
        db_target,
        slack,
        graph,
        X_ACCESS_TOKEN="x-user-token",
        X_USER_ID=OUR_X_ID,
        X_API_URL=apis.url("x"),
        X_POLL_MENTIONS=True,
        YOUTUBE_ACCESS_TOKEN="ya29.youtube-token",
        YOUTUBE_CHANNEL_ID="UC8-VPb0BrTumJCcAk5kKD8w",
        YOUTUBE_API_URL=apis.url("youtube/v3"),
        YOUTUBE_DAILY_QUOTA=500,
        YOUTUBE_ACTION_RESERVE=100,
        TIKTOK_APP_SECRET=TIKTOK_SECRET,
        TIKTOK_ACCESS_TOKEN="act.tiktok-token",
        TIKTOK_API_URL=apis.url("tiktok"),
        LINKEDIN_ACCESS_TOKEN="li-token",
        LINKEDIN_API_URL=apis.url("linkedin/rest"),
        LINKEDIN_POLL=True,
        LINKEDIN_ORGANIZATION="urn:li:organization:96072893",
        META_PAGE_ID="1234567890321",
    )
    running = await start_desk(settings, slack, graph, schema=db_target.schema)
    yield running
    await stop_desk(running)
    await slack.close()
    await graph.close()


def _buttons(desk: Desk) -> list[list[str]]:
    """The action ids on every card posted so far, in posting order."""
    return [
        [e["action_id"] for b in call.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
        for call in desk.slack.of("chat.postMessage")
    ]


def _case_for(desk: Desk, external_id: str) -> Case:
    return desk.query(
        lambda s: s.exec(
            select(Case)
            .join(Comment, col(Comment.id) == col(Case.comment_id))
            .where(col(Comment.external_id) == external_id)
        ).one()
    )


async def _settled(desk: Desk, case_id: int, status: CaseStatus) -> Case:
    return await desk.wait_for(
        lambda: (case := desk.query(lambda s: s.get(Case, case_id))) and case.status == status.value and case,
        what=f"case {case_id} {status.value}",
    )


def _poller(desk: Desk, kind: type) -> Any:
    return next(p for p in desk.runtime.pollers if isinstance(p, kind))


# --- X ---------------------------------------------------------------------------------------


async def test_x_hide_reaches_x_and_ban_hides_then_mutes_the_author(
    desk: Desk, apis: PlatformStandIn
) -> None:
    first, second = _x_reply(ABUSE), _x_reply(ABUSE)
    second["data"]["payload"]["id"] = "1900000000000000002"
    second["data"]["payload"]["author_id"] = "555"
    for document in (first, second):
        response = await desk.post_signed("/webhooks/x", document, "x-twitter-webhooks-signature", x_sign)
        assert response.status == 200
    await desk.wait_for(lambda: len(desk.slack.of("chat.postMessage")) == 2, what="two cards")
    assert _buttons(desk)[0] == [
        "modbot.hide",
        "modbot.hide_and_report",
        "modbot.remove_and_ban",
        "modbot.leave",
    ]

    hidden = _case_for(desk, first["data"]["payload"]["id"])
    assert hidden.id is not None
    await desk.click(case_id=hidden.id, decision=Decision.HIDE)
    await _settled(desk, hidden.id, CaseStatus.HIDDEN)
    [hide] = apis.of("PUT", r"^/x/2/tweets/\d+/hidden$")
    assert hide.path == f"/x/2/tweets/{first['data']['payload']['id']}/hidden"
    assert hide.body == {"hidden": True}
    assert hide.headers["Authorization"] == "Bearer x-user-token"

    banned = _case_for(desk, "1900000000000000002")
    assert banned.id is not None
    await desk.click(case_id=banned.id, decision=Decision.REMOVE_AND_BAN)
    await _settled(desk, banned.id, CaseStatus.HIDDEN)
    [mute] = apis.of("POST", r"/muting$")
    assert mute.path == f"/x/2/users/{OUR_X_ID}/muting" and mute.body == {"target_user_id": "555"}
    assert len(apis.of("PUT", r"/hidden$")) == 2


async def test_x_refusing_to_hide_outside_our_conversation_fails_the_case_with_the_reason(
    desk: Desk, apis: PlatformStandIn
) -> None:
    apis.script(
        "PUT",
        r"/hidden$",
        status=403,
        body={"title": "Forbidden", "detail": "You cannot hide a reply to a conversation you do not own"},
    )
    await desk.post_signed("/webhooks/x", _x_reply(ABUSE), "x-twitter-webhooks-signature", x_sign)
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case = _case_for(desk, _x_reply()["data"]["payload"]["id"])
    assert case.id is not None
    await desk.click(case_id=case.id, decision=Decision.HIDE)
    failed = await _settled(desk, case.id, CaseStatus.FAILED)
    assert "conversations our account started" in (failed.last_error or "")


async def test_x_mention_poll_reads_since_the_last_id_and_never_duplicates(
    desk: Desk, apis: PlatformStandIn
) -> None:
    post = _x_reply(ABUSE)["data"]["payload"]
    apis.reads[r"/x/2/users/\d+/mentions$"] = {
        "data": [{**post, "in_reply_to_user_id": "999", "referenced_tweets": []}],
        "includes": {"users": [{"id": post["author_id"], "username": "someone"}]},
        "meta": {"newest_id": post["id"], "result_count": 1},
    }
    poller = _poller(desk, XMentionsPoller)
    first = await run_poll(desk.runtime.services, poller)
    second = await run_poll(desk.runtime.services, poller)
    assert (first.found, first.new, second.new) == (1, 1, 0)
    calls = apis.of("GET", r"/mentions$")
    assert "since_id" not in calls[0].query and calls[1].query["since_id"] == post["id"]
    stored = desk.query(lambda s: s.exec(select(Comment).where(col(Comment.platform) == "x")).all())
    assert [(c.kind, c.author_name) for c in stored] == [("mention", "someone")]
    # A mention is carded with Leave only, and says why.
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="mention card")
    assert _buttons(desk)[0] == ["modbot.leave"]
    assert "report it to X" in json.dumps(desk.slack.of("chat.postMessage")[0].args["blocks"])


# --- YouTube ---------------------------------------------------------------------------------


def _threads(text: str | None = None) -> dict[str, Any]:
    document = json.loads(sample("platforms", "youtube-commentthreads-list-response.json").read_text())
    if text is not None:
        document["items"][0]["snippet"]["topLevelComment"]["snippet"]["textOriginal"] = text
    return document


async def test_youtube_poll_ingests_threads_and_replies_once_and_reports_the_units(
    desk: Desk, apis: PlatformStandIn
) -> None:
    apis.reads[r"/commentThreads$"] = _threads(ABUSE)
    poller = _poller(desk, YouTubePoller)
    first = await run_poll(desk.runtime.services, poller)
    second = await run_poll(desk.runtime.services, poller)
    assert (first.found, first.new, first.spent) == (2, 2, 1)
    assert second.new == 0
    [query, *_] = apis.of("GET", r"/commentThreads$")
    assert query.query["allThreadsRelatedToChannelId"] == "UC8-VPb0BrTumJCcAk5kKD8w"
    assert query.headers["Authorization"] == "Bearer ya29.youtube-token"
    state = desk.query(lambda s: s.get(PlatformState, poller.key))
    meter = desk.query(lambda s: s.get(PlatformState, poller.client.meter.key))
    assert meter.quota_used == 2 and state.cursor == "2024-09-23T19:06:29Z"
    reply = desk.query(lambda s: s.exec(select(Comment).where(col(Comment.external_id).contains("."))).one())
    assert reply.parent_id == "UgxXfLfuryhN5JBV4Zl4AaABAg" and reply.post_id == "HthY7qxV8q0"


async def test_youtube_card_offers_reject_and_ban_and_delete_sends_rejected(
    desk: Desk, apis: PlatformStandIn
) -> None:
    apis.reads[r"/commentThreads$"] = _threads(ABUSE)
    await run_poll(desk.runtime.services, _poller(desk, YouTubePoller))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    assert _buttons(desk)[0] == ["modbot.hide", "modbot.delete", "modbot.remove_and_ban", "modbot.leave"]
    blocks = json.dumps(desk.slack.of("chat.postMessage")[0].args["blocks"])
    assert "can never be published again" in blocks  # the Delete confirmation says it is final

    case = _case_for(desk, "UgxXfLfuryhN5JBV4Zl4AaABAg")
    assert case.id is not None
    await desk.click(case_id=case.id, decision=Decision.REMOVE_AND_BAN)
    await _settled(desk, case.id, CaseStatus.DELETED)
    [moderate] = apis.of("POST", r"/comments/setModerationStatus$")
    assert moderate.query == {
        "id": "UgxXfLfuryhN5JBV4Zl4AaABAg",
        "moderationStatus": "rejected",
        "banAuthor": "true",
    }


async def test_youtube_spent_quota_pauses_polls_until_the_pacific_reset(
    desk: Desk, apis: PlatformStandIn
) -> None:
    apis.script(
        "GET",
        r"/commentThreads$",
        status=403,
        body={
            "error": {
                "code": 403,
                "message": "quota",
                "errors": [{"reason": "quotaExceeded", "domain": "youtube.quota"}],
            }
        },
    )
    poller = _poller(desk, YouTubePoller)
    report = await run_poll(desk.runtime.services, poller)
    assert "quota" in report.error
    reset = platform_state.next_reset(desk.runtime.services.now())
    meter = desk.query(lambda s: s.get(PlatformState, poller.client.meter.key))
    state = desk.query(lambda s: s.get(PlatformState, poller.key))
    assert meter.paused_until == reset and meter.quota_used == 500
    assert abs((state.paused_until - reset).total_seconds()) < 5
    again = await run_poll(desk.runtime.services, poller)
    assert again.skipped.startswith("paused until")
    assert len(apis.of("GET", r"/commentThreads$")) == 1  # the pause held: no second call


async def test_youtube_polling_stops_at_the_reserve_kept_for_clicks(
    desk: Desk, apis: PlatformStandIn
) -> None:
    poller = _poller(desk, YouTubePoller)
    await poller.client.meter.spend(400)  # 500 a day, 100 kept back: polling may not spend more
    report = await run_poll(desk.runtime.services, poller)
    assert "kept for moderators' clicks" in report.error
    assert apis.of("GET", r"/commentThreads$") == []
    view = await poller.client.meter.view()
    assert view.can_act(50, desk.runtime.services.now())  # a moderator's click still goes through


# --- TikTok ----------------------------------------------------------------------------------


def _tiktok_body() -> bytes:
    return sample("platforms", "tiktok-business-comment-update-webhook.json").read_bytes().strip()


def _tiktok_sign(body: bytes, *, at: int | None = None, secret: str = TIKTOK_SECRET) -> str:
    stamp = str(at if at is not None else int(time.time()))
    digest = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={stamp},s={digest}"


async def test_tiktok_signatures_good_forged_stale_and_missing(desk: Desk) -> None:
    body = _tiktok_body()
    good = await desk.post_signed("/webhooks/tiktok", body, "TikTok-Signature", _tiktok_sign)
    forged = await desk.post_signed(
        "/webhooks/tiktok", body, "TikTok-Signature", lambda b: _tiktok_sign(b, secret="wrong")
    )
    stale = await desk.post_signed(
        "/webhooks/tiktok", body, "TikTok-Signature", lambda b: _tiktok_sign(b, at=int(time.time()) - 600)
    )
    missing = await desk.http.post(f"{desk.base}/webhooks/tiktok", data=body)
    assert good.status == 200 and await good.json() == {"received": 1, "queued": 1}
    assert forged.status == 403 and "does not match" in (await forged.json())["error"]
    assert stale.status == 403 and "older than five minutes" in (await stale.json())["error"]
    assert missing.status == 401


async def test_tiktok_comment_is_read_then_carded_once_and_hide_reaches_tiktok(
    desk: Desk, apis: PlatformStandIn
) -> None:
    event = json.loads(_tiktok_body())
    content = json.loads(event["content"])
    apis.reads[r"/business/comment/list/$"] = {
        "code": 0,
        "message": "OK",
        "data": {
            "comments": [
                {
                    "comment_id": str(content["comment_id"]),
                    "video_id": str(content["video_id"]),
                    "user_id": "u-77",
                    "username": "someone",
                    "text": ABUSE,
                    "create_time": "1719535947",
                    "owner": False,
                }
            ],
            "has_more": False,
        },
    }
    body = _tiktok_body()
    first = await desk.post_signed("/webhooks/tiktok", body, "TikTok-Signature", _tiktok_sign)
    again = await desk.post_signed("/webhooks/tiktok", body, "TikTok-Signature", _tiktok_sign)
    assert (await first.json())["queued"] == 1 and (await again.json())["queued"] == 0
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="TikTok card")
    [read] = apis.of("GET", r"/business/comment/list/$")
    assert read.query["business_id"] == event["user_openid"]
    assert json.loads(read.query["comment_ids"]) == [str(content["comment_id"])]
    assert read.headers["Access-Token"] == "act.tiktok-token"
    # The 19-digit ids survive exactly (a float would have rounded them).
    comment = desk.query(lambda s: s.exec(select(Comment).where(col(Comment.platform) == "tiktok")).one())
    assert comment.external_id == "7385350567722402578" and comment.post_id == "7377694258502880513"
    assert _buttons(desk)[0] == ["modbot.hide", "modbot.hide_and_report", "modbot.leave"]

    case = _case_for(desk, comment.external_id)
    assert case.id is not None
    await desk.click(case_id=case.id, decision=Decision.HIDE)
    await _settled(desk, case.id, CaseStatus.HIDDEN)
    [hide] = apis.of("POST", r"/business/comment/hide/$")
    assert hide.body == {
        "business_id": event["user_openid"],
        "video_id": "7377694258502880513",
        "comment_id": "7385350567722402578",
        "action": "HIDE",
    }


async def test_tiktok_events_other_than_new_comments_are_acknowledged_and_ignored(desk: Desk) -> None:
    event = json.loads(_tiktok_body())
    content = json.loads(event["content"])
    content["comment_action"] = "delete"
    event["content"] = json.dumps(content)
    response = await desk.post_signed("/webhooks/tiktok", event, "TikTok-Signature", _tiktok_sign)
    assert response.status == 200 and (await response.json())["queued"] == 0
    malformed = await desk.post_signed(
        "/webhooks/tiktok", {"event": "comment.update"}, "TikTok-Signature", _tiktok_sign
    )
    assert malformed.status == 400 and "body.content is missing" in (await malformed.json())["error"]


# --- LinkedIn --------------------------------------------------------------------------------


async def test_linkedin_signposting_reply_goes_out_as_the_organisation(
    desk: Desk, apis: PlatformStandIn
) -> None:
    note = json.loads(sample("platforms", "linkedin-org-social-action-notification-comment.json").read_text())
    note["decoratedGeneratedActivity"]["comment"]["text"] = "Should I double my blood pressure tablets?"
    document = {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [note]}
    from tests.edges.social.test_x_and_linkedin import li_sign

    await desk.post_signed("/webhooks/linkedin", document, "X-LI-Signature", li_sign)
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    assert "modbot.hide" not in _buttons(desk)[0] and "modbot.send_signposting" in _buttons(desk)[0]
    comment = desk.query(lambda s: s.exec(select(Comment).where(col(Comment.platform) == "linkedin")).one())
    case = _case_for(desk, comment.external_id)
    assert case.id is not None
    await desk.click(case_id=case.id, decision=Decision.SEND_SIGNPOSTING)
    await _settled(desk, case.id, CaseStatus.HANDLED)
    [sent] = apis.of("POST", r"/socialActions/.+/comments$")
    assert sent.body["actor"] == comment.account_id and sent.body["object"] == comment.post_id
    assert sent.body["parentComment"] == comment.external_id
    assert sent.headers["X-Restli-Protocol-Version"] == "2.0.0" and sent.headers["LinkedIn-Version"]


async def test_linkedin_fallback_poll_reads_latest_posts_and_matches_webhook_ids(
    desk: Desk, apis: PlatformStandIn
) -> None:
    from tests.edges.social.test_x_and_linkedin import li_sign

    note = json.loads(sample("platforms", "linkedin-org-social-action-notification-comment.json").read_text())
    await desk.post_signed(
        "/webhooks/linkedin",
        {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [note]},
        "X-LI-Signature",
        li_sign,
    )
    seen = note["decoratedGeneratedActivity"]["comment"]
    apis.reads[r"/linkedin/rest/posts$"] = {"elements": [{"id": "urn:li:share:7094637247487995904"}]}
    apis.reads[r"/linkedin/rest/socialActions/.+/comments$"] = {
        "elements": [
            {
                "commentUrn": seen["entity"],
                "actor": seen["owner"],
                "object": seen["object"],
                "message": {"text": seen["text"]},
                "created": {"time": 1691574506310},
            },
            {
                "commentUrn": "urn:li:comment:(urn:li:activity:7094637247890620418,1)",
                "actor": "urn:li:person:abc",
                "object": seen["object"],
                "message": {"text": ABUSE},
                "created": {"time": 1691574600000},
            },
        ]
    }
    poller = _poller(desk, LinkedInPoller)
    report = await run_poll(desk.runtime.services, poller)
    assert (report.found, report.new) == (2, 1)  # the webhook's comment is recognised, not repeated
    [listing] = apis.of("GET", r"/posts$")
    assert listing.query == {"q": "author", "author": "urn:li:organization:96072893", "count": "10"}


# --- Meta reconciliation ---------------------------------------------------------------------


async def test_meta_reconciliation_recovers_missed_comments_without_duplicates(desk: Desk) -> None:
    from tests.harness import facebook_delivery

    await desk.post_meta(facebook_delivery(("seen_by_webhook", "Thanks for the update")))
    desk.graph.reads["1234567890321/feed"] = {"data": [{"id": "1234567890321_99"}]}
    desk.graph.reads["1234567890321_99/comments"] = {
        "data": [
            {
                "id": "seen_by_webhook",
                "message": "Thanks for the update",
                "from": {"id": "u1", "name": "A"},
                "created_time": "2026-11-20T10:00:00+0000",
            },
            {
                "id": "missed_1",
                "message": ABUSE,
                "from": {"id": "u2", "name": "B"},
                "created_time": "2026-11-20T10:05:00+0000",
                "parent": {"id": "seen_by_webhook"},
            },
        ]
    }
    poller = _poller(desk, MetaReconciler)
    first = await run_poll(desk.runtime.services, poller)
    second = await run_poll(desk.runtime.services, poller)
    assert (first.found, first.new, second.new) == (2, 1, 0)
    missed = desk.query(lambda s: s.exec(select(Comment).where(col(Comment.external_id) == "missed_1")).one())
    assert missed.source == "facebook-reconcile_poll"
    assert missed.parent_id == "seen_by_webhook" and missed.post_id == "1234567890321_99"
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card for the missed comment")
    assert len(desk.slack.of("chat.postMessage")) == 1


# --- Reported in /healthz --------------------------------------------------------------------


async def test_healthz_reports_connections_and_polls(desk: Desk, apis: PlatformStandIn) -> None:
    apis.reads[r"/commentThreads$"] = _threads()
    await run_poll(desk.runtime.services, _poller(desk, YouTubePoller))
    health = await (await desk.http.get(f"{desk.base}/healthz")).json()
    assert {"x", "youtube", "tiktok", "linkedin", "facebook"} <= set(health["platform_connections"])
    polls = {p["key"].split(":")[0]: p for p in health["polls"]}
    assert polls["youtube"]["last_new"] == 2 and polls["youtube-quota"]["quota_used_today"] == 1
    audit = desk.query(lambda s: s.exec(select(AuditEvent)).all())
    assert all("test comment" not in json.dumps(a.detail) for a in audit)


def test_next_reset_is_pacific_midnight() -> None:
    # 07:59 UTC on 21 November is 23:59 the day before in California (PST, UTC-8).
    now = datetime(2026, 11, 21, 7, 59, tzinfo=UTC)
    assert platform_state.next_reset(now) == datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert platform_state.quota_day(now) == "2026-11-20"
