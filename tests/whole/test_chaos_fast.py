"""The fast parts of the chaos run (bench/chaos.py), kept as tests: many moderators pressing
Delete at once, and one delivery arriving three times at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlmodel import select

from bot.core.models import Decision
from bot.store.tables import AuditEvent, Case, Comment
from tests.conftest import DbTarget
from tests.harness import Desk, facebook_delivery, running_desk

MODERATORS = [f"U0RUSH{i:02d}" for i in range(50)]
ABUSE = "you useless idiot, you are a disgrace to that hospital"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target, SLACK_MODERATORS=",".join(MODERATORS)) as running:
        yield running


async def test_fifty_moderators_pressing_delete_at_once_make_one_call_and_one_decision(desk: Desk) -> None:
    await desk.post_meta(facebook_delivery(("rush_1", ABUSE)))
    await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="the card")
    [case_id] = desk.query(lambda s: s.exec(select(Case.id)).all())
    answers = await asyncio.gather(
        *(desk.click(case_id=case_id, decision=Decision.DELETE, user=user, name=user) for user in MODERATORS)
    )
    assert [a.status for a in answers] == [200] * 50
    await desk.wait_for(lambda: desk.graph.calls, what="the platform call")
    # 49 are told someone was first; by then a second call, were there one, would have been made.
    await desk.wait_for(lambda: len(desk.slack.of("chat.postEphemeral")) == 49, what="the others told")
    assert [(c.method, c.path) for c in desk.graph.calls] == [("DELETE", "rush_1")]
    decided = desk.query(
        lambda s: s.exec(
            select(AuditEvent).where(AuditEvent.case_id == case_id, AuditEvent.action.startswith("decided_"))  # type: ignore[attr-defined]
        ).all()
    )
    assert len(decided) == 1


async def test_a_delivery_arriving_three_times_at_once_is_stored_once(desk: Desk) -> None:
    delivery = facebook_delivery(
        *((f"thrice_{i}", ABUSE if i % 5 == 0 else f"Thank you, ward {i}") for i in range(40))
    )
    first = await desk.post_meta(delivery)
    answers = [first, *await asyncio.gather(desk.post_meta(delivery), desk.post_meta(delivery))]
    bodies = [await a.json() for a in answers]
    assert [a.status for a in answers] == [200, 200, 200]
    assert sum(b["new"] for b in bodies) == 40 and sum(b["duplicates"] for b in bodies) == 80
    assert len(desk.query(lambda s: s.exec(select(Comment.id)).all())) == 40
    cases = desk.query(lambda s: s.exec(select(Case.comment_id)).all())
    assert len(cases) == len(set(cases))
    await desk.wait_for(lambda: len(desk.slack.of("chat.postMessage")) >= 1, what="cards")
    await asyncio.sleep(0.3)
    posted = [c for c in desk.slack.of("chat.postMessage") if c.args.get("metadata")]
    assert len(posted) == len({str(c.args["metadata"]) for c in posted})
