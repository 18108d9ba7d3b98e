"""A month of desk activity written through the core's own paths, for the assurance report.

Comments are ingested and classified, moderators decide cases, checks and handovers are reminded
and acknowledged (some late, some never), urgent items are escalated, and safeguarding reports are
logged, acknowledged and closed: every audit row is the one the desk itself would write. The
comments are a few sentences written for this seed (no dataset text), varied by a counter.
Used by `bench/assurance.py` and by the report's tests.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import col, select

from bot.core import audit
from bot.core.errors import ModbotError
from bot.core.models import SYSTEM, Actor, ContactState, Decision, IncomingComment, Platform
from bot.core.moderation.decisions import decide, record_contact_outcome, record_platform_outcome
from bot.core.moderation.incoming import ingest
from bot.core.policy import build_engine
from bot.core.profile import PolicyProfile
from bot.core.rhythm import sends
from bot.core.rhythm.clock import LONDON
from bot.core.safeguarding import reports as sg
from bot.core.safeguarding.confidential import Sealer
from bot.core.safeguarding.form import ReportCategory, ReportForm
from bot.store.db import Database
from bot.store.tables import Case

_SENTENCES = (
    ("Thank you to the staff at the minor injuries unit, brilliant care today", 8),
    ("Waited four hours in A&E last night, the department was packed", 4),
    ("When does the flu clinic open at the health centre?", 3),
    ("You are a useless idiot and everyone at that trust is scum", 1),
    ("Earn 500 a day from home, message me on whatsapp for details", 1),
    ("I will find the receptionist after her shift and hurt her", 1),
)
MODERATORS = tuple(Actor("slack", f"U0MOD{i}", f"moderator.{i}") for i in range(4))
LEAD = Actor("slack", "U0LEAD", "safeguarding.lead")
THEMES = ("waiting times", "parking", "flu clinic hours", "Waiting  times")
SEAL_KEY = bytes(range(32))
CONNECTED = frozenset(Platform)  # every platform has an API connection: decisions are carried out


def working_days(month: date, profile: PolicyProfile) -> list[date]:
    day, out = month.replace(day=1), []
    while day.month == month.month:
        if profile.calendar.is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def _local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON).astimezone(UTC)


def seed_month(
    db: Database, profile: PolicyProfile, month: date, *, comments: int, batch: int = 500, seed: int = 7
) -> None:
    """Write `comments` items over `month`, and a month of the desk's work on them."""
    rng = random.Random(seed)
    engine = build_engine(())
    days = [month.replace(day=1) + timedelta(days=i) for i in range(31)]
    days = [d for d in days if d.month == month.month]
    weights = [w for _, w in _SENTENCES]
    platforms = list(Platform)
    for start in range(0, comments, batch):
        day = days[(start // batch) % len(days)]
        at = _local(day, time(8)) + timedelta(minutes=rng.randrange(0, 12 * 60))
        items = [
            IncomingComment(
                platform=platforms[i % len(platforms)] if i % 3 else Platform.FACEBOOK,
                external_id=f"seed{i}",
                text=f"{rng.choices(_SENTENCES, weights)[0][0]} ({i})",
                post_id=f"post{i % 40}",
                author_id=f"author{i % 997}",
                created_at=at,
            )
            for i in range(start, min(start + batch, comments))
        ]
        db.call(
            lambda s, items=items, at=at: ingest(
                session=s, items=items, engine=engine, profile=profile, desks=[], now=at, source="seed"
            )
        )
    _decide_cases(db, rng)
    _rhythm(db, profile, month, rng)
    _safeguarding(db, profile, month, rng)


def _decide_cases(db: Database, rng: random.Random) -> None:
    cases = db.call(
        lambda s: [(c.id, c.opened_at, c.tier) for c in s.exec(select(Case).order_by(col(Case.id)))]
    )
    for case_id, opened, tier in cases:
        roll = rng.random()
        if roll < 0.1:
            continue  # still open
        opened = opened if opened.tzinfo else opened.replace(tzinfo=UTC)
        decided_at = opened + timedelta(hours=rng.choice((0.5, 2, 6, 30, 70, 120)))
        removing = rng.choice((Decision.HIDE, Decision.DELETE))
        decision = Decision.LEAVE if roll < 0.25 or tier == 3 else removing
        note = rng.choice(THEMES) if decision is Decision.LEAVE and rng.random() < 0.6 else None
        actor = rng.choice(MODERATORS)
        # Where the platform cannot do what was chosen, the moderator picks the next thing it can.
        for choice in dict.fromkeys((decision, Decision.HIDE, Decision.DELETE, Decision.LEAVE)):
            try:
                db.call(
                    lambda s, cid=case_id, d=choice, at=decided_at, n=note, who=actor: decide(
                        session=s,
                        case_id=cid,
                        decision=d,
                        actor=who,
                        now=at,
                        connected=CONNECTED,
                        desks=[],
                        note=n if d is Decision.LEAVE else None,
                    )
                )
                break
            except ModbotError:
                continue
        if choice is not Decision.LEAVE:
            _carried_out(db, case_id, choice, decided_at, actor, contact=rng.random() < 0.5)
        if rng.random() < 0.03:
            db.call(
                lambda s, cid=case_id, at=opened: audit.record(
                    s,
                    actor=SYSTEM,
                    action="escalated_out_of_hours",
                    outcome="ok" if rng.random() < 0.8 else "nobody_on_call",
                    now=at,
                    case_id=cid,
                    detail={"desk": "slack"},
                )
            )


def _carried_out(
    db: Database, case_id: int, decision: Decision, at: datetime, actor: Actor, *, contact: bool
) -> None:
    """The platform carries the removal out (as the outbox would report it); where the policy's
    next step is to tell the commenter why, the moderator sometimes does."""
    done = at + timedelta(minutes=1)
    case = db.call(
        lambda s: record_platform_outcome(
            session=s, case_id=case_id, decision=decision, error=None, desks=[], now=done
        )
    )
    if not contact or case.contact_state != ContactState.OFFERED.value:
        return
    db.call(
        lambda s: decide(
            session=s,
            case_id=case_id,
            decision=Decision.CONTACT_COMMENTER,
            actor=actor,
            now=done,
            connected=CONNECTED,
            desks=[],
        )
    )
    db.call(
        lambda s: record_contact_outcome(
            session=s, case_id=case_id, error=None, desks=[], now=done + timedelta(minutes=1)
        )
    )


def _rhythm(db: Database, profile: PolicyProfile, month: date, rng: random.Random) -> None:
    """Each working day's three checks and handover: most acknowledged soon, some late, a few never."""
    for day in working_days(month, profile):
        slots = [(sends.CHECK, slot, at) for slot, at in profile.schedules.check_slots()]
        for kind, slot, at in [*slots, (sends.HANDOVER, sends.HANDOVER, profile.schedules.handover)]:
            due = _local(day, at)
            send = sends.DueSend(kind, slot, day, due)
            send_id = db.call(lambda s, send=send, due=due: sends.claim(s, send=send, desks=[], now=due))
            if send_id is None:
                continue
            db.call(lambda s, i=send_id, due=due: sends.mark_sent(s, send_id=i, now=due))
            roll = rng.random()
            if roll < 0.08:
                continue  # missed
            delay = timedelta(minutes=rng.randrange(1, 50) if roll < 0.85 else rng.randrange(70, 200))
            db.call(
                lambda s, i=send_id, at=due + delay: sends.acknowledge(
                    s, send_id=i, actor=rng.choice(MODERATORS), now=at
                )
            )


def _safeguarding(db: Database, profile: PolicyProfile, month: date, rng: random.Random) -> None:
    sealer = Sealer(SEAL_KEY)
    for n, day in enumerate(working_days(month, profile)[::3]):
        opened = _local(day, time(11))
        form = ReportForm(
            category=list(ReportCategory)[n % len(ReportCategory)],
            what_happened="seeded report",
            immediate_danger=False,
            consent_to_share=True,
            occurred_on=day,
        )
        reporter = Actor("slack", f"U0STAFF{n}", "staff")
        receipt = db.call(
            lambda s, f=form, at=opened, who=reporter: sg.log_report(
                session=s,
                form=f,
                reporter=who,
                sealer=sealer,
                fingerprint_key=SEAL_KEY,
                profile=profile,
                now=at,
            )
        )
        steps = [("acknowledge", "", opened + timedelta(minutes=rng.randrange(5, 240)))]
        if n % 2 == 0:
            steps.append(("close", profile.safeguarding.outcomes[n % 3], opened + timedelta(days=2)))
        for action, value, at in steps:
            db.call(
                lambda s, a=action, v=value, t=at, ref=receipt.reference: sg.lead_action(
                    session=s,
                    reference=ref,
                    action=a,
                    lead=LEAD,
                    is_lead=True,
                    now=t,
                    profile=profile,
                    value=v,
                )
            )
