"""Storing one webhook delivery and answering the platform: shared by every social edge."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from aiohttp import web

from bot.core.models import IncomingComment
from bot.services import Services

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
