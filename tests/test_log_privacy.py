"""What the database driver and the web server would print into the log stays out of it: row
values of a failed statement, and the query string of a request too long to read."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from bot import logs
from bot.store.db import Database
from bot.store.tables import Comment
from tests.conftest import DbTarget
from tests.harness import Desk, running_desk

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
        assert logging.getLogger("bot.core.cases").getEffectiveLevel() == logging.DEBUG
        assert logging.getLogger("slack_sdk.web.async_base_client").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("slack_bolt.App").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("sqlalchemy.engine.Engine").getEffectiveLevel() == logging.WARNING
    finally:
        root.handlers[:] = kept[1]
        root.setLevel(kept[0])
        for name, level in libraries.items():
            logging.getLogger(name).setLevel(level)
