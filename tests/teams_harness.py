"""Drives the Teams side of the real app as Teams would: real activity JSON (the sample fixtures)
posted to /api/messages, with replies and proactive messages landing at a stand-in Bot
Connector, because the bot answers whatever `serviceUrl` an activity names."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import aiohttp

from bot.core.models import Decision
from bot.core.moderation.card_action import CardAction
from tests.conftest import sample
from tests.harness import Desk
from tests.standins.bot_connector import BotConnectorStandIn

# The ids in the sample fixtures: a channel of a team, and the people in the two activities.
TEAMS_CHANNEL = "19:6848757105754c8981c67612732d9aa7@thread.tacv2"
TEAMS_TEAM = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2"
TEAMS_SAFEGUARDING = "19:safeguarding0000000000000000000@thread.tacv2"
MODERATOR = "c5e99701-2a32-49c1-a660-4629ceeb8c61"  # aadObjectId of the invoke sample's user
SECOND_MODERATOR = "b15a9416-0ad3-4172-9210-7beb711d3f70"  # the channel message sample's user
STRANGER = "00000000-0000-4000-8000-000000000001"
LEAD = "00000000-0000-4000-8000-00000000lead"


def teams_settings(connector: BotConnectorStandIn, **overrides: Any) -> dict[str, Any]:
    """Teams on, unauthenticated (no app id), as the Bot Framework's local-testing convention."""
    return dict(
        TEAMS_MODERATION_CHANNEL=TEAMS_CHANNEL,
        TEAMS_MODERATORS=f"{MODERATOR},{SECOND_MODERATOR}",
        TEAMS_SAFEGUARDING_CHANNEL=TEAMS_SAFEGUARDING,
        TEAMS_SAFEGUARDING_LEADS=LEAD,
        TEAMS_POST_INTERVAL=0,
        **overrides,
    )


def _sample(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(sample("teams", name).read_text())
    return document


def _person(aad: str, name: str) -> dict[str, Any]:
    return {"id": f"29:user-{aad}", "name": name, "aadObjectId": aad}


class TeamsDriver:
    """What Teams sends: installs, channel messages, clicks and dialogs, all as JSON over HTTP."""

    def __init__(
        self, desk: Desk, connector: BotConnectorStandIn, *, signer: Callable[[str], str] | None = None
    ) -> None:
        """`signer` turns an activity's serviceUrl into a Bot Framework token, as Teams sends one."""
        self.desk, self.connector, self.signer = desk, connector, signer

    async def post(self, activity: dict[str, Any], **headers: str) -> aiohttp.ClientResponse:
        if self.signer is not None and "Authorization" not in headers:
            headers["Authorization"] = f"Bearer {self.signer(activity['serviceUrl'])}"
        return await self.desk.http.post(
            f"{self.desk.base}/api/messages",
            data=json.dumps(activity).encode(),
            headers={"Content-Type": "application/json", **headers},
        )

    def channel_activity(self, **changes: Any) -> dict[str, Any]:
        activity = _sample("message_channel_mention.json")
        activity["serviceUrl"] = self.connector.url
        activity.update(changes)
        return activity

    async def install(self, channel: str = TEAMS_CHANNEL) -> aiohttp.ClientResponse:
        """The app added to the team: Teams sends conversationUpdate with the bot as a new member."""
        activity = self.channel_activity()
        activity.update(
            type="conversationUpdate",
            text=None,
            membersAdded=[activity["recipient"]],
            conversation={**activity["conversation"], "id": channel},
        )
        activity["channelData"] = {**activity["channelData"], "eventType": "teamMemberAdded"}
        activity["channelData"]["channel"] = {"id": channel}
        activity.pop("entities", None)
        activity.pop("attachments", None)
        return await self.post(activity)

    async def install_personal(self, aad: str, name: str = "Pat") -> aiohttp.ClientResponse:
        activity = self.invoke_activity({}, aad=aad, name=name)
        activity.update(type="installationUpdate", action="add", name=None, value=None)
        return await self.post(activity)

    async def say(
        self, text: str, *, aad: str = MODERATOR, name: str = "Sam", mention: dict[str, Any] | None = None
    ) -> aiohttp.ClientResponse:
        """A message to the bot in the channel (@mentioning it), as typed from the command menu."""
        activity = self.channel_activity()
        activity["from"] = _person(aad, name)
        at = f"<at>{activity['recipient']['name']}</at>"
        activity["text"] = f"{at} {text}"
        if mention is not None:
            activity["entities"].append(
                {"type": "mention", "text": f"<at>{mention['name']}</at>", "mentioned": mention}
            )
        return await self.post(activity)

    def invoke_activity(
        self, value: dict[str, Any], *, aad: str, name: str, reply_to: str = "", channel: str = TEAMS_CHANNEL
    ) -> dict[str, Any]:
        activity = _sample("invoke_adaptiveCard_action.json")
        activity["serviceUrl"] = self.connector.url
        activity["from"] = _person(aad, name)
        activity["value"] = value
        if reply_to:
            activity["replyToId"] = reply_to
            activity["conversation"] = {
                "id": f"{channel};messageid={reply_to}",
                "isGroup": True,
                "conversationType": "channel",
                "tenantId": activity["conversation"]["tenantId"],
            }
        return activity

    async def execute(
        self,
        verb: str,
        data: dict[str, Any],
        *,
        aad: str = MODERATOR,
        name: str = "Sam",
        reply_to: str = "",
        channel: str = TEAMS_CHANNEL,
        trigger: str = "manual",
    ) -> aiohttp.ClientResponse:
        """An Action.Execute click (`trigger` "automatic" for a card's refresh, as Teams sends it
        when someone opens the channel): the invoke whose HTTP answer is the new card."""
        value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": trigger}
        activity = self.invoke_activity(value, aad=aad, name=name, reply_to=reply_to, channel=channel)
        return await self.post(activity)

    async def click(
        self, *, case_id: int, decision: Decision, aad: str = MODERATOR, name: str = "Sam", theme: str = ""
    ) -> aiohttp.ClientResponse:
        data: dict[str, Any] = json.loads(CardAction(case_id=case_id, action=decision).encode())
        if theme:
            data["theme"] = theme
        ref = self.card_ref(case_id)
        return await self.execute(f"modbot.{decision.value}", data, aad=aad, name=name, reply_to=ref or "")

    async def task(
        self, name: str, data: dict[str, Any], *, aad: str, who: str = "Pat"
    ) -> aiohttp.ClientResponse:
        """A dialog: task/fetch opens it, task/submit sends the form."""
        activity = self.invoke_activity({}, aad=aad, name=who)
        activity.update(name=name, value={"data": data, "context": {"theme": "default"}})
        return await self.post(activity)

    def card_ref(self, case_id: int) -> str | None:
        from bot.core.moderation.cases import card_ref

        ref = self.desk.query(lambda s: card_ref(s, case_id=case_id, desk="teams"))
        return ref.message_ref if ref else None
