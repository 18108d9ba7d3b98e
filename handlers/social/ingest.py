"""POST /ingest: a signed JSON endpoint for dashboards and automation tools.

Signed with `X-Modbot-Signature-256: sha256=<hex HMAC-SHA256(INGEST_SECRET, raw body)>`. The body
is one comment object, a list of them, or `{"comments": [...]}` (schema in README.md).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.models import IncomingComment, ItemKind, Platform
from bot.services import Services
from handlers.http import BadRequest, parse_json, problem, signed_body

log = logging.getLogger(__name__)

MAX_ITEMS = 5000


class IngestItem(BaseModel):
    """One comment, direct message or mention, as a dashboard or automation sends it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    platform: Platform
    external_id: str = Field(min_length=1, max_length=255)
    text: str = Field(max_length=20000)
    kind: ItemKind = ItemKind.COMMENT
    account_id: str = Field("", max_length=255)
    account_name: str = Field("", max_length=255)
    post_id: str = Field("", max_length=255)
    post_url: str = Field("", max_length=1000)
    comment_url: str = Field("", max_length=1000)
    parent_id: str = Field("", max_length=255)
    author_id: str = Field("", max_length=255)
    author_name: str = Field("", max_length=255)
    created_at: datetime | None = None

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("created_at must include a timezone (e.g. 2026-11-20T18:05:00Z)")
        return value.astimezone(UTC) if value is not None else None

    def to_core(self) -> IncomingComment:
        return IncomingComment(**self.model_dump())


def parse_ingest(document: Any) -> list[IncomingComment]:
    if isinstance(document, dict) and "comments" in document:
        document = document["comments"]
    raw_items = document if isinstance(document, list) else [document]
    if not raw_items:
        raise BadRequest("no comments in the body")
    if len(raw_items) > MAX_ITEMS:
        raise BadRequest(f"at most {MAX_ITEMS} comments per request; split the batch")
    items: list[IncomingComment] = []
    for i, raw in enumerate(raw_items):
        try:
            items.append(IngestItem.model_validate(raw).to_core())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "item"
            raise BadRequest(f"comments[{i}].{where}: {first['msg']}") from exc
    return items


def register(app: web.Application, services: Services) -> None:
    settings = services.settings

    async def ingest(request: web.Request) -> web.StreamResponse:
        secret = settings.ingest_secret.get_secret_value() if settings.ingest_secret else None
        body = await signed_body(
            request,
            secret=secret,
            header="X-Modbot-Signature-256",
            setting="INGEST_SECRET",
            limit=settings.max_body_bytes,
        )
        try:
            items = parse_ingest(parse_json(body))
        except BadRequest as exc:
            return problem(400, str(exc))
        result = await services.ingest(items, source="ingest")
        log.info("ingest: %s received, %s new, %s duplicate", result.received, result.new, result.duplicates)
        return web.json_response(
            {
                "received": result.received,
                "new": result.new,
                "duplicates": result.duplicates,
                "cases_opened": result.cases_opened,
            }
        )

    app.router.add_post("/ingest", ingest)
