"""One JSON call to a platform API, with network trouble turned into a retryable PlatformError.

Each client reads its own platform's error shape from the reply; this only does the transport.
Tokens travel in headers, never in the URL, so they cannot reach an access log.
"""

from __future__ import annotations

import json as jsonlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp

from bot import metrics
from bot.core.errors import PlatformError

log = logging.getLogger(__name__)


def segment(value: str) -> str:
    """An id as one URL path segment: percent-encoded, so '/', '?' and '#' cannot leave it.

    Ids are checked when they arrive (`bot.core.moderation.intake`); this holds for any that were stored
    before that check, or that a platform's own reply hands on. An empty, '.' or '..' id would
    name another path however it is encoded, so it is refused.
    """
    if not value.strip("."):
        raise PlatformError("this item's id cannot be placed in a request to the platform", transient=False)
    return quote(value, safe="")


@dataclass(frozen=True, slots=True)
class ApiReply:
    status: int
    body: Any
    headers: Mapping[str, str]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def document(self) -> dict[str, Any]:
        """The body when it is a JSON object, else empty (error pages, 204s)."""
        return self.body if isinstance(self.body, dict) else {}


class JsonApi:
    """One platform's JSON API: its base URL, its auth headers and the shared session."""

    def __init__(
        self, *, label: str, base_url: str, headers: Mapping[str, str], session: aiohttp.ClientSession
    ) -> None:
        self.label = label
        self._base = base_url
        self._headers = dict(headers)
        self._session = session

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
    ) -> ApiReply:
        return await call(
            self._session,
            method,
            self._base + path,
            label=self.label,
            headers=self._headers,
            params=params,
            json=json,
            data=data,
        )


async def call(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    label: str,
    headers: Mapping[str, str],
    params: Mapping[str, str] | None = None,
    json: Any = None,
    data: Mapping[str, str] | None = None,
) -> ApiReply:
    """Send one request (a JSON body, or a form with `data`); raise a transient PlatformError when
    the platform cannot be reached."""
    try:
        async with session.request(
            method,
            url,
            params=params,
            json=json,
            data=dict(data) if data is not None else None,
            headers=dict(headers),
            timeout=aiohttp.ClientTimeout(total=15),
        ) as response:
            raw = await response.read()
            status, reply_headers = response.status, dict(response.headers)
    except (aiohttp.ClientError, TimeoutError) as exc:
        metrics.API_ERRORS.labels(label, "0").inc()
        raise PlatformError(f"{label} could not be reached ({type(exc).__name__})", transient=True) from exc
    body: Any = {}
    if raw:
        try:
            body = jsonlib.loads(raw)
        except ValueError as exc:
            if 200 <= status < 300:
                raise PlatformError(
                    f"{label} answered with something that is not JSON", transient=True
                ) from exc
            body = {}
    if not 200 <= status < 300:
        metrics.API_ERRORS.labels(label, str(status)).inc()
        log.warning("%s %s failed: HTTP %s", label, method, status)
    return ApiReply(status=status, body=body, headers=reply_headers)


def retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("Retry-After") or headers.get("retry-after")
    return float(value) if value and value.isdigit() else None


def refused(label: str, reply: ApiReply, message: str, *, transient: bool | None = None) -> PlatformError:
    """The platform said no: transient for 429 and 5xx unless the caller knows better."""
    temporary = reply.status == 429 or reply.status >= 500 if transient is None else transient
    return PlatformError(
        f"{label} refused: {message} (HTTP {reply.status})",
        transient=temporary,
        retry_after=retry_after(reply.headers),
    )
