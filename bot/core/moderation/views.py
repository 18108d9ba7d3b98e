"""Chat-neutral view models. Edges render these; they never read tables themselves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.core.models import CaseStatus, ContactState, Decision, ItemKind, Platform, Route, Tier
from bot.core.moderation.capabilities import Capabilities, capabilities_for
from bot.core.profile import PolicyProfile
from bot.core.rhythm.clock import LONDON
from bot.store.tables import Case, Comment

_KIND_LABELS = {
    ItemKind.COMMENT: "Comment",
    ItemKind.DIRECT_MESSAGE: "Direct message",
    ItemKind.MENTION: "Mention of our account",
}


@dataclass(frozen=True, slots=True)
class Confirm:
    title: str
    text: str
    confirm: str
    deny: str = "Cancel"
    danger: bool = False


@dataclass(frozen=True, slots=True)
class CardButton:
    decision: Decision
    label: str
    style: str = ""  # "", "primary" or "danger"
    confirm: Confirm | None = None


@dataclass(frozen=True, slots=True)
class CardReason:
    category: str
    matched: str


@dataclass(frozen=True, slots=True)
class CaseCard:
    case_id: int
    version: int
    headline: str
    tier: int
    urgent: bool
    platform: str
    account: str
    kind: str
    author: str
    text: str
    post_url: str
    comment_url: str
    reasons: tuple[CardReason, ...]
    routes: tuple[str, ...]
    suggestion: str
    due: str
    status_line: str
    status: str
    buttons: tuple[CardButton, ...]
    notes: tuple[str, ...] = ()
    follow_up: str = ""
    error: str = ""
    alert_channel: bool = False  # urgent, open and in working hours: the channel is alerted
    extra: dict[str, str] = field(default_factory=dict)


def london(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)


def format_when(moment: datetime, now: datetime) -> str:
    """'10:42' today, 'Tue 24 Nov 16:00' otherwise (London time)."""
    local, today = london(moment), london(now)
    if local.date() == today.date():
        return f"{local:%H:%M}"
    return f"{local:%a %d %b %H:%M}"


def _headline(comment: Comment, case: Case) -> str:
    tier = Tier(case.tier)
    tier_reasons = [
        r["category"]
        for r in comment.reasons
        if not r["rule"].startswith(("route.", "personal_data.", "safety."))
    ]
    headline = tier.label
    if tier is not Tier.LEAVE and tier_reasons:
        headline += f": {tier_reasons[0]}"
    routes = [Route(r).label for r in case.routes if not (tier is Tier.HARMFUL and r == Route.NAMED_STAFF)]
    if routes:
        headline += " · " + " · ".join(routes)
    if case.urgent:
        headline = "URGENT · " + headline
    return headline


def suggested_decision(case: Case, caps: Capabilities) -> Decision | None:
    tier, routes = Tier(case.tier), {Route(r) for r in case.routes}
    if tier is Tier.HARMFUL:
        if caps.delete:
            return Decision.DELETE
        return Decision.HIDE_AND_REPORT if caps.hide else None
    if tier is Tier.MISINFORMATION_OR_SPAM or Route.PERSONAL_DATA in routes:
        if caps.hide:
            return Decision.HIDE
        return Decision.DELETE if caps.delete else None
    if Route.MEDICAL_QUESTION in routes:
        return Decision.SEND_SIGNPOSTING if caps.reply else Decision.MARK_HANDLED
    if routes & {Route.FOI_REQUEST, Route.COMPLAINT_OR_LEGAL, Route.MEDIA_REQUEST}:
        return Decision.ROUTE
    if Route.SAFETY_RISK in routes:
        return Decision.MARK_HANDLED
    return None


def route_target(case: Case, profile: PolicyProfile) -> str:
    """Which team a routed item goes to, by the policy's order of precedence."""
    routes = {Route(r) for r in case.routes}
    targets = profile.routes
    if Route.FOI_REQUEST in routes:
        return targets.foi.display
    if Route.MEDIA_REQUEST in routes:
        return targets.media.display
    if Route.COMPLAINT_OR_LEGAL in routes:
        return targets.complaint.display
    return targets.personal_data.display


