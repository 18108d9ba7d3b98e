"""Surges: many flagged comments on one post in a short time become one card, not a flood.

A pile-on under one post (a news story shared widely, a brigading campaign) can bring dozens of
abusive or spam comments in minutes. Each would be its own card, and the moderators' channel would
scroll past anything else, an urgent item included. After `desk.surge_after` flagged comments on
the same post within `desk.surge_window_minutes`, further ones join the post's surge instead: one
card per desk, updated in place as comments arrive, with "Hide all" and "Cards one by one".

What is never grouped: urgent items (risk to life, patient safety) and comments that need an answer
or a referral (medical questions, FOI, complaints and legal matters, media): each keeps its own card,
so a surge can never bury them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from bot.core.delivery.desks import DeskTarget, enqueue_on_desks
from bot.core.delivery.tasks import TaskKind
from bot.core.errors import SurgeNotFound
from bot.core.models import Route, Tier
from bot.core.moderation import card_refs
from bot.core.profile import PolicyProfile
from bot.store.tables import Case, Comment, Surge, SurgeCardRef
from bot.store.upsert import insert_for

# Routes that do not need an answer of their own: a grouped hide is the right handling for them.
_GROUPABLE_ROUTES = frozenset({Route.PERSONAL_DATA.value, Route.NAMED_STAFF.value})


class SurgeStatus(StrEnum):
    GROUPING = "grouping"  # new flagged comments on the post join it; no card of their own
    EXPANDED = "expanded"  # a moderator asked for cards one by one: new ones get cards too
    QUIET = "quiet"  # no flagged comment for a whole window: the next one starts afresh


def groupable(case: Case) -> bool:
    """Harmful or spam, not urgent, and needing no answer of its own."""
    return (
        Tier(case.tier) is not Tier.LEAVE
        and not case.urgent
        and all(route in _GROUPABLE_ROUTES for route in case.routes)
    )


def _open_key(platform: str, post_id: str) -> str:
    return f"{platform}:{post_id}"[:300]


def join_or_start(
    session: Session, *, case: Case, platform: str, post_id: str, profile: PolicyProfile, now: datetime
) -> Surge | None:
    """Put a newly opened case into its post's surge when the post is surging; None otherwise
    (the case then gets its own card as usual)."""
    after = profile.desk.surge_after
    if after is None or not post_id or not groupable(case):
        return None
    window = timedelta(minutes=profile.desk.surge_window_minutes)
    key = _open_key(platform, post_id)
    surge = session.exec(select(Surge).where(col(Surge.open_key) == key)).first()
    if surge is not None and surge.last_at < now - window:
        _quieten(session, surge)
        surge = None
    if surge is None:
        earlier = session.exec(
            select(func.count())
            .select_from(Case)
            .join(Comment, col(Comment.id) == col(Case.comment_id))
            .where(
                col(Comment.platform) == platform,
                col(Comment.post_id) == post_id,
                col(Case.opened_at) >= now - window,
                col(Case.id) != case.id,
                col(Case.surge_id).is_(None),
            )
        ).one()
        if earlier < after:
            return None
        surge = _start(session, platform=platform, post_id=post_id, key=key, earlier=int(earlier), now=now)
    case.surge_id = surge.id
    session.add(case)
    surge.last_at = now
    surge.version += 1
    session.add(surge)
    session.flush()
    return surge


def _start(session: Session, *, platform: str, post_id: str, key: str, earlier: int, now: datetime) -> Surge:
    """A new surge for the post; when a concurrent delivery started one first, that one."""
    session.connection().execute(
        insert_for(session, Surge)
        .values(
            platform=platform,
            post_id=post_id,
            open_key=key,
            status=SurgeStatus.GROUPING.value,
            opened_at=now,
            last_at=now,
            earlier_cards=earlier,
            version=0,
        )
        .on_conflict_do_nothing(index_elements=["open_key"])
    )
    return session.exec(select(Surge).where(col(Surge.open_key) == key)).one()


def _quieten(session: Session, surge: Surge) -> None:
    surge.open_key = None
    if SurgeStatus(surge.status) is SurgeStatus.GROUPING:
        surge.status = SurgeStatus.QUIET.value
    surge.version += 1
    session.add(surge)
    session.flush()


def needs_own_card(surge: Surge | None) -> bool:
    """A case in a surge still gets its own card once a moderator expanded the surge."""
    return surge is None or SurgeStatus(surge.status) is SurgeStatus.EXPANDED


def members(session: Session, surge_id: int) -> list[tuple[Case, Comment]]:
    rows = session.exec(
        select(Case, Comment)
        .join(Comment, col(Comment.id) == col(Case.comment_id))
        .where(col(Case.surge_id) == surge_id)
        .order_by(col(Case.id))
    ).all()
    return [(case, comment) for case, comment in rows]


def load(session: Session, surge_id: int) -> Surge:
    surge = session.get(Surge, surge_id)
    if surge is None:
        raise SurgeNotFound(surge_id)
    return surge


def touch(session: Session, *, surge_id: int, desks: Sequence[DeskTarget], now: datetime) -> None:
    """Something about the surge or one of its cases changed: bump it and refresh its cards."""
    session.connection().execute(
        update(Surge).where(col(Surge.id) == surge_id).values(version=Surge.version + 1)
    )
    version = session.exec(select(Surge.version).where(col(Surge.id) == surge_id)).one()
    enqueue_refresh(session, surge_id=surge_id, version=int(version), desks=desks, now=now)


def enqueue_post(session: Session, *, surge_id: int, desks: Sequence[DeskTarget], now: datetime) -> None:
    enqueue_on_desks(
        session,
        kind=TaskKind.POST_SURGE_CARD,
        payload={"surge_id": surge_id},
        dedupe_key=lambda desk: f"post_surge:{surge_id}:{desk}",
        desks=desks,
        now=now,
    )


def enqueue_refresh(
    session: Session, *, surge_id: int, version: int, desks: Sequence[DeskTarget], now: datetime
) -> None:
    enqueue_on_desks(
        session,
        kind=TaskKind.REFRESH_SURGE_CARD,
        payload={"surge_id": surge_id},
        dedupe_key=lambda desk: f"refresh_surge:{surge_id}:{desk}:v{version}",
        desks=desks,
        now=now,
    )


def card_ref(session: Session, *, surge_id: int, desk: str) -> SurgeCardRef | None:
    return card_refs.find(session, SurgeCardRef, record_id=surge_id, desk=desk)
