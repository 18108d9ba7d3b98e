"""Slack's Home tab through a signed `app_home_opened` delivery: the desk for moderators, how to
report abuse for everyone else; and the overview's view model on its own."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime
from typing import Any

from bot.core.models import Decision
from bot.core.moderation.overview import build_overview
from bot.core.profile import load_profile
from bot.core.rhythm.clock import LONDON
from bot.store.tables import Case
from tests.conftest import DbTarget, sample
from tests.harness import Desk, facebook_delivery, put_on_call, running_desk

PROFILE = load_profile()


def home_opened(user: str) -> dict[str, Any]:
    document = json.loads(sample("slack", "app_home_opened.json").read_text())
    document["event"]["user"] = user
    return document


def _published(desk: Desk) -> list[dict[str, Any]]:
    return [c.args for c in desk.slack.of("views.publish")]


async def test_moderator_sees_the_desk(db_target: DbTarget) -> None:
    async with running_desk(db_target) as desk:
        await desk.post_meta(
            facebook_delivery(("home_1", "You are a useless idiot"), ("home_2", "Thank you all"))
        )
        await desk.wait_for(lambda: desk.card_ref(1), what="card posted")
        today = datetime.now(LONDON).date()
        put_on_call(desk, name="Priya Shah", slack_user_id="U0ONCALL", starts_on=today, ends_on=today)

        response = await desk.post_event(home_opened("U0MOD1"))
        assert response.status == 200
        (published,) = await desk.wait_for(lambda: _published(desk), what="Home tab published")
        assert published["user_id"] == "U0MOD1"
        view = published["view"]
        assert view["type"] == "home"
        text = json.dumps(view["blocks"], ensure_ascii=False)
        assert "Open cases: 1" in text
        assert "Priya Shah" in text and "<@U0ONCALL>" in text
        assert "case 1" in text and "open card" in text  # a link to the card in the channel
        assert "items received 2 · Tier 1 flagged 1" in text
        assert "never" in text  # no check has been done on this new desk

        # Decided: the next opening shows it gone, because the tab is rebuilt each time.
        await desk.click(case_id=1, decision=Decision.HIDE)
        await desk.wait_for(lambda: _status(desk) == "hidden", what="hidden on the platform")
        await desk.post_event(home_opened("U0MOD1"))
        second = await desk.wait_for(lambda: _published(desk)[1:], what="Home tab published again")
        assert "Open cases: 0" in json.dumps(second[0]["view"]["blocks"], ensure_ascii=False)


def _status(desk: Desk) -> str:
    return str(desk.query(lambda s: s.get(Case, 1).status))


async def test_anyone_else_sees_how_to_report_abuse_and_nothing_of_the_desk(db_target: DbTarget) -> None:
    async with running_desk(db_target) as desk:
        await desk.post_meta(facebook_delivery(("home_3", "You are a useless idiot")))
        await desk.wait_for(lambda: desk.card_ref(1), what="card posted")
        response = await desk.post_event(home_opened("U0STAFF9"))
        assert response.status == 200
        (published,) = await desk.wait_for(lambda: _published(desk), what="Home tab published")
        text = json.dumps(published["view"]["blocks"])
        assert "999" in text and "/report-abuse" in text
        assert "case 1" not in text and "Open cases" not in text


async def test_a_forged_or_messages_tab_event_publishes_nothing(db_target: DbTarget) -> None:
    async with running_desk(db_target) as desk:
        forged = await desk.post_event(home_opened("U0MOD1"), secret="not-the-secret")
        assert forged.status == 401
        messages_tab = home_opened("U0MOD1")
        messages_tab["event"]["tab"] = "messages"
        assert (await desk.post_event(messages_tab)).status == 200
        await asyncio.sleep(0.5)  # Bolt runs event listeners after its answer: give one time to act
        assert _published(desk) == []


def test_overview_counts_the_month_and_the_checks(db_target: DbTarget) -> None:
    from bench.assurance_seed import seed_month
    from bot.store.db import Database, make_engine, migrate

    engine = make_engine(db_target.url, schema=db_target.schema)
    migrate(engine)
    db = Database(engine, workers=1)
    try:
        seed_month(db, PROFILE, date(2026, 11, 1), comments=36, batch=12)
        now = datetime(2026, 11, 30, 18, 0, tzinfo=LONDON)
        overview = db.call(lambda s: build_overview(session=s, now=now, profile=PROFILE))
    finally:
        db.close()
    assert overview.month.received == 36
    assert overview.month.month == date(2026, 11, 1)
    assert [c.slot for c in overview.checks] == ["morning", "midday", "afternoon"]
    assert all(c.at is not None and c.by.startswith("moderator.") for c in overview.checks)
    assert overview.open_total == sum(listing.count for listing in overview.open_by_tier.values())
