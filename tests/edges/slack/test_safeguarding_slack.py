"""/report-abuse end to end through signed Slack requests into the real app."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlmodel import select

from bot.core.models import Actor, Decision
from bot.core.rhythm import rota
from bot.core.rhythm.clock import LONDON
from bot.store.tables import AuditEvent, SafeguardingReport
from tests.conftest import DbTarget, sample
from tests.harness import SAFEGUARDING_CHANNEL, Desk, make_settings, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

WHAT = "a message describing something the channel must never see"


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    clock = Clock(datetime(2026, 11, 23, 11, 0, tzinfo=LONDON))
    running = await start_desk(
        make_settings(db_target, slack, graph), slack, graph, schema=db_target.schema, now=clock
    )
    running.clock = clock  # type: ignore[attr-defined]
    yield running
    await stop_desk(running)
    await slack.close()
    await graph.close()


def submission(view: dict[str, Any], *, user: str = "U0STAFF", **answers: Any) -> dict[str, Any]:
    """A view_submission shaped like the sample fixture, with the form's answers."""
    body = json.loads(sample("slack", "view_submission.json").read_text())
    values: dict[str, Any] = {
        "category": {
            "value": {
                "type": "static_select",
                "selected_option": {"value": answers.get("category", "abuse_received")},
            }
        },
        "danger": {
            "value": {"type": "radio_buttons", "selected_option": {"value": answers.get("danger", "no")}}
        },
        "platform": {"value": {"type": "static_select", "selected_option": {"value": "facebook"}}},
        "link": {
            "value": {
                "type": "plain_text_input",
                "value": answers.get("link", "https://www.facebook.com/x/posts/1"),
            }
        },
        "account": {"value": {"type": "plain_text_input", "value": "an-account"}},
        "when": {"value": {"type": "datepicker", "selected_date": answers.get("when", "2026-11-22")}},
        "what": {"value": {"type": "plain_text_input", "value": answers.get("what", WHAT)}},
        "consent": {"value": {"type": "radio_buttons", "selected_option": {"value": "yes"}}},
    }
    body["user"] = {"id": user, "username": "jo.staff", "name": "jo.staff", "team_id": "T111"}
    body["view"].update(
        callback_id=view["callback_id"],
        blocks=view["blocks"],
        private_metadata=view["private_metadata"],
        state={"values": values},
    )
    return body


async def open_form(desk: Desk) -> dict[str, Any]:
    response = await desk.post_command("/report-abuse", "", user="U0STAFF", name="jo.staff")
    assert response.status == 200
    opened = await desk.wait_for(lambda: desk.slack.of("views.open"), what="form opened")
    return opened[-1].args["view"]


def reports(desk: Desk) -> list[SafeguardingReport]:
    return list(desk.query(lambda s: s.exec(select(SafeguardingReport)).all()))


async def test_the_form_says_999_first(desk: Desk) -> None:
    view = await open_form(desk)
    assert "call 999 now" in view["blocks"][0]["text"]["text"]
    assert [b["block_id"] for b in view["blocks"] if b["type"] == "input"] == [
        "category",
        "danger",
        "platform",
        "link",
        "account",
        "when",
        "what",
        "consent",
    ]


@pytest.mark.parametrize(
    ("answers", "block", "words"),
    [
        ({"link": "not a url"}, "link", "not a web address"),
        ({"when": "2026-11-30"}, "when", "in the future"),
        ({"what": ""}, "what", "describe what you saw"),
    ],
)
async def test_validation_errors_come_back_keyed_by_block(
    desk: Desk, answers: dict[str, str], block: str, words: str
) -> None:
    view = await open_form(desk)
    response = await desk.post_slack(submission(view, **answers))
    body = await response.json()
    assert body["response_action"] == "errors"
    assert words in body["errors"][block]
    assert reports(desk) == []


async def test_report_gets_a_reference_a_receipt_and_a_notice_without_details(desk: Desk) -> None:
    view = await open_form(desk)
    response = await desk.post_slack(submission(view))
    body = await response.json()
    assert body["response_action"] == "update"
    receipt = json.dumps(body["view"])
    assert "Your reference is SG-2026-0001" in receipt
    assert "01782 235100" in receipt  # the local authority contacts from the policy profile

    notices = await desk.wait_for(
        lambda: [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == SAFEGUARDING_CHANNEL],
        what="channel notice",
    )
    posted = json.dumps(notices[0].args)
    assert "SG-2026-0001" in posted and "Abuse or harassment I received online" in posted
    assert (
        WHAT not in posted
        and "an-account" not in posted
        and "jo.staff" not in posted
        and "U0STAFF" not in posted
    )


