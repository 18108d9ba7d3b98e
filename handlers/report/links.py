"""Signed links to a month's report, served by the bot itself (for Teams, which has no file upload
for bots in a channel).

A link names the month and when it expires, signed with HMAC-SHA256 under a key derived from the
data key (`MODBOT_DATA_KEY`), so only links the bot made open a report, and only until they
expire. The report holds counts and references, never comment text or names; the link is still
kept out of caches, search engines and referrers.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
from datetime import date, datetime, timedelta

from aiohttp import web

from bot.core.reporting.assurance import build_monthly_assurance
from bot.services import Services
from handlers.http import problem

LINK_LIFETIME = timedelta(days=45)
PATH = "/reports/assurance/{month}"
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def link_key(data_key: bytes) -> bytes:
    """A key for report links alone, so a link never reveals anything about the data key."""
    return hmac.new(data_key, b"modbot assurance report links v1", hashlib.sha256).digest()


def _signature(key: bytes, month: str, expires: int) -> str:
    return hmac.new(key, f"{month}:{expires}".encode(), hashlib.sha256).hexdigest()


def signed_path(month: date, *, key: bytes, now: datetime) -> str:
    expires = int((now + LINK_LIFETIME).timestamp())
    name = f"{month:%Y-%m}"
    return f"/reports/assurance/{name}?expires={expires}&sig={_signature(key, name, expires)}"


def signed_url(domain: str, month: date, *, key: bytes, now: datetime) -> str:
    return f"https://{domain}{signed_path(month, key=key, now=now)}"


def register(app: web.Application, services: Services) -> None:
    key, now = link_key(services.data_key), services.now

    async def report_page(request: web.Request) -> web.StreamResponse:
        month = request.match_info["month"]
        if not _MONTH.fullmatch(month):
            return problem(404, "No such report: the month is written YYYY-MM")
        try:
            expires = int(request.query.get("expires", ""))
        except ValueError:
            return problem(403, "This report link is not valid: ask for a new one")
        given = request.query.get("sig", "")
        if not hmac.compare_digest(given, _signature(key, month, expires)):
            return problem(403, "This report link is not valid: ask for a new one")
        if now().timestamp() > expires:
            return problem(403, "This report link has expired: run `modbot report` or ask for a new one")
        profile = services.profile
        report = await services.db.run(
            lambda s: build_monthly_assurance(
                session=s,
                month=date.fromisoformat(f"{month}-01"),
                organisation=profile.organisation.name,
                calendar=profile.calendar,
                now=now(),
            )
        )
        from handlers.report.html import render_html  # matplotlib: only when a report is asked for

        html = await asyncio.to_thread(render_html, report)
        return web.Response(
            text=html,
            content_type="text/html",
            headers={
                "Cache-Control": "private, no-store",
                "X-Robots-Tag": "noindex",
                "Referrer-Policy": "no-referrer",
            },
        )

    app.router.add_get(PATH, report_page)
