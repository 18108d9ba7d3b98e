"""Use cases of the desk: take comments in, open cases, decide, record what the platform did.

Every state change goes through `transition`, which guards the move, applies it only if nobody
else changed the case first (optimistic version check: the first decision wins), and appends
exactly one audit row.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.delivery.desks import DeskTarget, enqueue_on_desks
from bot.core.delivery.tasks import TaskKind, enqueue
from bot.core.errors import ActionNotAvailable, AlreadyDecided, CaseNotFound
from bot.core.models import (
    FIRST_DECISIONS,
    SYSTEM,
    Actor,
    CaseStatus,
    Classification,
    ContactState,
    Decision,
    IncomingComment,
    IngestResult,
    ItemKind,
    Platform,
    StoredComment,
    Tier,
)
from bot.core.moderation import card_refs, intake, surges
from bot.core.moderation.capabilities import capabilities_for
from bot.core.moderation.intake import InvalidItem
from bot.core.policy import PolicyEngine, signals
from bot.core.policy.signals import with_author_history
from bot.core.profile import PolicyProfile
from bot.store.tables import CardRef, Case, Comment
from bot.store.upsert import insert_for

# ---------------------------------------------------------------------------------------------
# Comments in


def _insert_comments(session: Session, rows: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """Insert rows not already stored; returns the new ids by (platform, external_id).

    One INSERT ... ON CONFLICT DO NOTHING RETURNING with the rows as parameters: SQLAlchemy sends
    them in batches ("insertmanyvalues") with one cached statement, so a delivery of a hundred
    comments costs one round trip, and a redelivered comment is skipped by the unique key.
    """
    stmt = (
        insert_for(session, Comment)
        .on_conflict_do_nothing(index_elements=["platform", "external_id"])
        .returning(col(Comment.id), col(Comment.platform), col(Comment.external_id))
    )
    result = session.connection().execute(stmt, rows)
    return {(str(row[1]), str(row[2])): int(cast(int, row[0])) for row in result}


def ingest(
    *,
    session: Session,
    items: Sequence[IncomingComment],
    engine: PolicyEngine,
    profile: PolicyProfile,
    desks: Sequence[DeskTarget],
    now: datetime,
    source: str,
) -> IngestResult:
    """Store each item once, classify it, and open a case (with a card per desk) when flagged."""
    own_ids = profile.own_account_ids()
    seen: set[tuple[str, str]] = set()
    batch: list[tuple[IncomingComment, Classification, datetime, bool]] = []
    rows: list[dict[str, Any]] = []
    admitted, rejected = _admit(items, now)
    history = _recent_by_author(session, admitted, now)
    unique = []
    for item in admitted:
        key = (item.platform.value, item.external_id)
        if key not in seen:  # the same comment twice in one delivery is one comment
            seen.add(key)
            unique.append(item)
    # One batch: the learned heads cost far less a comment when judged together.
    started = time.perf_counter()
    verdicts = engine.classify_many([item.text for item in unique])
    classify_seconds = time.perf_counter() - started
    for item, verdict in zip(unique, verdicts, strict=True):
        created = item.created_at if item.created_at is not None and item.created_at <= now else now
        own = item.from_own_account or (bool(item.author_id) and item.author_id in own_ids)
        if item.author_id and not own:
            earlier = history.setdefault((item.platform.value, item.author_id), [])
            verdict = with_author_history(verdict, item.text, earlier)
            earlier.append(item.text)
        batch.append((item, verdict, created, own))
        rows.append(_comment_row(item, verdict, created=created, own=own, now=now, source=source))
    new_ids = _insert_comments(session, rows) if rows else {}

    opened: list[int] = []
    stored: list[StoredComment] = []
    surged: dict[int, int] = {}  # surge id -> its version after this delivery
    for item, verdict, created, own in batch:
        comment_id = new_ids.get((item.platform.value, item.external_id))
        direct = item.kind is ItemKind.DIRECT_MESSAGE
        if comment_id is not None and direct and not own:
            _queue_out_of_hours_reply(session, item, comment_id, profile, now)
        # A direct message is written to us and waits for an answer, so it is always carded.
        wanted = verdict.needs_desk or profile.desk.card_tier3 or direct
        carded = comment_id is not None and not own and wanted
        if comment_id is not None:
            routes = tuple(route.value for route in verdict.routes)
            stored.append(StoredComment(item.platform.value, int(verdict.tier), routes, carded))
        if comment_id is None or not carded:
            continue
        case = _open_case(
            session,
            comment_id=comment_id,
            item=item,
            verdict=verdict,
            arrived=created,
            profile=profile,
            now=now,
        )
        assert case.id is not None
        opened.append(case.id)
        surge = surges.join_or_start(
            session, case=case, platform=item.platform.value, post_id=item.post_id, profile=profile, now=now
        )
        if surge is not None:
            assert surge.id is not None
            surged[surge.id] = surge.version
        out_of_hours = case.urgent and not profile.calendar.in_hours(now)
        if surges.needs_own_card(surge):
            enqueue_post_card(session, case_id=case.id, desks=desks, now=now)
        for desk in desks:
            if out_of_hours:
                # MSE 6.4.5: out-of-hours risks go to the duty communications manager on call now.
                enqueue(
                    session,
                    kind=TaskKind.ESCALATE,
                    payload={"case_id": case.id, "desk": desk.name},
                    lane=desk.lane,
                    dedupe_key=f"escalate:{case.id}:{desk.name}",
                    now=now,
                )
    for surge_id, version in surged.items():
        # One post (deduplicated) and one refresh per surge per delivery, however many joined.
        surges.enqueue_post(session, surge_id=surge_id, desks=desks, now=now)
        surges.enqueue_refresh(session, surge_id=surge_id, version=version, desks=desks, now=now)
    return IngestResult(
        received=len(items),
        new=len(new_ids),
        duplicates=len(admitted) - len(new_ids),
        cases_opened=opened,
        rejected=rejected,
        stored=stored,
        classify_seconds=classify_seconds,
        judged=len(unique),
    )


def _admit(
    items: Sequence[IncomingComment], now: datetime
) -> tuple[list[IncomingComment], list[tuple[int, str]]]:
    """The items that may be stored (cleaned), and the index and reason of those that may not."""
    admitted: list[IncomingComment] = []
    rejected: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        try:
            admitted.append(intake.admit(item, now=now))
        except InvalidItem as exc:
            rejected.append((index, str(exc)))
    return admitted, rejected


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


def _queue_out_of_hours_reply(
    session: Session, item: IncomingComment, comment_id: int, profile: PolicyProfile, now: datetime
) -> None:
    """MSE 6.4.2: outside working hours a direct message gets the automatic reply (when enabled).

    Once per sender per out-of-hours stretch: the dedupe key names the moment hours next begin,
    so a sender who writes five times overnight gets one reply, and one again the next night.
    """
    wording = profile.wording
    if not wording.out_of_hours_reply_enabled or profile.calendar.in_hours(now) or not item.author_id:
        return
    if not capabilities_for(item.platform, ItemKind.DIRECT_MESSAGE).message:
        return
    opens = profile.calendar.next_hours_start(now)
    enqueue(
        session,
        kind=TaskKind.AUTO_REPLY,
        payload={"comment_id": comment_id},
        lane=f"platform:{item.platform.value}",
        dedupe_key=f"auto_reply:{item.platform.value}:{item.author_id}:{opens.isoformat()}",
        now=now,
    )


def _recent_by_author(
    session: Session, items: Sequence[IncomingComment], now: datetime
) -> dict[tuple[str, str], list[str]]:
    """What each author in this delivery sent in the signal window: one query for the batch."""
    authors = {item.author_id for item in items if item.author_id}
    if not authors:
        return {}
    rows = session.exec(
        select(Comment.platform, Comment.author_id, Comment.text)
        .where(col(Comment.author_id).in_(authors), col(Comment.received_at) >= now - signals.WINDOW)
        .order_by(col(Comment.id))
    ).all()
    history: dict[tuple[str, str], list[str]] = {}
    for platform, author_id, text in rows:
        history.setdefault((platform, author_id), []).append(text)
    return history


def _comment_row(
    item: IncomingComment,
    verdict: Classification,
    *,
    created: datetime,
    own: bool,
    now: datetime,
    source: str,
) -> dict[str, Any]:
    return dict(
        platform=item.platform.value,
        external_id=item.external_id,
        kind=item.kind.value,
        source=source,
        account_id=item.account_id,
        account_name=item.account_name,
        post_id=item.post_id,
        post_url=item.post_url,
        comment_url=item.comment_url,
        parent_id=item.parent_id,
        author_id=item.author_id,
        author_name=item.author_name,
        text=item.text,
        created_at=created,
        received_at=now,
        tier=int(verdict.tier),
        routes=[r.value for r in verdict.routes],
        reasons=[
            {"rule": r.rule, "category": r.category, "matched": r.matched, "start": r.start, "end": r.end}
            for r in verdict.reasons
        ],
        urgent=verdict.urgent,
        from_own_account=own,
    )


def _open_case(
    session: Session,
    *,
    comment_id: int,
    item: IncomingComment,
    verdict: Classification,
    arrived: datetime,
    profile: PolicyProfile,
    now: datetime,
) -> Case:
    case = Case(
        comment_id=comment_id,
        platform=item.platform.value,
        tier=int(verdict.tier),
        routes=[r.value for r in verdict.routes],
        urgent=verdict.urgent,
        status=CaseStatus.OPEN.value,
        opened_at=now,
        due_at=profile.calendar.due_at(arrived),
    )
    session.add(case)
    session.flush()
    audit.record(
        session,
        actor=SYSTEM,
        action="case_opened",
        outcome="ok",
        now=now,
        case_id=case.id,
        subject=f"{item.platform.value}:{item.external_id}",
        detail={
            "tier": int(verdict.tier),
            "routes": ",".join(r.value for r in verdict.routes),
            "rules": ",".join(r.rule for r in verdict.reasons),
            "urgent": verdict.urgent,
        },
    )
    return case


# ---------------------------------------------------------------------------------------------
# The one transition function


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


# ---------------------------------------------------------------------------------------------
# Decisions


def load_case(session: Session, case_id: int) -> tuple[Case, Comment]:
    row = session.exec(
        select(Case, Comment)
        .join(Comment, col(Comment.id) == col(Case.comment_id))
        .where(col(Case.id) == case_id)
    ).first()
    if row is None:
        raise CaseNotFound(case_id)
    return row[0], row[1]


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


def card_ref(session: Session, *, case_id: int, desk: str) -> CardRef | None:
    return card_refs.find(session, CardRef, record_id=case_id, desk=desk)
