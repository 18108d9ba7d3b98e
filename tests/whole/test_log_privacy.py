"""What the database driver and the web server would print into the log stays out of it: row
values of a failed statement, and the query string of a request too long to read."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from bot import logs
from bot.core.models import Decision
from bot.store.db import Database
from bot.store.tables import Case, Comment
from tests.conftest import DbTarget
from tests.edges.slack.test_safeguarding_slack import open_form, submission
from tests.harness import Desk, facebook_delivery, running_desk

PHONE, NAME = "07700 900461", "Josephine Bloggsworth"


def _comment() -> Comment:
    now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    return Comment(
        platform="facebook",
        external_id="1_1",
        kind="comment",
        source="test",
        author_name=NAME,
        text=f"ring me on {PHONE}",
        created_at=now,
        received_at=now,
        tier=3,
    )


def test_a_failed_statement_does_not_carry_the_row_values(db: Database) -> None:
    db.call(lambda s: s.add(_comment()))
    with pytest.raises(IntegrityError) as failed:
        db.call(lambda s: s.add(_comment()))  # the same (platform, external_id) again
    message = str(failed.value)
    assert "parameters hidden" in message
    assert PHONE not in message and NAME not in message


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target) as running:
        yield running


async def _raw(desk: Desk, request: bytes) -> bytes:
    host, port = desk.server.host, desk.server.port
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(request)
    await writer.drain()
    answer = await reader.read(200)
    writer.close()
    await writer.wait_closed()
    return answer


async def test_a_request_line_too_long_to_read_leaves_no_query_in_the_log(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aiohttp")
    line = b"GET /webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&x=" + b"a" * 9000
    answer = await _raw(desk, line + b" HTTP/1.1\r\nHost: bot\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")
    assert "malformed request refused with 400 (LineTooLong)" in caplog.text
    assert "verify-me" not in caplog.text and "hub.verify_token" not in caplog.text


async def test_a_header_too_long_to_read_leaves_no_header_in_the_log(
    desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aiohttp")
    request = b"POST /ingest HTTP/1.1\r\nHost: bot\r\nX-Note: " + NAME.encode() * 600 + b"\r\n\r\n"
    answer = await _raw(desk, request)
    assert b" 400 " in answer.split(b"\r\n")[0]
    assert NAME not in caplog.text


def test_at_debug_the_libraries_that_print_bodies_stay_at_info() -> None:
    root = logging.getLogger()
    kept = root.level, list(root.handlers)
    held = ("slack_sdk", "slack_bolt", "sqlalchemy.engine")
    libraries = {name: logging.getLogger(name).level for name in held}
    try:
        root.handlers.clear()
        logs.configure("debug")
        assert logging.getLogger("bot.core.moderation.cases").getEffectiveLevel() == logging.DEBUG
        assert logging.getLogger("slack_sdk.web.async_base_client").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("slack_bolt.App").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("sqlalchemy.engine.Engine").getEffectiveLevel() == logging.WARNING
    finally:
        root.handlers[:] = kept[1]
        root.setLevel(kept[0])
        for name, level in libraries.items():
            logging.getLogger(name).setLevel(level)


# --- The whole desk at DEBUG, in JSON: what reaches the log -----------------------------------

EMAIL = "josephine.bloggsworth@example.org"
COMMENT = f"you useless idiot nurse, call me on {PHONE} or {EMAIL}"


@contextlib.contextmanager
def json_log_at_debug() -> Iterator[io.StringIO]:
    """Every record, at DEBUG, through the JSON formatter modbot uses (MODBOT_LOG_FORMAT=json)."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logs.json_formatter())
    handler.addFilter(logs.ContextFilter())
    root = logging.getLogger()
    kept_level = root.level
    libraries = {name: logging.getLogger(name).level for name in logs._BODY_LOGGERS}
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    logs.hold_back_body_loggers()
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(kept_level)
        for name, level in libraries.items():
            logging.getLogger(name).setLevel(level)


async def test_in_json_at_debug_no_content_reaches_the_log(desk: Desk) -> None:
    with json_log_at_debug() as buffer:
        delivery = facebook_delivery(("m_priv_1", COMMENT))
        delivery["entry"][0]["changes"][0]["value"]["from"]["name"] = NAME
        assert (await desk.post_meta(delivery)).status == 200
        # An item set aside, with the name and number in it, beside a bad id.
        bad = facebook_delivery(("bad id\x00", f"{NAME} {PHONE}"))
        assert (await desk.post_meta(bad)).status == 400  # nothing in it could be stored
        [case_id] = desk.query(lambda s: s.exec(select(Case.id)).all())
        await desk.wait_for(lambda: desk.card_ref(case_id), what="the card")
        desk.graph.fail_next(status=500, times=2)  # the hide fails twice, then works
        assert (await desk.click(case_id=case_id, decision=Decision.HIDE)).status == 200
        # Two refusals (logged as such, with retries), then the third try hides it.
        await desk.wait_for(lambda: len(desk.graph.calls) >= 3, what="the hide to get through")
        # A safeguarding report whose details carry the same personal data.
        view = await open_form(desk)
        details = f"{NAME} threatened me, {PHONE}, {EMAIL}"
        assert (await desk.post_slack(submission(view, what=details))).status == 200
        await desk.wait_for(lambda: desk.slack.of("chat.postMessage"), what="the notices")
        # A delivery nested too deep, and one that is not JSON, both with the address in them.
        deep = b'{"a":' * 100 + f'"{EMAIL}"'.encode() + b"}" * 100
        assert (await desk.post_meta(deep)).status == 400
        assert (await desk.post_meta(f"{{{EMAIL}".encode())).status == 400
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    text = buffer.getvalue()
    for secret in (PHONE, PHONE.replace(" ", ""), EMAIL, NAME, "useless idiot nurse", "threatened me"):
        assert secret not in text, f"{secret!r} reached the log"
    # The lines say what they are about: the request, the case, the outbox task.
    assert any(line["request_id"] for line in lines)
    assert any(line["case_id"] == case_id and line["task"] for line in lines)
    assert any("retry" in line["message"] and line["case_id"] == case_id for line in lines)
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
