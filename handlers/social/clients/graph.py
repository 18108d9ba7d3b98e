"""Meta Graph API client for Facebook Page and Instagram comments (the SocialPlatform port).

Facebook: hide/unhide `POST /{comment-id} is_hidden=true|false`, delete `DELETE /{comment-id}`,
reply `POST /{comment-id}/comments`. Instagram: `POST /{ig-comment-id} hide=true|false`,
`DELETE /{ig-comment-id}`, reply `POST /{ig-comment-id}/replies`. Private replies (one message to
the commenter, within 7 days): `POST /{page-or-ig-id}/messages` with `recipient.comment_id`.
The page token goes in the Authorization header, never the URL; `appsecret_proof` is added
when the app secret is known. The transport is the shared `JsonApi`; this reads Graph's own
error shape (an `error` object, even on some 200s).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

import aiohttp

from bot import metrics
from bot.core.errors import PlatformError
from bot.core.models import Platform
from bot.ports import PlatformItem
from handlers.social.clients.api import JsonApi, retry_after, segment

log = logging.getLogger(__name__)

# Graph error codes Meta documents as temporary (throttling, service trouble).
_TRANSIENT_CODES = {1, 2, 4, 17, 32, 341, 368, 613, 80001, 80004}


class GraphClient:
    def __init__(
        self,
        *,
        platform: Platform,
        base_url: str,
        access_token: str,
        app_secret: str | None,
        session: aiohttp.ClientSession,
    ) -> None:
        if platform not in (Platform.FACEBOOK, Platform.INSTAGRAM):
            raise ValueError("GraphClient serves Facebook and Instagram only")
        self.platform = platform
        self._api = JsonApi(
            label=platform.label,
            base_url=base_url,
            headers={"Authorization": f"Bearer {access_token}"},
            session=session,
        )
        self._proof = (
            hmac.new(app_secret.encode(), access_token.encode(), hashlib.sha256).hexdigest()
            if app_secret
            else None
        )

    async def hide(self, item: PlatformItem) -> None:
        await self._call("POST", segment(item.external_id), data={self._hide_field: "true"})

    async def unhide(self, item: PlatformItem) -> None:
        await self._call("POST", segment(item.external_id), data={self._hide_field: "false"})

    async def delete(self, item: PlatformItem) -> None:
        await self._call("DELETE", segment(item.external_id))

    async def reply(self, item: PlatformItem, text: str) -> None:
        edge = "comments" if self.platform is Platform.FACEBOOK else "replies"
        await self._call("POST", f"{segment(item.external_id)}/{edge}", data={"message": text})

    async def private_reply(self, item: PlatformItem, text: str) -> None:
        if not item.account_id:
            raise PlatformError(
                "the page or account id is unknown, so no private reply can be sent", transient=False
            )
        await self._call(
            "POST",
            f"{segment(item.account_id)}/messages",
            json={"recipient": {"comment_id": item.external_id}, "message": {"text": text}},
        )

    async def remove_and_ban(self, item: PlatformItem) -> None:
        """Facebook: ban the person from the Page, then delete (ban first: both are safe to
        repeat, so a retry after a half-done attempt finishes the job)."""
        if self.platform is not Platform.FACEBOOK:
            raise PlatformError("Instagram's API has no way to ban an account", transient=False)
        if not (item.account_id and item.author_id):
            raise PlatformError("the Page or the author is unknown, so nobody can be banned", transient=False)
        await self._call("POST", f"{segment(item.account_id)}/blocked", data={"user": item.author_id})
        await self._call("DELETE", segment(item.external_id))

    async def message(self, item: PlatformItem, text: str) -> None:
        """A Messenger (or Instagram) message to the sender, inside the 24-hour window."""
        if not (item.account_id and item.author_id):
            raise PlatformError("the account or the sender is unknown", transient=False)
        await self._call(
            "POST",
            f"{segment(item.account_id)}/messages",
            json={
                "recipient": {"id": item.author_id},
                "messaging_type": "RESPONSE",
                "message": {"text": text},
            },
        )

    async def get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        """A read (the reconciliation lists recent posts and their comments)."""
        return await self._call("GET", path, params=params)

    @property
    def _hide_field(self) -> str:
        return "is_hidden" if self.platform is Platform.FACEBOOK else "hide"

    async def _call(
        self,
        method: str,
        path: str,
        *,
        data: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        params = {**(params or {}), **({"appsecret_proof": self._proof} if self._proof else {})}
        reply = await self._api.request(method, path, params=params, data=data, json=json)
        body = reply.body
        if reply.ok and not (isinstance(body, dict) and "error" in body):
            return reply.document
        error = body.get("error", {}) if isinstance(body, dict) else {}
        code = error.get("code")
        message = error.get("message") or f"HTTP {reply.status}"
        transient = (
            reply.status >= 500
            or reply.status == 429
            or code in _TRANSIENT_CODES
            or bool(error.get("is_transient"))
        )
        if reply.ok:  # an error inside a 200: `call` counted and logged only failed statuses
            metrics.API_ERRORS.labels(self._api.label, str(reply.status)).inc()
            log.warning("%s %s failed: HTTP %s, code %s", self._api.label, method, reply.status, code)
        raise PlatformError(
            f"{self._api.label} refused: {message} (HTTP {reply.status}, code {code})",
            transient=transient,
            retry_after=retry_after(reply.headers),
        )
