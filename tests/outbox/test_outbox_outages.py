"""A Slack outage, a slow Slack and a process killed mid-post: every card still arrives once.

Time is scaled down (backoff in tenths of a second, give-up after seconds rather than a day); the
mechanisms are the ones `modbot serve` runs: the real app, the outbox worker, the Slack client
against a stand-in that speaks Slack's Web API.
"""

from __future__ import annotations

import asyncio
import io
from argparse import Namespace
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from bot.commands.check import cmd_check
from bot.commands.outbox import cmd_outbox_list, cmd_outbox_retry
from bot.core.delivery import dead_letters
from bot.store.tables import CardRef, Case, OutboxTask
from tests.conftest import DbTarget
from tests.harness import CHANNEL, Desk, make_settings, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

ABUSE = "You are a useless idiot and everyone at that clinic is scum"
PAGE = "1234567890321"


def _delivery(first: int, count: int) -> dict[str, Any]:
    changes = [
        {
            "field": "feed",
            "value": {
                "item": "comment",
                "verb": "add",
                "comment_id": f"{PAGE}_{n}",
                "message": ABUSE,
                "from": {"id": f"9{n}"},
            },
        }
        for n in range(first, first + count)
    ]
    return {"object": "page", "entry": [{"id": PAGE, "changes": changes}]}


async def _desk(db_target: DbTarget, slack: SlackStandIn, graph: GraphStandIn, **settings: Any) -> Desk:
    values: dict[str, Any] = dict(OUTBOX_BACKOFF_BASE=0.05, OUTBOX_BACKOFF_MAX=0.3, OUTBOX_GIVE_UP_AFTER=120)
    values.update(settings)
    return await start_desk(
        make_settings(db_target, slack, graph, **values), slack, graph, schema=db_target.schema
    )


def _cards(slack: SlackStandIn) -> Counter[int]:
    """How many times each case's card reached the channel."""
    return Counter(
        m["metadata"]["event_payload"]["id"]
        for m in slack.posted(CHANNEL)
        if m.get("metadata") and m["metadata"]["event_payload"]["kind"] == "case"
    )


def _case_ids(desk: Desk) -> list[int]:
    return [int(i) for i in desk.query(lambda s: s.exec(select(Case.id)).all())]


def _tasks(desk: Desk, status: str) -> list[OutboxTask]:
    return list(
        desk.query(lambda s: s.exec(select(OutboxTask).where(col(OutboxTask.status) == status)).all())
    )


