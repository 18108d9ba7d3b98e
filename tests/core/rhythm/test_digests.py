"""Reminders and the handover digest, asserted from a seeded database (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.core.delivery.desks import DeskTarget
from bot.core.models import Actor, Decision, IncomingComment, Platform
from bot.core.moderation import decisions, incoming
from bot.core.policy import PolicyEngine
from bot.core.profile import load_profile
from bot.core.rhythm import rota
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.digest_text import handover_text, reminder_text
from bot.core.rhythm.digests import build_handover_digest, build_reminder
from bot.store.db import Database

PROFILE = load_profile()
ENGINE = PolicyEngine()
MOD = Actor("slack", "U1", "sam")


def london(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


def ingest(db: Database, when: datetime, *items: tuple[str, str, str]) -> list[int]:
    """Items are (external id, post id, text)."""
    comments = [
        IncomingComment(platform=Platform.FACEBOOK, external_id=i, post_id=p, text=t, created_at=when)
        for i, p, t in items
    ]
    result = db.call(
        lambda s: incoming.ingest(
            session=s,
            items=comments,
            engine=ENGINE,
            profile=PROFILE,
            desks=[DeskTarget("slack", "slack:C")],
            now=when,
            source="test",
        )
    )
    return result.cases_opened


def decide(db: Database, case_id: int, decision: Decision, when: datetime, note: str | None = None) -> None:
    db.call(
        lambda s: decisions.decide(
            session=s,
            case_id=case_id,
            decision=decision,
            actor=MOD,
            now=when,
            connected=frozenset(),
            desks=[],
            note=note,
        )
    )


def test_morning_reminder_covers_the_weekend_and_lists_what_is_open(db: Database) -> None:
    # Friday after hours, Saturday and Sunday: all of it belongs to Monday's morning check.
    ingest(
        db,
        london(2026, 11, 20, 18),
        ("a1", "post1", "You are a useless idiot"),
        ("a2", "post1", "Lovely clinic"),
    )
    ingest(
        db, london(2026, 11, 21, 11), ("a3", "post2", "Vaccines cause autism"), ("a4", "post1", "Thanks all")
    )
    ingest(db, london(2026, 11, 22, 20), ("a5", "post1", "Should I take paracetamol for my fever?"))
    # Friday 16:30 (before the end of the working day) is not in Monday's window.
    ingest(db, london(2026, 11, 20, 16, 30), ("a0", "post3", "Great news"))

    reminder = db.call(
        lambda s: build_reminder(session=s, slot="morning", now=london(2026, 11, 23, 9), profile=PROFILE)
    )

    assert reminder.window_start == london(2026, 11, 20, 17)
    assert reminder.new_comments == 5 and reminder.new_cases == 3
    assert [(p.post_id, p.comments) for p in reminder.busiest_posts] == [("post1", 4), ("post2", 1)]
    assert {tier: listing.count for tier, listing in reminder.open_by_tier.items()} == {1: 1, 2: 1, 3: 1}
    assert reminder.overdue.count == 0
    text = reminder_text(reminder)
    assert "since 17:00 Fri 20 Nov" in text and "yesterday's posts" in text


def test_midday_reminder_window_starts_at_the_morning_check(db: Database) -> None:
    ingest(db, london(2026, 11, 23, 8, 30), ("b1", "p", "You are scum"))
    ingest(db, london(2026, 11, 23, 10), ("b2", "p", "You are a clown"))
    reminder = db.call(
        lambda s: build_reminder(session=s, slot="midday", now=london(2026, 11, 23, 12, 30), profile=PROFILE)
    )
    assert reminder.window_start == london(2026, 11, 23, 9)
    assert reminder.new_comments == 1
    assert reminder.open_by_tier[1].count == 2  # open cases are listed whatever their age


def test_overdue_and_due_soon(db: Database) -> None:
    [old] = ingest(db, london(2026, 11, 16, 10), ("c1", "p", "You are a useless idiot"))  # due Wed 18th 10:00
    [soon] = ingest(db, london(2026, 11, 19, 11), ("c2", "p", "You are scum"))  # due Mon 23rd 11:00
    ingest(db, london(2026, 11, 23, 9), ("c3", "p", "You are a clown"))  # due Wed 25th 09:00
    reminder = db.call(
        lambda s: build_reminder(session=s, slot="morning", now=london(2026, 11, 23, 9), profile=PROFILE)
    )
    assert [line.case_id for line in reminder.overdue.lines] == [old]
    assert reminder.overdue.lines[0].overdue
    assert [line.case_id for line in reminder.due_soon.lines] == [soon]


def test_handover_digest_contents(db: Database) -> None:
    day = london(2026, 11, 23, 9)
    [abuse, _spam, medical] = ingest(
        db,
        day,
        ("d1", "p", "You are a useless idiot"),
        ("d2", "p", "Check out my channel for free followers"),
        ("d3", "p", "Should I take ibuprofen for my headache?"),
    )
    [urgent] = ingest(db, london(2026, 11, 23, 10), ("d4", "p", "I want to end my life"))
    [left1, left2] = ingest(
        db, london(2026, 11, 23, 11), ("d5", "p", "Vaccines cause autism"), ("d6", "p", "plandemic")
    )
    ingest(db, london(2026, 11, 23, 11), ("d7", "p", "Parking is awful"), ("d8", "p", "Nice post"))
    decide(db, left1, Decision.LEAVE, london(2026, 11, 23, 12), note="Vaccine myths")
    decide(db, left2, Decision.LEAVE, london(2026, 11, 23, 12), note="vaccine myths")
    decide(db, medical, Decision.MARK_HANDLED, london(2026, 11, 23, 12))
    db.call(
        lambda s: rota.set_on_call(
            s,
            name="Priya Shah",
            slack_user_id="U0ONCALL",
            starts_on=date(2026, 11, 23),
            ends_on=date(2026, 11, 29),
            actor=MOD,
            now=day,
        )
    )

    digest = db.call(
        lambda s: build_handover_digest(session=s, now=london(2026, 11, 23, 16, 45), profile=PROFILE)
    )

    assert digest.on_call is not None and digest.on_call.name == "Priya Shah" and digest.warning == ""
    assert digest.open_by_tier[1].count == 1 and digest.open_by_tier[1].lines[0].case_id == abuse
    assert digest.open_by_tier[2].count == 1
    assert [line.case_id for line in digest.urgent.lines] == [urgent]
    assert digest.themes == (("vaccine myths", 2),)
    assert digest.tier3_today == 4  # two with special routes, two plain comments
    text = handover_text(digest)
    assert "On call tonight: Priya Shah" in text
    assert "useless idiot" not in text  # the digest carries categories, never comment text


def test_handover_warns_when_nobody_is_on_call(db: Database) -> None:
    digest = db.call(
        lambda s: build_handover_digest(session=s, now=london(2026, 11, 23, 16, 45), profile=PROFILE)
    )
    assert digest.on_call is None
    assert "Nobody is on call" in handover_text(digest)


def test_rota_seed_is_idempotent_and_a_later_setting_wins(db: Database, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("oncall:\n  - {name: Alex Lee, slack_user: U0ALEX, from: 2026-11-23, to: 2026-11-29}\n")
    profile = load_profile(policy)
    now = london(2026, 11, 20, 9)
    assert db.call(lambda s: rota.seed_rota(s, profile=profile, now=now)) == 1
    assert db.call(lambda s: rota.seed_rota(s, profile=profile, now=now)) == 0
    assert db.call(lambda s: rota.on_call(s, day=date(2026, 11, 25))).name == "Alex Lee"
    db.call(
        lambda s: rota.set_on_call(
            s,
            name="Sam Jones",
            starts_on=date(2026, 11, 25),
            ends_on=date(2026, 11, 25),
            actor=MOD,
            now=now + timedelta(hours=1),
        )
    )
    assert db.call(lambda s: rota.on_call(s, day=date(2026, 11, 25))).name == "Sam Jones"
    assert db.call(lambda s: rota.on_call(s, day=date(2026, 11, 26))).name == "Alex Lee"
    assert db.call(lambda s: rota.on_call(s, day=date(2026, 12, 1))) is None


def test_digest_and_calendar_commands(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}
    due = subprocess.run(
        [sys.executable, "-m", "bot.cli", "calendar", "due", "2026-11-21T11:00"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "in working hours: no" in due.stdout
    assert "response due: Wed 25 Nov 2026 09:00 GMT" in due.stdout
    digest = subprocess.run(
        [sys.executable, "-m", "bot.cli", "digest", "handover", "--at", "2026-11-23T16:45"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert digest.stdout.startswith("End-of-day handover · Mon 23 Nov")


def test_every_chat_shows_the_same_handover_footnotes_escaped_for_itself() -> None:
    """Slack, Teams and plain text carry one list of footnotes; comment text is escaped per chat."""
    import json

    from bot.core.rhythm.digest_text import handover_footnotes
    from bot.core.rhythm.digests import HandoverDigest, Listing
    from handlers.slack.digest_blocks import handover_blocks
    from handlers.teams.digest_cards import handover_card

    empty = Listing(0)
    digest = HandoverDigest(
        day=date(2026, 11, 23),
        title="Handover",
        at=datetime(2026, 11, 23, 16, 45, tzinfo=LONDON),
        on_call=None,
        open_by_tier={1: empty, 2: empty},
        urgent=empty,
        pending_contact=empty,
        due_by_next_working_day=empty,
        overdue=empty,
        themes=(("parking <charges> & *fees*", 4),),
        tier3_today=12,
        safeguarding_today=("SG-2026-0007",),
        surges_today=("Facebook post: 5 flagged comments grouped, 10:42 to 11:05 (5 open)",),
    )
    lines = handover_footnotes(digest)
    assert lines[0] == "Tier 3 comments today: 12"
    # A chat (and its notification text) says how many reports, never which: a handover can land
    # in the moderators' channel. The `modbot digest` command lists the references.
    assert "Safeguarding reports opened today: 1" in lines
    assert all(line in handover_text(digest) for line in lines)
    assert "SG-2026-0007" not in handover_text(digest)
    assert "Safeguarding reports opened today: 1 (SG-2026-0007)" in handover_text(digest, references=True)

    fallback, blocks = handover_blocks(digest, send_id=1, resend=False, summary=False)
    slack = json.dumps(blocks, ensure_ascii=False)
    assert "parking &lt;charges&gt; &amp; *fees*" in slack and "<charges>" not in slack
    assert (
        "Safeguarding reports opened today: 1" in slack and "Surge today: Facebook post: 5 flagged" in slack
    )
    assert "SG-2026-0007" not in slack + fallback

    teams = json.dumps(handover_card(digest, send_id=1, resend=False, summary=False), ensure_ascii=False)
    assert "\\\\*fees\\\\*" in teams and "Tier 3 comments today: 12" in teams
    assert "Safeguarding reports opened today: 1" in teams and "SG-2026-0007" not in teams