def _suggestion(
    case: Case, caps: Capabilities, platform: Platform, profile: PolicyProfile, *, direct: bool = False
) -> str:
    tier, routes = Tier(case.tier), {Route(r) for r in case.routes}
    parts: list[str] = []
    if Route.SAFETY_RISK in routes:
        parts.append(
            "Urgent: risk to life or patient safety. Escalate now; out of hours, to the duty "
            "communications manager on call (MSE 6.4.5). If someone is in immediate danger, call 999."
        )
    if direct and tier is Tier.HARMFUL:
        parts.append(
            f"Abusive direct message: do not engage. Block and report the sender on {platform.label} "
            "if it continues (MSE 7.1.2)."
        )
    elif direct and tier is Tier.MISINFORMATION_OR_SPAM:
        parts.append("Spam or misinformation sent privately: no reply is needed.")
    elif tier is Tier.HARMFUL:
        if caps.delete:
            parts.append(
                "Delete it, then contact the commenter to explain why (zero tolerance, MSE Appendix C)."
            )
        elif caps.hide:
            parts.append(f"Hide it and report it to {platform.label}: {caps.cannot_delete_because}")
        else:
            parts.append(f"Report it to {platform.label}: {caps.cannot_hide_because}")
    elif tier is Tier.MISINFORMATION_OR_SPAM:
        parts.append("Hide it to stop the conversation escalating before it snowballs (MSE Appendix C).")
    if Route.PERSONAL_DATA in routes:
        parts.append(
            "Hide it: personal details were shared in public. Pass them to "
            f"{profile.routes.personal_data.display} if needed, then delete (MSE 6.5.2)."
        )
    if Route.MEDICAL_QUESTION in routes:
        parts.append(
            "Do not give medical advice: reply with the signposting message (GP, NHS 111, 999; MSE 6.5.1)."
        )
    if Route.FOI_REQUEST in routes:
        parts.append(f"Pass it to the {profile.routes.foi.display} (SSOT 7.1).")
    if Route.COMPLAINT_OR_LEGAL in routes:
        parts.append(
            f"Do not comment. Refer it to {profile.routes.complaint.display}, or for legal matters "
            f"{profile.routes.legal.display} (MSE 7.1.9)."
        )
    if Route.MEDIA_REQUEST in routes:
        parts.append(f"Direct the journalist to {profile.routes.media.display} (MSE 7.1.6).")
    if not parts and direct:
        parts.append("Reply to the sender; no public action is needed.")
    if not parts:
        parts.append("Leave it up; note any emerging theme (MSE Appendix C).")
    return " ".join(parts)


def _open_buttons(
    case: Case, caps: Capabilities, profile: PolicyProfile, *, direct: bool = False
) -> list[CardButton]:
    tier, routes = Tier(case.tier), {Route(r) for r in case.routes}
    removable = tier is not Tier.LEAVE or Route.PERSONAL_DATA in routes
    buttons: list[CardButton] = []
    if removable:
        if caps.hide:
            buttons.append(CardButton(Decision.HIDE, "Hide"))
        if caps.delete:
            buttons.append(
                CardButton(
                    Decision.DELETE,
                    "Delete",
                    style="danger",
                    confirm=Confirm(
                        title="Delete this comment?",
                        text=caps.removal_warning,
                        confirm="Delete",
                        danger=True,
                    ),
                )
            )
        elif caps.hide:
            buttons.append(CardButton(Decision.HIDE_AND_REPORT, "Hide and report"))
    if tier is Tier.HARMFUL and caps.ban and caps.ban_label:
        # Repeated breaking of the house rules may end in a ban (MSE Appendix B); the moderator
        # judges whether this is that case, so it is offered, never suggested.
        buttons.append(
            CardButton(
                Decision.REMOVE_AND_BAN,
                caps.ban_label,
                style="danger",
                confirm=Confirm(
                    title=f"{caps.ban_label}?",
                    text=" ".join(
                        part
                        for part in (
                            "Only for repeated breaking of the house rules.",
                            caps.ban_effect,
                            caps.removal_warning if caps.delete else "",
                        )
                        if part
                    ),
                    confirm="Mute" if "mute" in caps.ban_label else "Ban",
                    danger=True,
                ),
            )
        )
    if direct:
        buttons.append(CardButton(Decision.MARK_HANDLED, "Mark replied"))
    if Route.MEDICAL_QUESTION in routes and caps.reply:
        buttons.append(
            CardButton(
                Decision.SEND_SIGNPOSTING,
                "Send signposting reply",
                confirm=Confirm(
                    title="Send this reply?",
                    text=profile.wording.signposting_reply,
                    confirm="Send",
                ),
            )
        )
    if routes & {Route.FOI_REQUEST, Route.COMPLAINT_OR_LEGAL, Route.MEDIA_REQUEST}:
        buttons.append(CardButton(Decision.ROUTE, f"Mark routed to {route_target(case, profile)}"[:75]))
    if routes & {Route.MEDICAL_QUESTION, Route.SAFETY_RISK} and not direct:
        buttons.append(CardButton(Decision.MARK_HANDLED, "Mark handled"))
    buttons.append(CardButton(Decision.LEAVE, "Leave"))
    suggested = suggested_decision(case, caps)
    return [
        CardButton(b.decision, b.label, "primary", b.confirm)
        if b.decision is suggested and not b.style
        else b
        for b in buttons
    ]


_IN_PROGRESS = {
    Decision.HIDE: "Hiding",
    Decision.DELETE: "Deleting",
    Decision.HIDE_AND_REPORT: "Hiding",
    Decision.SEND_SIGNPOSTING: "Sending the signposting reply",
}


