"""What each person is shown of a report, on every chat surface: the reporter's receipt, the
channel's notice (never the free text, never the reporter), a lead's view of the details, and
the status lines drawn from them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class ReportReceipt:
    """What the reporter is told at once (privately)."""

    reference: str
    category: str
    urgent: bool
    immediate_danger: str
    next_steps: str
    personal_safety: str
    contacts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ReportNotice:
    """What the safeguarding channel sees: never the free text, never the reporter."""

    reference: str
    category: str
    urgent: bool
    status: str
    opened_at: datetime
    consent_to_share: bool
    acknowledged_by: str | None = None
    escalated_to: str | None = None
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class ReportDetails:
    notice: ReportNotice
    reporter_name: str
    reporter_id: str
    reporter_surface: str
    what_happened: str
    platform: str
    link: str
    account_name: str
    occurred_on: date | None


def notice_status(notice: ReportNotice, escape: Callable[[str], str]) -> str:
    """The notice's status line on every chat surface: who acknowledged, escalated or closed it
    (names escaped by the chat's own rules)."""
    status = notice.status.title()
    if notice.acknowledged_by:
        status += f" · acknowledged by {escape(notice.acknowledged_by)}"
    if notice.escalated_to:
        status += f" · escalated to {escape(notice.escalated_to)}"
    if notice.outcome:
        status += f" · closed: {escape(notice.outcome)}"
    return status


def reporter_status(notice: ReportNotice, escape: Callable[[str], str]) -> str:
    """The answer a reporter gets to "status SG-…" on every chat surface: where the report
    stands, where it was escalated and how it was closed, once it has been."""
    parts = [f"{notice.reference} ({notice.category}): {notice.status}"]
    if notice.escalated_to:
        parts.append(f"escalated to {escape(notice.escalated_to)}")
    if notice.outcome:
        parts.append(f"outcome: {escape(notice.outcome)}")
    return "; ".join(parts) + "."


def detail_facts(details: ReportDetails) -> list[tuple[str, str]]:
    """What a lead's view lists, in order, on every chat surface."""
    n = details.notice
    return [
        ("Reference", n.reference),
        ("Category", n.category),
        ("Reported by", f"{details.reporter_name} ({details.reporter_id})"),
        ("Platform", details.platform or "—"),
        ("Link", details.link or "—"),
        ("Account", details.account_name or "—"),
        ("When", details.occurred_on.isoformat() if details.occurred_on else "—"),
        ("Immediate danger", "yes" if n.urgent else "no"),
        ("Consent to share", "yes" if n.consent_to_share else "no"),
    ]
