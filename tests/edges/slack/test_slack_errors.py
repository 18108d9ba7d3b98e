"""The Slack edge's one error path: what a listener raises is told to the person who acted, and
an unexpected failure carries a reference that finds its traceback in the log."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from sqlmodel import select

from bot.core.models import CaseStatus, Decision
from bot.store.tables import Case
from tests.harness import Desk, facebook_delivery

ABUSE = "You are a useless idiot and everyone at that clinic is scum"


async def test_an_unexpected_failure_is_told_with_a_reference_found_in_the_log(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    await desk.post_meta(facebook_delivery(("err_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="card")
    case = desk.query(lambda s: s.exec(select(Case)).one())

    async def broken(**_: Any) -> None:
        raise RuntimeError("the disk is full")

    # Fails at once, right after the listener's ack: Bolt's own error hook would lose the ack here.
    monkeypatch.setattr(desk.runtime.services, "decide", broken)
    with caplog.at_level(logging.ERROR):
        response = await desk.click(case_id=case.id or 0, decision=Decision.HIDE, user="U0MOD1", name="sam")
        assert response.status == 200
        told = await desk.wait_for(lambda: desk.slack.of("chat.postEphemeral"), what="the clicker told")
    text = told[0].args["text"]
    assert told[0].args["user"] == "U0MOD1"
    assert text.startswith("Something went wrong and nothing was changed.")
    assert "the disk is full" not in text  # the person gets words, the log gets the cause
    found = re.search(r"quote reference ([0-9a-f]{8})", text)
    assert found is not None
    logged = [r for r in caplog.records if found.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert desk.query(lambda s: s.exec(select(Case)).one()).status == CaseStatus.OPEN


async def test_a_slash_command_that_fails_is_answered_in_its_response_url(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken() -> None:
        raise RuntimeError("the rota table is locked")

    monkeypatch.setattr(desk.runtime.services, "on_call_now", broken)
    assert (await desk.post_command("/oncall", "")).status == 200
    answers = await desk.wait_for(lambda: desk.slack.of("response_url.hook"), what="the command answered")
    assert answers[0].args["text"].startswith("Something went wrong and nothing was changed.")
    assert answers[0].args["response_type"] == "ephemeral"
    assert desk.slack.of("chat.postEphemeral") == []  # answered once, where the command was typed
