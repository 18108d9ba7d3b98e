"""Reading fields out of platform payloads, with errors that name the path of the problem."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from handlers.http import BadRequest


def when(value: Any) -> datetime | None:
    """Unix seconds, Unix milliseconds (as digits) or ISO 8601; None when absent or unreadable."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds since 1973 are > 1e11
        return datetime.fromtimestamp(seconds, UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("+0000", "+00:00").replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
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
