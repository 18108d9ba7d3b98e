"""The monthly assurance report: its figures agree with the audit export, and it is readable."""

from __future__ import annotations

import base64
import csv
import io
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import col, select

from bench.assurance_seed import LEAD, MODERATORS, seed_month
from bot.cli import main
from bot.core.audit import export_csv
from bot.core.profile import load_profile
from bot.core.reporting.assurance import build_monthly_assurance, month_bounds
from bot.core.reporting.figures import MonthlyAssurance
from bot.store.db import Database, make_engine, migrate
from bot.store.tables import Comment
from handlers.report.html import render_html

PROFILE = load_profile()
MONTH = date(2026, 11, 1)
NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n"


def _seeded(db: Database) -> MonthlyAssurance:
    seed_month(db, PROFILE, MONTH, comments=360, batch=12)
    return db.call(
        lambda s: build_monthly_assurance(
            session=s, month=MONTH, organisation=PROFILE.organisation.name, calendar=PROFILE.calendar, now=NOW
        )
    )


def _export(db: Database) -> list[dict[str, str]]:
    start, end = month_bounds(MONTH)
    out = io.StringIO()
    db.call(lambda s: export_csv(s, since=start, until=end, out=out))
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_london_month_bounds_follow_the_clocks() -> None:
    # October 2026: British Summer Time until the 25th, so the month starts at 23:00 UTC.
    start, end = month_bounds(date(2026, 10, 1))
    assert start == datetime(2026, 9, 30, 23, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 1, 0, 0, tzinfo=UTC)


def test_figures_match_the_audit_export(db: Database) -> None:
    report = _seeded(db)
    rows = _export(db)
    actions = Counter(r["action"] for r in rows)

    decided = {a.removeprefix("decided_"): n for a, n in actions.items() if a.startswith("decided_")}
    assert dict(report.decisions) == {**decided, "contact_sent": actions["contact_sent"]}
    assert sum(decided.values()) >= 0.8 * actions["case_opened"] > 0  # the seed decides most cases
    assert actions["contact_sent"] > 0  # and told some commenters why their comment went
    assert report.deciders == len({r["actor"] for r in rows if r["action"].startswith("decided_")})
    assert sum(report.decisions_by_person) == sum(decided.values())  # contact_sent is not a decision row

    assert report.escalations == actions["escalated_out_of_hours"]
    assert report.escalations_nobody_on_call == sum(
        r["action"] == "escalated_out_of_hours" and r["outcome"] == "nobody_on_call" for r in rows
    )
    # Each escalation to the first decision on its case after it, read from the export.
    escalated = [(r["case_id"], r["at"]) for r in rows if r["action"] == "escalated_out_of_hours"]
    acted = []
    for case_id, at in escalated:
        after = [
            datetime.fromisoformat(r["at"])
            for r in rows
            if r["case_id"] == case_id and r["action"].startswith("decided_") and r["at"] >= at
        ]
        if after:
            acted.append((min(after) - datetime.fromisoformat(at)).total_seconds() / 60)
    assert sorted(report.escalation_act_minutes) == pytest.approx(sorted(acted))
    assert escalated and acted
    checks = dict(report.checks)
    assert checks["on_time"] + checks["late"] == sum(
        n for a, n in actions.items() if a.startswith("check_done_")
    )
    assert checks["missed"] > 0 and checks["late"] > 0
    assert len(report.handover_ack_minutes) == actions["handover_acknowledged"]
    assert report.safeguarding.opened == actions["safeguarding_report_opened"]
    assert list(report.safeguarding.references) == [
        r["subject"] for r in rows if r["action"] == "safeguarding_report_opened"
    ]
    closed = sum(n for state, n in report.safeguarding.by_state if state in PROFILE.safeguarding.outcomes)
    assert closed == actions["safeguarding_close"]

    # Cases first decided: one per case in the export, and Tier 1 and 2 agreement counted from them.
    first_per_case = {r["case_id"] for r in rows if r["action"].startswith("decided_")}
    assert report.response.decided == len(first_per_case)
    assert 0 < report.response.within_target <= report.response.decided

    start, end = month_bounds(MONTH)
    stored = db.call(
        lambda s: s.exec(
            select(func.count())
            .select_from(Comment)
            .where(col(Comment.received_at) >= start, col(Comment.received_at) < end)
        ).one()
    )
    assert report.received == stored == 360
    assert sum(w.count for w in report.received_by_week) == 360
    assert sum(n for _, n in report.flagged_by_tier) == 360


def test_leave_themes_are_grouped_whatever_their_case_and_spacing(db: Database) -> None:
    report = _seeded(db)
    themes = dict(report.themes)
    assert "waiting times" in themes
    assert not any(t != " ".join(t.lower().split()) for t in themes)


def test_html_has_the_charts_and_no_names_or_report_details(db: Database) -> None:
    report = _seeded(db)
    html = render_html(report)
    images = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)"', html)
    assert len(images) >= 5
    for data, alt in images:
        assert base64.b64decode(data).startswith(PNG)
        assert ":" in alt  # every chart says in words what it shows
    assert PROFILE.organisation.name in html
    assert "November 2026" in html
    for reference in report.safeguarding.references:
        assert reference in html
    # People are counted, never named; what a report says stays sealed.
    for person in (*MODERATORS, LEAD):
        assert person.name not in html and person.id not in html
    assert "seeded report" not in html
    assert html.count('class="method"') >= 7  # each figure says how it was computed


def test_html_escapes_what_people_typed(db: Database) -> None:
    report = _seeded(db)
    hostile = replace(report, themes=(("<script>alert(1)</script>", 2),), organisation="A & B <ICB>")
    html = render_html(hostile)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html and "A &amp; B &lt;ICB&gt;" in html


def test_command_writes_the_report_and_refuses_a_bad_month(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'modbot.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = make_engine(url)
    migrate(engine)
    db = Database(engine, workers=1)
    try:
        seed_month(db, PROFILE, MONTH, comments=60, batch=12)
    finally:
        db.close()
    out = tmp_path / "november.html"
    assert main(["report", "--month", "2026-11", "--out", str(out)]) == 0
    assert "60 items" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").count("data:image/png;base64,") >= 5
    with pytest.raises(SystemExit):
        main(["report", "--month", "November"])
    assert "YYYY-MM" in capsys.readouterr().err


def test_pdf_is_the_same_report(db: Database) -> None:
    pytest.importorskip("weasyprint", reason="PDF output needs the optional WeasyPrint (modbot[pdf])")
    from handlers.report.html import render_pdf

    pdf = render_pdf(render_html(_seeded(db)))
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 20_000  # the charts are in it
