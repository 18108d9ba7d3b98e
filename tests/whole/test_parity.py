"""Slack and Teams give every user the same desk. One table of scenarios, run once through a
Slack driver (signed Slack payloads) and once through a Teams driver (Bot Framework activities),
each against a desk with only that chat configured; the outcomes asserted are the same: the
case in the database, the audit log, and what reached the platform stand-in."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime
from typing import Any, ClassVar, Protocol

import pytest
from sqlmodel import select

from bot.core.models import Actor, CaseStatus, Decision
from bot.core.moderation import surges
from bot.core.rhythm import rota
from bot.core.rhythm.clock import LONDON
from bot.core.safeguarding import reports
from bot.store.tables import AuditEvent, Case, ChatConversation, SafeguardingReport, ScheduledSend, Surge
from handlers.slack.surge_blocks import surge_value
from tests.conftest import DbTarget
from tests.edges.slack.test_safeguarding_slack import WHAT, open_form, submission
from tests.harness import (
    CHANNEL,
    SAFEGUARDING_CHANNEL,
    Desk,
    facebook_delivery,
    leave_theme_submission,
    make_settings,
    start_desk,
    stop_desk,
)
from tests.standins.bot_connector import BotConnectorStandIn
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn
from tests.teams_harness import (
    MODERATOR,
    SECOND_MODERATOR,
    STRANGER,
    TEAMS_CHANNEL,
    TEAMS_SAFEGUARDING,
    TeamsDriver,
    teams_settings,
)

ABUSE = "Jane Smith is a useless idiot and should be sacked"
URGENT = "I can't go on, I want to end my life"
ONCALL_SLACK, ONCALL_TEAMS = "U0ONCALL", "7d1b2c3a-0000-4000-8000-00000000ca11"


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


class Surface(Protocol):
    name: str
    desk: Desk
    clock: Clock

    async def ready(self) -> None: ...
    async def card(self, case_id: int) -> str: ...
    def delete_asks_first(self, case_id: int) -> bool: ...
    async def click(
        self,
        case_id: int,
        decision: Decision,
        *,
        who: str = "sam",
        theme: str = "",
        expect_told: bool = False,
    ) -> str:
        """Click as `who`; what that person alone was told (an error or who decided first)."""
        ...

    async def click_surge(self, surge_id: int, action: str, *, who: str = "sam") -> str:
        """Click a surge card's button; what the clicker alone was told."""
        ...

    async def report_abuse(self) -> str: ...
    async def report_status(self, reference: str) -> str:
        """Ask, as the reporter, where a report stands; the answer."""
        ...

    def safeguarding_notices(self) -> list[str]: ...
    def to_on_call(self) -> list[str]: ...
    def to_channel(self) -> list[str]: ...


