"""Retention removes exactly what is due, once a day, and says so in the audit log."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from bot.core.delivery.desks import DeskTarget
from bot.core.models import Actor, IncomingComment, Platform
from bot.core.moderation import incoming
from bot.core.policy import PolicyEngine
from bot.core.profile import load_profile
from bot.core.rhythm import sends
from bot.core.rhythm.digests import build_handover_digest
from bot.core.safeguarding import reports as sg
from bot.core.safeguarding.confidential import DataKeyError, Sealer
from bot.core.safeguarding.form import ReportCategory, ReportForm
from bot.main import build_runtime
from bot.settings import Settings
from bot.store.db import Database
from bot.store.tables import AuditEvent, Comment, SafeguardingReport

PROFILE = load_profile()
KEY = os.urandom(32)
NOW = datetime(2026, 11, 23, 2, 30, tzinfo=UTC)
LEAD = Actor("slack", "U0LEAD", "lee")


def report(db: Database, *, closed_days_ago: int | None) -> str:
    form = ReportForm(
        category=ReportCategory.OTHER,
        what_happened="details",
        immediate_danger=False,
        consent_to_share=False,
    )
    opened = NOW - timedelta(days=500)
    reference = db.call(
        lambda s: sg.log_report(
            session=s,
            form=form,
            reporter=Actor("slack", "U1", "a"),
            sealer=Sealer(KEY),
            fingerprint_key=KEY,
            profile=PROFILE,
            now=opened,
        )
    ).reference
    if closed_days_ago is not None:
        db.call(
            lambda s: s.connection().execute(
                update(SafeguardingReport)
                .where(col(SafeguardingReport.reference) == reference)
                .values(
                    status="closed", closed_at=NOW - timedelta(days=closed_days_ago), outcome="advice given"
                )
            )
        )
    return reference


def comment(db: Database, external_id: str, text: str, days_ago: int) -> None:
    when = NOW - timedelta(days=days_ago)
    db.call(
        lambda s: incoming.ingest(
            session=s,
            items=[
                IncomingComment(
                    platform=Platform.FACEBOOK, external_id=external_id, text=text, created_at=when
                )
            ],
            engine=PolicyEngine(),
            profile=PROFILE,
            desks=[DeskTarget("slack", "slack:C")],
            now=when,
            source="test",
        )
    )


def test_retention_erases_exactly_what_is_due_once_a_day(db: Database) -> None:
    due = report(db, closed_days_ago=400)
    report(db, closed_days_ago=300)  # closed, but not long enough ago
    report(db, closed_days_ago=None)  # still open, however old
    comment(db, "pd_old", "call me on 07700 900123", days_ago=31)
    comment(db, "pd_new", "call me on 07700 900456", days_ago=29)
    comment(db, "plain_old", "lovely service", days_ago=100)

    assert (
        db.call(lambda s: sends.daily_retention(s, now=NOW.replace(hour=1), profile=PROFILE)) is None
    )  # before 02:00
    result = db.call(lambda s: sends.daily_retention(s, now=NOW, profile=PROFILE))
    assert result is not None and result.reports == (due,) and result.comments == 1
    assert db.call(lambda s: sends.daily_retention(s, now=NOW + timedelta(hours=5), profile=PROFILE)) is None

    rows = {r.reference: r for r in db.call(lambda s: s.exec(select(SafeguardingReport)).all())}
    assert (
        rows[due].sealed_details == ""
        and rows[due].sealed_reporter == ""
        and rows[due].redacted_at is not None
    )
    assert rows[due].outcome == "advice given"  # the record of what happened stays
    assert all(r.sealed_details for ref, r in rows.items() if ref != due)
    texts = {c.external_id: c.text for c in db.call(lambda s: s.exec(select(Comment)).all())}
    assert texts == {"pd_old": "", "pd_new": "call me on 07700 900456", "plain_old": "lovely service"}
    [row] = db.call(lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "retention_erased")).all())
    assert row.detail == {"reports": 1, "references": due, "comments": 1}
    with pytest.raises(Exception, match="erased under the retention policy"):
        db.call(
            lambda s: sg.view_report(
                session=s, reference=due, viewer=LEAD, is_lead=True, sealer=Sealer(KEY), now=NOW
            )
        )


def test_handover_lists_todays_safeguarding_references_only(db: Database) -> None:
    form = ReportForm(
        category=ReportCategory.OTHER,
        what_happened="secret words",
        immediate_danger=False,
        consent_to_share=False,
    )
    day = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    db.call(
        lambda s: sg.log_report(
            session=s,
            form=form,
            reporter=Actor("slack", "U1", "a"),
            sealer=Sealer(KEY),
            fingerprint_key=KEY,
            profile=PROFILE,
            now=day,
        )
    )
    digest = db.call(
        lambda s: build_handover_digest(session=s, now=day.replace(hour=16, minute=45), profile=PROFILE)
    )
    assert digest.safeguarding_today == ("SG-2026-0001",)


def test_production_refuses_to_start_without_a_strong_data_key(tmp_path: object) -> None:
    settings = Settings(DATABASE_URL="sqlite://", MODBOT_ENV="production", MODBOT_DATA_KEY=None)
    with pytest.raises(DataKeyError, match="MODBOT_DATA_KEY is not set"):
        build_runtime(settings, run_worker=False)
    weak = Settings(
        DATABASE_URL="sqlite://",
        MODBOT_ENV="production",
        MODBOT_DATA_KEY="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    )
    with pytest.raises(DataKeyError, match="too weak"):
        build_runtime(weak, run_worker=False)
