"""The Bot Framework token on every Teams activity, checked for real: handlers/teams/tokens.py
reads signing keys from a stand-in of login.botframework.com (TEAMS_OPENID_METADATA_URL), and
tokens are signed and forged with real RSA keys. A refused activity changes nothing."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

import jwt
import pytest

from bot.store.tables import ChatConversation
from tests.conftest import DbTarget
from tests.harness import Desk, make_settings, start_desk, stop_desk
from tests.standins.bot_connector import BotConnectorStandIn
from tests.standins.bot_identity import BotIdentityStandIn, new_key
from tests.standins.entra import EntraStandIn
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn
from tests.teams_harness import TEAMS_CHANNEL, TeamsDriver, teams_settings

APP_ID = "00000000-0000-0000-0000-0000000000a1"
TENANT = "50612dbb-0237-4969-b378-8d42590f9c00"
KEYS_PATH = "/v1/.well-known/keys"


@dataclass
class Rig:
    teams: TeamsDriver
    identity: BotIdentityStandIn

    @property
    def desk(self) -> Desk:
        return self.teams.desk

    def installed(self) -> bool:
        key = ("teams", f"channel:{TEAMS_CHANNEL}")
        return self.desk.query(lambda s: s.get(ChatConversation, key)) is not None

    async def install_with(self, sign: Callable[[str], str]) -> tuple[int, str]:
        self.teams.signer = sign
        response = await self.teams.install()
        return response.status, (await response.json())["error"] if response.status >= 400 else ""


SECRET = "app-secret-from-entra"


@asynccontextmanager
async def running(
    db_target: DbTarget, identity: BotIdentityStandIn, entra: EntraStandIn | None = None, **settings: Any
) -> AsyncIterator[Rig]:
    """A desk with Teams authenticated against `identity`, the stand-in key service. The bot asks
    Entra for its own token as activities arrive: `entra`, or a stand-in of its own, answers,
    never the internet."""
    slack, graph, connector = SlackStandIn(), GraphStandIn(), BotConnectorStandIn()
    await slack.start(), await graph.start(), await connector.start()
    identity.start()
    own_entra = entra is None
    entra = entra or EntraStandIn(client_id=APP_ID, client_secret=SECRET)
    environment = mock.patch.dict(os.environ, entra.environment())
    environment.start()
    settings = make_settings(
        db_target,
        slack,
        graph,
        **teams_settings(
            connector,
            TEAMS_APP_ID=APP_ID,
            TEAMS_APP_PASSWORD=SECRET,
            TEAMS_APP_TENANT_ID=TENANT,
            TEAMS_OPENID_METADATA_URL=identity.metadata_url,
            **settings,
        ),
    )
    desk = await start_desk(settings, slack, graph, schema=db_target.schema)
    try:
        yield Rig(TeamsDriver(desk, connector), identity)
    finally:
        await stop_desk(desk)
        identity.close()
        await slack.close(), await graph.close(), await connector.close()
        environment.stop()
        if own_entra:
            entra.close()


@pytest.fixture
async def rig(db_target: DbTarget) -> AsyncIterator[Rig]:
    async with running(db_target, BotIdentityStandIn()) as made:
        yield made


async def test_a_token_signed_by_the_bot_framework_is_accepted(rig: Rig) -> None:
    status, _ = await rig.install_with(lambda url: rig.identity.token(app_id=APP_ID, service_url=url))
    assert status == 201
    assert rig.installed()
    assert KEYS_PATH in rig.identity.requests  # the signature was checked against the published key


async def test_forged_tokens_are_refused_and_change_nothing(rig: Rig) -> None:
    identity, stranger_key = rig.identity, new_key()
    forgeries: dict[str, Callable[[str], str]] = {
        "signed by another key under the published key id": lambda url: identity.token(
            app_id=APP_ID, service_url=url, key=stranger_key
        ),
        "signed by a key that was never published": lambda url: identity.token(
            app_id=APP_ID, service_url=url, key=stranger_key, kid="unpublished"
        ),
        "meant for another bot": lambda url: identity.token(app_id="another-bot", service_url=url),
        "expired an hour ago": lambda url: identity.token(app_id=APP_ID, service_url=url, issued_ago=7200),
        "issued by someone else": lambda url: identity.token(
            app_id=APP_ID, service_url=url, issuer="https://issuer.invalid"
        ),
        "replayed from another service URL": lambda url: identity.token(
            app_id=APP_ID, service_url="https://smba.trafficmanager.net/elsewhere/"
        ),
        "unsigned": lambda url: jwt.encode(
            {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": url},
            key=None,
            algorithm="none",
            headers={"kid": identity.kid},
        ),
        "not a token at all": lambda url: "not-a-jwt",
    }
    for forgery, sign in forgeries.items():
        status, error = await rig.install_with(sign)
        assert status == 401, forgery
        assert "token" in error, forgery
        assert not rig.installed(), forgery
    # The same channel with a genuine token is accepted: the refusals were about the tokens.
    assert (await rig.install_with(lambda url: identity.token(app_id=APP_ID, service_url=url)))[0] == 201


async def test_a_key_not_endorsed_for_teams_is_refused(db_target: DbTarget) -> None:
    identity = BotIdentityStandIn(endorsements=("webchat",))
    async with running(db_target, identity) as rig:
        status, _ = await rig.install_with(lambda url: identity.token(app_id=APP_ID, service_url=url))
        assert status == 401
        assert not rig.installed()


async def test_signing_keys_unreachable_is_a_503_to_retry_and_the_retry_lands(rig: Rig) -> None:
    rig.identity.down = True
    rig.teams.signer = lambda url: rig.identity.token(app_id=APP_ID, service_url=url)
    response = await rig.teams.install()
    assert response.status == 503
    assert response.headers["Retry-After"] == "30"
    assert "signing keys" in (await response.json())["error"]
    assert not rig.installed()

    rig.identity.down = False  # the channel retries the delivery
    assert (await rig.teams.install()).status == 201
    assert rig.installed()


async def test_a_hung_key_service_holds_only_its_own_request(db_target: DbTarget) -> None:
    """The keys are read with a cancellable request under TEAMS_AUTH_TIMEOUT, so the rest of the
    server keeps answering while it waits and the Teams request gets a 503."""
    identity = BotIdentityStandIn()
    identity.delay = 3.0
    async with running(db_target, identity, TEAMS_AUTH_TIMEOUT=1.0) as rig:
        rig.teams.signer = lambda url: identity.token(app_id=APP_ID, service_url=url)
        install = asyncio.ensure_future(rig.teams.install())
        await asyncio.sleep(0.1)  # the check is now waiting on the key service
        health = await rig.desk.http.get(f"{rig.desk.base}/healthz")
        assert health.status == 200
        assert not install.done()  # served while the Teams request was still held
        response = await install
        assert response.status == 503 and response.headers["Retry-After"] == "30"
        assert not rig.installed()

        identity.delay = 0.0  # the channel delivers again; a new check fetches the keys afresh
        assert (await rig.teams.install()).status == 201
