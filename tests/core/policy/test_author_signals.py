"""Signals from an author's recent history (MSE Appendix B): repetition and floods of overly long
messages, through `incoming.ingest` on SQLite and PostgreSQL; and staff name variants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.core.delivery.desks import DeskTarget
from bot.core.models import IncomingComment, Platform, Route, Tier
from bot.core.moderation import incoming
from bot.core.policy import PolicyEngine
from bot.core.policy.signals import LONG_MESSAGE_CHARS, author_reasons, fingerprint
from bot.core.profile import StaffMember, load_profile
from bot.store.db import Database
from bot.store.tables import Case, Comment

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PROFILE = load_profile()
ENGINE = PolicyEngine()


def _ingest(db: Database, when: datetime, *items: tuple[str, str, str]) -> list[int]:
    """Items are (external id, author id, text)."""
    comments = [
        IncomingComment(platform=Platform.FACEBOOK, external_id=i, author_id=a, post_id="p1", text=t)
        for i, a, t in items
    ]
    return db.call(
        lambda s: incoming.ingest(
            session=s,
            items=comments,
            engine=ENGINE,
            profile=PROFILE,
            desks=[DeskTarget("slack", "slack:C")],
            now=when,
            source="test",
        )
    ).cases_opened


def test_copies_match_whatever_the_punctuation() -> None:
    assert fingerprint("Answer the QUESTION!!! 😡") == fingerprint("answer   the question")
    assert author_reasons("Answer the question", ["answer the question!"]) == []
    [reason] = author_reasons("Answer the question", ["answer the question!", "ANSWER THE QUESTION"])
    assert reason.rule == "behaviour.repetition" and "3 copies" in reason.category


def test_third_copy_from_one_author_is_flagged_as_spam_and_earlier_ones_stay(db: Database) -> None:
    text = "Why won't you answer my question about the clinic"
    assert _ingest(db, NOW, ("c1", "a1", text)) == []
    assert _ingest(db, NOW + timedelta(minutes=5), ("c2", "a1", text + "!"), ("x1", "a2", text)) == []
    [case_id] = _ingest(db, NOW + timedelta(minutes=9), ("c3", "a1", text.upper()))

    def read(session):  # type: ignore[no-untyped-def]
        case = session.get(Case, case_id)
        comment = session.get(Comment, case.comment_id)
        return case.tier, comment.external_id, [r["rule"] for r in comment.reasons]

    assert db.call(read) == (int(Tier.MISINFORMATION_OR_SPAM), "c3", ["behaviour.repetition"])


def test_copies_outside_the_window_or_from_others_do_not_count(db: Database) -> None:
    text = "Still waiting for a reply from the surgery"
    _ingest(db, NOW - timedelta(hours=30), ("o1", "a1", text), ("o2", "a1", text))
    assert _ingest(db, NOW, ("o3", "a1", text), ("o4", "a2", text), ("o5", "a3", text)) == []


def test_copies_within_one_delivery_count(db: Database) -> None:
    text = "Read my page about the cover up"
    opened = _ingest(db, NOW, ("d1", "a9", text), ("d2", "a9", text), ("d3", "a9", text))
    assert len(opened) == 1
    assert db.call(lambda s: s.exec(select(Comment.external_id).where(Comment.tier == 2)).all()) == ["d3"]


def test_a_flood_of_overly_long_messages_is_flagged(db: Database) -> None:
    long_ones = [f"Point {i}: " + "the waiting list figures are wrong " * 50 for i in range(3)]
    assert all(len(t) >= LONG_MESSAGE_CHARS for t in long_ones)
    assert _ingest(db, NOW, ("l1", "a5", long_ones[0]), ("l2", "a5", long_ones[1])) == []
    assert len(_ingest(db, NOW + timedelta(hours=1), ("l3", "a5", long_ones[2]))) == 1
    # One long, considered message is fine: criticism stays up.
    assert _ingest(db, NOW, ("l4", "a6", long_ones[0])) == []


def test_own_account_replies_never_count_as_repetition(db: Database) -> None:
    text = "Thanks for getting in touch, please send us a private message"
    comments = [
        IncomingComment(
            platform=Platform.FACEBOOK,
            external_id=f"r{i}",
            author_id="page1",
            text=text,
            from_own_account=True,
        )
        for i in range(4)
    ]
    result = db.call(
        lambda s: incoming.ingest(
            session=s, items=comments, engine=ENGINE, profile=PROFILE, desks=[], now=NOW, source="test"
        )
    )
    assert result.new == 4 and result.cases_opened == []
    tiers = db.call(lambda s: s.exec(select(Comment.tier).where(Comment.author_id == "page1")).all())
    assert tiers == [3, 3, 3, 3]


def test_staff_names_in_their_usual_forms() -> None:
    member = StaffMember(name="Dr Priya Patel", aliases=("Priya",))
    assert set(member.all_names) == {"Dr Priya Patel", "Priya Patel", "Dr Patel", "Priya"}
    engine = PolicyEngine(staff_names=member.all_names)
    for text in ("Dr Patel was rude", "priya patel ignored us", "Ask Priya about it"):
        assert engine.classify(text).tier is Tier.HARMFUL, text
    assert StaffMember(name="Anna Maria Lopez").all_names == ("Anna Maria Lopez", "Anna Lopez")
    assert StaffMember(name="Jane Smith").all_names == ("Jane Smith",)


def test_a_title_is_found_with_or_without_its_full_stop() -> None:
    """The public writes "Dr. Patel" and "Dr.Patel" as often as "Dr Patel" (MSE Appendix B)."""
    engine = PolicyEngine(staff_names=StaffMember(name="Dr Priya Patel").all_names)
    for text in ("Dr. Patel was rude", "dr.patel ignored us", "Dr.  Patel again", "Mrs Smith and Dr Patel"):
        verdict = engine.classify(text)
        assert verdict.tier is Tier.HARMFUL and Route.NAMED_STAFF in verdict.routes, text
    # A different name that starts the same, or a title run into the name, is not the member.
    # ("Dr Patelson" is still someone named by their title: a moderator checks, at the text's tier.)
    for text in ("Dr Patelson was kind", "Drpatel", "Dr Pat was here"):
        verdict = engine.classify(text)
        assert "staff.named" not in [r.rule for r in verdict.reasons], text
        assert verdict.tier is Tier.LEAVE, text
    dotted = PolicyEngine(staff_names=StaffMember(name="Mr. John Smith").all_names)
    assert Route.NAMED_STAFF in dotted.classify("Mr Smith was rude").routes


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Dr Okonkwo was so patient with my son", "Dr Okonkwo"),
        ("that receptionist Karen Smith hung up on me", "receptionist Karen Smith"),
        ("the consultant, Mr Adeyemi, never came", "consultant, Mr Adeyemi"),
        ("Nurse Bell on the children's ward", "Nurse Bell"),
        ("prof. Hargreaves said it again", "prof. Hargreaves"),
    ],
)
def test_a_title_or_job_beside_a_name_is_routed_without_a_staff_list(text: str, named: str) -> None:
    """Staff are named without a list (issue 26): a moderator checks; the text keeps its own tier."""
    verdict = PolicyEngine().classify(text)
    assert Route.NAMED_STAFF in verdict.routes, text
    assert [text[r.start : r.end] for r in verdict.reasons if r.rule == "staff.titled"] == [named]
    assert verdict.tier is Tier.LEAVE, text


@pytest.mark.parametrize(
    "text",
    [
        "the nurse said to wait in the car",
        "I rang my GP Surgery twice today",
        "the doctor. She was fine after that",
        "ask your pharmacist About the dose",
        "the GP I saw was new",
        "The receptionist on Monday was great",
    ],
)
def test_a_job_before_an_ordinary_word_names_no_one(text: str) -> None:
    assert Route.NAMED_STAFF not in PolicyEngine().classify(text).routes, text
