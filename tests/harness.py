"""Drives the real app over HTTP, as Slack and Meta would: signed requests, real JSON."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp.test_utils import TestServer
from slack_sdk.signature import SignatureVerifier
from sqlmodel import Session

from bot.core.models import Decision
from bot.core.moderation.card_action import CardAction
from bot.core.rhythm.clock import LONDON
from bot.main import Runtime, build_runtime
from bot.services import utc_now
from bot.settings import Settings
from tests.conftest import DbTarget, sample
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

SLACK_SECRET = "slack-signing-secret-for-tests"
META_SECRET = "meta-app-secret-for-tests"
INGEST_SECRET = "ingest-secret-for-tests"
X_SECRET = "x-consumer-secret-for-tests"
LINKEDIN_SECRET = "linkedin-client-secret-for-tests"
CHANNEL = "C0MODDESK"
SAFEGUARDING_CHANNEL = "C0SAFEGUARD"
DATA_KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs="
MODERATORS = ("U0MOD1", "U0MOD2", "S0MODS")


def sign_hub(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def make_settings(db: DbTarget, slack: SlackStandIn, graph: GraphStandIn, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        DATABASE_URL=db.url,
        SLACK_BOT_TOKEN="xoxb-test-token",
        SLACK_SIGNING_SECRET=SLACK_SECRET,
        SLACK_API_URL=slack.url,
        SLACK_MODERATION_CHANNEL=CHANNEL,
        SLACK_MODERATORS=",".join(MODERATORS),
        SLACK_POST_INTERVAL=0,
        META_APP_SECRET=META_SECRET,
        META_VERIFY_TOKEN="verify-me",
        META_PAGE_ACCESS_TOKEN="EAAB-page-token",
        META_GRAPH_URL=graph.url,
        INGEST_SECRET=INGEST_SECRET,
        X_CONSUMER_SECRET=X_SECRET,
        LINKEDIN_CLIENT_SECRET=LINKEDIN_SECRET,
        OUTBOX_BACKOFF_BASE=0.05,
        OUTBOX_POLL_INTERVAL=0.05,
        MODBOT_SCHEDULER=False,
        SLACK_SAFEGUARDING_CHANNEL=SAFEGUARDING_CHANNEL,
        SLACK_SAFEGUARDING_LEADS="U0LEAD",
        MODBOT_DATA_KEY=DATA_KEY,
    )
    values.update(overrides)
    return Settings(**values)


def facebook_delivery(
    *comments: tuple[str, str], page_id: str = "1234567890321", created_time: int | None = None
) -> dict[str, Any]:
    """A Page feed delivery built on the sample fixture, one change per (comment id, text).

    The sample's own `created_time` (2015) is dropped unless given, so the response clock starts
    at the test's "now".
    """
    base = json.loads(sample("platforms", "facebook-page-feed-comment-add.json").read_text())
    template = base["entry"][0]["changes"][0]
    changes = []
    for comment_id, text in comments:
        change = json.loads(json.dumps(template))
        change["value"].update(
            comment_id=comment_id,
            message=text,
            **{"from": {"id": f"user-{comment_id}", "name": "A Member Of Public"}},
        )
        change["value"].pop("created_time", None)
        if created_time is not None:
            change["value"]["created_time"] = created_time
        changes.append(change)
    base["entry"][0]["changes"] = changes
    base["entry"][0]["id"] = page_id
    return base


@dataclass
class Desk:
    runtime: Runtime
    server: TestServer
    http: aiohttp.ClientSession
    slack: SlackStandIn
    graph: GraphStandIn

    @property
    def base(self) -> str:
        return str(self.server.make_url(""))

    async def post_meta(
        self, document: dict[str, Any] | bytes, *, secret: str = META_SECRET
    ) -> aiohttp.ClientResponse:
        body = document if isinstance(document, bytes) else json.dumps(document).encode()
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign_hub(secret, body)}
        return await self.http.post(f"{self.base}/webhooks/meta", data=body, headers=headers)

    async def post_signed(
        self, path: str, document: Any, header: str, signature: Callable[[bytes], str]
    ) -> aiohttp.ClientResponse:
        """A platform webhook delivery with its signature header computed over the raw body."""
        body = document if isinstance(document, bytes) else json.dumps(document).encode()
        headers = {"Content-Type": "application/json", header: signature(body)}
        return await self.http.post(f"{self.base}{path}", data=body, headers=headers)

    async def post_ingest(self, document: Any, *, secret: str = INGEST_SECRET) -> aiohttp.ClientResponse:
        body = json.dumps(document).encode()
        headers = {"Content-Type": "application/json", "X-Modbot-Signature-256": sign_hub(secret, body)}
        return await self.http.post(f"{self.base}/ingest", data=body, headers=headers)

    async def _post_to_slack_events(
        self, body: str, content_type: str, *, secret: str = SLACK_SECRET, timestamp: int | None = None
    ) -> aiohttp.ClientResponse:
        """The raw body to /slack/events, signed as Slack signs it."""
        ts = str(timestamp if timestamp is not None else int(time.time()))
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": SignatureVerifier(secret).generate_signature(timestamp=ts, body=body),
        }
        return await self.http.post(f"{self.base}/slack/events", data=body.encode(), headers=headers)

    async def post_slack(
        self, payload: dict[str, Any], *, timestamp: int | None = None, secret: str = SLACK_SECRET
    ) -> aiohttp.ClientResponse:
        """An interaction payload (form field `payload`), signed."""
        body = "payload=" + quote(json.dumps(payload))
        return await self._post_to_slack_events(
            body, "application/x-www-form-urlencoded", secret=secret, timestamp=timestamp
        )

    async def post_event(
        self, document: dict[str, Any], *, secret: str = SLACK_SECRET
    ) -> aiohttp.ClientResponse:
        """An Events API delivery (JSON), signed."""
        return await self._post_to_slack_events(json.dumps(document), "application/json", secret=secret)

    async def post_command(
        self, command: str, text: str, *, user: str = "U0MOD1", name: str = "sam"
    ) -> aiohttp.ClientResponse:
        """A slash command as Slack sends it (form fields, from the sample fixture), signed."""
        from urllib.parse import parse_qsl, urlencode

        fields = dict(parse_qsl(sample("slack", "slash_command.form.txt").read_text().strip()))
        fields.update(
            command=command,
            text=text,
            user_id=user,
            user_name=name,
            channel_id=CHANNEL,
            response_url=f"{self.slack.url}response_url.hook",
        )
        return await self._post_to_slack_events(urlencode(fields), "application/x-www-form-urlencoded")

    def click_payload(
        self, *, case_id: int, decision: Decision, user: str = "U0MOD1", name: str = "sam.moderator"
    ) -> dict[str, Any]:
        payload = json.loads(sample("slack", "block_actions.json").read_text())
        payload["user"] = {"id": user, "username": name, "name": name, "team_id": "T111"}
        card = self.card_ref(case_id)
        payload["container"] = {
            "type": "message",
            "message_ts": card[1] if card else "1.1",
            "channel_id": CHANNEL,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": CHANNEL, "name": "social-moderation"}
        payload["actions"] = [
            {
                "action_id": f"modbot.{decision.value}",
                "block_id": f"case-{case_id}-v1",
                "text": {"type": "plain_text", "text": decision.value, "emoji": True},
                "value": CardAction(case_id=case_id, action=decision).encode(),
                "type": "button",
                "action_ts": "1596530385.194939",
            }
        ]
        return payload

    async def click(
        self, *, case_id: int, decision: Decision, user: str = "U0MOD1", name: str = "sam.moderator"
    ) -> aiohttp.ClientResponse:
        return await self.post_slack(
            self.click_payload(case_id=case_id, decision=decision, user=user, name=name)
        )

    def card_ref(self, case_id: int) -> tuple[str, str] | None:
        from bot.core.moderation.cases import card_ref

        ref = self.query(lambda s: card_ref(s, case_id=case_id, desk="slack"))
        return (ref.channel, ref.message_ref) if ref else None

    def query(self, fn: Callable[[Session], Any]) -> Any:
        return self.runtime.services.db.call(fn)

    async def wait_for(
        self, condition: Callable[[], Any], *, timeout: float = 10.0, what: str = "condition"
    ) -> Any:
        return await wait_until(condition, timeout=timeout, what=what)


async def wait_until(condition: Callable[[], Any], *, timeout: float = 10.0, what: str = "condition") -> Any:
    """`condition()`'s first truthy value, polled; AssertionError naming `what` after `timeout` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = condition()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def leave_theme_submission(view: dict[str, Any], *, user: str, name: str, theme: str) -> dict[str, Any]:
    """The Leave modal submitted with a theme, as Slack sends a view_submission."""
    return {
        "type": "view_submission",
        "user": {"id": user, "username": name, "name": name, "team_id": "T111"},
        "team": {"id": "T111", "domain": "nhs"},
        "api_app_id": "A111",
        "trigger_id": "111.222.valid",
        "view": {
            "id": "V123",
            "type": "modal",
            "callback_id": view["callback_id"],
            "private_metadata": view["private_metadata"],
            "blocks": view["blocks"],
            "state": {"values": {"theme": {"theme_input": {"type": "plain_text_input", "value": theme}}}},
        },
    }


