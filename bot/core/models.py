"""The moderation desk's vocabulary: what arrives, how it is classified, what can be decided.

Pure values only; nothing here knows about a chat platform, a social platform's API or storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum


class Platform(StrEnum):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"

    @property
    def label(self) -> str:
        return _PLATFORM_LABELS[self]


_PLATFORM_LABELS = {
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.X: "X",
    Platform.LINKEDIN: "LinkedIn",
    Platform.YOUTUBE: "YouTube",
    Platform.TIKTOK: "TikTok",
}


class ItemKind(StrEnum):
    """Where the item was written: under our post, privately to us, or tagging us elsewhere."""

    COMMENT = "comment"
    DIRECT_MESSAGE = "direct_message"
    MENTION = "mention"


class Tier(IntEnum):
    """The three rows of the moderation table (MSE Appendix C; SSOT 5.1)."""

    HARMFUL = 1
    MISINFORMATION_OR_SPAM = 2
    LEAVE = 3

    @property
    def label(self) -> str:
        return _TIER_LABELS[self]


_TIER_LABELS = {
    Tier.HARMFUL: "Tier 1 — harmful, targeted abuse",
    Tier.MISINFORMATION_OR_SPAM: "Tier 2 — misinformation or spam",
    Tier.LEAVE: "Tier 3 — leave up",
}


class Route(StrEnum):
    """Special routes the policies give for particular content, besides the tier."""

    PERSONAL_DATA = "personal_data"
    MEDICAL_QUESTION = "medical_question"
    SAFETY_RISK = "safety_risk"
    FOI_REQUEST = "foi_request"
    COMPLAINT_OR_LEGAL = "complaint_or_legal"
    MEDIA_REQUEST = "media_request"
    NAMED_STAFF = "named_staff"

    @property
    def label(self) -> str:
        return _ROUTE_LABELS[self]


_ROUTE_LABELS = {
    Route.PERSONAL_DATA: "Personal data shared",
    Route.MEDICAL_QUESTION: "Medical question",
    Route.SAFETY_RISK: "Risk to life or patient safety",
    Route.FOI_REQUEST: "Freedom of Information request",
    Route.COMPLAINT_OR_LEGAL: "Complaint or legal matter",
    Route.MEDIA_REQUEST: "Journalist or media request",
    Route.NAMED_STAFF: "Names a member of staff",
}


@dataclass(frozen=True, slots=True)
class IncomingComment:
    """One comment, direct message or mention as a social edge parsed it."""

    platform: Platform
    external_id: str
    text: str
    kind: ItemKind = ItemKind.COMMENT
    account_id: str = ""
    account_name: str = ""
    post_id: str = ""
    post_url: str = ""
    comment_url: str = ""
    parent_id: str = ""
    author_id: str = ""
    author_name: str = ""
    created_at: datetime | None = None
    from_own_account: bool = False


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a rule fired: the rule's id, the policy category in plain words, and what matched."""

    rule: str
    category: str
    matched: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Classification:
    tier: Tier
    routes: tuple[Route, ...] = ()
    reasons: tuple[Reason, ...] = ()
    urgent: bool = False

    @property
    def needs_desk(self) -> bool:
        """Tier 1 and 2 are flagged; Tier 3 only when a special route needs someone to act."""
        return self.tier is not Tier.LEAVE or bool(self.routes)


class Decision(StrEnum):
    """What a moderator can decide on a case. Values travel in button payloads: never rename."""

    HIDE = "hide"
    DELETE = "delete"
    HIDE_AND_REPORT = "hide_and_report"
    LEAVE = "leave"
    ROUTE = "route"
    SEND_SIGNPOSTING = "send_signposting"
    MARK_HANDLED = "mark_handled"
    CONTACT_COMMENTER = "contact_commenter"
    RETRY = "retry"
    DONE_BY_HAND = "done_by_hand"
    # Remove the item and stop its author (YouTube ban, Facebook page ban, X mute): the policy's
    # answer to repeated breaking of the house rules (MSE Appendix B).
    REMOVE_AND_BAN = "remove_and_ban"

    @property
    def past_tense(self) -> str:
        return _PAST_TENSE[self]


_PAST_TENSE = {
    Decision.HIDE: "Hidden",
    Decision.DELETE: "Deleted",
    Decision.HIDE_AND_REPORT: "Hidden (report to the platform)",
    Decision.LEAVE: "Left up",
    Decision.ROUTE: "Routed",
    Decision.SEND_SIGNPOSTING: "Signposting reply sent",
    Decision.MARK_HANDLED: "Marked handled",
    Decision.CONTACT_COMMENTER: "Commenter contacted",
    Decision.RETRY: "Retried",
    Decision.DONE_BY_HAND: "Done by hand",
    Decision.REMOVE_AND_BAN: "Removed and author banned",
}

# Decisions that settle a case on first click; the rest are follow-ups on a settled case.
FIRST_DECISIONS = frozenset(
    {
        Decision.HIDE,
        Decision.DELETE,
        Decision.HIDE_AND_REPORT,
        Decision.LEAVE,
        Decision.ROUTE,
        Decision.SEND_SIGNPOSTING,
        Decision.MARK_HANDLED,
        Decision.REMOVE_AND_BAN,
    }
)


class CaseStatus(StrEnum):
    OPEN = "open"
    ACTIONING = "actioning"  # decided; the platform call is queued or in flight
    AWAITING_MANUAL = "awaiting_manual"  # decided; no API for it, a person must do it on the platform
    FAILED = "failed"  # the platform refused or kept failing; Retry offered
    HIDDEN = "hidden"
    DELETED = "deleted"
    LEFT = "left"
    ROUTED = "routed"
    HANDLED = "handled"


# Cases still on the desk: decided but not yet carried out counts as open.
OPEN_STATUSES = (CaseStatus.OPEN, CaseStatus.ACTIONING, CaseStatus.AWAITING_MANUAL, CaseStatus.FAILED)
OPEN_STATUS_VALUES = tuple(s.value for s in OPEN_STATUSES)

CLOSED_STATUSES = frozenset(
    {CaseStatus.HIDDEN, CaseStatus.DELETED, CaseStatus.LEFT, CaseStatus.ROUTED, CaseStatus.HANDLED}
)


class ContactState(StrEnum):
    """The policy's follow-up after a Tier 1 removal: explain to the commenter why."""

    NOT_APPLICABLE = "not_applicable"
    OFFERED = "offered"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something, from which surface. `id` is the surface's own user id."""

    surface: str
    id: str
    name: str = ""

    @property
    def key(self) -> str:
        return f"{self.surface}:{self.id}"

    @property
    def display(self) -> str:
        return self.name or self.id


SYSTEM = Actor(surface="system", id="modbot", name="modbot")


@dataclass(frozen=True, slots=True)
class StoredComment:
    """What was decided about one newly stored comment, without its content (for metrics)."""

    platform: str
    tier: int
    routes: tuple[str, ...]
    carded: bool


@dataclass(frozen=True, slots=True)
class IngestResult:
    received: int
    new: int
    duplicates: int
    cases_opened: list[int] = field(default_factory=list)
    # Items not stored: (their index in what was given, the reason), for the caller to report.
    rejected: list[tuple[int, str]] = field(default_factory=list)
    stored: list[StoredComment] = field(default_factory=list)
    # The classifier's time on this delivery, and how many comments it judged in it.
    classify_seconds: float = 0.0
    judged: int = 0
