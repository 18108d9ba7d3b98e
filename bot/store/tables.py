"""SQLModel tables. Datetimes are timezone-aware UTC; idempotency lives in unique constraints.

Schema changes go through Alembic (`bot/store/migrations`); these classes must match the
migrations, which a test checks.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class Comment(SQLModel, table=True):
    """Every item that arrived, flagged or not: Tier 3 is stored and counted, not carded."""

    __tablename__ = "comment"
    __table_args__ = (
        UniqueConstraint("platform", "external_id", name="uq_comment_platform_external_id"),
        # Covers "new comments since the last check" and "on which posts" without reading rows.
        Index("ix_comment_received_post", "received_at", "platform", "post_id"),
        Index("ix_comment_post", "platform", "post_id"),
        # An author's recent messages, for the repetition and long-message signals.
        Index("ix_comment_author_received", "author_id", "received_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    external_id: str = Field(max_length=255)
    kind: str = Field(max_length=20)
    source: str = Field(max_length=40)
    account_id: str = Field(default="", max_length=255)
    account_name: str = Field(default="", max_length=255)
    post_id: str = Field(default="", max_length=255)
    post_url: str = Field(default="", max_length=1000)
    comment_url: str = Field(default="", max_length=1000)
    parent_id: str = Field(default="", max_length=255)
    author_id: str = Field(default="", max_length=255)
    author_name: str = Field(default="", max_length=255)
    text: str
    created_at: datetime
    received_at: datetime
    tier: int
    routes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reasons: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    urgent: bool = False
    from_own_account: bool = False


class Case(SQLModel, table=True):
    """A flagged item on the desk. `version` increases on every change so cards know if stale."""

    __tablename__ = "moderation_case"
    __table_args__ = (
        Index("ix_case_status", "status"),
        Index("ix_case_due_at", "due_at"),
        Index("ix_case_surge", "surge_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    comment_id: int = Field(foreign_key="comment.id", unique=True)
    platform: str = Field(max_length=20)
    tier: int
    routes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    urgent: bool = False
    status: str = Field(max_length=20)
    opened_at: datetime
    due_at: datetime | None = None
    decided_action: str | None = Field(default=None, max_length=30)
    decided_by: str | None = Field(default=None, max_length=120)
    decided_by_name: str | None = Field(default=None, max_length=255)
    decided_at: datetime | None = None
    note: str | None = None
    last_error: str | None = None
    contact_state: str = Field(default="not_applicable", max_length=20)
    contact_by_name: str | None = Field(default=None, max_length=255)
    contact_at: datetime | None = None
    version: int = 1
    surge_id: int | None = Field(default=None, foreign_key="surge.id")


class Surge(SQLModel, table=True):
    """Many flagged comments on one post in a short time, shown as one card instead of a flood.

    `open_key` ("platform:post_id") is set while the surge still gathers new comments and cleared
    when it goes quiet: its unique index lets only one surge per post gather at a time, even when
    two deliveries race.
    """

    __tablename__ = "surge"
    __table_args__ = (UniqueConstraint("open_key", name="uq_surge_open_key"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    post_id: str = Field(max_length=255)
    open_key: str | None = Field(default=None, max_length=300)
    status: str = Field(max_length=20)
    opened_at: datetime
    last_at: datetime
    earlier_cards: int = 0  # flagged comments on the post that already had their own card
    expanded_by_name: str | None = Field(default=None, max_length=255)
    expanded_at: datetime | None = None
    version: int = 1


class SurgeCardRef(SQLModel, table=True):
    """Where a surge's card was posted on one desk."""

    __tablename__ = "surge_card_ref"
    __table_args__ = (UniqueConstraint("surge_id", "desk", name="uq_surge_card_ref_surge_desk"),)

    id: int | None = Field(default=None, primary_key=True)
    surge_id: int = Field(foreign_key="surge.id")
    desk: str = Field(max_length=40)
    channel: str = Field(max_length=255)
    message_ref: str = Field(max_length=255)
    rendered_version: int
    posted_at: datetime