class SlackSurface:
    name = "slack"
    users: ClassVar[dict[str, str]] = {"sam": "U0MOD1", "alex": "U0MOD2", "stranger": "U0STRANGER"}

    def __init__(self, desk: Desk, clock: Clock) -> None:
        self.desk, self.clock = desk, clock

    async def ready(self) -> None:
        return None

    def _posts(self, channel: str) -> list[dict[str, Any]]:
        return [c.args for c in self.desk.slack.of("chat.postMessage") if c.args["channel"] == channel]

    async def card(self, case_id: int) -> str:
        await self.desk.wait_for(lambda: self.desk.card_ref(case_id), what="Slack card")
        return json.dumps(self._posts(CHANNEL)[-1])

    def delete_asks_first(self, case_id: int) -> bool:
        blocks = self._posts(CHANNEL)[0]["blocks"]
        button = next(
            e
            for b in blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["action_id"] == "modbot.delete"
        )
        return bool(button.get("confirm"))

    async def click(
        self,
        case_id: int,
        decision: Decision,
        *,
        who: str = "sam",
        theme: str = "",
        expect_told: bool = False,
    ) -> str:
        told_before = len(self.desk.slack.of("chat.postEphemeral"))
        response = await self.desk.click(case_id=case_id, decision=decision, user=self.users[who], name=who)
        assert response.status == 200
        if decision is Decision.LEAVE and who != "stranger":
            opened = await self.desk.wait_for(lambda: self.desk.slack.of("views.open"), what="theme modal")
            view = opened[-1].args["view"]
            payload = leave_theme_submission(view, user=self.users[who], name=who, theme=theme)
            assert (await self.desk.post_slack(payload)).status == 200
        if expect_told:  # Slack tells the clicker after acknowledging the click
            await self.desk.wait_for(
                lambda: len(self.desk.slack.of("chat.postEphemeral")) > told_before, what="ephemeral"
            )
        told = self.desk.slack.of("chat.postEphemeral")[told_before:]
        return " ".join(c.args["text"] for c in told)

    async def click_surge(self, surge_id: int, action: str, *, who: str = "sam") -> str:
        told_before = len(self.desk.slack.of("chat.postEphemeral"))
        payload = self.desk.click_payload(case_id=0, decision=Decision.HIDE, user=self.users[who], name=who)
        payload["actions"][0].update(
            action_id=f"modbot-surge.{action}", block_id=f"surge-{surge_id}-v1", value=surge_value(surge_id)
        )
        assert (await self.desk.post_slack(payload)).status == 200
        await self.desk.wait_for(
            lambda: len(self.desk.slack.of("chat.postEphemeral")) > told_before, what="ephemeral"
        )
        return " ".join(c.args["text"] for c in self.desk.slack.of("chat.postEphemeral")[told_before:])

    async def report_abuse(self) -> str:
        view = await open_form(self.desk)
        response = await self.desk.post_slack(submission(view))
        body = await response.json()
        assert body["response_action"] == "update"
        return json.dumps(body["view"])

    async def report_status(self, reference: str) -> str:
        answered = len(self.desk.slack.of("response_url.hook"))
        response = await self.desk.post_command(
            "/report-abuse", f"status {reference}", user="U0STAFF", name="jo.staff"
        )
        assert response.status == 200
        replies = await self.desk.wait_for(
            lambda: self.desk.slack.of("response_url.hook")[answered:], what="status reply"
        )
        return str(replies[0].args["text"])

    def safeguarding_notices(self) -> list[str]:
        return [json.dumps(p) for p in self._posts(SAFEGUARDING_CHANNEL)]

    def to_on_call(self) -> list[str]:
        return [json.dumps(p) for p in self._posts(ONCALL_SLACK)]

    def to_channel(self) -> list[str]:
        return [json.dumps(p) for p in self._posts(CHANNEL)]


class TeamsSurface:
    name = "teams"
    users: ClassVar[dict[str, str]] = {"sam": MODERATOR, "alex": SECOND_MODERATOR, "stranger": STRANGER}

    def __init__(self, desk: Desk, clock: Clock, connector: BotConnectorStandIn) -> None:
        self.desk, self.clock, self.connector = desk, clock, connector
        self.driver = TeamsDriver(desk, connector)

    async def ready(self) -> None:
        assert (await self.driver.install()).status == 201
        assert (await self.driver.install_personal(ONCALL_TEAMS, "Priya")).status == 201

    async def card(self, case_id: int) -> str:
        await self.desk.wait_for(lambda: self.driver.card_ref(case_id), what="Teams card")
        return self.connector.posts(TEAMS_CHANNEL)[-1].card_text

    def delete_asks_first(self, case_id: int) -> bool:
        card = self.connector.posts(TEAMS_CHANNEL)[0].card
        [delete] = [a for a in card["actions"] if a["title"] == "Delete"]
        return delete["type"] == "Action.ShowCard" and delete["card"]["actions"][0]["verb"] == "modbot.delete"

    async def click(
        self,
        case_id: int,
        decision: Decision,
        *,
        who: str = "sam",
        theme: str = "",
        expect_told: bool = False,
    ) -> str:
        response = await self.driver.click(
            case_id=case_id, decision=decision, aad=self.users[who], name=who, theme=theme
        )
        assert response.status == 200
        value = (await response.json())["value"]
        if isinstance(value, str):  # a message instead of a card
            return value
        first = value["body"][0]
        return str(first["text"]) if first.get("id") == "modbot-note" else ""

    async def click_surge(self, surge_id: int, action: str, *, who: str = "sam") -> str:
        ref = self.desk.query(lambda s: surges.card_ref(s, surge_id=surge_id, desk="teams"))
        response = await self.driver.execute(
            f"modbot-surge.{action}",
            {"v": 1, "surge_id": surge_id},
            aad=self.users[who],
            name=who,
            reply_to=ref.message_ref if ref else "",
        )
        assert response.status == 200
        value = (await response.json())["value"]
        return value if isinstance(value, str) else str(value["body"][0]["text"])

    async def report_abuse(self) -> str:
        typed = await self.driver.say(
            "report-abuse", aad="0000aaaa-0000-4000-8000-00000000s7af", name="jo.staff"
        )
        assert typed.status == 201
        prompt = self.connector.posts()[-1]
        assert "999" in prompt.card_text
        [button] = prompt.card["actions"]
        fetched = await self.driver.task(
            "task/fetch", button["data"], aad="0000aaaa-0000-4000-8000-00000000s7af", who="jo.staff"
        )
        form = (await fetched.json())["task"]["value"]["card"]["content"]
        answers = {
            "category": "abuse_received",
            "danger": "no",
            "platform": "facebook",
            "link": "https://www.facebook.com/x/posts/1",
            "account": "an-account",
            "when": "2026-11-22",
            "what": WHAT,
            "consent": "yes",
            **form["actions"][0]["data"],
        }
        submitted = await self.driver.task(
            "task/submit", answers, aad="0000aaaa-0000-4000-8000-00000000s7af", who="jo.staff"
        )
        assert submitted.status == 200
        return json.dumps((await submitted.json())["task"]["value"]["card"]["content"])

    async def report_status(self, reference: str) -> str:
        answered = len(self.connector.posts())
        typed = await self.driver.say(
            f"report-abuse status {reference}", aad="0000aaaa-0000-4000-8000-00000000s7af", name="jo.staff"
        )
        assert typed.status == 201
        replies = await self.desk.wait_for(
            lambda: [c for c in self.connector.posts()[answered:] if c.body.get("text")], what="status reply"
        )
        return str(replies[0].body["text"])

    def safeguarding_notices(self) -> list[str]:
        return [c.card_text for c in self.connector.posts(TEAMS_SAFEGUARDING)]

    def _personal(self) -> str:
        row = self.desk.query(lambda s: s.get(ChatConversation, ("teams", f"user:{ONCALL_TEAMS}")))
        return str(row.reference["conversation"]["id"])

    def to_on_call(self) -> list[str]:
        return [c.card_text for c in self.connector.posts(self._personal())]

    def to_channel(self) -> list[str]:
        return [c.card_text for c in self.connector.posts(TEAMS_CHANNEL)]


