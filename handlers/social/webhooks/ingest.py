"""POST /ingest: a signed JSON endpoint for dashboards and automation tools.

Signed with `X-Modbot-Signature-256: sha256=<hex HMAC-SHA256(INGEST_SECRET, raw body)>`. The body
is one comment object, a list of them, or `{"comments": [...]}` (schema in docs/settings.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.models import IncomingComment, ItemKind, Platform
from bot.services import Services
from handlers.http import BadRequest
from handlers.social.webhooks.delivery import signed_delivery
from handlers.social.webhooks.fields import Parsed

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


def _item(raw: Any, where: str) -> IncomingComment:
    try:
        return IngestItem.model_validate(raw).to_core()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise BadRequest(f"{where}.{field}: {first['msg']}" if field else f"{where}: {first['msg']}") from exc


def parse_ingest(document: Any) -> Parsed:
    if isinstance(document, dict) and "comments" in document:
        document = document["comments"]
    raw_items = document if isinstance(document, list) else [document]
    if not raw_items:
        raise BadRequest("no comments in the body")
    if len(raw_items) > MAX_ITEMS:
        raise BadRequest(f"at most {MAX_ITEMS} comments per request; split the batch")
    parsed = Parsed()
    for i, raw in enumerate(raw_items):
        parsed.read(f"comments[{i}]", _item, raw, f"comments[{i}]")
    return parsed


def register(app: web.Application, services: Services) -> None:
    settings = services.settings

    async def ingest(request: web.Request) -> web.StreamResponse:
        return await signed_delivery(
            request,
            services,
            secret=settings.ingest_secret.get_secret_value() if settings.ingest_secret else None,
            header="X-Modbot-Signature-256",
            setting="INGEST_SECRET",
            parse=parse_ingest,
            source="ingest",
        )

    app.router.add_post("/ingest", ingest)
