"""Reading fields out of platform payloads, item by item, with errors that name where they are.

A delivery is an envelope (checked whole: a broken envelope is a 400) holding items (read one by
one: a broken item is set aside with its reason, and the items beside it are still stored).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.core.models import IncomingComment
from bot.core.moderation.intake import Rejected
from handlers.http import BadRequest

log = logging.getLogger(__name__)


def when(value: Any) -> datetime | None:
    """Unix seconds, Unix milliseconds (as digits) or ISO 8601; None when absent, unreadable or
    beyond what a date can hold (the core then uses the arrival time)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    try:
        if isinstance(value, int | float):
            seconds = value / 1000 if value > 10**11 else value  # milliseconds since 1973 are > 1e11
            return datetime.fromtimestamp(seconds, UTC)
        if isinstance(value, str) and value:
            parsed = datetime.fromisoformat(value.replace("+0000", "+00:00").replace("Z", "+00:00"))
            return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return None


def need(mapping: dict[str, Any], key: str, where: str) -> Any:
    value = mapping.get(key)
    if value in (None, ""):
        raise BadRequest(f"{where}.{key} is missing")
    return value


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadRequest(f"{where} must be an object")
    return value


def sub(mapping: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    """An optional nested object: {} when absent or null, 400 when it is something else."""
    value = mapping.get(key)
    return {} if value is None else obj(value, f"{where}.{key}")


def listed(mapping: dict[str, Any], key: str, where: str) -> list[Any]:
    """An optional list: [] when absent or null, 400 when it is something else."""
    value = mapping.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadRequest(f"{where}.{key} must be a list")
    return value


def text(mapping: dict[str, Any], key: str, where: str) -> str:
    """A string field (ids sent as JSON numbers are read as their digits); "" when absent."""
    value = mapping.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadRequest(f"{where}.{key} must be a string")


def ident(mapping: dict[str, Any], key: str, where: str) -> str:
    """A required id: a string or an integer."""
    value = text(mapping, key, where)
    if not value:
        raise BadRequest(f"{where}.{key} is missing")
    return value


@dataclass
class Parsed:
    """The items read from one delivery, where each stood, and the items set aside."""

    items: list[IncomingComment] = field(default_factory=list)
    wheres: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    def read(self, where: str, parse: Callable[..., IncomingComment | None], *args: Any) -> None:
        """Read one item with `parse(*args)`; a broken item is set aside, never the delivery.

        `parse` raises BadRequest with the reason for every shape it checks. Anything else it
        raises is a shape nobody foresaw: the item is still set aside (with the error's type, and
        its place in the log, never its content) so the items beside it are stored.
        """
        try:
            item = parse(*args)
        except BadRequest as exc:
            self.reject(where, str(exc))
            return
        except (TypeError, ValueError, AttributeError, KeyError, OverflowError, RecursionError) as exc:
            log.warning("item %s could not be read: %s", where, type(exc).__name__)
            self.reject(where, f"{where} could not be read ({type(exc).__name__})")
            return
        if item is not None:
            self.items.append(item)
            self.wheres.append(where)

    def reject(self, where: str, reason: str) -> None:
        self.rejected.append(Rejected(where, reason))
