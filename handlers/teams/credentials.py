"""The bot's own token for calling Teams (Entra ID client credentials), and the SDK's connector
clients that carry it.

The Agents SDK's `MsalAuth` (in microsoft-agents-authentication-msal) builds its MSAL application
without a timeout, so a hung Entra would hold a send for ever, and logs Entra's whole answer,
which can echo the request. `EntraTokens` asks MSAL itself, with:
- one MSAL application per bot, so MSAL's cache serves a token until it nears expiry: one token
  request an hour, not one per card;
- the blocking MSAL call on a worker thread, one at a time, under `TEAMS_AUTH_TIMEOUT`;
- a token Entra will not give turned into a `ChatError` that says why, without Entra's words.

`ConnectorFactory` is the SDK's seam for outbound clients. It asks for the token only when a
request is sent (an aiohttp client middleware), not when a turn starts: an install or a click
needs no token, so Entra being down never refuses an activity from Teams.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from azure.core.credentials_async import AsyncTokenCredential
from microsoft_agents.hosting.core import (
    AccessTokenProviderBase,
    AgentAuthConfiguration,
    ClaimsIdentity,
    TurnContext,
)
from microsoft_agents.hosting.core.connector import ConnectorClientBase, UserTokenClientBase
from microsoft_agents.hosting.core.connector.client import UserTokenClient
from microsoft_agents.hosting.core.connector.teams import TeamsConnectorClient
from msal import ConfidentialClientApplication, ManagedIdentityClient, UserAssignedManagedIdentity

from bot.core.errors import ChatError

log = logging.getLogger(__name__)
# What the Bot Connector accepts: a token for the Bot Framework's API.
BOT_FRAMEWORK_RESOURCE = "https://api.botframework.com"
BOT_FRAMEWORK_SCOPE = f"{BOT_FRAMEWORK_RESOURCE}/.default"
# A multi-tenant bot's tokens come from the Bot Framework's own tenant.
MULTI_TENANT_AUTHORITY = "https://login.microsoftonline.com/botframework.com"
# The SDK's user-token service, which modbot does not use (no sign-in cards); named, never called.
TOKEN_SERVICE = "https://api.botframework.com"
# How long a request to the Bot Connector may take before the outbox tries it again.
CONNECTOR_TIMEOUT_SECONDS = 30.0
_ONLY_CLIENT_CREDENTIALS = "modbot uses its own client credentials only"
# A token Entra refuses (a wrong or expired secret) is retried slowly: fixing it takes a person.
REFUSED_RETRY_SECONDS = 300.0
# The OAuth error codes that mean the app's own settings are wrong, not that Entra is unwell.
_SETTINGS_WRONG = frozenset(
    {"invalid_client", "unauthorized_client", "invalid_request", "invalid_scope", "invalid_grant"}
)


class EntraTokens(AccessTokenProviderBase):
    """The bot's token from Entra ID, kept in MSAL's cache (an SDK token provider)."""

    def __init__(self, *, app_id: str, password: str, tenant_id: str, app_type: str, timeout: float) -> None:
        self._app_id, self._password, self._tenant, self._type = app_id, password, tenant_id, app_type
        self._timeout = timeout
        self._msal: ConfidentialClientApplication | ManagedIdentityClient | None = None
        self._lock = asyncio.Lock()  # one request to Entra at a time: sends in parallel ask once

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return AgentAuthConfiguration(client_id=self._app_id, tenant_id=self._tenant)

    def get_token_credential(self) -> AsyncTokenCredential:
        raise NotImplementedError(_ONLY_CLIENT_CREDENTIALS)

    # The SDK's user sign-in and agentic identities: modbot acts as itself alone.
    async def acquire_token_on_behalf_of(self, scopes: list[str], user_assertion: str) -> str:
        raise NotImplementedError(_ONLY_CLIENT_CREDENTIALS)

    async def get_agentic_application_token(self, *args: Any, **kwargs: Any) -> str | None:
        raise NotImplementedError(_ONLY_CLIENT_CREDENTIALS)

    async def get_agentic_instance_token(self, *args: Any, **kwargs: Any) -> tuple[str, str]:
        raise NotImplementedError(_ONLY_CLIENT_CREDENTIALS)

    async def get_agentic_user_token(self, *args: Any, **kwargs: Any) -> str | None:
        raise NotImplementedError(_ONLY_CLIENT_CREDENTIALS)

    async def get_access_token(
        self,
        resource_url: str = BOT_FRAMEWORK_RESOURCE,
        scopes: list[str] | None = None,
        force_refresh: bool = False,
    ) -> str:
        async with self._lock:
            try:
                result = await asyncio.wait_for(asyncio.to_thread(self._acquire), self._timeout)
            except TimeoutError as exc:
                log.warning("Entra ID did not answer for a Teams token within %.0f s", self._timeout)
                raise _unreachable(exc) from exc
            except OSError as exc:  # requests' connection errors are OSErrors
                log.warning("Entra ID could not be reached for a Teams token (%s)", type(exc).__name__)
                raise _unreachable(exc) from exc
            except Exception as exc:  # MSAL raises its own errors for an HTTP error answer (a 503)
                log.warning("Entra ID gave the bot no token for Teams (%s)", type(exc).__name__)
                raise ChatError(
                    f"Microsoft Entra ID gave the bot no token for Teams ({type(exc).__name__}): Entra "
                    "may be having trouble; the message waits and is retried.",
                    transient=True,
                ) from exc
        token = result.get("access_token")
        if token:
            return str(token)
        code = _error_code(result.get("error"))
        wrong = code in _SETTINGS_WRONG
        log.error("Entra ID gave the bot no token for Teams (%s)", code)
        advice = (
            "check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID"
            if wrong
            else "Entra may be having trouble"
        )
        raise ChatError(
            f"Microsoft Entra ID gave the bot no token for Teams ({code}): {advice}; "
            "the message waits and is retried.",
            transient=True,
            retry_after=REFUSED_RETRY_SECONDS if wrong else None,
        )

    def _acquire(self) -> dict[str, Any]:
        """On a worker thread: MSAL builds its application by reading the authority's metadata,
        then answers from its cache or asks Entra."""
        if self._msal is None:
            if self._type == "UserAssignedMSI":
                self._msal = ManagedIdentityClient(
                    UserAssignedManagedIdentity(client_id=self._app_id),
                    http_client=_requests_session(),
                )
            else:
                tenant = self._tenant if self._type == "SingleTenant" else ""
                self._msal = ConfidentialClientApplication(
                    client_id=self._app_id,
                    client_credential=self._password,
                    authority=f"https://login.microsoftonline.com/{tenant}"
                    if tenant
                    else MULTI_TENANT_AUTHORITY,
                    timeout=self._timeout,
                )
        if isinstance(self._msal, ManagedIdentityClient):
            found: dict[str, Any] = self._msal.acquire_token_for_client(resource=BOT_FRAMEWORK_RESOURCE)
        else:
            found = self._msal.acquire_token_for_client(scopes=[BOT_FRAMEWORK_SCOPE])
        return found


def _requests_session() -> Any:
    import requests  # MSAL's own HTTP client; imported where managed identity needs it

    return requests.Session()


def _unreachable(exc: BaseException) -> ChatError:
    return ChatError(
        f"Microsoft Entra ID could not be reached for a Teams token ({type(exc).__name__}); "
        "the message waits and is retried.",
        transient=True,
    )


def _error_code(code: Any) -> str:
    """The OAuth error code alone: Entra's description may quote the request."""
    text = str(code or "")
    return text if text and text.replace("_", "").isalnum() else "refused"


