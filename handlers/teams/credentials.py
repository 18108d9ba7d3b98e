"""The bot's own token for calling Teams (Entra ID client credentials), kept and fetched off the loop.

The Bot Framework SDK (4.17.x) builds new credentials, and so a new MSAL application with an empty
token cache, for every connector it makes: each card posted asked Entra for a new token. And it
asks from `signed_session`, a blocking call inside the event loop, through an MSAL application
with no timeout: a slow Entra would stall Slack and every webhook with it, and a hung one for ever.

This factory wraps the SDK's own (which still decides what kind of credentials an app type needs)
and changes three things:
- one credentials object per (app, scope, login endpoint), so MSAL's cache serves a token until
  it nears expiry: one token request an hour, not one per card;
- before the SDK signs a request, the token is fetched on a worker thread, so the SDK's own call
  is a cache hit and the loop never waits on Entra;
- password credentials get their MSAL application with a timeout; a token Entra will not give is
  a `ChatError` that says why, and the outbox retries the card from the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from botbuilder.integration.aiohttp import ConfigurationServiceClientCredentialFactory
from botframework.connector.auth import (
    AppCredentials,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)
from msal import ConfidentialClientApplication

from bot.core.errors import ChatError

log = logging.getLogger(__name__)
# A token Entra refuses (a wrong or expired secret) is retried slowly: fixing it takes a person.
REFUSED_RETRY_SECONDS = 300.0
# The OAuth error codes that mean the app's own settings are wrong, not that Entra is unwell.
_SETTINGS_WRONG = frozenset(
    {"invalid_client", "unauthorized_client", "invalid_request", "invalid_scope", "invalid_grant"}
)
_Key = tuple[str, str, str, bool]  # app id, scope, login endpoint, validate authority


class KeptCredentialFactory(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """The SDK's credentials for an `_AuthConfig`, each made once, with tokens fetched off the loop."""

    def __init__(self, configuration: Any, *, timeout: float) -> None:
        self._inner = ConfigurationServiceClientCredentialFactory(configuration)
        self._timeout = timeout
        self._kept: dict[_Key, AppCredentials] = {}
        self._fetch: dict[_Key, Callable[..., str]] = {}  # the SDK's own token call, per credentials
        self._failed: dict[_Key, ChatError] = {}  # why the last fetch gave no token
        self._locks: dict[_Key, asyncio.Lock] = {}  # one fetch at a time: sends in parallel ask once

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(await self._inner.is_valid_app_id(app_id))

    async def is_authentication_disabled(self) -> bool:
        return bool(await self._inner.is_authentication_disabled())

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> AppCredentials:
        """The kept credentials, with a token in MSAL's cache if Entra gives one. Entra's refusal
        is not raised here (an install or a click needs no token); the send that needs it raises."""
        key = (app_id, oauth_scope or "", login_endpoint or "", validate_authority)
        credentials = self._kept.get(key)
        if credentials is None:
            credentials = await self._inner.create_credentials(
                app_id, oauth_scope, login_endpoint, validate_authority
            )
            if getattr(credentials, "microsoft_app_id", None):  # empty: local testing, no token
                self._guard(key, credentials)
            self._kept[key] = credentials
        if key in self._fetch:
            async with self._locks.setdefault(key, asyncio.Lock()):
                await self._fetch_token(key)
        return credentials

    def _with_timeout(self, credentials: AppCredentials) -> None:
        """Build the MSAL application the SDK would, with a timeout (the SDK sets none). MSAL
        reads the authority's metadata from Entra as it is built, so this runs off the loop too."""
        if type(credentials) is MicrosoftAppCredentials and getattr(credentials, "app", None) is None:
            credentials.app = ConfidentialClientApplication(
                client_id=credentials.microsoft_app_id,
                client_credential=credentials.microsoft_app_password,
                authority=credentials.oauth_endpoint,
                timeout=self._timeout,
            )

    def _guard(self, key: _Key, credentials: AppCredentials) -> None:
        """The SDK signs each request with `get_access_token()`, in the event loop: after a failed
        fetch it raises that failure at once instead of asking Entra again from the loop."""
        sdk_token = credentials.get_access_token

        def fetch(force_refresh: bool = False) -> str:
            self._with_timeout(credentials)
            token: str = sdk_token(force_refresh)
            return token

        self._fetch[key] = fetch

        def token(force_refresh: bool = False) -> str:
            if (failed := self._failed.get(key)) is not None:
                raise ChatError(str(failed), transient=True, retry_after=failed.retry_after)
            return self._fetch[key](force_refresh)

        credentials.get_access_token = token

    async def _fetch_token(self, key: _Key) -> None:
        try:
            await asyncio.wait_for(asyncio.to_thread(self._fetch[key]), self._timeout)
        except PermissionError as exc:  # the SDK's word for an error answer from Entra
            code = _error_code(str(exc))
            wrong = code in _SETTINGS_WRONG
            log.error("Entra ID gave the bot no token for Teams (%s)", code)
            advice = (
                "check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID"
                if wrong
                else "Entra may be having trouble"
            )
            self._failed[key] = ChatError(
                f"Microsoft Entra ID gave the bot no token for Teams ({code}): {advice}; "
                "the message waits and is retried.",
                transient=True,
                retry_after=REFUSED_RETRY_SECONDS if wrong else None,
            )
        except (TimeoutError, OSError) as exc:
            log.warning("Entra ID could not be reached for a Teams token (%s)", type(exc).__name__)
            self._failed[key] = ChatError(
                f"Microsoft Entra ID could not be reached for a Teams token ({type(exc).__name__}); "
                "the message waits and is retried.",
                transient=True,
            )
        except Exception as exc:  # MSAL raises its own errors for an HTTP error answer (a 503)
            log.warning("Entra ID gave the bot no token for Teams (%s)", type(exc).__name__)
            self._failed[key] = ChatError(
                f"Microsoft Entra ID gave the bot no token for Teams ({type(exc).__name__}): Entra may "
                "be having trouble; the message waits and is retried.",
                transient=True,
            )
        else:
            self._failed.pop(key, None)


def _error_code(message: str) -> str:
    """The OAuth error code in the SDK's message ("…with error: invalid_client, …"), nothing else:
    the description may quote the request."""
    _, found, rest = message.partition("with error: ")
    code = rest.split(",", 1)[0].strip() if found else ""
    return code if code.replace("_", "").isalnum() else "refused"