@pytest.fixture(params=["slack", "teams"])
async def surface(request: pytest.FixtureRequest, db_target: DbTarget) -> AsyncIterator[Surface]:
    slack, graph, connector = SlackStandIn(), GraphStandIn(), BotConnectorStandIn()
    await slack.start(), await graph.start(), await connector.start()
    clock = Clock(datetime(2026, 11, 23, 11, 0, tzinfo=LONDON))  # a Monday, in working hours
    if request.param == "slack":
        settings = make_settings(db_target, slack, graph)
    else:
        settings = make_settings(
            db_target,
            slack,
            graph,
            SLACK_BOT_TOKEN=None,
            SLACK_SIGNING_SECRET=None,
            **teams_settings(connector),
        )
    desk = await start_desk(settings, slack, graph, schema=db_target.schema, now=clock)
    chosen: Surface = (
        SlackSurface(desk, clock) if request.param == "slack" else TeamsSurface(desk, clock, connector)
    )
    try:
        await chosen.ready()
        yield chosen
    finally:
        await stop_desk(desk)
        await slack.close(), await graph.close(), await connector.close()
        # The other chat saw nothing: each desk speaks only through its own surface.
        if request.param == "slack":
            assert connector.calls == []
        else:
            assert slack.of("chat.postMessage") == []


def _case(desk: Desk) -> Case:
    return desk.query(lambda s: s.exec(select(Case).order_by(Case.id)).first())


def _decisions(desk: Desk) -> list[tuple[str, str]]:
    rows = desk.query(lambda s: s.exec(select(AuditEvent).order_by(AuditEvent.id)).all())
    return [(r.action, r.actor.split(":")[0]) for r in rows if r.action.startswith("decided_")]


async def _flag(surface: Surface, text: str = ABUSE) -> int:
    response = await surface.desk.post_meta(facebook_delivery(("901097836652708_1", text)))
    assert response.status == 200
    case_id = _case(surface.desk).id
    assert case_id is not None
    return case_id


async def flag_to_card(surface: Surface) -> None:
    case_id = await _flag(surface)
    card = await surface.card(case_id)
    assert "Tier 1" in card and "useless idiot" in card
    assert _case(surface.desk).status == CaseStatus.OPEN


