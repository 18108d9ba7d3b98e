"""Slack Socket Mode (issue 27): with an app-level token and no public URL, the bot connects out to
a stand-in of Slack's Socket Mode endpoint, a flagged comment becomes a card, and a click arriving
as an envelope is acknowledged and carried out."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from bot.core.models import CaseStatus, Decision
from bot.store.tables import Case, Comment
from handlers.slack import socket_mode
from tests.conftest import DbTarget
from tests.harness import facebook_delivery, running_desk

ABUSE = "You are a useless idiot and everyone at that surgery knows it"


async def test_a_socket_mode_desk_posts_a_card_and_takes_a_click(db_target: DbTarget) -> None:
    async with running_desk(db_target, SLACK_APP_TOKEN="xapp-1-A111-test", SLACK_SIGNING_SECRET=None) as desk:
        await desk.wait_for(lambda: desk.slack.sockets, what="the Socket Mode connection")
        [opened] = desk.slack.of("apps.connections.open")
        assert opened.token == "xapp-1-A111-test"

        assert (await desk.post_meta(facebook_delivery(("c-socket-1", ABUSE)))).status == 200
        await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="the card")
        case = desk.query(
            lambda s: s.exec(
                select(Case)
                .join(Comment, col(Comment.id) == col(Case.comment_id))
                .where(col(Comment.external_id) == "c-socket-1")
            ).one()
        )
        assert case.id is not None

        envelope = await desk.slack.send_envelope(
            "interactive", desk.click_payload(case_id=case.id, decision=Decision.HIDE)
        )
        await desk.wait_for(lambda: desk.slack.acknowledged(envelope), what="the acknowledgement")
        await desk.wait_for(
            lambda: desk.query(lambda s: s.get(Case, case.id)).status == CaseStatus.HIDDEN.value,
            what="the case hidden",
        )
        await desk.wait_for(lambda: desk.slack.of("chat.update"), what="the card updated")
        assert desk.graph.calls, "the hide reached the Graph stand-in"

        # Without a signing secret, the HTTP endpoint says why it takes nothing.
        refused = await desk.http.post(f"{desk.base}/slack/events", data=b"payload=%7B%7D")
        assert refused.status == 404
        assert "Socket Mode" in (await refused.json())["error"]


async def test_a_refused_app_token_is_retried_not_fatal(
    db_target: DbTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket_mode, "PING_INTERVAL", 0.2)  # the client's wait between attempts
    async with running_desk(db_target, SLACK_APP_TOKEN="xoxb-not-an-app-token") as desk:
        await desk.wait_for(lambda: len(desk.slack.of("apps.connections.open")) >= 2, what="a second attempt")
        assert desk.slack.sockets == []
        assert desk.runtime.socket_mode is not None and not desk.runtime.socket_mode.connected.is_set()
        # The HTTP endpoint still works: a signing secret is set in this desk.
        assert (await desk.http.get(f"{desk.base}/healthz")).status == 200
