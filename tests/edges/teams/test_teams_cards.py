"""The Teams renderer: the same CaseCard as an Adaptive Card 1.5, buttons as Action.Execute with
an Action.Submit fallback, confirmations as a second deliberate click, and the same payload."""

from __future__ import annotations

import json
from typing import Any

from bot.core.models import CaseStatus, Decision
from bot.core.moderation.card_action import CardAction
from handlers.teams.cards import case_card
from tests.edges.slack.test_slack_blocks import _card


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return list(card["actions"])


def test_open_facebook_card_has_one_execute_per_decision_with_the_slack_payload() -> None:
    view = _card("facebook", "Jane Smith is a useless idiot")
    card = case_card(view)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    decisions = [b.decision for b in view.buttons]
    assert decisions == [Decision.HIDE, Decision.DELETE, Decision.REMOVE_AND_BAN, Decision.LEAVE]
    actions = [a for a in _actions(card) if a["type"] != "Action.OpenUrl"]
    assert [a["type"] for a in actions] == [
        "Action.Execute",
        "Action.ShowCard",
        "Action.ShowCard",
        "Action.ShowCard",
    ]
    hide = actions[0]
    assert hide["verb"] == "modbot.hide"
    assert CardAction.parse(hide["data"]) == CardAction(case_id=42, action=Decision.HIDE)
    assert hide["fallback"] == {"type": "Action.Submit", "title": "Hide", "data": hide["data"]}
    # Leave asks for the optional theme first, as Slack's Leave modal does.
    leave = actions[3]["card"]
    assert [i["id"] for i in leave["body"]] == ["theme"]
    assert leave["actions"][0]["verb"] == "modbot.leave"


def test_delete_needs_a_second_click_that_names_what_it_does() -> None:
    card = case_card(_card("youtube", "Jane Smith is a useless idiot"))
    [delete] = [a for a in _actions(card) if a["title"] == "Delete"]
    inner = delete["card"]
    text = " ".join(block["text"] for block in inner["body"])
    assert "can never be published again" in text
    [confirm] = inner["actions"]
    assert confirm["type"] == "Action.Execute" and confirm["style"] == "destructive"
    assert CardAction.parse(confirm["data"]).action is Decision.DELETE


def test_a_settled_card_has_no_decision_buttons_and_says_who_decided() -> None:
    from datetime import UTC, datetime

    view = _card(
        "facebook",
        "Jane Smith is a useless idiot",
        status=CaseStatus.LEFT.value,
        decided_action=Decision.LEAVE.value,
        decided_by_name="sam",
        decided_at=datetime(2026, 11, 20, 10, 40, tzinfo=UTC),
    )
    card = case_card(view)
    assert [a["type"] for a in _actions(card)] == ["Action.OpenUrl", "Action.OpenUrl"]
    assert any("Left up by sam" in block.get("text", "") for block in card["body"])


def test_a_very_long_comment_is_cut_to_stay_within_teams_size_limit() -> None:
    card = case_card(_card("facebook", "word " * 4000))  # 20,000 characters, the ingest maximum
    encoded = json.dumps(card)
    assert len(encoded.encode()) < 28 * 1024  # Teams refuses messages over about 28 KB
    assert "open the comment for the rest" in encoded


def test_commenter_text_cannot_become_a_link_or_formatting() -> None:
    card = case_card(_card("facebook", "Jane Smith is an idiot [click me](https://evil.example) **now**"))
    quoted = card["body"][1]["text"]
    assert "[click me](https" not in quoted and "**now**" not in quoted
    assert "\\[click me\\]\\(https://evil\\.example\\)" in quoted


def test_a_case_card_carries_a_refresh_only_when_given_one() -> None:
    from handlers.teams.refresh import MAX_USERS, refresh_clause

    view = _card("facebook", "Jane Smith is a useless idiot")
    assert "refresh" not in case_card(view)
    many = [f"29:user-{n:03d}" for n in range(MAX_USERS + 5)]
    card = case_card(view, refresh=refresh_clause(view.case_id, many))
    assert card["refresh"]["action"]["verb"] == "modbot.refresh"
    assert card["refresh"]["userIds"] == many[:MAX_USERS]  # Teams refreshes for at most 60 named people
