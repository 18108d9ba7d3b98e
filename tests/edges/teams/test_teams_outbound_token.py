"""The bot's own token for posting to Teams, for real: MSAL's client-credentials grant against a
stand-in of Entra ID played as login.microsoftonline.com (tests/standins/entra.py), and that token
carried to the stand-in Bot Connector on every card. The bot's settings are production's; only
the process environment (HTTPS_PROXY, REQUESTS_CA_BUNDLE) leads the real MSAL to the stand-in."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import select

from bot.core.delivery.tasks import TaskKind
from bot.store.tables import OutboxTask
from tests.conftest import DbTarget
from tests.edges.teams.test_teams_auth import APP_ID, SECRET, TENANT
from tests.edges.teams.test_teams_auth import running as authenticated
from tests.harness import facebook_delivery
from tests.standins.bot_identity import BotIdentityStandIn
from tests.standins.entra import HOST, EntraStandIn
from tests.teams_harness import TEAMS_CHANNEL, TeamsDriver

ABUSE = "Jane Smith is a useless idiot and should be sacked"


@pytest.fixture
def entra() -> Iterator[EntraStandIn]:
    stand_in = EntraStandIn(client_id=APP_ID, client_secret=SECRET)
    yield stand_in
    stand_in.close()


@asynccontextmanager
async def running(db_target: DbTarget, entra: EntraStandIn, **settings: Any) -> AsyncIterator[TeamsDriver]:
    """A desk with a single-tenant Teams app (as Azure Bot registrations now are), installed."""
    identity = BotIdentityStandIn()
    async with authenticated(db_target, identity, entra, TEAMS_APP_TYPE="SingleTenant", **settings) as rig:
        rig.teams.signer = lambda url: identity.token(app_id=APP_ID, service_url=url)
        assert (await rig.teams.install()).status == 201
        yield rig.teams


def _card_task(teams: TeamsDriver) -> OutboxTask | None:
    found: OutboxTask | None = teams.desk.query(
        lambda s: s.exec(
            select(OutboxTask).where(
                OutboxTask.kind == TaskKind.POST_CARD, OutboxTask.lane.startswith("teams:")
            )
        ).first()
    )
    return found


def _due_now(teams: TeamsDriver) -> None:
    """Bring a slowly retried card forward, as the wait before its next attempt would."""

    def move(session: Any) -> None:
        task = session.exec(select(OutboxTask).where(OutboxTask.lane.startswith("teams:"))).one()
        task.next_attempt_at = datetime.now(UTC)
        session.add(task)
        session.commit()

    teams.desk.query(move)


async def test_cards_carry_one_token_from_entra_until_it_expires(
    db_target: DbTarget, entra: EntraStandIn
) -> None:
    async with running(db_target, entra) as teams:
        for n in range(3):
            await teams.desk.post_meta(facebook_delivery((f"901097836652708_{n}", f"{ABUSE} {n}")))
        await teams.desk.wait_for(
            lambda: len(teams.connector.posts(TEAMS_CHANNEL)) == 3 or None, what="3 cards"
        )
        [token] = entra.issued  # one token for the three cards: the SDK alone asked once a card
        assert {post.authorization for post in teams.connector.posts(TEAMS_CHANNEL)} == {f"Bearer {token}"}
        [request] = entra.token_requests
        assert request.tenant == TENANT
        assert request.form["grant_type"] == "client_credentials"
        assert request.form["client_id"] == APP_ID and request.form["client_secret"] == SECRET
        assert request.form["scope"] == "https://api.botframework.com/.default"
        # Entra was the only outside host asked for (the rest were the local stand-ins).
        assert {c for c in entra.connects if not c.startswith("http://127.0.0.1:")} == {f"{HOST}:443"}


async def test_a_refused_secret_keeps_the_card_says_why_and_it_lands_once_fixed(
    db_target: DbTarget, entra: EntraStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    entra.client_secret = "the-secret-entra-now-expects"
    async with running(db_target, entra) as teams:
        with caplog.at_level(logging.INFO):
            await teams.desk.post_meta(facebook_delivery(("901097836652708_1", ABUSE)))
            task = await teams.desk.wait_for(
                lambda: (t := _card_task(teams)) and t.last_error and t, what="error"
            )
        assert task.last_error is not None and "invalid_client" in task.last_error
        assert "TEAMS_APP_PASSWORD" in task.last_error
        assert task.done_at is None and teams.connector.posts(TEAMS_CHANNEL) == []
        assert SECRET not in caplog.text and "AADSTS" not in caplog.text  # no secret, no echo of Entra's text

        entra.client_secret = SECRET  # the operator puts the right secret in place
        _due_now(teams)
        await teams.desk.wait_for(lambda: teams.connector.posts(TEAMS_CHANNEL) or None, what="the card")
        [post] = teams.connector.posts(TEAMS_CHANNEL)
        assert post.authorization == f"Bearer {entra.issued[-1]}"


async def test_entra_down_the_card_waits_and_lands_when_it_is_back(
    db_target: DbTarget, entra: EntraStandIn
) -> None:
    entra.down = True
    async with running(db_target, entra) as teams:
        await teams.desk.post_meta(facebook_delivery(("901097836652708_1", ABUSE)))
        task = await teams.desk.wait_for(
            lambda: (t := _card_task(teams)) and t.last_error and t, what="error"
        )
        assert task.last_error is not None and "Entra" in task.last_error
        assert teams.connector.posts(TEAMS_CHANNEL) == []
        entra.down = False
        await teams.desk.wait_for(lambda: teams.connector.posts(TEAMS_CHANNEL) or None, what="the card")
        assert len(teams.connector.posts(TEAMS_CHANNEL)) == 1  # once, however many attempts failed


async def test_a_hung_entra_holds_only_the_teams_card(db_target: DbTarget, entra: EntraStandIn) -> None:
    """MSAL asks with a blocking call; it runs off the event loop with TEAMS_AUTH_TIMEOUT, so the
    server keeps answering while it waits and the card is retried from the outbox."""
    entra.delay = 3.0
    async with running(db_target, entra, TEAMS_AUTH_TIMEOUT=1.0) as teams:
        await teams.desk.post_meta(facebook_delivery(("901097836652708_1", ABUSE)))
        await teams.desk.wait_for(lambda: entra.token_requests or None, what="a token asked for")
        health = await teams.desk.http.get(f"{teams.desk.base}/healthz")
        assert health.status == 200
        assert entra.answered == 0  # served while the token request was still hanging
        task = await teams.desk.wait_for(
            lambda: (t := _card_task(teams)) and t.last_error and t, what="error"
        )
        assert task.last_error is not None and "could not be reached" in task.last_error
        entra.delay = 0.0
        await teams.desk.wait_for(lambda: teams.connector.posts(TEAMS_CHANNEL) or None, what="the card")
