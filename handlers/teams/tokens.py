"""The Bot Framework token on every Teams activity, checked as the Bot Connector authentication
spec says, and handed to the Agents SDK as its `ClaimsIdentity`.

Why not the SDK's `JwtTokenValidator` (1.9): it reads signing keys only from addresses written
into the SDK (no setting for a sovereign cloud or a local stand-in), through a blocking client
shared behind one lock, so a hung key service would hold every later request; it does not check
that a key is endorsed for the activity's channel; and it checks the issuer only when asked
(`VALIDATE_ISSUER`). The checks themselves are PyJWT's (signature, expiry, audience, issuer);
this module adds only what the spec asks on top: the key's endorsements and the `serviceurl`.

Keys are read from the OpenID metadata at `TEAMS_OPENID_METADATA_URL` with aiohttp, so the wait
is cancellable: a check that runs out of time gives up its request and holds nothing.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt
from microsoft_agents.hosting.core import ClaimsIdentity

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
# The spec allows five minutes of clock skew between the channel and the bot.
LEEWAY_SECONDS = 300
# Keys change rarely; an unknown key id asks again, but not more than once a minute, so forged
# tokens naming made-up keys cannot make the bot hammer the key service.
KEYS_FRESH_SECONDS = 24 * 3600
UNKNOWN_KEY_RETRY_SECONDS = 60


class TokenRefused(Exception):
    """The token is missing, malformed, or not one the Bot Framework signed for this bot."""


class KeysUnavailable(Exception):
    """The signing keys could not be read, so nothing can be checked: the channel should retry."""


@dataclass
class _Keys:
    by_id: dict[str, tuple[jwt.PyJWK, frozenset[str]]] = field(default_factory=dict)
    fetched_at: float = float("-inf")


class BotFrameworkTokens:
    """Checks `Authorization: Bearer …` for one bot (its Entra app id)."""

    def __init__(self, *, app_id: str, metadata_url: str, timeout: float) -> None:
        self._app_id, self._metadata_url, self._timeout = app_id, metadata_url, timeout
        self._keys = _Keys()
        self._lock = asyncio.Lock()

    async def check(self, header: str, *, channel_id: str, service_url: str) -> ClaimsIdentity:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise TokenRefused("no Bearer token")
        try:
            key_id = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError as exc:
            raise TokenRefused("not a JWT") from exc
        key, endorsements = await self._key(str(key_id or ""))
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=["RS256"],
                audience=self._app_id,
                issuer=BOT_FRAMEWORK_ISSUER,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise TokenRefused(type(exc).__name__) from exc
        if channel_id not in endorsements:
            raise TokenRefused("the signing key is not endorsed for this channel")
        if claims.get("serviceurl") != service_url:
            raise TokenRefused("the token was issued for another service URL")
        return ClaimsIdentity(claims, authentication_type="Bearer", security_token=token)

    async def _key(self, key_id: str) -> tuple[jwt.PyJWK, frozenset[str]]:
        async with self._lock:
            age = time.monotonic() - self._keys.fetched_at
            if age > KEYS_FRESH_SECONDS or (
                key_id not in self._keys.by_id and age > UNKNOWN_KEY_RETRY_SECONDS
            ):
                self._keys = await self._fetch()
        found = self._keys.by_id.get(key_id)
        if found is None:
            raise TokenRefused("signed with a key that is not published")
        return found

    async def _fetch(self) -> _Keys:
        try:
            timeout = aiohttp.ClientTimeout(total=self._timeout)
            async with aiohttp.ClientSession(timeout=timeout) as http:
                async with http.get(self._metadata_url) as answer:
                    answer.raise_for_status()
                    jwks_uri = str((await answer.json(content_type=None))["jwks_uri"])
                async with http.get(jwks_uri) as answer:
                    answer.raise_for_status()
                    document = await answer.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, KeyError, TypeError, ValueError) as exc:
            raise KeysUnavailable(type(exc).__name__) from exc
        keys = _Keys(fetched_at=time.monotonic())
        for entry in document.get("keys", []) if isinstance(document, dict) else []:
            try:
                key = jwt.PyJWK(entry, algorithm="RS256")
            except jwt.PyJWTError:
                continue  # a key of a kind we do not use; the others still count
            keys.by_id[str(entry.get("kid", ""))] = (key, frozenset(entry.get("endorsements") or ()))
        return keys