def put_on_call(desk: Desk, *, name: str, slack_user_id: str, starts_on: Any, ends_on: Any) -> None:
    """Set the rota as a moderator would (/oncall), straight through the core."""
    from bot.core.models import Actor
    from bot.core.rhythm import rota

    desk.query(
        lambda s: rota.set_on_call(
            s,
            name=name,
            slack_user_id=slack_user_id,
            starts_on=starts_on,
            ends_on=ends_on,
            actor=Actor("slack", "U0MOD1", "sam"),
            now=desk.runtime.services.now(),
        )
    )


def london(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A moment in London time."""
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


@dataclass
class Clock:
    """The desk's clock in a test: set `moment` to move time."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment


async def start_desk(
    settings: Settings,
    slack: SlackStandIn,
    graph: GraphStandIn,
    *,
    schema: str | None,
    now: Callable[[], datetime] = utc_now,
) -> Desk:
    runtime = build_runtime(settings, db_schema=schema, now=now)
    server = TestServer(runtime.app, host="127.0.0.1")
    await server.start_server()
    return Desk(runtime=runtime, server=server, http=aiohttp.ClientSession(), slack=slack, graph=graph)


async def stop_desk(desk: Desk) -> None:
    await desk.http.close()
    await desk.server.close()


@contextlib.asynccontextmanager
async def running_desk(db: DbTarget, **overrides: Any) -> AsyncIterator[Desk]:
    """The app over HTTP with fresh Slack and Graph stand-ins, `overrides` on the test settings."""
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    desk = await start_desk(make_settings(db, slack, graph, **overrides), slack, graph, schema=db.schema)
    try:
        yield desk
    finally:
        await stop_desk(desk)
        await slack.close()
        await graph.close()
