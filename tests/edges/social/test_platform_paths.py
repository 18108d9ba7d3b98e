"""An id never walks a platform API's path: hostile ids are refused where they arrive, and any id
placed in a path is one percent-encoded segment (a row stored before that check included)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from bot.core.errors import PlatformError
from bot.core.models import CaseStatus, Decision
from bot.store.tables import Case, Comment
from handlers.social.clients.api import segment
from tests.conftest import DbTarget
from tests.harness import Desk, running_desk

PAGE = "1234567890321"
ABUSE = "You are a useless idiot and everyone at that clinic is scum"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target) as running:
        yield running


def _delivery(comment_id: str) -> dict[str, object]:
    value = {"item": "comment", "verb": "add", "comment_id": comment_id, "message": ABUSE}
    return {"object": "page", "entry": [{"id": PAGE, "changes": [{"field": "feed", "value": value}]}]}


@pytest.mark.parametrize("hostile", ["123_456/../../../victim_999", "123_457?method=delete&x="])
async def test_a_hostile_id_is_refused_at_the_webhook_and_kept_from_graph(desk: Desk, hostile: str) -> None:
    response = await desk.post_meta(_delivery(hostile))
    assert response.status == 400
    assert "characters no platform uses" in (await response.json())["error"]
    assert desk.query(lambda s: s.exec(select(Comment)).all()) == []
    assert desk.graph.calls == []


async def test_a_stored_hostile_id_is_sent_as_one_encoded_segment(desk: Desk) -> None:
    await desk.post_meta(_delivery(f"{PAGE}_5"))
    [case] = desk.query(lambda s: s.exec(select(Case)).all())
    hostile = "123_456/../../../victim_999"
    # As if stored before ids were checked on arrival.
    desk.query(lambda s: s.connection().execute(update(Comment).values(external_id=hostile)))
    assert case.id is not None
    response = await desk.click(case_id=case.id, decision=Decision.HIDE)
    assert response.status == 200
    await desk.wait_for(lambda: desk.graph.calls, what="the hide")
    [call] = desk.graph.calls
    assert call.raw_path == "/v25.0/123_456%2F..%2F..%2F..%2Fvictim_999"
    assert call.path == hostile  # one segment, decoded by the receiver: nothing was walked
    settled = await desk.wait_for(
        lambda: (
            desk.query(lambda s: s.exec(select(Case).where(col(Case.id) == case.id)).one()).status
            == CaseStatus.HIDDEN
        ),
        what="hidden",
    )
    assert settled


@pytest.mark.parametrize("walker", ["", ".", ".."])
def test_an_id_that_names_another_path_however_encoded_is_refused(walker: str) -> None:
    with pytest.raises(PlatformError) as refused:
        segment(walker)
    assert not refused.value.transient
