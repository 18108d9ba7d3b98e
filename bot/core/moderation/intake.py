"""What of an incoming item may be stored: ids a platform could have issued, text the database
can hold, names and links of bounded size, and a date that can be reckoned with.

Every way in (webhooks, /ingest, polls, imports) reaches `incoming.ingest`, which admits each item
here. An item that cannot be stored safely is set aside with its reason and the rest of its
delivery is stored; an item that only needs cleaning is cleaned. Reasons never repeat the
item's content, so they are safe to return to a caller and to log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from bot.core.errors import ModbotError
from bot.core.models import IncomingComment

ID_LIMIT = 255
NAME_LIMIT = 255
URL_LIMIT = 1000
# The characters the platforms' ids are made of: digits and underscores (Meta, X, TikTok),
# base64url with '.' between thread and reply (YouTube), URNs with ':', '(', ',' and ')'
# (LinkedIn), '=' in Instagram message ids. '/', '?', '#', '%', '&' and spaces are in none of
# them, and an id is placed in API paths: such an id is refused, never passed on.
_ID = re.compile(r"[A-Za-z0-9_.:,()=-]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Nothing posted before this is a comment on a social account; a later date than a day ahead is
# a clock or a payload gone wrong. Either way the item's arrival time stands in for it.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_AHEAD = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An item that was not stored: where it stood ("entry[0].changes[3]", "line 7") and why."""

    where: str
    reason: str


class InvalidItem(ModbotError):
    """An item that cannot be stored; the message says why, without quoting its content."""


def clean_text(value: str) -> str:
    """Text every database can hold: no NUL (PostgreSQL refuses it in text) and no lone
    surrogate (it has no UTF-8 form), which becomes U+FFFD, the replacement character."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _LONE_SURROGATE.sub("\ufffd", value)


def check_id(value: str, field: str, *, required: bool = False) -> str:
    """`value` when it could be a platform's id; InvalidItem otherwise."""
    if not value:
        if required:
            raise InvalidItem(f"{field} is missing")
        return value
    if len(value) > ID_LIMIT:
        raise InvalidItem(f"{field} is longer than {ID_LIMIT} characters")
    if not _ID.fullmatch(value) or not value.strip("."):
        raise InvalidItem(f"{field} has characters no platform uses in an id")
    return value


def _name(value: str) -> str:
    value = clean_text(value)
    return value if len(value) <= NAME_LIMIT else value[: NAME_LIMIT - 1] + "…"


def _link(value: str) -> str:
    """A web address to show on a card, or nothing: a cut-off address would lead nowhere."""
    value = clean_text(value).strip()
    readable = value.startswith(("https://", "http://")) and not any(c.isspace() for c in value)
    return value if readable and len(value) <= URL_LIMIT else ""


def _when(value: datetime | None, *, now: datetime) -> datetime | None:
    if value is None or value.tzinfo is None or not EARLIEST <= value <= now + LATEST_AHEAD:
        return None
    return value


def admit(item: IncomingComment, *, now: datetime) -> IncomingComment:
    """The item as it may be stored, or InvalidItem with the reason it may not."""
    for field in ("account_id", "post_id", "parent_id", "author_id"):
        check_id(getattr(item, field), field)
    return replace(
        item,
        external_id=check_id(item.external_id, "external_id", required=True),
        text=clean_text(item.text),
        account_name=_name(item.account_name),
        author_name=_name(item.author_name),
        post_url=_link(item.post_url),
        comment_url=_link(item.comment_url),
        created_at=_when(item.created_at, now=now),
    )
