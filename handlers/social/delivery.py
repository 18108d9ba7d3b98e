"""Storing one webhook delivery and answering the platform: shared by every social edge."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from aiohttp import web

from bot.core.models import IncomingComment
from bot.services import Services
from handlers.http import BadRequest, parse_json, problem, signed_body
from handlers.social.signatures import signature_matches

log = logging.getLogger(__name__)


async def store_delivery(
    services: Services, items: Sequence[IncomingComment], *, source: str
) -> web.Response:
    """Ingest in one transaction, then 200 with the counts (only after the commit)."""
    result = await services.ingest(items, source=source)
    log.info(
        "%s delivery: %s items, %s new, %s duplicate, %s cases opened",
        source,
        result.received,
        result.new,
        result.duplicates,
        len(result.cases_opened),
    )
    return web.json_response(
        {"received": result.received, "new": result.new, "duplicates": result.duplicates}
    )


async def signed_delivery(
    request: web.Request,
    services: Services,
    *,
    secret: str | None,
    header: str,
    setting: str,
    parse: Callable[[Any], list[IncomingComment]],
    source: str,
    matches: Callable[[bytes, bytes, str | None], bool] = signature_matches,
) -> web.Response:
    """Check the signature over the raw body, parse (400 with the reason), then store."""
    body = await signed_body(
        request,
        secret=secret,
        header=header,
        setting=setting,
        limit=services.settings.max_body_bytes,
        matches=matches,
    )
    try:
        items = parse(parse_json(body))
    except BadRequest as exc:
        return problem(400, str(exc))
    return await store_delivery(services, items, source=source)
