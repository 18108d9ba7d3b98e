"""Reading a dashboard export for `modbot import`: rows become the same items /ingest accepts.

Sources: `csv` (a header with the /ingest field names: platform, external_id, text, and optional
kind, account_id, account_name, post_id, post_url, comment_url, parent_id, author_id,
author_name, created_at) and `json` (a list of such objects, or {"comments": [...]}). A row that
does not validate is rejected with its line (CSV) or index (JSON) and the reason; the rest go in.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from bot.core.models import IncomingComment
from handlers.social.ingest import IngestItem

SOURCES = ("csv", "json")


@dataclass(frozen=True, slots=True)
class Rejected:
    where: str  # "line 7" or "item 3"
    reason: str


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "row"
    return f"{field}: {first['msg']}"


def read_export(path: Path, source: str) -> Iterator[IncomingComment | Rejected]:
    """Each row in file order: an item, or why it was rejected."""
    if source == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"platform", "external_id", "text"} <= set(reader.fieldnames):
                raise ValueError(f"{path.name} needs a header with platform, external_id and text columns")
            for line, row in enumerate(reader, start=2):
                values = {k: v for k, v in row.items() if k and v not in (None, "")}
                values.setdefault("text", "")
                try:
                    yield IngestItem.model_validate(values).to_core()
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
                yield IngestItem.model_validate(value).to_core()
            except ValidationError as exc:
                yield Rejected(f"item {index}", _reason(exc))
    else:
        raise ValueError(f"unknown source {source!r}; choose from {', '.join(SOURCES)}")