async def test_only_leads_see_details_and_the_reporter_hears_back(desk: Desk) -> None:
    view = await open_form(desk)
    await desk.post_slack(submission(view))
    [notice] = await desk.wait_for(
        lambda: [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == SAFEGUARDING_CHANNEL],
        what="notice",
    )
    buttons = {
        e["action_id"]: e for b in notice.args["blocks"] if b["type"] == "actions" for e in b["elements"]
    }

    def press(user: str, element: dict[str, Any], option: int | None = None) -> dict[str, Any]:
        payload = desk.click_payload(case_id=1, decision=Decision.HIDE, user=user)
        payload["container"] = {
            "type": "message",
            "message_ts": "1700000000.000009",
            "channel_id": SAFEGUARDING_CHANNEL,
        }
        action = {
            "action_id": element["action_id"],
            "block_id": "sg",
            "type": element["type"],
            "action_ts": "1.1",
        }
        if option is None:
            action["value"] = element["value"]
        else:
            action["selected_option"] = element["options"][option]
        payload["actions"] = [action]
        return payload

    views_before = len(desk.slack.of("views.open"))
    await desk.post_slack(press("U0MOD1", buttons["modbot-sg.view"]))
    told = await desk.wait_for(lambda: desk.slack.of("chat.postEphemeral"), what="refusal")
    assert "Only the safeguarding leads" in told[0].args["text"]

    await desk.post_slack(press("U0LEAD", buttons["modbot-sg.view"]))
    opened = await desk.wait_for(lambda: desk.slack.of("views.open")[views_before:], what="details")
    assert WHAT in json.dumps(opened[0].args["view"]) and "jo.staff" in json.dumps(opened[0].args["view"])

    await desk.post_slack(press("U0LEAD", buttons["modbot-sg.acknowledge"]))
    told_reporter = await desk.wait_for(
        lambda: [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == "U0STAFF"],
        what="reporter told",
    )
    assert "SG-2026-0001 has been acknowledged" in told_reporter[0].args["text"]
    await desk.wait_for(lambda: desk.slack.of("chat.update"), what="notice refreshed")
    close_menu = buttons["modbot-sg.close"]
    await desk.post_slack(press("U0LEAD", close_menu, option=0))
    await desk.wait_for(lambda: reports(desk)[0].status == "closed", what="closed")

    actions = [
        (a.action, a.actor)
        for a in desk.query(lambda s: s.exec(select(AuditEvent).order_by(AuditEvent.id)).all())
    ]
    assert actions == [
        ("safeguarding_report_opened", "slack:confidential reporter"),
        ("safeguarding_view_refused", "slack:U0MOD1"),
        ("safeguarding_report_viewed", "slack:U0LEAD"),
        ("safeguarding_acknowledge", "slack:U0LEAD"),
        ("safeguarding_close", "slack:U0LEAD"),
    ]

    responses = lambda: desk.slack.of("response_url.hook")  # noqa: E731
    await desk.post_command("/report-abuse", "status SG-2026-0001", user="U0STAFF", name="jo.staff")
    await desk.wait_for(lambda: responses(), what="status")
    assert "SG-2026-0001" in responses()[0].args["text"] and "closed" in responses()[0].args["text"]
    await desk.post_command("/report-abuse", "status SG-2026-0001", user="U0OTHER", name="other")
    await desk.wait_for(lambda: len(responses()) == 2, what="refused status")
    assert "only check reports you made yourself" in responses()[1].args["text"]


async def test_urgent_report_out_of_hours_reaches_the_person_on_call(desk: Desk) -> None:
    desk.clock.moment = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    desk.query(
        lambda s: rota.set_on_call(
            s,
            name="Priya",
            slack_user_id="U0ONCALL",
            starts_on=date(2026, 11, 23),
            ends_on=date(2026, 11, 23),
            actor=Actor("slack", "U0MOD1", "sam"),
            now=datetime(2026, 11, 23, 9, tzinfo=UTC),
        )
    )
    view = await open_form(desk)
    await desk.post_slack(submission(view, danger="yes", category="child_or_young_person"))
    direct = await desk.wait_for(
        lambda: [c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == "U0ONCALL"],
        what="on-call alert",
    )
    assert "URGENT" in direct[0].args["text"] and "SG-2026-0001" in direct[0].args["text"]
    assert WHAT not in direct[0].args["text"]
    notice = next(c for c in desk.slack.of("chat.postMessage") if c.args["channel"] == SAFEGUARDING_CHANNEL)
    assert notice.args["text"].startswith("<!here>")


async def test_message_shortcut_opens_the_form_with_the_link(desk: Desk) -> None:
    payload = {
        "type": "message_action",
        "callback_id": "modbot.report_message",
        "trigger_id": "1.2.3",
        "user": {"id": "U0STAFF", "username": "jo", "name": "jo", "team_id": "T111"},
        "team": {"id": "T111", "domain": "nhs"},
        "channel": {"id": "C0GENERAL", "name": "general"},
        "message": {"type": "message", "ts": "1700000123.000200", "text": "hidden"},
        "response_url": "x",
        "message_ts": "1700000123.000200",
        "token": "t",
        "action_ts": "1.1",
    }
    await desk.post_slack(payload)
    opened = await desk.wait_for(lambda: desk.slack.of("views.open"), what="form")
    link = next(b for b in opened[0].args["view"]["blocks"] if b.get("block_id") == "link")
    assert link["element"]["initial_value"] == "https://slack.com/archives/C0GENERAL/p1700000123000200"
