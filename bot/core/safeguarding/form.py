"""The report-abuse form as the core knows it: its categories and fields, the input that shows
each field's error on every chat surface, reading and checking the answers, and the
"status SG-…" request a reporter types."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import urlparse


class ReportCategory(StrEnum):
    ABUSE_RECEIVED = "abuse_received"
    CHILD = "child_or_young_person"
    ADULT_AT_RISK = "adult_at_risk"
    IMPERSONATION = "impersonation"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            ReportCategory.ABUSE_RECEIVED: "Abuse or harassment I received online",
            ReportCategory.CHILD: "Concern about a child or young person",
            ReportCategory.ADULT_AT_RISK: "Concern about an adult at risk",
            ReportCategory.IMPERSONATION: "Someone impersonating us or a colleague",
            ReportCategory.OTHER: "Something else",
        }[self]


@dataclass(frozen=True, slots=True)
class ReportForm:
    category: ReportCategory
    what_happened: str
    immediate_danger: bool
    consent_to_share: bool
    platform: str = ""
    link: str = ""
    account_name: str = ""
    occurred_on: date | None = None


# Where a report was seen (the form's choices on every chat surface).
REPORT_PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "other")
# The core's field names, and the form input (Slack block id, Teams input id) that shows each one's error.
FIELD_INPUTS = {
    "category": "category",
    "danger": "danger",
    "platform": "platform",
    "link": "link",
    "account_name": "account",
    "occurred_on": "when",
    "what_happened": "what",
    "consent": "consent",
}


def read_form(answers: Mapping[str, str | None]) -> tuple[ReportForm | None, dict[str, str]]:
    """The form from its inputs' answers (keyed by input id), or errors keyed by input id."""
    errors: dict[str, str] = {}
    try:
        category = ReportCategory(answers.get("category") or "")
    except ValueError:
        errors["category"] = "Choose what happened."
        category = ReportCategory.OTHER
    occurred: date | None = None
    if raw_date := answers.get("when"):
        try:
            occurred = date.fromisoformat(raw_date)
        except ValueError:
            errors["when"] = "This is not a date."
    form = ReportForm(
        category=category,
        what_happened=answers.get("what") or "",
        immediate_danger=answers.get("danger") == "yes",
        consent_to_share=answers.get("consent") == "yes",
        platform=answers.get("platform") or "",
        link=answers.get("link") or "",
        account_name=answers.get("account") or "",
        occurred_on=occurred,
    )
    return (None if errors else form), errors


FIELD_LIMIT = 3000


def validate(form: ReportForm, *, today: date) -> dict[str, str]:
    """Errors keyed by field name, in words the reporter can act on."""
    errors: dict[str, str] = {}
    if not form.what_happened.strip():
        errors["what_happened"] = "Please describe what you saw or what happened."
    elif len(form.what_happened) > FIELD_LIMIT:
        errors["what_happened"] = f"Please keep this under {FIELD_LIMIT} characters."
    if form.link:
        parsed = urlparse(form.link.strip())
        if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in form.link.strip():
            errors["link"] = "This is not a web address: it should start with https://"
    if form.occurred_on is not None and form.occurred_on > today:
        errors["occurred_on"] = "This date is in the future."
    return errors


# "status SG-2026-0042", typed after the report command on every chat surface.
_STATUS_REQUEST = re.compile(r"^\s*status\s+(SG-\d{4}-\d{4,})\s*$", re.IGNORECASE)


def status_request(text: str) -> str | None:
    """The reference a reporter asks about ("status SG-2026-0042"), or None for anything else."""
    match = _STATUS_REQUEST.match(text)
    return match.group(1) if match else None
