"""Direct messages: Messenger and X DMs are carded with the response clock and "Mark replied";
outside working hours the policy's automatic reply goes once per sender, and only when enabled."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from bot.store.tables import AuditEvent, Case, Comment
from tests.conftest import DbTarget
from tests.harness import Desk, make_settings, start_desk, stop_desk
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

PAGE = "1234567890321"
# Saturday evening in London: outside working hours.
SATURDAY_NIGHT = datetime(2026, 11, 21, 21, 30, tzinfo=UTC)
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def _policy(tmp_path: Path, *, enabled: bool) -> Path:
    default = Path(__file__).resolve().parents[3] / "bot" / "default_policy.yml"
    text = default.read_text(encoding="utf-8")
    assert "out_of_hours_reply_enabled: false" in text
    path = tmp_path / "policy.yml"
    path.write_text(
        text.replace(
            "out_of_hours_reply_enabled: false", f"out_of_hours_reply_enabled: {str(enabled).lower()}"
        )
    )
    return path


def messenger(mid: str, text: str, *, sender: str = "6789012345", echo: bool = False) -> dict[str, Any]:
    """A Page `messages` delivery as Meta documents it (entry[].messaging[])."""
    message: dict[str, Any] = {"mid": mid, "text": text}
    if echo:
        message["is_echo"] = True
    return {
        "object": "page",
        "entry": [
            {
                "id": PAGE,
                "time": 1763760600000,
                "messaging": [
                    {
                        "sender": {"id": PAGE if echo else sender},
                        "recipient": {"id": sender if echo else PAGE},
                        "timestamp": 1763760600000,
                        "message": message,
                    }
                ],
            }
        ],
    }


async def _desk(db_target: DbTarget, tmp_path: Path, *, enabled: bool, now: datetime) -> tuple[Desk, Any]:
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    settings = make_settings(db_target, slack, graph, MODBOT_POLICY=str(_policy(tmp_path, enabled=enabled)))
    return await start_desk(settings, slack, graph, schema=db_target.schema, now=lambda: now), (slack, graph)


@pytest.fixture
async def night_desk(db_target: DbTarget, tmp_path: Path) -> AsyncIterator[Desk]:
    desk, (slack, graph) = await _desk(db_target, tmp_path, enabled=True, now=SATURDAY_NIGHT)
    yield desk
    await stop_desk(desk)
    await slack.close()
    await graph.close()


async def test_a_plain_direct_message_is_carded_with_mark_replied_and_the_clock(night_desk: Desk) -> None:
    response = await night_desk.post_meta(messenger("m_1", "Hello, what time does the clinic open?"))
    assert response.status == 200
    [card] = await night_desk.wait_for(lambda: night_desk.slack.of("chat.postMessage"), what="DM card")
    actions = [e["action_id"] for b in card.args["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions == ["modbot.mark_handled", "modbot.leave"]
    text = json.dumps(card.args["blocks"])
    assert "Direct message" in text and "Mark replied" in text and "48 hours on working days" in text
    case = night_desk.query(lambda s: s.exec(select(Case)).one())
    assert case.due_at is not None  # the response clock runs


async def test_out_of_hours_reply_goes_once_per_sender_with_the_policy_wording(night_desk: Desk) -> None:
    await night_desk.post_meta(messenger("m_1", "Hello?"))
    await night_desk.post_meta(messenger("m_2", "Anyone there?"))
    await night_desk.post_meta(messenger("m_3", "Hi", sender="1111111111"))
    await night_desk.post_meta(messenger("m_4", "Thanks, we will reply Monday", echo=True))
    sent = await night_desk.wait_for(
        lambda: (
            (calls := [c for c in night_desk.graph.calls if c.path.endswith("/messages")])
            and len(calls) == 2
            and calls
        ),
        what="two automatic replies",
    )
    wording = night_desk.runtime.services.profile.wording.out_of_hours_reply
    assert {c.body["recipient"]["id"] for c in sent} == {"6789012345", "1111111111"}
    assert all(c.path == f"{PAGE}/messages" and c.body["message"]["text"] == wording for c in sent)
    assert all(c.body["messaging_type"] == "RESPONSE" for c in sent)
    audit = await night_desk.wait_for(
        lambda: night_desk.query(
            lambda s: s.exec(select(AuditEvent).where(col(AuditEvent.action) == "auto_reply")).all()
        ),
        what="audit",
    )
    assert {a.outcome for a in audit} == {"ok"}
    # Our own echo is stored as ours and never carded.
    echo = night_desk.query(
        lambda s: s.exec(select(Comment).where(col(Comment.external_id) == "dm:m_4")).one()
    )
    assert echo.from_own_account
    assert len(night_desk.query(lambda s: s.exec(select(Case)).all())) == 3


async def test_no_automatic_reply_in_working_hours_or_when_the_policy_leaves_it_off(
    db_target: DbTarget, tmp_path: Path
) -> None:
    for enabled, now in ((True, TUESDAY_MORNING), (False, SATURDAY_NIGHT)):
        desk, (slack, graph) = await _desk(db_target, tmp_path, enabled=enabled, now=now)
        try:
            await desk.post_meta(messenger(f"m_{enabled}", "Hello?"))
            await desk.wait_for(lambda d=desk: d.slack.of("chat.postMessage"), what="card")
            assert [c for c in desk.graph.calls if c.path.endswith("/messages")] == []
        finally:
            await stop_desk(desk)
            await slack.close()
            await graph.close()


async def test_a_malformed_messaging_event_is_refused_with_its_path(night_desk: Desk) -> None:
    document = messenger("m_1", "Hello")
    del document["entry"][0]["messaging"][0]["sender"]
    response = await night_desk.post_meta(document)
    assert response.status == 400
    assert "entry[0].messaging[0].sender is missing" in (await response.json())["error"]
