"""The Teams edge's one error path: what a verb or a command raises is answered once, in words,
and an unexpected failure carries a reference that finds its traceback in the log."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest

from bot.core.models import CaseStatus, Decision
from tests.edges.teams.test_teams_endpoint import _cases, _flag_one
from tests.teams_harness import TeamsDriver


def _reference(text: str, caplog: pytest.LogCaptureFixture) -> None:
    assert text.startswith("Something went wrong and nothing was changed.")
    found = re.search(r"quote reference ([0-9a-f]{8})", text)
    assert found is not None
    logged = [r for r in caplog.records if found.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None


async def test_a_click_that_fails_unexpectedly_is_noted_on_the_clicker_s_card(
    teams: TeamsDriver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    case_id, _ = await _flag_one(teams)

    async def broken(**_: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(teams.desk.runtime.services, "decide", broken)
    with caplog.at_level(logging.ERROR):
        response = await teams.click(case_id=case_id, decision=Decision.HIDE)
    assert response.status == 200
    card = (await response.json())["value"]
    note = card["body"][0]["text"]
    assert "the disk is full" not in json.dumps(card)  # the person gets words, the log the cause
    _reference(note, caplog)
    assert _cases(teams.desk)[0].status == CaseStatus.OPEN


async def test_a_command_that_fails_unexpectedly_is_answered_in_the_thread(
    teams: TeamsDriver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert (await teams.install()).status == 201

    async def broken() -> None:
        raise RuntimeError("the rota table is locked")

    monkeypatch.setattr(teams.desk.runtime.services, "on_call_now", broken)
    with caplog.at_level(logging.ERROR):
        assert (await teams.say("oncall")).status == 201
    _reference(teams.connector.posts()[-1].body["text"], caplog)