def build_case_card(*, comment: Comment, case: Case, profile: PolicyProfile, now: datetime) -> CaseCard:
    """Everything a moderator needs at a glance, in the state the case is in now."""
    assert case.id is not None
    platform, kind = Platform(comment.platform), ItemKind(comment.kind)
    caps = capabilities_for(platform, kind)
    status = CaseStatus(case.status)
    decided = Decision(case.decided_action) if case.decided_action else None
    who = case.decided_by_name or case.decided_by or "someone"
    when = format_when(case.decided_at, now) if case.decided_at else ""
    notes: list[str] = []
    buttons: list[CardButton] = []
    status_line, follow_up, error = "", "", ""

    match status:
        case CaseStatus.OPEN:
            direct = kind is ItemKind.DIRECT_MESSAGE
            buttons = _open_buttons(case, caps, profile, direct=direct)
            if direct:
                notes.append(
                    f"A direct message: reply on {platform.label} within "
                    f"{profile.calendar.response_hours:g} hours on working days (MSE 6.4.1), "
                    "then click Mark replied."
                )
            elif kind is ItemKind.MENTION:
                notes.append(
                    f"Leave is the only action here: {caps.cannot_hide_because} If it breaks "
                    f"{platform.label}'s rules, report it to {platform.label} from the post itself."
                )
            else:
                if Tier(case.tier) is not Tier.LEAVE and not caps.delete and caps.cannot_delete_because:
                    notes.append(f"Delete is not offered: {caps.cannot_delete_because}")
                if not caps.hide and caps.cannot_hide_because:
                    notes.append(f"Hide is not offered: {caps.cannot_hide_because}")
            status_line = "Open: waiting for a moderator"
        case CaseStatus.ACTIONING:
            verb = _IN_PROGRESS.get(decided, "Working") if decided else "Working"
            status_line = f"{verb} on {platform.label}… (decided by {who} at {when})"
        case CaseStatus.AWAITING_MANUAL:
            action = decided.value.replace("_", " ") if decided else "act"
            status_line = (
                f"{who} decided to {action} at {when}. Do it on {platform.label} by hand, then click Done."
            )
            notes.append(f"modbot has no connection to {platform.label} for this account.")
            buttons = [CardButton(Decision.DONE_BY_HAND, "Done by hand", style="primary")]
        case CaseStatus.FAILED:
            action = decided.value.replace("_", " ") if decided else "action"
            error = case.last_error or "the platform refused"
            status_line = f"Could not {action} on {platform.label} (decided by {who} at {when})."
            buttons = [
                CardButton(Decision.RETRY, "Retry", style="primary"),
                CardButton(Decision.LEAVE, "Leave"),
            ]
        case _:
            outcome = decided.past_tense if decided else status.value.title()
            if status is CaseStatus.ROUTED:
                outcome = f"Routed to {route_target(case, profile)}"
            status_line = f"{outcome} by {who} at {when}"
            if case.note:
                status_line += f" · theme: {case.note}"

    contact = ContactState(case.contact_state)
    explanation = profile.wording.house_rules_explanation
    match contact:
        case ContactState.OFFERED:
            follow_up = (
                "Next step (MSE Appendix C): contact the commenter to explain why their comment was removed."
            )
            buttons.append(
                CardButton(
                    Decision.CONTACT_COMMENTER,
                    "Contact the commenter",
                    style="primary",
                    confirm=Confirm(title="Send this private message?", text=explanation, confirm="Send"),
                )
            )
        case ContactState.SENDING:
            follow_up = "Sending the house-rules explanation to the commenter…"
        case ContactState.SENT:
            by = case.contact_by_name or "a moderator"
            at = format_when(case.contact_at, now) if case.contact_at else ""
            follow_up = f"Commenter contacted by {by} at {at} with the house-rules explanation."
        case ContactState.FAILED:
            follow_up = "Could not message the commenter; contact them by hand if you can."
        case ContactState.NOT_APPLICABLE:
            pass

    due = ""
    if case.due_at is not None and status not in (CaseStatus.LEFT, CaseStatus.ROUTED, CaseStatus.HANDLED):
        overdue = case.due_at <= now
        due = ("OVERDUE since " if overdue else "Respond by ") + format_when(case.due_at, now)

    return CaseCard(
        case_id=case.id,
        version=case.version,
        headline=_headline(comment, case),
        tier=case.tier,
        urgent=case.urgent,
        platform=platform.label,
        account=comment.account_name or comment.account_id,
        kind=_KIND_LABELS[kind],
        author=comment.author_name or comment.author_id or "unknown author",
        text=comment.text,
        post_url=comment.post_url,
        comment_url=comment.comment_url,
        reasons=tuple(CardReason(r["category"], r["matched"]) for r in comment.reasons),
        routes=tuple(Route(r).label for r in case.routes),
        suggestion=_suggestion(case, caps, platform, profile, direct=kind is ItemKind.DIRECT_MESSAGE),
        due=due,
        status_line=status_line,
        status=status.value,
        buttons=tuple(buttons),
        notes=tuple(notes),
        follow_up=follow_up,
        error=error,
        alert_channel=case.urgent and status is CaseStatus.OPEN and profile.calendar.in_hours(now),
    )
