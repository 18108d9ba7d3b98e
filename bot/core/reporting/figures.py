"""What the month's assurance report holds (MSE section 9; SSOT 8.0): the view model the edges draw,
how each figure is computed (`METHODS`, printed beside the figures), and the month in a few
plain lines for the chat message that carries it. `assurance` reads the figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from statistics import median

METHODS: dict[str, str] = {
    "received": "Comments and messages stored in the month (by the time they arrived), per platform "
    "and per week starting Monday; every item counts, Tier 3 included.",
    "flagged": "Items the classifier put in Tier 1 or 2, and items given each special route (counted "
    "from their cases: the organisation's own posts take no route), as a share of all items "
    "received in the month.",
    "decisions": "Audit rows 'decided_*' in the month: one per moderator decision on a case; "
    "'contact sent' counts the audit rows 'contact_sent' (the commenter told why their comment was "
    "removed). "
    "People are counted, not named.",
    "response": "For each case first decided in the month: the working-day hours from arrival to "
    "the decision (weekends, bank holidays and closures do not count; the 48-hour target runs on "
    "working days). Within target: decided by the case's due time. Overdue: cases due in the month "
    "and not decided by their due time.",
    "escalations": "Audit rows 'escalated_out_of_hours' in the month (urgent items sent to the "
    "person on call); 'acted on' is the time from each escalation to the first decision on its case "
    "in the month, by whoever made it; 'handover acknowledged' is the time from the end-of-day "
    "handover to the on-call manager's acknowledgement.",
    "checks": "The three working-day checks reminded in the month: on time if acknowledged within "
    "an hour of the reminder, late if acknowledged later, missed if never (MSE Appendix C).",
    "safeguarding": "Reports opened in the month, by category and by status or outcome, with the "
    "time to acknowledge and to close; references only, never details.",
    "themes": "Notes moderators left when choosing Leave in the month, grouped by their words "
    "(lower case), with counts (MSE Appendix C: Tier 3 themes inform future content).",
    "agreement": "For Tier 1 and 2 cases decided in the month: the share the moderator took down "
    "(hide, delete, remove and ban) rather than left up. Routing and follow-ups are not counted.",
}


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: date  # the Monday
    key: str  # a platform, or "on_time" / "late" / "missed"
    count: int


@dataclass(frozen=True, slots=True)
class Overdue:
    case_id: int
    platform: str
    tier: int
    due_at: datetime
    decided_at: datetime | None  # None: still open at the end of the month


@dataclass(frozen=True, slots=True)
class Response:
    decided: int
    median_hours: float | None
    p90_hours: float | None
    within_target: int
    hours: tuple[float, ...]  # each decided case's working-day hours, for the chart


@dataclass(frozen=True, slots=True)
class Safeguarding:
    opened: int
    references: tuple[str, ...]
    by_category: tuple[tuple[str, int], ...]
    by_state: tuple[tuple[str, int], ...]  # the outcome when closed, else the status
    median_hours_to_acknowledge: float | None
    median_hours_to_close: float | None


@dataclass(frozen=True, slots=True)
class Agreement:
    tier: int
    decided: int
    agreed: int


@dataclass(frozen=True, slots=True)
class MonthlyAssurance:
    organisation: str
    month: date  # its first day
    start: datetime  # UTC bounds of the London month, end exclusive
    end: datetime
    generated_at: datetime
    received: int
    received_by_week: tuple[WeekCount, ...]
    received_by_platform: tuple[tuple[str, int], ...]
    flagged_by_tier: tuple[tuple[int, int], ...]
    routes: tuple[tuple[str, int], ...]
    decisions: tuple[tuple[str, int], ...]
    deciders: int
    decisions_by_person: tuple[int, ...]  # each person's count, largest first (no names)
    response: Response
    overdue: int
    overdue_cases: tuple[Overdue, ...]
    escalations: int
    escalations_nobody_on_call: int
    escalation_act_minutes: tuple[float, ...]  # escalation to the first decision on its case
    handover_ack_minutes: tuple[float, ...]
    checks_by_week: tuple[WeekCount, ...]
    checks: tuple[tuple[str, int], ...]  # on_time, late, missed
    safeguarding: Safeguarding
    themes: tuple[tuple[str, int], ...]
    agreement: tuple[Agreement, ...]

    @property
    def escalation_median_minutes(self) -> float | None:
        return median(self.escalation_act_minutes) if self.escalation_act_minutes else None

    @property
    def handover_median_minutes(self) -> float | None:
        return median(self.handover_ack_minutes) if self.handover_ack_minutes else None

    @property
    def title(self) -> str:
        return f"{self.organisation}: social media moderation assurance, {self.month:%B %Y}"


def summary_lines(report: MonthlyAssurance) -> list[str]:
    """The month in a few plain lines, for the message that carries the report in a chat."""
    tiers = dict(report.flagged_by_tier)
    checks = dict(report.checks)
    response = report.response
    flagged = f"{tiers.get(1, 0):,} Tier 1 and {tiers.get(2, 0):,} Tier 2 flagged"
    lines = [
        f"{report.received:,} items received; {flagged}.",
        f"{sum(n for _, n in report.decisions):,} decisions by {report.deciders} people; "
        f"{response.within_target:,} of {response.decided:,} cases decided within 48 working hours; "
        f"{report.overdue:,} overdue.",
        f"Daily checks: {checks.get('on_time', 0)} on time, {checks.get('late', 0)} late, "
        f"{checks.get('missed', 0)} missed.",
        f"{report.safeguarding.opened} safeguarding reports; {report.escalations} out-of-hours escalations.",
    ]
    return lines
