"""Reading a dashboard export for `modbot import`: rows become the same items /ingest accepts.

Sources: `csv` (a header with the /ingest field names: platform, external_id, text, and optional
kind, account_id, account_name, post_id, post_url, comment_url, parent_id, author_id,
author_name, created_at) and `json` (a list of such objects, or {"comments": [...]}), plus the
CSV layouts of three monitoring dashboards (`brandwatch`, `hootsuite`, `sprout`): their column
names are mapped onto ours (VENDOR_COLUMNS), a Brandwatch export's preamble lines before the
header are skipped, and dates without a zone are read in the export's time zone (`--timezone`,
London by default). A row that does not validate is rejected with its line (CSV) or index (JSON)
and the reason; the rest go in.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from bot.core.models import IncomingComment
from bot.core.moderation.intake import Rejected
from handlers.social.webhooks.ingest import IngestItem

SOURCES = ("csv", "json", "brandwatch", "hootsuite", "sprout")

# Our field -> the header names each dashboard uses for it (compared without case or spaces).
# Hootsuite: the Inbox 2.0 "Messages" export; Sprout: the Smart Inbox / Messages export;
# Brandwatch: the Consumer Research mentions export. A header not listed here is ignored.
VENDOR_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "hootsuite": {
        "external_id": ("Message ID",),
        "platform": ("Medium", "Network", "Social Network"),
        "text": ("Message", "Message Text", "Content", "Text", "Body"),
        "account_name": ("Channel Display Name", "Channel"),
        "post_id": ("Conversation ID",),
        "author_id": ("Contact Profile ID", "Author ID"),
        "author_name": ("Contact Primary Identifier", "Author"),
        "created_at": ("Created at", "Created At", "Date"),
        "kind": ("Message Type", "Type"),
        "direction": ("Direction",),
    },
    "sprout": {
        "external_id": ("Message ID", "GUID", "ID"),
        "platform": ("Network",),
        "text": ("Message", "Text", "Content"),
        "account_name": ("Profile", "Profile Name"),
        "author_name": ("From", "Sender", "Author"),
        "author_id": ("From ID", "Sender ID"),
        "created_at": ("Timestamp", "Date", "Received"),
        "comment_url": ("Link", "Permalink", "Message Link"),
        "kind": ("Message Type", "Type"),
        "direction": ("Direction",),
    },
    "brandwatch": {
        "external_id": ("Resource Id", "Mention Id", "Guid", "Id"),
        "platform": ("Page Type", "Content Source Name", "Domain"),
        "text": ("Full Text", "Snippet", "Text"),
        "post_id": ("Thread Id", "Thread Entry Id"),
        "author_name": ("Author", "Full Name"),
        "author_id": ("Author Id",),
        "created_at": ("Date",),
        "comment_url": ("Url",),
        "kind": ("Thread Entry Type", "Type"),
        "direction": (),
    },
}

_PLATFORM_WORDS = {
    "facebook": "facebook",
    "instagram": "instagram",
    "twitter": "x",
    "x": "x",
    "x (twitter)": "x",
    "x.com": "x",
    "twitter.com": "x",
    "linkedin": "linkedin",
    "youtube": "youtube",
    "tiktok": "tiktok",
    "facebook.com": "facebook",
    "instagram.com": "instagram",
    "youtube.com": "youtube",
    "tiktok.com": "tiktok",
    "linkedin.com": "linkedin",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One item read from the export, and where it stood ("line 7" or "item 3")."""

    where: str
    item: IncomingComment


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "row"
    return f"{field}: {first['msg']}"


def _key(header: str) -> str:
    return "".join(header.lower().split())


def _kind(value: str, default: str) -> str:
    word = value.lower()
    if "direct" in word or "private" in word or word in ("dm", "message", "messages"):
        return "direct_message"
    if "mention" in word or "tag" in word:
        return "mention"
    if "comment" in word or "reply" in word:
        return "comment"
    return default


def _vendor_rows(path: Path, source: str, zone: ZoneInfo) -> Iterator[Row | Rejected]:
    columns = VENDOR_COLUMNS[source]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    wanted = {_key(name) for name in columns["text"]}
    # Brandwatch puts report details above the header; the header is the first row naming text.
    start = next((i for i, row in enumerate(lines[:30]) if wanted & {_key(c) for c in row}), None)
    if start is None:
        expected = " or ".join(repr(c) for c in columns["text"])
        raise ValueError(f"{path.name} is not a {source} export: no header with a {expected} column")
    header = [_key(c) for c in lines[start]]
    where = {
        field: next((header.index(_key(n)) for n in names if _key(n) in header), None)
        for field, names in columns.items()
    }
    missing = [field for field in ("external_id", "platform", "text") if where[field] is None]
    if missing:
        names = "; ".join(f"{field}: {' or '.join(columns[field])}" for field in missing)
        raise ValueError(f"{path.name} lacks the {source} columns for {names}")
    default_kind = "mention" if source == "brandwatch" else "comment"
    for offset, row in enumerate(lines[start + 1 :], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue

        cells: defaultdict[str, str] = defaultdict(str)
        cells.update(
            (field, row[index].strip() if index is not None and index < len(row) else "")
            for field, index in where.items()
        )
        cell = cells.__getitem__

        if cell("direction").lower() in ("outbound", "sent", "outgoing"):
            continue  # our own replies in the export: nothing to moderate
        values: dict[str, object] = {
            field: cell(field)
            for field in (
                "external_id",
                "text",
                "account_name",
                "post_id",
                "author_id",
                "author_name",
                "comment_url",
            )
            if cell(field)
        }
        values.setdefault("text", "")
        platform = cell("platform").lower()
        values["platform"] = _PLATFORM_WORDS.get(platform, platform)
        values["kind"] = _kind(cell("kind"), default_kind)
        stamp = cell("created_at")
        try:
            if stamp:
                moment = datetime.fromisoformat(stamp.replace("Z", "+00:00").replace("/", "-"))
                values["created_at"] = moment if moment.tzinfo else moment.replace(tzinfo=zone)
            yield Row(f"line {offset}", IngestItem.model_validate(values).to_core())
        except ValueError as exc:
            reason = _reason(exc) if isinstance(exc, ValidationError) else f"created_at: {exc}"
            yield Rejected(f"line {offset}", reason)


def read_export(path: Path, source: str, *, zone: str = "Europe/London") -> Iterator[Row | Rejected]:
    """Each row in file order: an item, or why it was rejected."""
    if source in VENDOR_COLUMNS:
        yield from _vendor_rows(path, source, ZoneInfo(zone))
        return
    if source == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"platform", "external_id", "text"} <= set(reader.fieldnames):
                raise ValueError(f"{path.name} needs a header with platform, external_id and text columns")
            for line, row in enumerate(reader, start=2):
                values = {k: v for k, v in row.items() if k and v not in (None, "")}
                values.setdefault("text", "")
                try:
                    yield Row(f"line {line}", IngestItem.model_validate(values).to_core())
                except ValidationError as exc:
                    yield Rejected(f"line {line}", _reason(exc))
    elif source == "json":
        document = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(document, dict) and "comments" in document:
            document = document["comments"]
        if not isinstance(document, list):
            raise ValueError(f"{path.name} must hold a list of comments or {{'comments': [...]}}")
        for index, value in enumerate(document):
            try:
                yield Row(f"item {index}", IngestItem.model_validate(value).to_core())
            except ValidationError as exc:
                yield Rejected(f"item {index}", _reason(exc))
    else:
        raise ValueError(f"unknown source {source!r}; choose from {', '.join(SOURCES)}")
