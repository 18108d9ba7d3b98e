"""The desk end to end over real HTTP: signed Meta webhook → card on Slack → signed click →
Graph call → card updated in place → audit rows. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time

from sqlmodel import col, select

from bot.core.models import CaseStatus, ContactState, Decision
from bot.store.tables import AuditEvent, Case, Comment, OutboxTask
from tests.conftest import DbTarget
from tests.harness import (
    CHANNEL,
    Desk,
    facebook_delivery,
    leave_theme_submission,
    make_settings,
    start_desk,
    stop_desk,
)
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

ABUSE = "You are a useless idiot and everyone at that clinic is scum"


def _cases(desk: Desk) -> list[Case]:
    return list(desk.query(lambda s: s.exec(select(Case).order_by(col(Case.id))).all()))


def _audit(desk: Desk, case_id: int) -> list[AuditEvent]:
    return list(
        desk.query(
            lambda s: s.exec(
                select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(col(AuditEvent.id))
            ).all()
        )
    )


def _button_ids(call_args: dict) -> list[str]:
    return [e["action_id"] for b in call_args["blocks"] if b["type"] == "actions" for e in b["elements"]]


async def test_abusive_comment_is_carded_deleted_on_facebook_and_audited(desk: Desk) -> None:
    response = await desk.post_meta(facebook_delivery(("901097836652708_1", ABUSE)))
    assert response.status == 200
    assert (await response.json())["new"] == 1

    posted = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card posted")
    card = posted[0].args
    assert card["channel"] == CHANNEL
    assert "Tier 1" in card["text"]
    assert _button_ids(card) == ["modbot.hide", "modbot.delete", "modbot.remove_and_ban", "modbot.leave"]
    delete_button = next(
        e
        for b in card["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "modbot.delete"
    )
    assert delete_button["confirm"]["style"] == "danger"
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.wait_for(lambda: desk.card_ref(case_id), what="card reference stored")

    click = await desk.click(case_id=case_id, decision=Decision.DELETE)
    assert click.status == 200

    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.DELETED, what="case deleted")
    assert desk.graph.actions() == [("DELETE", "901097836652708_1", {})]
    assert desk.graph.calls[0].authorization == "Bearer EAAB-page-token"
    assert "appsecret_proof" in desk.graph.calls[0].params

    updates = await desk.wait_for(
        lambda: [u for u in desk.slack.of("chat.update") if "Deleted by sam.moderator" in u.args["text"]],
        what="card updated to Deleted",
    )
    ref = desk.card_ref(case_id)
    assert ref is not None
    assert updates[-1].args["ts"] == ref[1] and updates[-1].args["channel"] == CHANNEL
    # Tier 1 removed: the policy's next step is offered, with the house-rules explanation ready.
    assert "modbot.contact_commenter" in _button_ids(updates[-1].args)

    actions = [e.action for e in _audit(desk, case_id)]
    assert actions == ["case_opened", "decided_delete", "platform_delete", "contact_offered"]
    decision_row = _audit(desk, case_id)[1]
    assert (decision_row.actor, decision_row.actor_name, decision_row.surface) == (
        "slack:U0MOD1",
        "sam.moderator",
        "slack",
    )


async def test_contact_the_commenter_sends_one_private_reply(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("c_contact", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.click(case_id=case_id, decision=Decision.DELETE)
    await desk.wait_for(lambda: _cases(desk)[0].contact_state == ContactState.OFFERED, what="contact offered")

    await desk.click(case_id=case_id, decision=Decision.CONTACT_COMMENTER)
    await desk.click(case_id=case_id, decision=Decision.CONTACT_COMMENTER)
    await desk.wait_for(lambda: _cases(desk)[0].contact_state == ContactState.SENT, what="contact sent")
    messages = [c for c in desk.graph.calls if c.path.endswith("/messages")]
    assert len(messages) == 1
    assert messages[0].path == "1234567890321/messages"
    assert messages[0].body["recipient"] == {"comment_id": "c_contact"}
    assert "house rules" in messages[0].body["message"]["text"]


async def test_redelivered_webhook_gives_one_case_and_one_card(desk: Desk) -> None:
    delivery = facebook_delivery(("dup_1", ABUSE))
    first, second = await desk.post_meta(delivery), await desk.post_meta(delivery)
    assert (await first.json())["new"] == 1
    again = await second.json()
    assert (again["received"], again["new"], again["duplicates"], again["rejected"]) == (1, 0, 1, 0)
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    await asyncio.sleep(0.3)  # give a duplicate card every chance to appear
    assert len(desk.slack.of("chat.postMessage")) == 1
    assert len(_cases(desk)) == 1


async def test_double_click_and_two_moderators_make_one_platform_call(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("race_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    clicks = await asyncio.gather(
        desk.click(case_id=case_id, decision=Decision.DELETE, user="U0MOD1", name="sam"),
        desk.click(case_id=case_id, decision=Decision.DELETE, user="U0MOD1", name="sam"),
        desk.click(case_id=case_id, decision=Decision.HIDE, user="U0MOD2", name="alex"),
    )
    assert [c.status for c in clicks] == [200, 200, 200]
    await desk.wait_for(
        lambda: _cases(desk)[0].status in (CaseStatus.DELETED, CaseStatus.HIDDEN), what="decided"
    )
    losers = await desk.wait_for(lambda: desk.slack.of("chat.postEphemeral"), what="losers told")
    await desk.wait_for(lambda: len(desk.slack.of("chat.postEphemeral")) == 2, what="both losers told")
    assert all("Already" in c.args["text"] for c in losers)
    assert len(desk.graph.calls) == 1
    decisions = [e for e in _audit(desk, case_id) if e.action.startswith("decided_")]
    assert len(decisions) == 1


async def test_non_moderator_is_refused_and_nothing_changes(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("nm_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    response = await desk.click(case_id=case_id, decision=Decision.DELETE, user="U0VISITOR", name="visitor")
    assert response.status == 200
    told = await desk.wait_for(lambda: desk.slack.of("chat.postEphemeral"), what="refusal")
    assert told[0].args["user"] == "U0VISITOR"
    assert "Only moderators" in told[0].args["text"]
    assert _cases(desk)[0].status == CaseStatus.OPEN
    assert desk.graph.calls == []


async def test_moderator_by_user_group_may_decide(desk: Desk) -> None:
    desk.slack.usergroups["S0MODS"] = ["U0GROUPMEMBER"]
    await desk.post_meta(facebook_delivery(("grp_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.click(case_id=case_id, decision=Decision.HIDE, user="U0GROUPMEMBER", name="gm")
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.HIDDEN, what="hidden")
    assert desk.graph.actions() == [("POST", "grp_1", {"is_hidden": "true"})]


async def test_forged_and_stale_slack_signatures_are_refused(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("sig_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    payload = desk.click_payload(case_id=case_id, decision=Decision.DELETE)
    forged = await desk.post_slack(payload, secret="not-the-secret")
    stale = await desk.post_slack(payload, timestamp=int(time.time()) - 301)
    assert forged.status == 401
    assert stale.status == 401
    assert _cases(desk)[0].status == CaseStatus.OPEN


async def test_forged_meta_signature_stores_nothing(desk: Desk) -> None:
    forged = await desk.post_meta(facebook_delivery(("forged_1", ABUSE)), secret="wrong")
    assert forged.status == 403
    missing = await desk.http.post(
        f"{desk.base}/webhooks/meta", data=b"{}", headers={"Content-Type": "application/json"}
    )
    assert missing.status == 401
    assert desk.query(lambda s: s.exec(select(Comment)).all()) == []


async def test_leave_asks_for_a_theme_and_records_it(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("leave_1", "Vaccines cause autism, do your research")))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    await desk.click(case_id=case_id, decision=Decision.LEAVE)
    opened = await desk.wait_for(lambda: desk.slack.of("views.open"), what="theme modal")
    view = opened[0].args["view"]
    submission = leave_theme_submission(view, user="U0MOD2", name="alex", theme="vaccine myths")
    response = await desk.post_slack(submission)
    assert response.status == 200
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.LEFT, what="left")
    assert _cases(desk)[0].note == "vaccine myths"
    assert desk.graph.calls == []
    await desk.wait_for(
        lambda: any("theme: vaccine myths" in u.args["text"] for u in desk.slack.of("chat.update")),
        what="card shows theme",
    )


async def test_slack_429_is_retried_after_retry_after(desk: Desk) -> None:
    desk.slack.fail_next("chat.postMessage", status=429, retry_after=1)
    await desk.post_meta(facebook_delivery(("rl_1", ABUSE)))

    def post_task() -> OutboxTask:
        return desk.query(lambda s: s.exec(select(OutboxTask).where(OutboxTask.kind == "post_card")).one())

    await desk.wait_for(lambda: post_task().status == "done", what="card posted after the rate limit")
    assert post_task().attempts == 2
    first, second = desk.slack.of("chat.postMessage")
    assert second.at - first.at >= 1.0  # not before the Retry-After Slack asked for
    assert desk.card_ref(_cases(desk)[0].id or 0) is not None


async def test_graph_500_is_retried_then_succeeds(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("g500_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    desk.graph.fail_next(status=500, times=2)
    await desk.click(case_id=case_id, decision=Decision.HIDE)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.HIDDEN, what="hidden after retries")
    assert [c.method for c in desk.graph.calls] == ["POST", "POST", "POST"]
    assert [e.action for e in _audit(desk, case_id)] == [
        "case_opened",
        "decided_hide",
        "platform_hide",
        "contact_offered",
    ]


async def test_graph_refusal_shows_on_the_card_with_retry(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("g400_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case_id = _cases(desk)[0].id
    assert case_id is not None
    desk.graph.fail_next(status=400, code=100, message="Unsupported post request")
    await desk.click(case_id=case_id, decision=Decision.DELETE)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.FAILED, what="failed")
    updated = await desk.wait_for(
        lambda: [u for u in desk.slack.of("chat.update") if "modbot.retry" in _button_ids(u.args)],
        what="retry card",
    )
    assert "Unsupported post request" in str(updated[-1].args["blocks"])
    failed_row = _audit(desk, case_id)[-1]
    assert (failed_row.action, failed_row.outcome) == ("platform_delete", "failed")

    await desk.click(case_id=case_id, decision=Decision.RETRY)
    await desk.wait_for(lambda: _cases(desk)[0].status == CaseStatus.DELETED, what="deleted on retry")
    assert [c.method for c in desk.graph.calls] == ["DELETE", "DELETE"]


async def test_restart_with_pending_outbox_work_completes_it(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    settings = make_settings(db_target, slack, graph)
    first = await start_desk(settings, slack, graph, schema=db_target.schema)
    first.runtime.worker.stop()  # the process is about to die: nothing more gets sent
    await asyncio.sleep(0.1)
    await first.post_meta(
        facebook_delivery(("restart_1", ABUSE), ("restart_2", "Check out my channel for free followers"))
    )
    await stop_desk(first)
    assert slack.of("chat.postMessage") == []

    second = await start_desk(settings, slack, graph, schema=db_target.schema)
    try:
        await second.wait_for(lambda: len(slack.of("chat.postMessage")) == 2, what="both cards after restart")
        await asyncio.sleep(0.3)
        assert len(slack.of("chat.postMessage")) == 2
    finally:
        await stop_desk(second)


async def test_stopping_hands_claimed_work_back_at_once(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    # One card a minute: a backlog that cannot drain before shutdown.
    settings = make_settings(db_target, slack, graph, SLACK_POST_INTERVAL=60)
    first = await start_desk(settings, slack, graph, schema=db_target.schema)
    # Three on one post: a fourth would join a surge instead of getting its own card.
    await first.post_meta(facebook_delivery(*[(f"stop_{i}", ABUSE) for i in range(3)]))
    await first.wait_for(lambda: slack.of("chat.postMessage"), what="first card")
    await stop_desk(first)  # must not wait for two more minutes of pacing
    tasks = first.query(lambda s: s.exec(select(OutboxTask).where(OutboxTask.kind == "post_card")).all())
    assert sorted(t.status for t in tasks) == ["done", "pending", "pending"]
    assert all(t.lease_until is None and t.attempts == 0 for t in tasks if t.status == "pending")
