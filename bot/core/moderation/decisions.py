"""Decisions on cases: Hide, Delete or Leave (the first decision wins), the platform action and
the offer to contact the commenter it queues, and the outcomes the outbox reports back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import TaskKind, enqueue
from bot.core.errors import ActionNotAvailable, AlreadyDecided
from bot.core.models import (
    FIRST_DECISIONS,
    SYSTEM,
    Actor,
    CaseStatus,
    ContactState,
    Decision,
    ItemKind,
    Platform,
    Tier,
)
from bot.core.moderation import surges
from bot.core.moderation.capabilities import capabilities_for
from bot.core.moderation.cases import StaleCase, enqueue_refresh, load_case, transition
from bot.store.tables import Case, Comment


def _already(case: Case) -> AlreadyDecided:
    outcome = Decision(case.decided_action).past_tense if case.decided_action else case.status
    return AlreadyDecided(
        case_id=case.id or 0,
        outcome=outcome,
        by=case.decided_by_name or case.decided_by or "someone",
        at=case.decided_at,
    )


_SETTLED_BY = {
    Decision.LEAVE: CaseStatus.LEFT,
    Decision.ROUTE: CaseStatus.ROUTED,
    Decision.MARK_HANDLED: CaseStatus.HANDLED,
}
_DONE_STATUS = {
    Decision.HIDE: CaseStatus.HIDDEN,
    Decision.HIDE_AND_REPORT: CaseStatus.HIDDEN,
    Decision.DELETE: CaseStatus.DELETED,
    Decision.SEND_SIGNPOSTING: CaseStatus.HANDLED,
}


def _done_status(decision: Decision, comment: Comment) -> CaseStatus:
    """Where a carried-out decision leaves the case; a ban removes the way the platform can."""
    if decision is Decision.REMOVE_AND_BAN:
        caps = capabilities_for(Platform(comment.platform), ItemKind(comment.kind))
        return CaseStatus.DELETED if caps.delete else CaseStatus.HIDDEN
    return _DONE_STATUS[decision]


def decide(
    *,
    session: Session,
    case_id: int,
    decision: Decision,
    actor: Actor,
    now: datetime,
    connected: frozenset[Platform],
    desks: Sequence[DeskTarget],
    note: str | None = None,
    touch_surge: bool = True,
) -> Case:
    """A moderator's click. The first decision wins; later ones raise AlreadyDecided.

    `connected` names the platforms modbot has an API connection to: elsewhere the case waits
    for the moderator to act by hand and confirm.
    """
    case, comment = load_case(session, case_id)
    platform, kind = Platform(comment.platform), ItemKind(comment.kind)
    caps = capabilities_for(platform, kind)
    status = CaseStatus(case.status)
    try:
        if decision in FIRST_DECISIONS:
            if status is not CaseStatus.OPEN:
                raise _already(case)
            _check_capability(decision, caps_hide=caps.hide, caps_delete=caps.delete, caps_reply=caps.reply)
            if decision is Decision.REMOVE_AND_BAN and not caps.ban:
                raise ActionNotAvailable(f"{platform.label} does not let us ban this author.")
            _first_decision(session, case, decision, actor, now, connected=platform in connected, note=note)
        elif decision is Decision.RETRY:
            if status is not CaseStatus.FAILED:
                raise _already(case)
            action = Decision(case.decided_action or Decision.HIDE)
            target = CaseStatus.ACTIONING if platform in connected else CaseStatus.AWAITING_MANUAL
            transition(
                session, case=case, actor=actor, action="retry", now=now, status=target.value, last_error=None
            )
            if target is CaseStatus.ACTIONING:
                _enqueue_platform_action(session, case, action, now)
        elif decision is Decision.DONE_BY_HAND:
            if status is not CaseStatus.AWAITING_MANUAL:
                raise _already(case)
            action = Decision(case.decided_action or Decision.HIDE)
            transition(
                session,
                case=case,
                actor=actor,
                action="done_by_hand",
                now=now,
                status=_done_status(action, comment).value,
                detail={"decision": action.value},
            )
            _offer_contact_if_due(session, case, platform, kind, now)
        elif decision is Decision.CONTACT_COMMENTER:
            if ContactState(case.contact_state) not in (ContactState.OFFERED, ContactState.FAILED):
                raise AlreadyDecided(
                    case_id=case_id,
                    outcome="Contacted",
                    by=case.contact_by_name or "someone",
                    at=case.contact_at,
                )
            transition(
                session,
                case=case,
                actor=actor,
                action="contact_commenter",
                now=now,
                contact_state=ContactState.SENDING.value,
                contact_by_name=actor.display,
                contact_at=now,
            )
            enqueue(
                session,
                kind=TaskKind.CONTACT_COMMENTER,
                payload={"case_id": case.id},
                lane=f"platform:{platform.value}",
                dedupe_key=f"contact:{case.id}:v{case.version}",
                now=now,
            )
        else:
            raise ActionNotAvailable(f"{decision.value} is not a decision a moderator can take.")
    except StaleCase:
        session.expire_all()
        fresh, _ = load_case(session, case_id)
        raise _already(fresh) from None
    enqueue_refresh(session, case=case, desks=desks, now=now)
    if touch_surge and case.surge_id is not None:
        surges.touch(session, surge_id=case.surge_id, desks=desks, now=now)
    return case


def _check_capability(decision: Decision, *, caps_hide: bool, caps_delete: bool, caps_reply: bool) -> None:
    if decision in (Decision.HIDE, Decision.HIDE_AND_REPORT) and not caps_hide:
        raise ActionNotAvailable("This platform does not let us hide this item.")
    if decision is Decision.DELETE and not caps_delete:
        raise ActionNotAvailable("This platform does not let us delete this item.")
    if decision is Decision.SEND_SIGNPOSTING and not caps_reply:
        raise ActionNotAvailable("This platform does not let us reply to this item.")


def _first_decision(
    session: Session,
    case: Case,
    decision: Decision,
    actor: Actor,
    now: datetime,
    *,
    connected: bool,
    note: str | None,
) -> None:
    decided: dict[str, Any] = dict(
        decided_action=decision.value,
        decided_by=actor.key,
        decided_by_name=actor.display,
        decided_at=now,
        note=note,
    )
    if decision in _SETTLED_BY:
        transition(
            session,
            case=case,
            actor=actor,
            action=f"decided_{decision.value}",
            now=now,
            status=_SETTLED_BY[decision].value,
            detail={"note": bool(note)},
            **decided,
        )
        return
    target = CaseStatus.ACTIONING if connected else CaseStatus.AWAITING_MANUAL
    transition(
        session,
        case=case,
        actor=actor,
        action=f"decided_{decision.value}",
        now=now,
        status=target.value,
        **decided,
    )
    if connected:
        _enqueue_platform_action(session, case, decision, now)


def _enqueue_platform_action(session: Session, case: Case, decision: Decision, now: datetime) -> None:
    enqueue(
        session,
        kind=TaskKind.PLATFORM_ACTION,
        payload={"case_id": case.id, "decision": decision.value},
        lane=f"platform:{case.platform}",
        dedupe_key=f"platform:{case.id}:v{case.version}",
        now=now,
    )


def _offer_contact_if_due(
    session: Session, case: Case, platform: Platform, kind: ItemKind, now: datetime
) -> None:
    """After a Tier 1 removal the policy's next step is to explain to the commenter why."""
    removed = CaseStatus(case.status) in (CaseStatus.HIDDEN, CaseStatus.DELETED)
    if removed and Tier(case.tier) is Tier.HARMFUL and capabilities_for(platform, kind).private_reply:
        transition(
            session,
            case=case,
            actor=SYSTEM,
            action="contact_offered",
            now=now,
            contact_state=ContactState.OFFERED.value,
        )


