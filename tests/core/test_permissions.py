"""Who may do what: the core's `Permissions` over each surface's roles adapter."""

from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.errors import NotPermitted
from bot.core.models import Actor
from bot.core.permissions import NOT_A_LEAD, Permissions, Role
from handlers.slack.roles import SlackRoles
from handlers.teams.roles import TeamsRoles


def _permissions() -> Permissions:
    # User ids only: no user group, so the Slack adapter never calls Slack here.
    slack = SlackRoles(client=AsyncWebClient(token="xoxb-unused"), moderators=("U1",), leads=("U9",))
    teams = TeamsRoles(moderators=("aad-1",), leads=("aad-9",))
    return Permissions({"slack": slack, "teams": teams})


async def test_each_surface_answers_for_its_own_people() -> None:
    permissions = _permissions()
    assert await permissions.holds(Actor("slack", "U1"), Role.MODERATOR)
    assert not await permissions.holds(Actor("slack", "U1"), Role.SAFEGUARDING_LEAD)
    assert await permissions.holds(Actor("slack", "U9"), Role.SAFEGUARDING_LEAD)
    assert await permissions.holds(Actor("teams", "aad-1"), Role.MODERATOR)
    # The same id on another surface is another person.
    assert not await permissions.holds(Actor("teams", "U1"), Role.MODERATOR)
    assert not await permissions.holds(Actor("slack", "aad-1"), Role.MODERATOR)


async def test_a_surface_with_no_adapter_holds_no_role() -> None:
    permissions = _permissions()
    assert not await permissions.holds(Actor("cli", "U1"), Role.MODERATOR)
    with pytest.raises(NotPermitted) as refused:
        await permissions.require(Actor("cli", "U1"), Role.MODERATOR, refusal="No.", how_to_join=True)
    assert str(refused.value) == "No."


async def test_a_refusal_names_the_setting_of_the_person_s_own_surface() -> None:
    permissions = _permissions()
    with pytest.raises(NotPermitted) as slack:
        await permissions.require(
            Actor("slack", "U2"), Role.MODERATOR, refusal="Only moderators.", how_to_join=True
        )
    assert "SLACK_MODERATORS" in str(slack.value) and "TEAMS" not in str(slack.value)
    with pytest.raises(NotPermitted) as teams:
        await permissions.require(
            Actor("teams", "aad-2"), Role.MODERATOR, refusal="Only moderators.", how_to_join=True
        )
    assert "Entra object id to TEAMS_MODERATORS" in str(teams.value)
    with pytest.raises(NotPermitted) as plain:
        await permissions.require(Actor("teams", "aad-2"), Role.MODERATOR, refusal="Only moderators.")
    assert str(plain.value) == "Only moderators."
    # Holding the role, nothing is raised.
    await permissions.require(Actor("teams", "aad-9"), Role.SAFEGUARDING_LEAD, refusal=NOT_A_LEAD)


def test_teams_lists_moderators_for_refresh_without_granting_anything() -> None:
    roles = TeamsRoles(moderators=("aad-1",))
    assert roles.lists_moderator("aad-1") and not roles.lists_moderator("aad-2")