class ConnectorFactory:
    """The SDK's `ChannelServiceClientFactoryBase`: Bot Connector clients for a service URL, each
    with a time limit and the bot's token added as each request is sent."""

    def __init__(self, tokens: EntraTokens | None, *, timeout: float = CONNECTOR_TIMEOUT_SECONDS) -> None:
        self._tokens, self._timeout = tokens, timeout

    async def create_connector_client(
        self,
        context: TurnContext | None,
        claims_identity: ClaimsIdentity,
        service_url: str,
        audience: str,
        scopes: list[str] | None = None,
        use_anonymous: bool = False,
    ) -> ConnectorClientBase:
        endpoint = service_url if service_url.endswith("/") else service_url + "/"
        session = aiohttp.ClientSession(
            base_url=endpoint,
            timeout=aiohttp.ClientTimeout(total=self._timeout),
            middlewares=(self._bearer,) if self._tokens is not None else (),
        )
        return TeamsConnectorClient(endpoint, token="", session=session)

    async def create_user_token_client(
        self, context: TurnContext, claims_identity: ClaimsIdentity, use_anonymous: bool = False
    ) -> UserTokenClientBase:
        """The SDK makes one per turn; modbot has no sign-in, so it never sends a request."""
        return UserTokenClient(TOKEN_SERVICE, token="", app_id=claims_identity.get_app_id() or "modbot")

    async def _bearer(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        assert self._tokens is not None
        request.headers["Authorization"] = f"Bearer {await self._tokens.get_access_token()}"
        return await handler(request)
