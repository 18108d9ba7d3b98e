"""Last month's assurance report goes to the desk once, on the month's first working day: as a
file in Slack (files.uploadV2 against the stand-in), and in Teams as a card with a signed link to
the report the bot serves."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from bench.assurance_seed import seed_month
from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import TaskKind
from bot.core.profile import load_profile
from bot.core.reporting.assurance import build_monthly_assurance
from bot.core.rhythm import sends
from bot.store.db import Database
from bot.store.tables import OutboxTask, ScheduledSend
from handlers.report.links import link_key, signed_path
from handlers.teams.digest_cards import report_card
from tests.conftest import DbTarget
from tests.harness import CHANNEL, Clock, Desk, london, make_settings, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

PROFILE = load_profile()
DESKS = [DeskTarget("slack", "slack:C0MODDESK")]


@pytest.mark.parametrize(
    ("moment", "slot"),
    [
        (london(2026, 12, 1, 8, 59), None),  # Tuesday 1 December, before the morning check
        (london(2026, 12, 1, 9, 0), "2026-11"),
        (london(2026, 12, 2, 10, 0), None),  # the second working day: not again, not late
        (london(2027, 1, 1, 10, 0), None),  # New Year's Day: a bank holiday
        (london(2027, 1, 4, 9, 30), "2026-12"),  # Monday 4 January: the first working day
        (london(2026, 11, 1, 10, 0), None),  # a Sunday
        (london(2026, 11, 2, 9, 0), "2026-10"),
    ],
)
def test_sent_from_the_morning_check_of_the_first_working_day(
    db: Database, moment: datetime, slot: str | None
) -> None:
    claimed = db.call(lambda s: sends.monthly_report(s, now=moment, profile=PROFILE, desks=DESKS))
    if slot is None:
        assert claimed is None
        return
    assert claimed is not None
    again = db.call(
        lambda s: sends.monthly_report(s, now=moment + timedelta(hours=3), profile=PROFILE, desks=DESKS)
    )
    assert again is None  # once, however many ticks or processes
    send = db.call(lambda s: s.get(ScheduledSend, claimed))
    assert (send.kind, send.slot) == (sends.ASSURANCE, slot)


async def _desk(db: DbTarget, standins: tuple[SlackStandIn, GraphStandIn], clock: Clock) -> Desk:
    slack, graph = standins
    return await start_desk(make_settings(db, slack, graph), slack, graph, schema=db.schema, now=clock)


async def test_report_is_shared_in_slack_once(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 12, 1, 9, 5))
    desk = await _desk(db_target, standins, clock)
    try:
        seed_month(desk.runtime.services.db, PROFILE, date(2026, 11, 1), comments=60, batch=12)
        services = desk.runtime.services
        await services.schedule_tick()
        await services.schedule_tick()
        shared = await desk.wait_for(lambda: desk.slack.shared_files, what="report shared")
        assert len(shared) == 1
        share = shared[0]
        assert share["channel_id"] == CHANNEL
        assert "November 2026" in share["initial_comment"]
        assert "60 items received" in share["initial_comment"]
        (entry,) = share["files"]
        html = desk.slack.uploads[entry["id"]].decode("utf-8")
        assert html.startswith("<!doctype html>")
        assert html.count("data:image/png;base64,") >= 5
        upload = desk.slack.of("files.getUploadURLExternal")[0].args
        assert upload["filename"] == "assurance-2026-11.html"
        assert int(upload["length"]) == len(html.encode("utf-8"))
    finally:
        await stop_desk(desk)
    # A restart the same morning sends nothing more.
    again = await _desk(db_target, standins, clock)
    try:
        clock.moment = london(2026, 12, 1, 11, 0)
        await again.runtime.services.schedule_tick()
        assert len(standins[0].shared_files) == 1
        assert len(standins[0].of("files.completeUploadExternal")) == 1
    finally:
        await stop_desk(again)


def _failed_once(desk: Desk) -> bool:
    tasks = desk.query(
        lambda s: s.exec(select(OutboxTask).where(OutboxTask.kind == TaskKind.SEND_SCHEDULED.value)).all()
    )
    return any(t.attempts >= 1 and t.last_error and t.status == "pending" for t in tasks)


async def test_slack_outage_is_retried_from_the_outbox(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 12, 1, 9, 5))
    desk = await _desk(db_target, standins, clock)
    try:
        desk.slack.fail_next("files.completeUploadExternal", status=500)
        services = desk.runtime.services
        await services.schedule_tick()
        await desk.wait_for(lambda: _failed_once(desk), what="the first try recorded as failed")
        assert desk.slack.shared_files == []
        clock.moment += timedelta(minutes=10)  # past the outbox's backoff
        services.wake_outbox()
        shared = await desk.wait_for(lambda: desk.slack.shared_files, what="report shared after a retry")
        assert len(shared) == 1
        assert len(desk.slack.of("files.completeUploadExternal")) == 2
    finally:
        await stop_desk(desk)


async def test_signed_link_opens_the_report_and_nothing_else_does(
    db_target: DbTarget, standins: tuple[SlackStandIn, GraphStandIn]
) -> None:
    clock = Clock(london(2026, 12, 1, 9, 5))
    desk = await _desk(db_target, standins, clock)
    try:
        services = desk.runtime.services
        seed_month(services.db, PROFILE, date(2026, 11, 1), comments=36, batch=12)
        key = link_key(services.data_key)
        path = signed_path(date(2026, 11, 1), key=key, now=clock())
        response = await desk.http.get(desk.base.rstrip("/") + path)
        assert response.status == 200
        assert response.headers["Cache-Control"] == "private, no-store"
        page = await response.text()
        assert "November 2026" in page and page.count("data:image/png;base64,") >= 5

        tampered = re.sub(r"sig=([0-9a-f])", lambda m: "sig=" + ("0" if m[1] != "0" else "1"), path)
        other_month = path.replace("2026-11", "2026-10")
        bad_month = "/reports/assurance/2026-13?expires=1&sig=x"
        for bad, status in ((tampered, 403), (other_month, 403), (bad_month, 404)):
            response = await desk.http.get(desk.base.rstrip("/") + bad)
            assert response.status == status, bad
            assert "report" in (await response.json())["error"]
        clock.moment = clock.moment + timedelta(days=46)
        response = await desk.http.get(desk.base.rstrip("/") + path)
        assert response.status == 403
        assert "expired" in (await response.json())["error"]
    finally:
        await stop_desk(desk)


def test_teams_card_carries_the_figures_and_the_link(db: Database) -> None:
    seed_month(db, PROFILE, date(2026, 11, 1), comments=24, batch=12)
    report = db.call(
        lambda s: build_monthly_assurance(
            session=s,
            month=date(2026, 11, 1),
            organisation=PROFILE.organisation.name,
            calendar=PROFILE.calendar,
            now=london(2026, 12, 1, 9),
        )
    )
    card = report_card(report, link="https://bot.example.org/reports/assurance/2026-11?expires=1&sig=ab")
    texts = " ".join(block["text"] for block in card["body"])
    assert "November 2026" in texts and "24 items received" in texts
    assert card["actions"] == [
        {
            "type": "Action.OpenUrl",
            "title": "Open the full report",
            "url": "https://bot.example.org/reports/assurance/2026-11?expires=1&sig=ab",
        }
    ]
    without = report_card(report, link=None)
    assert "actions" not in without
    assert "modbot report --month 2026-11" in " ".join(block["text"] for block in without["body"])
