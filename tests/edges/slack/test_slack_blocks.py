"""The Slack card renderer, pinned by snapshots, plus the rules Slack enforces on blocks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.errors import InvalidPayload
from bot.core.models import CaseStatus, ContactState, Decision
from bot.core.moderation.card_action import CardAction
from bot.core.moderation.views import CaseCard, build_case_card
from bot.core.policy import PolicyEngine
from bot.core.profile import load_profile
from bot.store.tables import Case, Comment
from handlers.slack.blocks import case_card_blocks, escape
from tests.snapshot import assert_matches_snapshot

NOW = datetime(2026, 11, 20, 10, 42, tzinfo=UTC)
PROFILE = load_profile()


def _card(platform: str, text: str, **case_fields: object) -> CaseCard:
    verdict = PolicyEngine(staff_names=["Jane Smith"]).classify(text)
    comment = Comment(
        id=1,
        platform=platform,
        external_id="c1",
        kind="comment",
        source="test",
        account_name="NHS Example",
        post_url="https://example.org/post/1",
        comment_url="https://example.org/comment/1",
        author_name="A Member Of Public",
        text=text,
        created_at=NOW,
        received_at=NOW,
        tier=int(verdict.tier),
        routes=[r.value for r in verdict.routes],
        reasons=[{"rule": r.rule, "category": r.category, "matched": r.matched} for r in verdict.reasons],
    )
    case = Case(
        id=42,
        comment_id=1,
        platform=platform,
        tier=int(verdict.tier),
        routes=[r.value for r in verdict.routes],
        urgent=verdict.urgent,
        status=CaseStatus.OPEN.value,
        opened_at=NOW,
        due_at=datetime(2026, 11, 24, 10, 42, tzinfo=UTC),
    )
    for key, value in case_fields.items():
        setattr(case, key, value)
    return build_case_card(comment=comment, case=case, profile=PROFILE, now=NOW)


def test_open_tier1_facebook_card() -> None:
    text, blocks = case_card_blocks(_card("facebook", "Jane Smith is a useless idiot"))
    assert_matches_snapshot("slack_card_tier1_facebook_open", {"text": text, "blocks": blocks})


def test_open_x_card_offers_hide_and_report() -> None:
    text, blocks = case_card_blocks(_card("x", "you are scum <!channel>"))
    assert_matches_snapshot("slack_card_tier1_x_open", {"text": text, "blocks": blocks})


def test_deleted_card_offers_contacting_the_commenter() -> None:
    card = _card(
        "facebook",
        "you are a useless idiot",
        status=CaseStatus.DELETED.value,
        decided_action=Decision.DELETE.value,
        decided_by_name="sam",
        decided_at=NOW,
        contact_state=ContactState.OFFERED.value,
        version=4,
    )
    text, blocks = case_card_blocks(card)
    assert text.endswith("Deleted by sam at 10:42")
    assert_matches_snapshot("slack_card_tier1_deleted_contact_offered", {"text": text, "blocks": blocks})


def test_user_text_cannot_mention_or_link() -> None:
    _, blocks = case_card_blocks(_card("x", "you are scum <!channel> <https://evil.example|click>"))
    quoted = blocks[2]["text"]["text"]
    assert "<!channel>" not in quoted and "&lt;!channel&gt;" in quoted
    assert escape("a & b") == "a &amp; b"


def test_slack_limits_hold_for_a_very_long_comment() -> None:
    _, blocks = case_card_blocks(_card("facebook", "you are an idiot " + "blah " * 2000))
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert all(len(e["text"]["text"]) <= 75 and len(e["value"]) <= 2000 for e in buttons)
    assert all(len(e["confirm"]["text"]["text"]) <= 300 for e in buttons if "confirm" in e)


def test_block_id_changes_with_each_version() -> None:
    first = case_card_blocks(_card("facebook", "you are an idiot", version=1))[1]
    second = case_card_blocks(_card("facebook", "you are an idiot", version=2))[1]
    assert first[-1]["block_id"] != second[-1]["block_id"]


def test_button_payload_round_trips_and_bad_payloads_are_refused() -> None:
    action = CardAction(case_id=42, action=Decision.HIDE)
    assert CardAction.parse(action.encode()) == action
    with pytest.raises(InvalidPayload):
        CardAction.parse('{"v": 1, "case_id": "x", "action": "hide"}')
    with pytest.raises(InvalidPayload, match="newer version"):
        CardAction.parse('{"v": 2, "case_id": 1, "action": "hide"}')
