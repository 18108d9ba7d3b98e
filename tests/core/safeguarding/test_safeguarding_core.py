"""Safeguarding reports in the core: references, sealing, leads, reporters (SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from bot.core.errors import ModbotError, NotPermitted
from bot.core.models import Actor
from bot.core.profile import load_profile
from bot.core.safeguarding import reports as sg
from bot.core.safeguarding.confidential import DataKeyError, Sealer, parse_key
from bot.core.safeguarding.form import ReportCategory, ReportForm, validate
from bot.core.safeguarding.notices import ReportNotice, ReportReceipt
from bot.store.db import Database, make_engine, migrate
from bot.store.tables import AuditEvent
from tests.conftest import DbTarget

KEY = os.urandom(32)
SEALER = Sealer(KEY)
PROFILE = load_profile()
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
REPORTER = Actor("slack", "U0STAFF", "jo.staff")
LEAD = Actor("slack", "U0LEAD", "lee.lead")
SECRET_TEXT = "a distinctive phrase the database must never show in plain text"


def form(**changes: object) -> ReportForm:
    values: dict[str, object] = dict(
        category=ReportCategory.ABUSE_RECEIVED,
        what_happened=SECRET_TEXT,
        immediate_danger=False,
        consent_to_share=True,
        platform="facebook",
        link="https://www.facebook.com/some/post",
        account_name="troll-account",
        occurred_on=date(2026, 11, 22),
    )
    values.update(changes)
    return ReportForm(**values)  # type: ignore[arg-type]


@pytest.fixture
def db(db_target: DbTarget) -> Iterator[Database]:
    engine = make_engine(db_target.url, schema=db_target.schema)
    migrate(engine)
    database = Database(engine, workers=8)
    yield database
    database.close()


def log(db: Database, reporter: Actor = REPORTER, **changes: object) -> ReportReceipt:
    return db.call(
        lambda s: sg.log_report(
            session=s,
            form=form(**changes),
            reporter=reporter,
            sealer=SEALER,
            fingerprint_key=KEY,
            profile=PROFILE,
            now=NOW,
        )
    )


def test_references_follow_the_year(db: Database) -> None:
    assert log(db).reference == "SG-2026-0001"
    assert log(db).reference == "SG-2026-0002"
    receipt = db.call(
        lambda s: sg.log_report(
            session=s,
            form=form(),
            reporter=REPORTER,
            sealer=SEALER,
            fingerprint_key=KEY,
            profile=PROFILE,
            now=datetime(2027, 1, 2, 9, 0, tzinfo=UTC),
        )
    )
    assert receipt.reference == "SG-2027-0001"


def test_fifty_concurrent_reports_get_fifty_unique_gapless_references(db: Database) -> None:
    with ThreadPoolExecutor(max_workers=10) as pool:
        references = list(pool.map(lambda i: log(db, Actor("slack", f"U{i}", f"n{i}")).reference, range(50)))
    assert sorted(references) == [f"SG-2026-{n:04d}" for n in range(1, 51)]


def test_a_failed_submission_does_not_use_up_a_reference(db: Database) -> None:
    with pytest.raises(ModbotError):
        log(db, what_happened="   ")
    assert log(db).reference == "SG-2026-0001"


def test_sealed_columns_never_hold_the_plain_text(db: Database, db_target: DbTarget) -> None:
    log(db)
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT sealed_details, sealed_reporter FROM safeguarding_report")).one()
    assert SECRET_TEXT not in row[0] and "troll-account" not in row[0]
    assert "U0STAFF" not in row[1] and "jo.staff" not in row[1]
    if db_target.dialect == "sqlite":
        raw = Path(db_target.url.removeprefix("sqlite:///")).read_bytes()
        wal = Path(db_target.url.removeprefix("sqlite:///") + "-wal")
        raw += wal.read_bytes() if wal.exists() else b""
        assert SECRET_TEXT.encode() not in raw and b"jo.staff" not in raw


def test_only_leads_see_details_and_every_view_is_audited(db: Database) -> None:
    reference = log(db).reference
    refused = db.call(
        lambda s: sg.view_report(
            session=s, reference=reference, viewer=REPORTER, is_lead=False, sealer=SEALER, now=NOW
        )
    )
    assert refused is None
    details = db.call(
        lambda s: sg.view_report(
            session=s, reference=reference, viewer=LEAD, is_lead=True, sealer=SEALER, now=NOW
        )
    )
    assert (
        details is not None and details.what_happened == SECRET_TEXT and details.reporter_name == "jo.staff"
    )
    rows = db.call(lambda s: s.exec(select(AuditEvent).order_by(AuditEvent.id)).all())
    assert [(r.action, r.actor) for r in rows] == [
        ("safeguarding_report_opened", "slack:confidential reporter"),
        ("safeguarding_view_refused", "slack:U0STAFF"),
        ("safeguarding_report_viewed", "slack:U0LEAD"),
    ]
    assert all(SECRET_TEXT not in str(r.detail) and "jo.staff" not in str(r.detail) for r in rows)


def test_lead_actions_move_the_report_and_only_the_reporter_can_ask_its_status(db: Database) -> None:
    reference = log(db).reference

    def act(action: str, value: str = "", is_lead: bool = True) -> ReportNotice:
        return db.call(
            lambda s: sg.lead_action(
                session=s,
                reference=reference,
                action=action,
                lead=LEAD,
                is_lead=is_lead,
                now=NOW,
                profile=PROFILE,
                value=value,
            )
        )

    with pytest.raises(NotPermitted):
        act("acknowledge", is_lead=False)
    assert act("acknowledge").acknowledged_by == "lee.lead"
    with pytest.raises(ModbotError):
        act("escalate", "the moon")
    assert act("escalate", "local authority").escalated_to == "local authority"
    closed = act("close", "advice given")
    assert (closed.status, closed.outcome) == ("closed", "advice given")

    status = db.call(
        lambda s: sg.status_for_reporter(
            session=s, reference=reference, reporter=REPORTER, fingerprint_key=KEY
        )
    )
    assert status.status == "closed"
    with pytest.raises(NotPermitted):
        db.call(
            lambda s: sg.status_for_reporter(
                session=s, reference=reference, reporter=Actor("slack", "U0OTHER", "x"), fingerprint_key=KEY
            )
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"what_happened": ""}, "what_happened"),
        ({"link": "not a link"}, "link"),
        ({"link": "ftp://example.org"}, "link"),
        ({"occurred_on": date(2026, 11, 24)}, "occurred_on"),
    ],
)
def test_validation_names_the_field(changes: dict[str, object], field: str) -> None:
    assert field in validate(form(**changes), today=date(2026, 11, 23))


def test_data_key_rules() -> None:
    good = base64.b64encode(os.urandom(32)).decode()
    assert parse_key(good, production=True) == (base64.b64decode(good), False)
    with pytest.raises(DataKeyError, match="not set"):
        parse_key(None, production=True)
    with pytest.raises(DataKeyError, match="32 bytes"):
        parse_key(base64.b64encode(b"short").decode(), production=True)
    with pytest.raises(DataKeyError, match="too weak"):
        parse_key(base64.b64encode(b"\x00" * 32).decode(), production=True)
    assert parse_key(None, production=False)[1] is True  # development stand-in, announced at start-up


# Keys the chaos run started production with; each could be guessed.
GUESSABLE = {
    "a phrase twice": b"passwordPASSWORD" * 2,
    "hex digits twice": b"0123456789abcdef" * 2,
    "eight bytes four times": bytes([0x9C, 0x11, 0xE4, 0x3A, 0x70, 0xD2, 0x05, 0xB8]) * 4,
    "counting bytes": bytes(range(32)),
    "the tests' key": base64.b64decode("3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs="),
}


@pytest.mark.parametrize("key", GUESSABLE.values(), ids=GUESSABLE.keys())
def test_production_refuses_a_guessable_key_and_development_allows_it(key: bytes) -> None:
    raw = base64.b64encode(key).decode()
    with pytest.raises(DataKeyError, match="too weak"):
        parse_key(raw, production=True)
    assert parse_key(raw, production=False) == (key, False)


def test_the_development_key_itself_is_refused_in_production() -> None:
    development, _ = parse_key(None, production=False)
    with pytest.raises(DataKeyError, match="published"):
        parse_key(base64.b64encode(development).decode(), production=True)


def test_random_keys_pass() -> None:
    for _ in range(2000):
        key = os.urandom(32)
        assert parse_key(base64.b64encode(key).decode(), production=True) == (key, False)


def test_sealed_values_are_bound_to_their_reference() -> None:
    sealed = SEALER.seal("details", context="SG-2026-0001:details")
    assert SEALER.open(sealed, context="SG-2026-0001:details") == "details"
    with pytest.raises(ModbotError):
        SEALER.open(sealed, context="SG-2026-0002:details")