async def test_an_outage_longer_than_any_attempt_count_ends_with_every_card_once(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    desk = await _desk(db_target, slack, graph)
    try:
        slack.fail_for(1.5, status=429, retry_after=1)  # rate limited, then down
        assert (await desk.post_meta(_delivery(1, 20))).status == 200
        await asyncio.sleep(1.5)
        slack.fail_for(2.5, status=500)
        cases = _case_ids(desk)
        assert len(cases) == 20
        await desk.wait_for(lambda: len(_cards(slack)) == 20, timeout=30, what="every card after the outage")
        await asyncio.sleep(0.5)  # any second copy would show by now
        assert _cards(slack) == Counter(dict.fromkeys(cases, 1))
        refs = desk.query(lambda s: s.exec(select(CardRef)).all())
        assert sorted(r.case_id for r in refs) == sorted(cases)
        assert _tasks(desk, "dead") == []
        failed = [c for c in slack.of("chat.postMessage") if c.args.get("metadata")]
        assert len(failed) > 20  # the outage was really met, and outlasted
    finally:
        await stop_desk(desk)


async def test_cards_answered_after_the_client_timeout_are_found_not_posted_again(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    slack.post_delay = 1.6  # Slack posts at once but answers after the client gave up
    desk = await _desk(db_target, slack, graph, SLACK_TIMEOUT=1)
    try:
        assert (await desk.post_meta(_delivery(1, 3))).status == 200
        cases = _case_ids(desk)
        await desk.wait_for(
            lambda: len(desk.query(lambda s: s.exec(select(CardRef)).all())) == 3, timeout=30, what="refs"
        )
        slack.post_delay = 0
        await asyncio.sleep(0.5)
        assert _cards(slack) == Counter(dict.fromkeys(cases, 1))
        by_case = {r.case_id: r.message_ref for r in desk.query(lambda s: s.exec(select(CardRef)).all())}
        posted = {
            m["metadata"]["event_payload"]["id"]: m["ts"] for m in slack.posted(CHANNEL) if m.get("metadata")
        }
        assert by_case == posted  # each case points at the one message its card is in
        assert slack.of("conversations.history")  # the retries looked before posting
        # The adopted messages were brought up to date in place.
        await desk.wait_for(lambda: len(slack.of("chat.update")) >= 3, what="refreshes")
    finally:
        await stop_desk(desk)


async def test_a_card_whose_process_died_mid_post_is_found_by_the_next_process(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    slack.post_delay = 30  # the post reaches the channel; the answer never arrives in time
    first = await _desk(db_target, slack, graph)
    await first.post_meta(_delivery(1, 1))
    [case_id] = _case_ids(first)
    await first.wait_for(lambda: _cards(slack), what="the post to reach Slack")
    for task in first.runtime.tasks:  # the process dies: nothing after the post is recorded
        task.cancel()
    await asyncio.gather(*first.runtime.tasks, return_exceptions=True)
    await stop_desk(first)
    [running] = _tasks(first, "running")
    assert running.kind == "post_card"
    # Its lease runs out, as it would a minute later.
    first.query(
        lambda s: s.connection().execute(
            update(OutboxTask).values(lease_until=datetime.now(UTC) - timedelta(seconds=1))
        )
    )
    slack.post_delay = 0
    second = await _desk(db_target, slack, graph)
    try:
        await second.wait_for(lambda: second.card_ref(case_id), timeout=20, what="the card adopted")
        assert _cards(slack) == Counter({case_id: 1})
    finally:
        await stop_desk(second)


def _cli_env(monkeypatch: pytest.MonkeyPatch, db_target: DbTarget) -> None:
    url = db_target.url
    if db_target.schema:
        url += f"?options=-csearch_path%3D{db_target.schema}"
    monkeypatch.setenv("DATABASE_URL", url)


async def test_a_card_that_runs_out_of_time_is_told_listed_and_retried_by_hand(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn], monkeypatch: pytest.MonkeyPatch
) -> None:
    slack, graph = standins
    slack.fail_for(600, status=500, cards_only=True)  # cards cannot be posted; other messages can
    desk = await _desk(db_target, slack, graph, OUTBOX_GIVE_UP_AFTER=1)
    try:
        await desk.post_meta(_delivery(1, 2))
        cases = _case_ids(desk)
        await desk.wait_for(lambda: len(_tasks(desk, "dead")) == 2, timeout=20, what="the cards to run out")
        def notices() -> list[dict[str, Any]]:
            return [m for m in slack.posted(CHANNEL) if "could not be posted" in (m["text"] or "")]

        await desk.wait_for(lambda: len(notices()) == 2, what="the notices")
        # Slack has the notices a moment before their tasks are marked done; check counts after that.
        await desk.wait_for(
            lambda: not _tasks(desk, "pending") and not _tasks(desk, "running"), what="the notices done"
        )
        dead = {t.id: t for t in _tasks(desk, "dead")}
        for notice in notices():
            assert any(f"card for case {c} could not be posted to slack" in notice["text"] for c in cases)
        told = [c for c in slack.of("chat.postMessage") if not c.args.get("metadata")]
        assert any(
            f"modbot outbox retry {task_id}" in str(call.args.get("blocks"))
            for call in told
            for task_id in dead
        )

        _cli_env(monkeypatch, db_target)
        listing = io.StringIO()
        assert cmd_outbox_list(Namespace(dead=True, limit=50), out=listing) == 0
        assert all(f"{task_id}\tdead\tpost_card" in listing.getvalue() for task_id in dead)

        checked = io.StringIO()
        cmd_check(Namespace(), out=checked)
        assert "outbox: 0 waiting, 2 dead" in checked.getvalue()
        assert "2 outbox tasks ran out of time" in checked.getvalue()

        slack.outage = None  # Slack is back; a person queues the cards again
        answer = io.StringIO()
        assert cmd_outbox_retry(Namespace(ids=[], dead=True), out=answer) == 0
        assert answer.getvalue().startswith("queued again:")
        await desk.wait_for(lambda: len(_cards(slack)) == 2, timeout=20, what="the cards, retried")
        await asyncio.sleep(0.3)
        assert _cards(slack) == Counter(dict.fromkeys(cases, 1))
        assert desk.query(dead_letters.dead_count) == 0
    finally:
        await stop_desk(desk)


async def test_a_notice_that_runs_out_of_time_is_not_told_again(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, graph = standins
    slack.fail_for(600, status=500)  # the channel itself is down: the log and modbot check say it
    desk = await _desk(db_target, slack, graph, OUTBOX_GIVE_UP_AFTER=0.5)
    try:
        await desk.post_meta(_delivery(1, 1))
        await desk.wait_for(lambda: len(_tasks(desk, "dead")) == 2, timeout=20, what="card and notice dead")
        await asyncio.sleep(1.0)
        kinds = sorted(t.kind for t in _tasks(desk, "dead"))
        assert kinds == ["dead_task_notice", "post_card"]
        assert _tasks(desk, "pending") == [] and _tasks(desk, "running") == []
    finally:
        await stop_desk(desk)


def test_retry_names_what_it_left_alone(db_target: DbTarget, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.store.db import Database, make_engine, migrate

    engine = make_engine(db_target.url, schema=db_target.schema)
    migrate(engine)
    db = Database(engine, workers=1)
    now = datetime.now(UTC)
    task = OutboxTask(
        kind="post_card",
        payload={"case_id": 1, "desk": "slack"},
        status="done",
        next_attempt_at=now,
        created_at=now,
    )
    db.call(lambda s: s.add(task))
    db.close()
    _cli_env(monkeypatch, db_target)
    out = io.StringIO()
    cmd_outbox_retry(Namespace(ids=[1, 99], dead=False), out=out)
    assert "queued again: none" in out.getvalue()
    assert "not dead (or not found), left as they are: 1, 99" in out.getvalue()
