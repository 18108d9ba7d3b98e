"""Storing one webhook delivery and answering the platform: shared by every social edge."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot.core.moderation.intake import Rejected
from bot.services import Services
from handlers.http import BadRequest, parse_json, problem, signed_body
from handlers.social.webhooks.fields import Parsed
from handlers.social.webhooks.signatures import signature_matches

log = logging.getLogger(__name__)


# Reasons returned in one response at most; the count is always whole.
MAX_REASONS = 50


async def store_delivery(services: Services, parsed: Parsed, *, source: str) -> web.Response:
    """Ingest what was read in one transaction, then answer (only after the commit).

    200 with the counts and the reasons for any item set aside; 400 when the delivery held
    items and none of them could be stored (nothing would come of sending it again).
    """
    result = await services.ingest(parsed.items, source=source)
    rejected = parsed.rejected + [Rejected(parsed.wheres[i], reason) for i, reason in result.rejected]
    received = len(parsed.items) + len(parsed.rejected)
    log.info(
        "%s delivery: %s items, %s new, %s duplicate, %s rejected, %s cases opened",
        source,
        received,
        result.new,
        result.duplicates,
        len(rejected),
        len(result.cases_opened),
    )
    reasons = [{"item": r.where, "reason": r.reason} for r in rejected[:MAX_REASONS]]
    answer: dict[str, Any] = {
        "received": received,
        "new": result.new,
        "duplicates": result.duplicates,
        "rejected": len(rejected),
        "reasons": reasons,
        "cases_opened": result.cases_opened,
    }
    if received and len(rejected) == received:
        answer["error"] = "no item could be stored: " + "; ".join(r.reason for r in rejected[:3])
        return web.json_response(answer, status=400)
    return web.json_response(answer)


async def signed_delivery(
    request: web.Request,
    services: Services,
    *,
    secret: str | None,
    header: str,
    setting: str,
    parse: Callable[[Any], Parsed],
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
        parsed = parse(parse_json(body))
    except BadRequest as exc:
        return problem(400, str(exc))
    return await store_delivery(services, parsed, source=source)
