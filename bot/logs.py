"""Logging for every modbot command: one format (text, or JSON for log pipelines), what each
line is about (request, case, report, outbox task), and no library allowed to print bodies.

At DEBUG, slack_sdk and slack_bolt log every request and response body (card text, comment
text, names), the Agents SDK and MSAL their payloads, and SQLAlchemy's engine the rows it
reads. Personal data never belongs in the log, so those loggers stay at INFO (the engine's at
WARNING) whatever MODBOT_LOG_LEVEL says; modbot's own DEBUG lines still appear.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from pythonjsonlogger.json import JsonFormatter

_BODY_LOGGERS = {
    "slack_sdk": logging.INFO,
    "slack_bolt": logging.INFO,
    "microsoft_agents": logging.INFO,
    # The Agents SDK logs an activity that fails validation with the values it holds (what someone
    # wrote); /api/messages answers it 400 naming the field instead.
    "microsoft_agents.activity": logging.CRITICAL,
    "msal": logging.INFO,
    "urllib3": logging.INFO,
    "aiohttp.client": logging.INFO,
    "sqlalchemy.engine": logging.WARNING,
    "alembic": logging.WARNING,
}

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# What the line in hand is about. References and ids only: they say where to look (the audit
# log, the case, the report), never what anyone wrote.
REQUEST_ID: ContextVar[str | None] = ContextVar("request_id", default=None)
CASE_ID: ContextVar[int | None] = ContextVar("case_id", default=None)
REFERENCE: ContextVar[str | None] = ContextVar("reference", default=None)
TASK: ContextVar[str | None] = ContextVar("task", default=None)
_CONTEXT: dict[str, ContextVar[str | None] | ContextVar[int | None]] = {
    "request_id": REQUEST_ID,
    "case_id": CASE_ID,
    "reference": REFERENCE,
    "task": TASK,
}


class ContextFilter(logging.Filter):
    """Puts the request id, case id, report reference and outbox task on every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, var in _CONTEXT.items():
            if not hasattr(record, name):
                setattr(record, name, var.get())
        return True


@contextmanager
def about(
    *, case_id: int | None = None, reference: str | None = None, task: str | None = None
) -> Iterator[None]:
    """Lines logged inside are marked with what they concern (unset values stay as they were)."""
    case_token = CASE_ID.set(case_id) if case_id is not None else None
    reference_token = REFERENCE.set(reference) if reference is not None else None
    task_token = TASK.set(task) if task is not None else None
    try:
        yield
    finally:
        if task_token is not None:
            TASK.reset(task_token)
        if reference_token is not None:
            REFERENCE.reset(reference_token)
        if case_token is not None:
            CASE_ID.reset(case_token)


def json_formatter() -> JsonFormatter:
    """One JSON object a line: time, level, logger, message and the context fields."""
    return JsonFormatter(
        "%(levelname)s %(name)s %(message)s %(request_id)s %(case_id)s %(reference)s %(task)s",
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",  # ISO 8601 in UTC
    )


def configure(level: str, fmt: Literal["text", "json"] = "text") -> None:
    """Set the root level and format, and hold the body-printing libraries back."""
    handler = logging.StreamHandler()
    handler.setFormatter(json_formatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    handler.addFilter(ContextFilter())
    logging.basicConfig(level=level.upper(), handlers=[handler])
    hold_back_body_loggers()


def hold_back_body_loggers() -> None:
    """Keep the libraries that print message bodies at INFO (or WARNING) at most verbose.

    Each is set from the root's level, not its own: configuring again (a second command in one
    process, a test) must lower them back to the floor, not keep a level an earlier call left."""
    root = logging.getLogger().getEffectiveLevel()
    for name, floor in _BODY_LOGGERS.items():
        logging.getLogger(name).setLevel(max(floor, root))