async def hide(surface: Surface) -> None:
    case_id = await _flag(surface)
    await surface.card(case_id)
    assert await surface.click(case_id, Decision.HIDE) == ""
    await surface.desk.wait_for(lambda: _case(surface.desk).status == CaseStatus.HIDDEN, what="hidden")
    assert surface.desk.graph.actions() == [("POST", "901097836652708_1", {"is_hidden": "true"})]
    assert _decisions(surface.desk) == [("decided_hide", surface.name)]
    await surface.desk.wait_for(lambda: "Hidden by sam" in _latest(surface), what="card shows Hidden")


def _latest(surface: Surface) -> str:
    if isinstance(surface, SlackSurface):
        return " ".join(json.dumps(u.args, ensure_ascii=False) for u in surface.desk.slack.of("chat.update"))
    assert isinstance(surface, TeamsSurface)
    return " ".join(u.card_text for u in surface.connector.updates())


async def delete_with_confirmation(surface: Surface) -> None:
    case_id = await _flag(surface)
    await surface.card(case_id)
    assert surface.delete_asks_first(case_id)
    await surface.click(case_id, Decision.DELETE)
    await surface.desk.wait_for(lambda: _case(surface.desk).status == CaseStatus.DELETED, what="deleted")
    assert surface.desk.graph.actions() == [("DELETE", "901097836652708_1", {})]
    assert _decisions(surface.desk) == [("decided_delete", surface.name)]


async def leave_with_a_theme(surface: Surface) -> None:
    case_id = await _flag(surface, "Vaccines cause autism, do your research")
    await surface.card(case_id)
    await surface.click(case_id, Decision.LEAVE, theme="vaccine myths")
    await surface.desk.wait_for(lambda: _case(surface.desk).status == CaseStatus.LEFT, what="left")
    assert _case(surface.desk).note == "vaccine myths"
    assert surface.desk.graph.calls == []
    await surface.desk.wait_for(
        lambda: "theme: vaccine myths" in _latest(surface), what="card shows the theme"
    )


async def double_click(surface: Surface) -> None:
    case_id = await _flag(surface)
    await surface.card(case_id)
    await surface.click(case_id, Decision.HIDE)
    await surface.click(case_id, Decision.HIDE)
    await surface.desk.wait_for(lambda: _case(surface.desk).status == CaseStatus.HIDDEN, what="hidden")
    assert len(surface.desk.graph.actions()) == 1
    assert _decisions(surface.desk) == [("decided_hide", surface.name)]


async def two_moderators(surface: Surface) -> None:
    case_id = await _flag(surface)
    await surface.card(case_id)
    await surface.click(case_id, Decision.HIDE, who="sam")
    # Slack acknowledges a click before acting on it: let the first decision land first.
    await surface.desk.wait_for(lambda: _decisions(surface.desk), what="first decision")
    told = await surface.click(case_id, Decision.DELETE, who="alex", expect_told=True)
    assert "sam" in told  # the second moderator is told who decided first
    await surface.desk.wait_for(lambda: _case(surface.desk).status == CaseStatus.HIDDEN, what="hidden")
    assert [a[0] for a in surface.desk.graph.actions()] == ["POST"]
    assert _decisions(surface.desk) == [("decided_hide", surface.name)]


async def non_moderator(surface: Surface) -> None:
    case_id = await _flag(surface)
    await surface.card(case_id)
    told = await surface.click(case_id, Decision.HIDE, who="stranger", expect_told=True)
    assert "Only moderators" in told
    assert _case(surface.desk).status == CaseStatus.OPEN
    assert surface.desk.graph.calls == [] and _decisions(surface.desk) == []


async def report_abuse_form(surface: Surface) -> None:
    receipt = await surface.report_abuse()
    assert "SG-2026-0001" in receipt and "01782 235100" in receipt
    [report] = surface.desk.query(lambda s: s.exec(select(SafeguardingReport)).all())
    assert report.reference == "SG-2026-0001" and report.surface == surface.name
    notices = await surface.desk.wait_for(surface.safeguarding_notices, what="channel notice")
    assert "SG-2026-0001" in notices[0] and WHAT not in notices[0] and "an-account" not in notices[0]