# ---------------------------------------------------------------------------------------------
# Outcomes reported by the outbox


def record_platform_outcome(
    *,
    session: Session,
    case_id: int,
    decision: Decision,
    error: str | None,
    desks: Sequence[DeskTarget],
    now: datetime,
) -> Case:
    """The platform did (error None) or finally refused the action decided on this case."""
    case, comment = load_case(session, case_id)
    if CaseStatus(case.status) is not CaseStatus.ACTIONING:
        return case  # a redelivered task after the outcome was already recorded
    if error is None:
        transition(
            session,
            case=case,
            actor=SYSTEM,
            action=f"platform_{decision.value}",
            now=now,
            status=_done_status(decision, comment).value,
        )
        _offer_contact_if_due(session, case, Platform(comment.platform), ItemKind(comment.kind), now)
    else:
        transition(
            session,
            case=case,
            actor=SYSTEM,
            action=f"platform_{decision.value}",
            now=now,
            outcome="failed",
            status=CaseStatus.FAILED.value,
            last_error=error[:500],
            detail={"error": error[:200]},
        )
    enqueue_refresh(session, case=case, desks=desks, now=now)
    if case.surge_id is not None:
        surges.touch(session, surge_id=case.surge_id, desks=desks, now=now)
    return case


def record_contact_outcome(
    *, session: Session, case_id: int, error: str | None, desks: Sequence[DeskTarget], now: datetime
) -> Case:
    case, _ = load_case(session, case_id)
    if ContactState(case.contact_state) is not ContactState.SENDING:
        return case
    transition(
        session,
        case=case,
        actor=SYSTEM,
        action="contact_sent" if error is None else "contact_failed",
        now=now,
        outcome="ok" if error is None else "failed",
        contact_state=(ContactState.SENT if error is None else ContactState.FAILED).value,
        detail={"error": error[:200]} if error else None,
    )
    enqueue_refresh(session, case=case, desks=desks, now=now)
    return case
