"""Surges (issue 6): many flagged comments on one post in a short time become one card, through
`incoming.ingest` and the surge actions, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import TaskKind
from bot.core.models import Actor, CaseStatus, IncomingComment, Platform
from bot.core.moderation import incoming, surge_actions, surges
from bot.core.moderation.surge_views import SURGE_EXPAND, SURGE_HIDE_ALL, build_surge_card
from bot.core.policy import PolicyEngine
from bot.core.profile import load_profile
from bot.store.db import Database
from bot.store.tables import AuditEvent, Case, OutboxTask, Surge

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PROFILE = load_profile()
ENGINE = PolicyEngine()
DESKS = [DeskTarget("slack", "slack:C"), DeskTarget("teams", "teams:T")]
MODERATOR = Actor("slack", "U0MOD1", "sam")
ABUSE = "you are a useless idiot"
SPAM = "check out my channel for free followers"


def _ingest(db: Database, when: datetime, *items: tuple[str, str], post: str = "p1") -> list[int]:
    """Items are (external id, text), each from its own author, all on `post`."""
    comments = [
        IncomingComment(platform=Platform.FACEBOOK, external_id=i, author_id=f"a-{i}", post_id=post, text=t)
        for i, t in items
    ]
    return db.call(
        lambda s: incoming.ingest(
            session=s, items=comments, engine=ENGINE, profile=PROFILE, desks=DESKS, now=when, source="test"
        )
    ).cases_opened


def _tasks(db: Database, kind: TaskKind) -> list[dict]:
    rows = db.call(lambda s: s.exec(select(OutboxTask).where(OutboxTask.kind == kind.value)).all())
    return sorted((r.payload for r in rows), key=lambda p: sorted(p.items()))


def _carded(db: Database) -> set[int]:
    return {p["case_id"] for p in _tasks(db, TaskKind.POST_CARD)}


def _surge_of(db: Database, case_id: int) -> int | None:
    return db.call(lambda s: s.get(Case, case_id).surge_id)


def test_after_three_on_one_post_the_rest_are_grouped_into_one_card(db: Database) -> None:
    assert PROFILE.desk.surge_after == 3
    opened = _ingest(db, NOW, *[(f"c{i}", ABUSE if i % 2 else SPAM) for i in range(10)])
    assert len(opened) == 10
    assert _carded(db) == set(opened[:3])
    surge_ids = {_surge_of(db, c) for c in opened[3:]}
    assert len(surge_ids) == 1 and None not in surge_ids
    [surge_id] = surge_ids
    assert all(_surge_of(db, c) is None for c in opened[:3])
    # One surge card per desk, however many joined.
    assert _tasks(db, TaskKind.POST_SURGE_CARD) == [
        {"desk": "slack", "surge_id": surge_id},
        {"desk": "teams", "surge_id": surge_id},
    ]
    card = db.call(lambda s: build_surge_card(s, surge_id=surge_id, now=NOW))
    assert card.headline == "Surge: 7 flagged comments on one Facebook post in under a minute"
    assert dict(card.counts) == {"open": 7}
    assert sum(n for _, n in card.tiers) == 7
    assert [b.action for b in card.buttons] == [SURGE_HIDE_ALL, SURGE_EXPAND]
    assert card.buttons[0].label == "Hide all 7 open" and card.buttons[0].confirm is not None
    assert len(card.latest) == 3 and card.latest[0].excerpt == ABUSE
    assert "first 3 flagged comments" in card.notes[0]


def test_surges_are_per_post_and_later_deliveries_join(db: Database) -> None:
    first = _ingest(db, NOW, *[(f"a{i}", ABUSE) for i in range(4)])
    other_post = _ingest(db, NOW, *[(f"b{i}", ABUSE) for i in range(3)], post="p2")
    later = _ingest(db, NOW + timedelta(minutes=10), ("a9", SPAM))
    assert _carded(db) == set(first[:3]) | set(other_post)
    assert _surge_of(db, later[0]) == _surge_of(db, first[3]) is not None
    version = db.call(lambda s: s.get(Surge, _surge_of(db, later[0])).version)
    assert any(p["surge_id"] == _surge_of(db, later[0]) for p in _tasks(db, TaskKind.REFRESH_SURGE_CARD))
    assert version == 2  # one join per delivery


def test_urgent_items_and_comments_that_need_an_answer_keep_their_own_card(db: Database) -> None:
    _ingest(db, NOW, *[(f"c{i}", ABUSE) for i in range(5)])
    urgent, complaint, medical = _ingest(
        db,
        NOW + timedelta(minutes=1),
        ("u1", "you are an idiot and I want to kill myself"),
        ("k1", "you idiots, I want to make a formal complaint"),
        ("m1", "you idiots, should I take paracetamol with my antibiotics"),
    )
    carded = _carded(db)
    assert {urgent, complaint, medical} <= carded
    assert _surge_of(db, urgent) is _surge_of(db, complaint) is _surge_of(db, medical) is None


def test_a_quiet_post_starts_afresh_and_a_slow_trickle_never_groups(db: Database) -> None:
    window = timedelta(minutes=PROFILE.desk.surge_window_minutes)
    trickle = [_ingest(db, NOW + i * (window + timedelta(minutes=1)), (f"t{i}", ABUSE))[0] for i in range(6)]
    assert _carded(db) == set(trickle)
    assert db.call(lambda s: s.exec(select(Surge)).all()) == []

    burst = _ingest(db, NOW + timedelta(days=1), *[(f"x{i}", ABUSE) for i in range(5)])
    first_surge = _surge_of(db, burst[4])
    assert first_surge is not None
    after_quiet = NOW + timedelta(days=1) + window + timedelta(minutes=5)
    again = _ingest(db, after_quiet, *[(f"y{i}", ABUSE) for i in range(4)])
    assert db.call(lambda s: s.get(Surge, first_surge).status) == "quiet"
    assert set(again[:3]) <= _carded(db)  # a fresh count: three own cards, then a new surge
    assert _surge_of(db, again[3]) not in (None, first_surge)


def test_redelivery_changes_nothing(db: Database) -> None:
    items = [(f"c{i}", ABUSE) for i in range(6)]
    opened = _ingest(db, NOW, *items)
    before = db.call(lambda s: [(s.version, s.status) for s in s.exec(select(Surge)).all()])
    assert _ingest(db, NOW + timedelta(seconds=30), *items) == []
    assert db.call(lambda s: [(s.version, s.status) for s in s.exec(select(Surge)).all()]) == before
    assert len(_tasks(db, TaskKind.POST_SURGE_CARD)) == 2 and len(opened) == 6


def test_hide_all_hides_each_open_comment_once_and_a_second_click_does_nothing(db: Database) -> None:
    opened = _ingest(db, NOW, *[(f"c{i}", ABUSE) for i in range(8)])
    surge_id = _surge_of(db, opened[-1])
    assert surge_id is not None
    members = opened[3:]

    def hide_all(session):  # type: ignore[no-untyped-def]
        return surge_actions.hide_all(
            session=session,
            surge_id=surge_id,
            actor=MODERATOR,
            now=NOW + timedelta(minutes=2),
            connected=frozenset({Platform.FACEBOOK}),
            desks=DESKS,
        )

    first = db.call(hide_all)
    assert (first.hidden, first.own_cards, first.already) == (5, 0, 0)
    statuses = db.call(lambda s: [s.get(Case, c).status for c in members])
    assert statuses == [CaseStatus.ACTIONING.value] * 5
    actions = [p for p in _tasks(db, TaskKind.PLATFORM_ACTION)]
    assert sorted(p["case_id"] for p in actions) == members
    assert {p["decision"] for p in actions} == {"hide"}
    # Each comment has its own audit row naming the moderator, and the click one of its own.
    decided = db.call(lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "decided_hide")).all())
    assert sorted(e.case_id for e in decided) == members and {e.actor for e in decided} == {"slack:U0MOD1"}

    second = db.call(hide_all)
    assert (second.hidden, second.own_cards, second.already) == (0, 0, 5)
    assert "already decided" in second.summary()
    assert len(_tasks(db, TaskKind.PLATFORM_ACTION)) == 5
    clicks = db.call(lambda s: s.exec(select(AuditEvent).where(AuditEvent.action == "surge_hide_all")).all())
    assert len(clicks) == 1 and clicks[0].detail == {"hidden": 5, "own_cards": 0, "already": 0}
    card = db.call(lambda s: build_surge_card(s, surge_id=surge_id, now=NOW))
    assert dict(card.counts) == {"being actioned": 5} and card.buttons == ()


def test_comments_that_cannot_be_hidden_get_their_own_cards_instead(db: Database) -> None:
    comments = [
        IncomingComment(
            platform=Platform.LINKEDIN, external_id=f"x{i}", author_id=f"a{i}", post_id="share1", text=ABUSE
        )
        for i in range(6)
    ]
    opened = db.call(
        lambda s: incoming.ingest(
            session=s, items=comments, engine=ENGINE, profile=PROFILE, desks=DESKS, now=NOW, source="test"
        )
    ).cases_opened
    surge_id = _surge_of(db, opened[-1])
    assert surge_id is not None
    card = db.call(lambda s: build_surge_card(s, surge_id=surge_id, now=NOW))
    assert [b.action for b in card.buttons] == [SURGE_EXPAND]  # LinkedIn has no hide
    outcome = db.call(
        lambda s: surge_actions.hide_all(
            session=s, surge_id=surge_id, actor=MODERATOR, now=NOW, connected=frozenset(), desks=DESKS
        )
    )
    assert (outcome.hidden, outcome.own_cards) == (0, 3)
    assert _carded(db) == set(opened)


def test_cards_one_by_one_posts_each_and_later_joiners_get_cards_too(db: Database) -> None:
    opened = _ingest(db, NOW, *[(f"c{i}", ABUSE) for i in range(6)])
    surge_id = _surge_of(db, opened[-1])
    assert surge_id is not None

    def expand(session):  # type: ignore[no-untyped-def]
        return surge_actions.expand(session=session, surge_id=surge_id, actor=MODERATOR, now=NOW, desks=DESKS)

    assert db.call(expand).own_cards == 3
    assert _carded(db) == set(opened)
    assert db.call(expand).own_cards == 0  # asking twice posts nothing twice
    later = _ingest(db, NOW + timedelta(minutes=1), ("c9", SPAM))
    assert _surge_of(db, later[0]) == surge_id and later[0] in _carded(db)
    card = db.call(lambda s: build_surge_card(s, surge_id=surge_id, now=NOW + timedelta(minutes=1)))
    assert card.status_line.startswith("Shown one by one at the request of sam")
    assert SURGE_EXPAND not in [b.action for b in card.buttons]
    audit = db.call(
        lambda s: s.exec(select(AuditEvent).where(col(AuditEvent.action) == "surge_expanded")).all()
    )
    assert len(audit) == 1


def test_grouping_can_be_switched_off(db: Database) -> None:
    profile = PROFILE.model_copy(update={"desk": PROFILE.desk.model_copy(update={"surge_after": None})})
    comments = [
        IncomingComment(
            platform=Platform.FACEBOOK, external_id=f"c{i}", author_id=f"a{i}", post_id="p1", text=ABUSE
        )
        for i in range(8)
    ]
    opened = db.call(
        lambda s: incoming.ingest(
            session=s, items=comments, engine=ENGINE, profile=profile, desks=DESKS, now=NOW, source="test"
        )
    ).cases_opened
    assert _carded(db) == set(opened)
    assert surges.groupable(db.call(lambda s: s.get(Case, opened[0])))


def test_both_chats_render_the_surge_card_with_its_buttons_and_user_text_escaped(db: Database) -> None:
    from handlers.slack.surge_blocks import read_surge_value, surge_card_blocks
    from handlers.teams.surge_cards import read_surge_data, surge_card

    sneaky = "you idiot <!channel> [click](http://x.example)"
    opened = _ingest(db, NOW, *[(f"c{i}", sneaky) for i in range(5)])
    surge_id = _surge_of(db, opened[-1])
    assert surge_id is not None
    card = db.call(lambda s: build_surge_card(s, surge_id=surge_id, now=NOW))

    text, blocks = surge_card_blocks(card)
    assert text.startswith("Surge: 2 flagged comments")
    rendered = str(blocks)
    assert "<!channel>" not in rendered and "&lt;!channel&gt;" in rendered
    [actions] = [b for b in blocks if b["type"] == "actions"]
    hide, expand = actions["elements"]
    assert (hide["action_id"], expand["action_id"]) == ("modbot-surge.hide_all", "modbot-surge.expand")
    assert hide["confirm"]["style"] == "danger" and read_surge_value(hide["value"]) == surge_id

    adaptive = surge_card(card)
    hide_card, expand_action = adaptive["actions"][:2]
    assert hide_card["type"] == "Action.ShowCard"  # Teams asks first, as Slack's confirm does
    [real] = hide_card["card"]["actions"]
    assert real["verb"] == "modbot-surge.hide_all" and read_surge_data(real["data"]) == surge_id
    assert expand_action["verb"] == "modbot-surge.expand"
    texts = " ".join(str(b.get("text", "")) for b in adaptive["body"])
    assert "\\[click\\]" in texts and "[click](" not in texts


def test_the_handover_names_each_surge_of_the_day(db: Database) -> None:
    from bot.core.rhythm.digest_text import handover_text
    from bot.core.rhythm.digests import build_handover_digest

    _ingest(db, NOW, *[(f"c{i}", ABUSE) for i in range(7)])
    digest = db.call(
        lambda s: build_handover_digest(session=s, now=NOW + timedelta(hours=6), profile=PROFILE)
    )
    [line] = digest.surges_today
    assert line.startswith("Facebook post: 4 flagged comments grouped") and line.endswith("(4 open)")
    assert f"Surge today: {line}" in handover_text(digest)
