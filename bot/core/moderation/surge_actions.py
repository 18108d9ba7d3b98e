"""What a moderator can do from a surge's card: hide every open comment in it, or ask for the
comments' own cards. Each comment's decision goes through `decisions.decide`, so every one has its
own audit row and platform call, exactly as if it had been clicked on its own card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from bot.core import audit
from bot.core.delivery.desks import DeskTarget
from bot.core.errors import ActionNotAvailable, AlreadyDecided
from bot.core.models import Actor, CaseStatus, Decision, ItemKind, Platform
from bot.core.moderation import cases, decisions, surges
from bot.core.moderation.capabilities import capabilities_for
from bot.core.moderation.surges import SurgeStatus
from bot.store.tables import Case


@dataclass(frozen=True, slots=True)
class SurgeOutcome:
    hidden: int = 0  # hides decided by this click (carried out by the outbox)
    own_cards: int = 0  # comments that cannot be hidden there: now on cards of their own
    already: int = 0  # decided by someone before this click

    def summary(self) -> str:
        if not (self.hidden or self.own_cards):
            return "Nothing left to do: every comment in this surge was already decided."
        parts = []
        if self.hidden:
            parts.append(f"{self.hidden} comment{'s' if self.hidden != 1 else ''} being hidden")
        if self.own_cards:
            parts.append(f"{self.own_cards} cannot be hidden there and now have cards of their own")
        if self.already:
            parts.append(f"{self.already} were already decided")
        return "; ".join(parts) + "."


def hide_all(
    *,
    session: Session,
    surge_id: int,
    actor: Actor,
    now: datetime,
    connected: frozenset[Platform],
    desks: Sequence[DeskTarget],
) -> SurgeOutcome:
    """Hide every open comment of the surge (hiding can be undone, deleting cannot). A second
    click finds nothing open and changes nothing."""
    surge = surges.load(session, surge_id)
    hidden = already = 0
    own: list[Case] = []
    for case, comment in surges.members(session, surge_id):
        assert case.id is not None
        if CaseStatus(case.status) is not CaseStatus.OPEN:
            already += 1
            continue
        if not capabilities_for(Platform(comment.platform), ItemKind(comment.kind)).hide:
            own.append(case)
            continue
        try:
            decisions.decide(
                session=session,
                case_id=case.id,
                decision=Decision.HIDE,
                actor=actor,
                now=now,
                connected=connected,
                desks=desks,
                note="hidden with the rest of a surge",
                touch_surge=False,
            )
            hidden += 1
        except AlreadyDecided:
            already += 1
        except ActionNotAvailable:
            own.append(case)
    newly_carded = _post_own_cards(session, own, desks, now)
    outcome = SurgeOutcome(hidden=hidden, own_cards=len(own), already=already)
    if hidden or newly_carded:  # a second click changes nothing and records nothing
        audit.record(
            session,
            actor=actor,
            action="surge_hide_all",
            outcome="ok",
            now=now,
            subject=f"surge:{surge.id}",
            detail={"hidden": hidden, "own_cards": len(own), "already": already},
        )
        surges.touch(session, surge_id=surge_id, desks=desks, now=now)
    return outcome


def expand(
    *, session: Session, surge_id: int, actor: Actor, now: datetime, desks: Sequence[DeskTarget]
) -> SurgeOutcome:
    """Cards one by one: every open comment of the surge gets its own card, and so will the
    surge's later comments. Asking twice posts nothing twice."""
    surge = surges.load(session, surge_id)
    open_cases = [
        case for case, _ in surges.members(session, surge_id) if CaseStatus(case.status) is CaseStatus.OPEN
    ]
    if SurgeStatus(surge.status) is SurgeStatus.EXPANDED:
        return SurgeOutcome(already=len(open_cases))
    surge.status = SurgeStatus.EXPANDED.value
    surge.expanded_by_name = actor.display
    surge.expanded_at = now
    session.add(surge)
    _post_own_cards(session, open_cases, desks, now)
    audit.record(
        session,
        actor=actor,
        action="surge_expanded",
        outcome="ok",
        now=now,
        subject=f"surge:{surge.id}",
        detail={"own_cards": len(open_cases)},
    )
    session.flush()
    surges.touch(session, surge_id=surge_id, desks=desks, now=now)
    return SurgeOutcome(own_cards=len(open_cases))


def _post_own_cards(
    session: Session, members: Sequence[Case], desks: Sequence[DeskTarget], now: datetime
) -> int:
    """Queue each case's own card; returns how many cases had none queued before."""
    return sum(
        cases.enqueue_post_card(session, case_id=case.id, desks=desks, now=now)
        for case in members
        if case.id is not None
    )
