"""Retention (MSE 6.5.2: personal details are passed to the relevant department, then deleted).

Once a day: the sealed details and reporter of safeguarding reports closed more than
`closed_report_days` ago are erased (reference, category, status and outcome stay, for the
record), and the text of comments that shared personal data is erased after
`comment_personal_data_days`. One audit row says what was removed: counts and references only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.models import SYSTEM, Route
from bot.core.profile import PolicyProfile
from bot.store.tables import Comment, SafeguardingReport

ERASED = ""


@dataclass(frozen=True, slots=True)
class RetentionResult:
    reports: tuple[str, ...]
    comments: int


def apply_retention(session: Session, *, profile: PolicyProfile, now: datetime) -> RetentionResult:
    rules = profile.safeguarding.retention
    report_cutoff = now - timedelta(days=rules.closed_report_days)
    due_reports = session.exec(
        select(SafeguardingReport).where(
            col(SafeguardingReport.status) == "closed",
            col(SafeguardingReport.closed_at) <= report_cutoff,
            col(SafeguardingReport.redacted_at).is_(None),
        )
    ).all()
    for report in due_reports:
        session.connection().execute(
            update(SafeguardingReport)
            .where(col(SafeguardingReport.id) == report.id)
            .values(sealed_details=ERASED, sealed_reporter=ERASED, reporter_key=ERASED, redacted_at=now)
        )
    comment_cutoff = now - timedelta(days=rules.comment_personal_data_days)
    # Routes are a JSON list; filter in Python over the (indexed) time window's candidates.
    candidates = session.exec(
        select(Comment.id, Comment.routes).where(
            col(Comment.received_at) <= comment_cutoff, col(Comment.text) != ERASED
        )
    ).all()
    erase = [cid for cid, routes in candidates if Route.PERSONAL_DATA.value in (routes or [])]
    for start in range(0, len(erase), 500):
        session.connection().execute(
            update(Comment)
            .where(col(Comment.id).in_(erase[start : start + 500]))
            .values(text=ERASED, author_name=ERASED, reasons=[])
        )
    references = tuple(r.reference for r in due_reports)
    if references or erase:
        audit.record(
            session,
            actor=SYSTEM,
            action="retention_erased",
            outcome="ok",
            now=now,
            detail={"reports": len(references), "references": ",".join(references), "comments": len(erase)},
        )
    return RetentionResult(reports=references, comments=len(erase))
