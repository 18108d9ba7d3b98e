"""The desk's rhythm end to end: reminders, Checked, the handover and its re-send, restarts,
and two schedulers on one database. A settable clock drives the real app and the real
APScheduler; the Slack stand-in records what arrives."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from bot.core.models import Decision
from bot.core.profile import load_profile
from bot.core.rhythm import sends
from bot.store.tables import AuditEvent, ScheduledSend
from tests.conftest import DbTarget
from tests.harness import (
    CHANNEL,
    Clock,
    Desk,
    facebook_delivery,
    london,
    make_settings,
    put_on_call,
    start_desk,
    stop_desk,
)
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

PROFILE = load_profile()


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (london(2026, 11, 23, 8, 59), []),
        (london(2026, 11, 23, 9, 0), [("check", "morning")]),
        (london(2026, 11, 23, 12, 29), [("check", "morning")]),  # missed at 09:00: still due
        (london(2026, 11, 23, 12, 30), [("check", "midday")]),  # superseded by the next check
        (london(2026, 11, 23, 16, 50), [("handover", "handover")]),
        (london(2026, 11, 23, 23, 59), [("handover", "handover")]),
        (london(2026, 11, 21, 9, 30), []),  # Saturday
        (london(2026, 12, 28, 9, 30), []),  # substitute bank holiday
    ],
)
def test_due_sends(moment: datetime, expected: list[tuple[str, str]]) -> None:
    assert [(s.kind, s.slot) for s in sends.due_sends(now=moment, profile=PROFILE)] == expected


async def _desk(
    db: DbTarget, standins: tuple[SlackStandIn, GraphStandIn], clock: Clock, **settings: object
) -> Desk:
    slack, graph = standins
    return await start_desk(
        make_settings(db, slack, graph, **settings), slack, graph, schema=db.schema, now=clock
    )


def _sends(desk: Desk) -> list[ScheduledSend]:
    return list(desk.query(lambda s: s.exec(select(ScheduledSend).order_by(ScheduledSend.id)).all()))


def _ack_payload(desk: Desk, message: dict, user: str, name: str) -> dict:
    button = next(e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"])
    payload = desk.click_payload(case_id=1, decision=Decision.HIDE)
    payload["user"] = {"id": user, "username": name, "name": name, "team_id": "T111"}
    payload["actions"] = [{**button, "block_id": "ack", "type": "button", "action_ts": "1.1"}]
    return payload


async def test_morning_reminder_is_posted_once_and_checked(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 11, 23, 8, 0))
    desk = await _desk(db_target, standins, clock)
    try:
        clock.moment = london(2026, 11, 20, 18)  # Friday evening: an abusive comment arrives
        await desk.post_meta(facebook_delivery(("over_1", "You are a useless idiot")))
        await desk.wait_for(lambda: desk.card_ref(1), what="card posted")
        clock.moment = london(2026, 11, 23, 9, 0)
        services = desk.runtime.services
        assert len(await services.schedule_tick()) == 1
        assert await services.schedule_tick() == []  # a second tick claims nothing
        reminders = await desk.wait_for(
            lambda: [c for c in desk.slack.of("chat.postMessage") if "Morning check" in c.args["text"]],
            what="morning reminder",
        )
        assert len(reminders) == 1
        message = reminders[0].args
        assert message["channel"] == CHANNEL
        assert "since 17:00 Fri 20 Nov" in message["text"]
        assert "Open Tier 1" in json.dumps(message["blocks"]) and "open card" in json.dumps(message["blocks"])

        # "Checked" is for moderators (the handover, below, is for whoever is on call).
        await desk.post_slack(_ack_payload(desk, message, "U0VISITOR", "visitor"))
        refused = await desk.wait_for(
            lambda: [c for c in desk.slack.of("chat.postEphemeral") if c.args["user"] == "U0VISITOR"],
            what="visitor refused",
        )
        assert "Only moderators can act on flagged comments" in refused[0].args["text"]
        assert _sends(desk)[0].acknowledged_by is None

        await desk.post_slack(_ack_payload(desk, message, "U0MOD2", "alex"))
        await desk.wait_for(lambda: _sends(desk)[0].acknowledged_by == "alex", what="checked recorded")
        await desk.post_slack(_ack_payload(desk, message, "U0MOD1", "sam"))
        told = await desk.wait_for(
            lambda: [c for c in desk.slack.of("chat.postEphemeral") if c.args["user"] == "U0MOD1"],
            what="second told",
        )
        assert "Already checked by alex" in told[0].args["text"]
        audit = desk.query(
            lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "check_done_morning")).all()
        )
        assert [(a.actor, a.subject) for a in audit] == [("slack:U0MOD2", "check:2026-11-23:morning")]
    finally:
        await stop_desk(desk)


async def test_handover_goes_to_the_person_on_call_and_is_resent_if_unacknowledged(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 11, 23, 16, 45))
    desk = await _desk(db_target, standins, clock)
    try:
        put_on_call(
            desk,
            name="Priya Shah",
            slack_user_id="U0ONCALL",
            starts_on=date(2026, 11, 23),
            ends_on=date(2026, 11, 23),
        )
        services = desk.runtime.services
        await services.schedule_tick()
        await desk.wait_for(lambda: _sends(desk) and _sends(desk)[0].sent_at, what="handover sent")
        posts = desk.slack.of("chat.postMessage")
        assert [p.args["channel"] for p in posts] == ["U0ONCALL", CHANNEL]
        assert "On call tonight: Priya Shah" in posts[0].args["text"]
        assert "Handover sent to <@U0ONCALL>" in json.dumps(posts[1].args["blocks"])

        clock.moment += timedelta(minutes=29)
        await services.schedule_tick()
        await asyncio.sleep(0.2)
        assert len(desk.slack.of("chat.postMessage")) == 2  # not yet: 30 minutes to acknowledge

        clock.moment += timedelta(minutes=2)
        await services.schedule_tick()
        await desk.wait_for(lambda: len(desk.slack.of("chat.postMessage")) == 4, what="re-sent")
        resent = desk.slack.of("chat.postMessage")[2:]
        assert [p.args["channel"] for p in resent] == ["U0ONCALL", CHANNEL]
        assert "Nobody has acknowledged" in json.dumps(resent[1].args["blocks"])

        await desk.post_slack(_ack_payload(desk, resent[0].args, "U0ONCALL", "priya"))
        await desk.wait_for(
            lambda: next(s for s in _sends(desk) if s.kind == "handover").acknowledged_by == "priya",
            what="ack",
        )
        clock.moment += timedelta(minutes=60)
        await services.schedule_tick()
        await asyncio.sleep(0.2)
        assert len(desk.slack.of("chat.postMessage")) == 4  # acknowledged: no more re-sends
    finally:
        await stop_desk(desk)


async def test_handover_with_nobody_on_call_warns_the_channel(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 11, 23, 16, 45))
    desk = await _desk(db_target, standins, clock)
    try:
        await desk.runtime.services.schedule_tick()
        [post] = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="handover")
        assert post.args["channel"] == CHANNEL
        assert post.args["text"].startswith("<!here>")
        assert "Nobody is on call tonight" in json.dumps(post.args["blocks"])
    finally:
        await stop_desk(desk)


async def test_missed_slot_is_sent_once_after_a_restart(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, _graph = standins
    clock = Clock(london(2026, 11, 23, 10, 30))  # the bot was down at 09:00
    first = await _desk(db_target, standins, clock)
    await first.runtime.services.schedule_tick()
    await first.wait_for(lambda: len(slack.of("chat.postMessage")) == 1, what="late morning reminder")
    await stop_desk(first)

    clock.moment = london(2026, 11, 23, 10, 45)
    second = await _desk(db_target, standins, clock)
    try:
        assert await second.runtime.services.schedule_tick() == []
        await asyncio.sleep(0.2)
        assert len(slack.of("chat.postMessage")) == 1
    finally:
        await stop_desk(second)


async def test_two_real_schedulers_on_one_database_send_each_reminder_once(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    slack, _graph = standins
    clock = Clock(london(2026, 11, 23, 12, 31))
    settings = dict(MODBOT_SCHEDULER=True, MODBOT_SCHEDULER_INTERVAL=0.2)
    first = await _desk(db_target, standins, clock, **settings)
    second = await _desk(db_target, standins, clock, **settings)
    try:
        assert first.runtime.scheduler is not None and first.runtime.scheduler.running
        await first.wait_for(lambda: slack.of("chat.postMessage"), what="midday reminder")
        await asyncio.sleep(1.0)  # several ticks of both schedulers
        texts = [c.args["text"] for c in slack.of("chat.postMessage")]
        assert len(texts) == 1 and texts[0].startswith("Midday check")
        # Each claimed once, by whichever scheduler got there first (retention runs daily too).
        assert sorted((s.kind, s.slot) for s in _sends(first)) == [
            ("check", "midday"),
            ("retention", "daily"),
        ]
    finally:
        await stop_desk(first)
        await stop_desk(second)


URGENT = "I can't go on, I want to end my life"


async def test_urgent_item_out_of_hours_goes_straight_to_the_person_on_call(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 11, 21, 23, 10))  # Saturday night
    desk = await _desk(db_target, standins, clock)
    try:
        put_on_call(
            desk,
            name="Priya Shah",
            slack_user_id="U0ONCALL",
            starts_on=date(2026, 11, 21),
            ends_on=date(2026, 11, 22),
        )
        await desk.post_meta(facebook_delivery(("urg_1", URGENT), ("calm_1", "Lovely photo")))
        direct = await desk.wait_for(
            lambda: [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == "U0ONCALL"],
            what="DM",
        )
        assert "Out of hours" in json.dumps(direct[0].args["blocks"])
        assert "URGENT" in direct[0].args["text"]
        channel_cards = [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == CHANNEL]
        assert len(channel_cards) == 1 and not channel_cards[0].args["text"].startswith("<!here>")
        rows = await desk.wait_for(
            lambda: desk.query(
                lambda s: s.exec(
                    select(AuditEvent).where(AuditEvent.action == "escalated_out_of_hours")
                ).all()
            ),
            what="escalation audited",
        )
        assert rows[0].outcome == "ok" and rows[0].detail["on_call"] == "Priya Shah"
    finally:
        await stop_desk(desk)


async def test_urgent_item_out_of_hours_with_nobody_on_call_alerts_the_channel(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    desk = await _desk(db_target, standins, Clock(london(2026, 11, 23, 20, 0)))
    try:
        await desk.post_meta(facebook_delivery(("urg_2", URGENT)))
        alerts = await desk.wait_for(
            lambda: [c for c in desk.slack.of("chat.postMessage") if "Out-of-hours" in c.args["text"]],
            what="alert",
        )
        assert alerts[0].args["channel"] == CHANNEL and alerts[0].args["text"].startswith("<!here>")
        assert "Nobody is on call" in json.dumps(alerts[0].args["blocks"])
    finally:
        await stop_desk(desk)


async def test_urgent_item_in_hours_alerts_the_channel_and_is_not_escalated(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    desk = await _desk(db_target, standins, Clock(london(2026, 11, 23, 11, 0)))
    try:
        await desk.post_meta(facebook_delivery(("urg_3", URGENT)))
        [card] = await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
        assert card.args["channel"] == CHANNEL and card.args["text"].startswith("<!here> URGENT")
        await asyncio.sleep(0.2)
        assert len(desk.slack.of("chat.postMessage")) == 1
    finally:
        await stop_desk(desk)


def test_oncall_command_parsing() -> None:
    from handlers.slack.oncall import parse_oncall

    today = date(2026, 11, 23)
    assert parse_oncall("", today=today) is None
    request = parse_oncall("<@U0PRIYA|priya.shah> 2026-11-23 2026-11-29", today=today)
    assert request is not None and (request.user_id, request.name, request.ends_on) == (
        "U0PRIYA",
        "priya.shah",
        date(2026, 11, 29),
    )
    assert parse_oncall("<@U0PRIYA> today", today=today).starts_on == today  # type: ignore[union-attr]
    with pytest.raises(Exception, match="@mention"):
        parse_oncall("priya 2026-11-23", today=today)
    with pytest.raises(Exception, match="not a date"):
        parse_oncall("<@U0PRIYA> 2026-13-45", today=today)


async def test_oncall_command_shows_and_sets_the_rota(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    desk = await _desk(db_target, standins, Clock(london(2026, 11, 23, 10, 0)))
    try:
        responses = lambda: desk.slack.of("response_url.hook")  # noqa: E731
        assert (await desk.post_command("/oncall", "")).status == 200
        await desk.wait_for(lambda: len(responses()) == 1, what="show")
        assert "Nobody is on call" in responses()[0].args["text"]

        await desk.post_command("/oncall", "<@U0PRIYA|priya> 2026-11-23 2026-11-29")
        await desk.wait_for(lambda: len(responses()) == 2, what="set")
        assert responses()[1].args["text"] == "On call now: <@U0PRIYA> (Mon 23 Nov to Sun 29 Nov)."
        assert responses()[1].args["response_type"] == "ephemeral"

        await desk.post_command("/oncall", "<@U0EVE|eve> today", user="U0VISITOR", name="visitor")
        await desk.wait_for(lambda: len(responses()) == 3, what="refused")
        assert "Only moderators" in responses()[2].args["text"]
        assert (await desk.runtime.services.on_call_now()).name == "priya"  # type: ignore[union-attr]
        audit = desk.query(
            lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "oncall_set")).all()
        )
        assert [a.actor for a in audit] == ["slack:U0MOD1"]
    finally:
        await stop_desk(desk)


async def test_response_clock_nudges_at_75_percent_and_alerts_once_when_overdue(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 11, 23, 10, 0))  # Monday: due Wednesday 10:00
    desk = await _desk(db_target, standins, clock)
    services = desk.runtime.services
    try:
        await desk.post_meta(facebook_delivery(("clk_1", "You are a useless idiot")))
        await desk.wait_for(lambda: desk.card_ref(1), what="card")

        def alerts() -> list[str]:
            return [
                c.args["text"]
                for c in desk.slack.of("chat.postMessage")
                if c.args["text"].startswith("Case 1 ")
            ]

        clock.moment = london(2026, 11, 24, 21, 0)  # Tuesday evening, out of hours: no nudge at night
        await services.schedule_tick()
        clock.moment = london(2026, 11, 25, 9, 0)  # Wednesday 09:00: 45 of 48 hours gone
        await services.schedule_tick()
        await services.schedule_tick()
        await desk.wait_for(lambda: len(alerts()) == 1, what="nudge")
        assert "due a response by 10:00" in alerts()[0]

        clock.moment = london(2026, 11, 25, 10, 1)
        await services.schedule_tick()
        await services.schedule_tick()
        await desk.wait_for(lambda: len(alerts()) == 2, what="overdue alert")
        assert "past its response time" in alerts()[1]
        await asyncio.sleep(0.2)
        assert len(alerts()) == 2
    finally:
        await stop_desk(desk)