class CardRef(SQLModel, table=True):
    """Where a case's card was posted on one desk (Slack channel + ts, Teams activity...)."""

    __tablename__ = "card_ref"
    __table_args__ = (UniqueConstraint("case_id", "desk", name="uq_card_ref_case_desk"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="moderation_case.id")
    desk: str = Field(max_length=40)
    channel: str = Field(max_length=255)
    message_ref: str = Field(max_length=255)
    rendered_version: int
    posted_at: datetime


class AuditEvent(SQLModel, table=True):
    """Append-only: a database trigger refuses UPDATE and DELETE on this table."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"), Index("ix_audit_event_case", "case_id"))

    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    actor: str = Field(max_length=120)
    actor_name: str = Field(default="", max_length=255)
    surface: str = Field(max_length=40)
    action: str = Field(max_length=60)
    case_id: int | None = None
    subject: str = Field(default="", max_length=300)
    outcome: str = Field(max_length=40)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class OutboxTask(SQLModel, table=True):
    """A side effect to perform durably: post a card, call a platform, send a reply."""

    __tablename__ = "outbox_task"
    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    dedupe_key: str | None = Field(default=None, max_length=255)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    lane: str = Field(default="", max_length=255)
    status: str = Field(default="pending", max_length=20)
    attempts: int = 0
    next_attempt_at: datetime
    lease_until: datetime | None = None
    last_error: str | None = None
    created_at: datetime
    done_at: datetime | None = None


class OnCallShift(SQLModel, table=True):
    """Who is the duty communications manager on call, for a range of dates (inclusive)."""

    __tablename__ = "oncall_shift"
    __table_args__ = (
        Index("ix_oncall_dates", "starts_on", "ends_on"),
        UniqueConstraint("person_name", "starts_on", "ends_on", "source", name="uq_oncall_shift"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_name: str = Field(max_length=255)
    slack_user_id: str = Field(default="", max_length=40)
    teams_user_id: str = Field(default="", max_length=255)
    starts_on: date
    ends_on: date
    source: str = Field(max_length=40)  # "policy" (seeded) or the surface of whoever set it
    created_by: str = Field(default="", max_length=120)
    created_at: datetime


class ScheduledSend(SQLModel, table=True):
    """One reminder or digest per (kind, local date, slot): a restart or a second process never
    sends a second copy, because only the insert that wins the unique key enqueues the send."""

    __tablename__ = "scheduled_send"
    __table_args__ = (UniqueConstraint("kind", "local_date", "slot", name="uq_scheduled_send"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    local_date: date
    slot: str = Field(max_length=40)
    due_at: datetime
    created_at: datetime
    sent_at: datetime | None = None
    acknowledged_by: str | None = Field(default=None, max_length=255)
    acknowledged_at: datetime | None = None


class ReportSequence(SQLModel, table=True):
    """The last reference number used in a year: references never repeat or skip."""

    __tablename__ = "report_sequence"

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class SafeguardingReport(SQLModel, table=True):
    """A confidential report. Free text and the reporter's identity are sealed (AES-GCM)."""

    __tablename__ = "safeguarding_report"
    __table_args__ = (Index("ix_report_opened", "opened_at"), Index("ix_report_status", "status"))

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=20, unique=True)
    category: str = Field(max_length=40)
    urgent: bool = False
    status: str = Field(max_length=20)  # open, acknowledged, escalated, closed
    consent_to_share: bool = False
    platform: str = Field(default="", max_length=40)
    occurred_on: date | None = None
    surface: str = Field(max_length=20)
    reporter_key: str = Field(max_length=64)  # keyed hash of the reporter, to answer "status" queries
    sealed_reporter: str  # who reported (surface user id and name), sealed
    sealed_details: str  # what happened, where, the link, the account name, sealed
    opened_at: datetime
    acknowledged_by: str | None = Field(default=None, max_length=255)
    acknowledged_at: datetime | None = None
    escalated_to: str | None = Field(default=None, max_length=60)
    closed_at: datetime | None = None
    outcome: str | None = Field(default=None, max_length=60)
    redacted_at: datetime | None = None


class PlatformState(SQLModel, table=True):
    """Where each poll left off, and what each metered API has spent today (YouTube quota).

    `key` names one poller or meter ("youtube:<channel>", "x-mentions:<user>"). The quota day
    is the platform's own (YouTube's resets at midnight Pacific time).
    """

    __tablename__ = "platform_state"

    key: str = Field(primary_key=True, max_length=200)
    cursor: str = Field(default="", max_length=1000)
    quota_day: str = Field(default="", max_length=10)
    quota_used: int = 0
    paused_until: datetime | None = None
    last_run_at: datetime | None = None
    last_spent: int = 0
    last_new: int = 0
    last_error: str = Field(default="", max_length=500)


class ChatConversation(SQLModel, table=True):
    """Where a chat platform lets the bot speak unprompted (Teams only allows it where the app
    is installed): one row per channel, team or person, holding the platform's own reference
    (service URL, conversation, tenant) as an opaque document the edge wrote and reads back."""

    __tablename__ = "chat_conversation"

    surface: str = Field(primary_key=True, max_length=20)
    key: str = Field(primary_key=True, max_length=300)  # "channel:<id>", "team:<id>", "user:<id>"
    tenant: str = Field(default="", max_length=100)
    reference: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime
