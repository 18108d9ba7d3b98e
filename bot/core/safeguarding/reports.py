"""Safeguarding reports: confidential from the first keystroke (MSE 7.2.9–7.2.13; SSOT 6.2.4, 7.0).

A member of staff reports abuse they received online or a safeguarding concern. The report gets
a reference (SG-2026-0042) from a yearly sequence that never repeats or skips; what happened and
who reported it are sealed (AES-GCM) before they reach the database. The safeguarding channel
sees only the reference, category and urgency; leads open the details, and each view is audited.
The audit log names the reporter as "confidential reporter", never by identity.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import TaskKind, enqueue
from bot.core.errors import ActionNotAvailable, AlreadyDecided, ModbotError, NotPermitted
from bot.core.models import Actor
from bot.core.profile import PolicyProfile
from bot.core.safeguarding.confidential import Sealer
from bot.core.safeguarding.form import ReportCategory, ReportForm, validate
from bot.core.safeguarding.notices import ReportDetails, ReportNotice, ReportReceipt
from bot.store.tables import ReportSequence, SafeguardingReport
from bot.store.upsert import insert_for


class ReportStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    CLOSED = "closed"


CONFIDENTIAL = "confidential reporter"


def next_reference(session: Session, *, year: int) -> str:
    """The next reference of the year, inside the caller's transaction (rolled back with it).

    The UPDATE takes the row lock, so concurrent reports queue for it rather than sharing a number.
    """
    session.connection().execute(
        insert_for(session, ReportSequence)
        .values(year=year, last=0)
        .on_conflict_do_nothing(index_elements=["year"])
    )
    number = (
        session.connection()
        .execute(
            update(ReportSequence)
            .where(col(ReportSequence.year) == year)
            .values(last=ReportSequence.last + 1)
            .returning(col(ReportSequence.last))
        )
        .scalar_one()
    )
    return f"SG-{year}-{int(number):04d}"


def reporter_fingerprint(sealer_key: bytes, reporter: Actor) -> str:
    """A keyed hash: lets a reporter ask about their own report without storing who they are."""
    return hmac.new(sealer_key, f"reporter:{reporter.key}".encode(), hashlib.sha256).hexdigest()


def log_report(
    *,
    session: Session,
    form: ReportForm,
    reporter: Actor,
    sealer: Sealer,
    fingerprint_key: bytes,
    profile: PolicyProfile,
    now: datetime,
) -> ReportReceipt:
    errors = validate(form, today=now.date())
    if errors:
        raise ModbotError("; ".join(errors.values()))
    reference = next_reference(session, year=now.year)
    details = {
        "what_happened": form.what_happened.strip(),
        "link": form.link.strip(),
        "account_name": form.account_name.strip(),
    }
    who = {"surface": reporter.surface, "id": reporter.id, "name": reporter.name}
    session.add(
        SafeguardingReport(
            reference=reference,
            category=form.category.value,
            urgent=form.immediate_danger,
            status=ReportStatus.OPEN.value,
            consent_to_share=form.consent_to_share,
            platform=form.platform,
            occurred_on=form.occurred_on,
            surface=reporter.surface,
            reporter_key=reporter_fingerprint(fingerprint_key, reporter),
            sealed_reporter=sealer.seal(json.dumps(who), context=f"{reference}:reporter"),
            sealed_details=sealer.seal(json.dumps(details), context=f"{reference}:details"),
            opened_at=now,
        )
    )
    audit.record(
        session,
        actor=Actor(reporter.surface, CONFIDENTIAL),
        action="safeguarding_report_opened",
        outcome="ok",
        now=now,
        subject=reference,
        detail={"category": form.category.value, "urgent": form.immediate_danger},
    )
    guidance = profile.safeguarding
    return ReportReceipt(
        reference=reference,
        category=form.category.label,
        urgent=form.immediate_danger,
        immediate_danger=guidance.immediate_danger,
        next_steps=guidance.next_steps,
        personal_safety=guidance.personal_safety,
        contacts=tuple((c.name, c.detail) for c in guidance.contacts),
    )


def _load(session: Session, reference: str) -> SafeguardingReport:
    report = session.exec(
        select(SafeguardingReport).where(col(SafeguardingReport.reference) == reference.strip().upper())
    ).first()
    if report is None:
        raise ModbotError(f"There is no report {reference}.")
    return report


def notice(report: SafeguardingReport) -> ReportNotice:
    return ReportNotice(
        reference=report.reference,
        category=ReportCategory(report.category).label,
        urgent=report.urgent,
        status=report.status,
        opened_at=report.opened_at,
        consent_to_share=report.consent_to_share,
        acknowledged_by=report.acknowledged_by,
        escalated_to=report.escalated_to,
        outcome=report.outcome,
    )


def report_notice(session: Session, *, reference: str) -> ReportNotice:
    return notice(_load(session, reference))


def view_report(
    *, session: Session, reference: str, viewer: Actor, is_lead: bool, sealer: Sealer, now: datetime
) -> ReportDetails | None:
    """The details, for a safeguarding lead only; every view is audited.

    `is_lead` comes from `Permissions` (the use case asks it, never an edge). A refusal is
    audited too and returns None (raising would roll the audit row back); the use case then
    raises NotPermitted(`permissions.NOT_A_LEAD`).
    """
    report = _load(session, reference)
    if not is_lead:
        audit.record(
            session,
            actor=viewer,
            action="safeguarding_view_refused",
            outcome="refused",
            now=now,
            subject=reference,
        )
        return None
    if report.redacted_at is not None:
        raise ActionNotAvailable(f"The details of {reference} were erased under the retention policy.")
    audit.record(
        session, actor=viewer, action="safeguarding_report_viewed", outcome="ok", now=now, subject=reference
    )
    who = json.loads(sealer.open(report.sealed_reporter, context=f"{report.reference}:reporter"))
    details = json.loads(sealer.open(report.sealed_details, context=f"{report.reference}:details"))
    return ReportDetails(
        notice=notice(report),
        reporter_name=who["name"],
        reporter_id=who["id"],
        reporter_surface=who["surface"],
        what_happened=details["what_happened"],
        platform=report.platform,
        link=details["link"],
        account_name=details["account_name"],
        occurred_on=report.occurred_on,
    )


def reporter_of(*, session: Session, reference: str, sealer: Sealer) -> tuple[str, str]:
    """(surface, user id) of the reporter, to tell them about progress. Never logged."""
    report = _load(session, reference)
    if report.redacted_at is not None:
        return "", ""
    who = json.loads(sealer.open(report.sealed_reporter, context=f"{report.reference}:reporter"))
    return who["surface"], who["id"]


_MOVES = {
    "acknowledge": ({ReportStatus.OPEN}, ReportStatus.ACKNOWLEDGED),
    "escalate": (
        {ReportStatus.OPEN, ReportStatus.ACKNOWLEDGED, ReportStatus.ESCALATED},
        ReportStatus.ESCALATED,
    ),
    "close": ({ReportStatus.OPEN, ReportStatus.ACKNOWLEDGED, ReportStatus.ESCALATED}, ReportStatus.CLOSED),
}


def lead_action(
    *,
    session: Session,
    reference: str,
    action: str,
    lead: Actor,
    is_lead: bool,
    now: datetime,
    profile: PolicyProfile,
    value: str = "",
) -> ReportNotice:
    """Acknowledge, Escalated to <target>, Close with <outcome>: leads only, each audited."""
    if not is_lead:
        raise NotPermitted("Only the safeguarding leads named in the policy file can act on reports.")
    report = _load(session, reference)
    allowed, target = _MOVES[action]
    if ReportStatus(report.status) not in allowed:
        raise AlreadyDecided(
            case_id=0,
            outcome=f"{report.reference} is already {report.status}",
            by=report.acknowledged_by or "a lead",
            at=report.acknowledged_at,
        )
    changes: dict[str, object] = {"status": target.value}
    if action == "acknowledge":
        changes.update(acknowledged_by=lead.display, acknowledged_at=now)
    elif action == "escalate":
        if value not in profile.safeguarding.escalation_targets:
            raise ActionNotAvailable(f"Choose one of: {', '.join(profile.safeguarding.escalation_targets)}.")
        changes.update(escalated_to=value)
        if report.acknowledged_at is None:
            changes.update(acknowledged_by=lead.display, acknowledged_at=now)
    else:
        if value not in profile.safeguarding.outcomes:
            raise ActionNotAvailable(f"Choose one of: {', '.join(profile.safeguarding.outcomes)}.")
        changes.update(outcome=value, closed_at=now)
    result = session.connection().execute(
        update(SafeguardingReport)
        .where(col(SafeguardingReport.id) == report.id, col(SafeguardingReport.status) == report.status)
        .values(**changes)
    )
    if result.rowcount != 1:
        raise AlreadyDecided(
            case_id=0, outcome=f"{report.reference} was just changed", by="another lead", at=now
        )
    audit.record(
        session,
        actor=lead,
        action=f"safeguarding_{action}",
        outcome="ok",
        now=now,
        subject=report.reference,
        detail={"to": target.value, **({"value": value} if value else {})},
    )
    session.refresh(report)
    return notice(report)


def status_for_reporter(
    *, session: Session, reference: str, reporter: Actor, fingerprint_key: bytes
) -> ReportNotice:
    """`/report-abuse status SG-…`: only the person who made the report may ask."""
    report = _load(session, reference)
    if not hmac.compare_digest(report.reporter_key, reporter_fingerprint(fingerprint_key, reporter)):
        raise NotPermitted(f"You can only check reports you made yourself. {reference} is not one of them.")
    return notice(report)


def opened_on(session: Session, *, since: datetime) -> tuple[str, ...]:
    """References opened since a moment: for the handover digest (never details)."""
    rows = session.exec(
        select(SafeguardingReport.reference)
        .where(col(SafeguardingReport.opened_at) >= since)
        .order_by(col(SafeguardingReport.id))
    ).all()
    return tuple(rows)


def submit(
    *,
    session: Session,
    form: ReportForm,
    reporter: Actor,
    sealer: Sealer,
    fingerprint_key: bytes,
    profile: PolicyProfile,
    now: datetime,
    desks: Sequence[DeskTarget],
) -> ReportReceipt:
    """Log the report and queue the channel notice; out of hours an urgent one also goes to the
    person on call at once."""
    receipt = log_report(
        session=session,
        form=form,
        reporter=reporter,
        sealer=sealer,
        fingerprint_key=fingerprint_key,
        profile=profile,
        now=now,
    )
    out_of_hours = form.immediate_danger and not profile.calendar.in_hours(now)
    for desk in desks:
        payload = {"reference": receipt.reference, "desk": desk.name}
        enqueue(
            session,
            kind=TaskKind.SAFEGUARDING_NOTICE,
            payload=payload,
            lane=desk.lane,
            dedupe_key=f"sg_notice:{receipt.reference}:{desk.name}",
            now=now,
        )
        if out_of_hours:
            enqueue(
                session,
                kind=TaskKind.SAFEGUARDING_ALERT_ONCALL,
                payload=payload,
                lane=desk.lane,
                dedupe_key=f"sg_oncall:{receipt.reference}:{desk.name}",
                now=now,
            )
    return receipt


def act_and_notify(
    *,
    session: Session,
    reference: str,
    action: str,
    lead: Actor,
    is_lead: bool,
    profile: PolicyProfile,
    now: datetime,
    desks: Sequence[DeskTarget],
    value: str = "",
    posted: tuple[str, str, str] | None = None,
) -> ReportNotice:
    """A lead's action, then the notice refreshed in place and the reporter told (acknowledged,
    closed) — both through the outbox. `posted` is (desk, channel, message ref) of the notice."""
    result = lead_action(
        session=session,
        reference=reference,
        action=action,
        lead=lead,
        is_lead=is_lead,
        now=now,
        profile=profile,
        value=value,
    )
    lanes = {d.name: d.lane for d in desks}
    if posted is not None and posted[0] in lanes:
        enqueue(
            session,
            kind=TaskKind.SAFEGUARDING_NOTICE_REFRESH,
            payload={
                "reference": reference,
                "desk": posted[0],
                "channel": posted[1],
                "message_ref": posted[2],
            },
            lane=lanes[posted[0]],
            now=now,
        )
    if action in ("acknowledge", "close"):
        for desk in desks:
            enqueue(
                session,
                kind=TaskKind.SAFEGUARDING_TELL_REPORTER,
                payload={"reference": reference, "desk": desk.name, "status": result.status},
                lane=desk.lane,
                dedupe_key=f"sg_tell:{reference}:{result.status}:{desk.name}",
                now=now,
            )
    return result
