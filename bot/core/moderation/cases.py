"""A case's life: the one transition function every change goes through, loading a case, and
queueing its card (posted once, refreshed on every desk as its version moves on).

Taking comments in is `incoming`; deciding and the platform's outcomes are `decisions`. Every
state change goes through `transition`, which guards the move, applies it only if nobody
else changed the case first (optimistic version check: the first decision wins), and appends
exactly one audit row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.delivery.desks import DeskTarget, enqueue_on_desks
from bot.core.delivery.tasks import TaskKind
from bot.core.errors import ActionNotAvailable, CaseNotFound
from bot.core.models import Actor, CaseStatus, ContactState
from bot.core.moderation import card_refs
from bot.store.tables import CardRef, Case, Comment


def enqueue_post_card(session: Session, *, case_id: int, desks: Sequence[DeskTarget], now: datetime) -> bool:
    """Queue the case's own card on every desk; False when it had been queued before."""
    return enqueue_on_desks(
        session,
        kind=TaskKind.POST_CARD,
        payload={"case_id": case_id},
        dedupe_key=lambda desk: f"post_card:{case_id}:{desk}",
        desks=desks,
        now=now,
    )


def _status_move_allowed(old: CaseStatus, new: CaseStatus) -> bool:
    match (old, new):
        case (
            CaseStatus.OPEN,
            CaseStatus.ACTIONING
            | CaseStatus.AWAITING_MANUAL
            | CaseStatus.LEFT
            | CaseStatus.ROUTED
            | CaseStatus.HANDLED,
        ):
            return True
        case (
            CaseStatus.ACTIONING,
            CaseStatus.HIDDEN | CaseStatus.DELETED | CaseStatus.HANDLED | CaseStatus.FAILED,
        ):
            return True
        case (CaseStatus.FAILED, CaseStatus.ACTIONING | CaseStatus.AWAITING_MANUAL | CaseStatus.LEFT):
            return True
        case (CaseStatus.AWAITING_MANUAL, CaseStatus.HIDDEN | CaseStatus.DELETED | CaseStatus.HANDLED):
            return True
        case (same_old, same_new) if same_old == same_new:
            return True  # status unchanged: a follow-up step (contact the commenter) moves instead
        case _:
            return False


def _contact_move_allowed(old: ContactState, new: ContactState) -> bool:
    match (old, new):
        case (ContactState.NOT_APPLICABLE, ContactState.OFFERED):
            return True
        case (ContactState.OFFERED | ContactState.FAILED, ContactState.SENDING):
            return True
        case (ContactState.SENDING, ContactState.SENT | ContactState.FAILED):
            return True
        case (same_old, same_new) if same_old == same_new:
            return True
        case _:
            return False


class StaleCase(Exception):
    """The case changed since it was read; the caller reloads and explains."""


def transition(
    session: Session,
    *,
    case: Case,
    actor: Actor,
    action: str,
    now: datetime,
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
    **changes: Any,
) -> Case:
    """Apply `changes` to `case` if the move is allowed and nobody changed it first."""
    old_status, new_status = CaseStatus(case.status), CaseStatus(changes.get("status", case.status))
    old_contact = ContactState(case.contact_state)
    new_contact = ContactState(changes.get("contact_state", case.contact_state))
    if not (_status_move_allowed(old_status, new_status) and _contact_move_allowed(old_contact, new_contact)):
        raise ActionNotAvailable(f"A {old_status.value} case cannot become {new_status.value}.")
    result = session.connection().execute(
        update(Case)
        .where(col(Case.id) == case.id, col(Case.version) == case.version)
        .values(**changes, version=case.version + 1)
    )
    if result.rowcount != 1:
        raise StaleCase()
    for key, value in changes.items():
        setattr(case, key, value)
    case.version += 1
    audit.record(
        session,
        actor=actor,
        action=action,
        outcome=outcome,
        now=now,
        case_id=case.id,
        detail={"from": old_status.value, "to": new_status.value, **(detail or {})},
    )
    return case




def load_case(session: Session, case_id: int) -> tuple[Case, Comment]:
    row = session.exec(
        select(Case, Comment)
        .join(Comment, col(Comment.id) == col(Case.comment_id))
        .where(col(Case.id) == case_id)
    ).first()
    if row is None:
        raise CaseNotFound(case_id)
    return row[0], row[1]


def enqueue_refresh(session: Session, *, case: Case, desks: Sequence[DeskTarget], now: datetime) -> None:
    """Queue a card refresh on every desk; refreshes share the desk's pacing lane with posts."""
    enqueue_on_desks(
        session,
        kind=TaskKind.REFRESH_CARD,
        payload={"case_id": case.id},
        dedupe_key=lambda desk: f"refresh:{case.id}:{desk}:v{case.version}",
        desks=desks,
        now=now,
    )


def card_ref(session: Session, *, case_id: int, desk: str) -> CardRef | None:
    return card_refs.find(session, CardRef, record_id=case_id, desk=desk)
