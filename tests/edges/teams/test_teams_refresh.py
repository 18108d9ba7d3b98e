"""Universal Actions' refresh on Teams case cards: the moderators named in `userIds` (their Teams
ids, learned as they use the app) get the card as it is now when they open the channel."""

from __future__ import annotations

import json

from bot.core.models import CaseStatus, Decision
from bot.store.tables import Case
from tests.edges.teams.test_teams_endpoint import _flag_one
from tests.teams_harness import (
    MODERATOR,
    SECOND_MODERATOR,
    STRANGER,
    TEAMS_CHANNEL,
    TeamsDriver,
)

CARD = "application/vnd.microsoft.card.adaptive"


def _status(teams: TeamsDriver, case_id: int) -> CaseStatus:
    case = teams.desk.query(lambda s: s.get(Case, case_id))
    assert case is not None
    return case.status


async def test_case_cards_ask_teams_to_refresh_them_for_the_moderators_only(teams: TeamsDriver) -> None:
    installer = teams.channel_activity()["from"]  # the install comes from the second moderator
    assert installer["aadObjectId"] == SECOND_MODERATOR
    for aad, name in ((MODERATOR, "Sam"), (STRANGER, "Max")):
        assert (await teams.say("help", aad=aad, name=name)).status == 201
    case_id, message_id = await _flag_one(teams)
    [post] = [p for p in teams.connector.posts(TEAMS_CHANNEL) if "Tier 1" in p.card_text]
    refresh = post.card["refresh"]
    assert refresh["action"]["type"] == "Action.Execute"
    assert refresh["action"]["verb"] == "modbot.refresh"
    assert refresh["action"]["data"] == {"v": 1, "case_id": case_id}
    # Teams ids (MRIs) as the activities carried them; the stranger is not named.
    assert refresh["userIds"] == sorted([f"29:user-{MODERATOR}", installer["id"]])

    # The update everyone gets through the outbox keeps the refresh.
    assert (await teams.click(case_id=case_id, decision=Decision.HIDE)).status == 200
    updates = await teams.desk.wait_for(lambda: teams.connector.updates(message_id), what="the card updated")
    assert updates[-1].card["refresh"]["userIds"] == refresh["userIds"]


async def test_a_refresh_answers_with_the_card_as_it_is_now_and_decides_nothing(teams: TeamsDriver) -> None:
    case_id, message_id = await _flag_one(teams)
    hide = await teams.click(case_id=case_id, decision=Decision.HIDE, aad=SECOND_MODERATOR, name="Alex")
    assert hide.status == 200
    await teams.desk.wait_for(lambda: _status(teams, case_id) == CaseStatus.HIDDEN, what="hidden")

    response = await teams.execute(
        "modbot.refresh", {"v": 1, "case_id": case_id}, reply_to=message_id, trigger="automatic"
    )
    assert response.status == 200
    answer = await response.json()
    assert answer["statusCode"] == 200 and answer["type"] == CARD
    assert "Hidden by Alex" in json.dumps(answer["value"])
    assert answer["value"]["refresh"]["action"]["verb"] == "modbot.refresh"
    assert teams.desk.graph.actions() == [("POST", "901097836652708_1", {"is_hidden": "true"})]

    unreadable = await teams.execute("modbot.refresh", {"v": 1, "case_id": "x"}, trigger="automatic")
    answer = await unreadable.json()
    assert answer["type"] == "application/vnd.microsoft.activity.message"
    assert "refresh could not be read" in answer["value"]
