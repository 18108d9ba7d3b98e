"""Comments in: each item admitted (see `intake`), stored once, classified with its author's
recent history, and a case opened for what needs a person, with its card and any out-of-hours
reply queued in the same transaction."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlmodel import Session, col, select

from bot.core import audit
from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import TaskKind, enqueue
from bot.core.models import (
    SYSTEM,
    CaseStatus,
    Classification,
    IncomingComment,
    IngestResult,
    ItemKind,
    StoredComment,
)
from bot.core.moderation import intake, surges
from bot.core.moderation.capabilities import capabilities_for
from bot.core.moderation.cases import enqueue_post_card
from bot.core.moderation.intake import InvalidItem
from bot.core.policy import PolicyEngine, signals
from bot.core.policy.signals import with_author_history
from bot.core.profile import PolicyProfile
from bot.store.tables import Case, Comment
from bot.store.upsert import insert_for


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