async def report_status_after_escalation(surface: Surface) -> None:
    await surface.report_abuse()
    services = surface.desk.runtime.services
    assert "SG-2026-0001 (" in await surface.report_status("SG-2026-0001")
    lead = Actor(surface.name, "lead", "Lee")
    for action, value in (("escalate", "police"), ("close", "advice given")):
        surface.desk.query(
            lambda s, action=action, value=value: reports.lead_action(
                session=s,
                reference="SG-2026-0001",
                action=action,
                lead=lead,
                is_lead=True,
                now=surface.clock(),
                profile=services.profile,
                value=value,
            )
        )
    # The reporter hears the same on either chat: where it went and how it ended.
    answer = await surface.report_status("SG-2026-0001")
    assert "SG-2026-0001" in answer and "closed" in answer
    assert "escalated to police" in answer and "outcome: advice given" in answer


def _put_on_call(surface: Surface, day: date) -> None:
    surface.desk.query(
        lambda s: rota.set_on_call(
            s,
            name="Priya Shah",
            slack_user_id=ONCALL_SLACK,
            teams_user_id=ONCALL_TEAMS,
            starts_on=day,
            ends_on=day,
            actor=Actor("system", "test"),
            now=surface.clock(),
        )
    )


async def handover_digest(surface: Surface) -> None:
    surface.clock.moment = datetime(2026, 11, 23, 16, 45, tzinfo=LONDON)
    _put_on_call(surface, date(2026, 11, 23))
    await surface.desk.runtime.services.schedule_tick()

    def sent() -> bool:
        rows = surface.desk.query(
            lambda s: s.exec(select(ScheduledSend).where(ScheduledSend.kind == "handover")).all()
        )
        return bool(rows and rows[0].sent_at)

    await surface.desk.wait_for(sent, what="handover sent")
    direct = surface.to_on_call()
    assert len(direct) == 1 and "On call tonight" in direct[0] and "Priya Shah" in direct[0]
    assert any("Handover sent to" in text for text in surface.to_channel())


async def urgent_out_of_hours_dm(surface: Surface) -> None:
    surface.clock.moment = datetime(2026, 11, 21, 23, 10, tzinfo=LONDON)  # Saturday night
    _put_on_call(surface, date(2026, 11, 21))
    await _flag(surface, URGENT)
    direct = await surface.desk.wait_for(surface.to_on_call, what="urgent direct message")
    assert "Out of hours" in direct[0]
    rows = await surface.desk.wait_for(
        lambda: surface.desk.query(
            lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "escalated_out_of_hours")).all()
        ),
        what="escalation audited",
    )
    assert [(r.outcome, r.detail["on_call"], r.detail["desk"]) for r in rows] == [
        ("ok", "Priya Shah", surface.name)
    ]


async def surge_hide_all(surface: Surface) -> None:
    delivery = facebook_delivery(*[(f"901097836652708_{i}", ABUSE) for i in range(1, 7)])
    assert (await surface.desk.post_meta(delivery)).status == 200
    [surge] = surface.desk.query(lambda s: s.exec(select(Surge)).all())
    # Three cards of their own, then one card for the other three: not six.
    channel = await surface.desk.wait_for(
        lambda: (posts := surface.to_channel()) and len(posts) == 4 and posts, what="four posts"
    )
    assert sum("Surge: 3 flagged comments on one Facebook post" in p for p in channel) == 1
    told = await surface.click_surge(surge.id, "hide_all")
    assert "3 comments being hidden" in told
    await surface.desk.wait_for(lambda: len(surface.desk.graph.actions()) == 3, what="three hides")
    assert _decisions(surface.desk) == [("decided_hide", surface.name)] * 3
    assert "already decided" in await surface.click_surge(surge.id, "hide_all", who="alex")
    assert "Only moderators" in await surface.click_surge(surge.id, "hide_all", who="stranger")
    await surface.desk.wait_for(lambda: "hidden ×3" in _latest(surface), what="surge card shows hidden")
    assert len(surface.desk.graph.actions()) == 3 and len(surface.to_channel()) == 4


SCENARIOS: dict[str, Callable[[Surface], Awaitable[None]]] = {
    "flag -> card": flag_to_card,
    "hide": hide,
    "delete with confirmation": delete_with_confirmation,
    "leave with a theme": leave_with_a_theme,
    "double click": double_click,
    "two moderators": two_moderators,
    "non-moderator": non_moderator,
    "report-abuse form": report_abuse_form,
    "report status after escalation": report_status_after_escalation,
    "handover digest": handover_digest,
    "urgent out-of-hours DM": urgent_out_of_hours_dm,
    "surge: one card, hide all": surge_hide_all,
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
async def test_parity(surface: Surface, scenario: str) -> None:
    await SCENARIOS[scenario](surface)
