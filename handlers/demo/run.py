"""`modbot demo`: the real app on a throwaway SQLite database, with a local Slack workspace and
Facebook page (`workspace.py`), a page at /demo that shows the moderators' channel as Slack would,
and a trickle of made-up comments arriving as signed Meta webhooks.

Every click on the page goes into the app as Slack sends it: a signed `block_actions` request
to /slack/events; forms are `view_submission`s and `/report-abuse` is a signed slash command.
The app cannot tell the demo from a real workspace, which is what makes it a fair practice desk.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_sdk.signature import SignatureVerifier

from bot.core.rhythm import sends
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.sends import CHECK, HANDOVER, DueSend
from bot.main import Runtime, build_runtime
from bot.settings import Settings
from handlers.demo.comments import SURGE, SURGE_POST, TRICKLE
from handlers.demo.workspace import MODERATOR, MODERATOR_NAME, Workspace
from handlers.http import PathOnlyAccessLogger
from handlers.social.webhooks.signatures import sign_sha256

log = logging.getLogger(__name__)

CHANNEL = "C0DEMODESK"
SAFEGUARDING_CHANNEL = "C0DEMOSAFE"
PAGE_ID = "100000000000001"
PAGE = Path(__file__).with_name("desk.html")


class Demo:
    """The app, its local workspace, and the demo's own routes, on one port."""

    def __init__(self, *, port: int, folder: Path, trickle_seconds: float | None) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.workspace = Workspace()
        self.signing_secret = secrets.token_hex(16)
        self.meta_secret = secrets.token_hex(16)
        self.trickle_seconds = trickle_seconds
        self.settings = Settings(
            DATABASE_URL=f"sqlite:///{folder / 'demo.db'}",
            MODBOT_HOST="127.0.0.1",
            MODBOT_PORT=port,
            SLACK_BOT_TOKEN="xoxb-demo",
            SLACK_SIGNING_SECRET=self.signing_secret,
            SLACK_API_URL=f"{self.base}/demo/slack/api/",
            SLACK_MODERATION_CHANNEL=CHANNEL,
            SLACK_MODERATORS=MODERATOR,
            SLACK_SAFEGUARDING_CHANNEL=SAFEGUARDING_CHANNEL,
            SLACK_SAFEGUARDING_LEADS=MODERATOR,
            SLACK_POST_INTERVAL=0.2,
            META_APP_SECRET=self.meta_secret,
            META_VERIFY_TOKEN="demo",
            META_PAGE_ACCESS_TOKEN="demo-page-token",
            META_GRAPH_URL=f"{self.base}/demo/graph/",
            OUTBOX_POLL_INTERVAL=0.2,
            OUTBOX_BACKOFF_BASE=0.2,
            MODBOT_SCHEDULER=False,
        )
        self.runtime: Runtime = build_runtime(self.settings)
        self._sent = 0
        self._http: aiohttp.ClientSession | None = None
        app = self.runtime.app
        app.router.add_route("*", "/demo/slack/api/{method}", self.workspace.slack)
        app.router.add_route("*", "/demo/graph/{tail:.*}", self.workspace.graph)
        app.router.add_get("/demo", self.page)
        app.router.add_get("/demo/state", self.state)
        app.router.add_post("/demo/click", self.click)
        app.router.add_post("/demo/submit", self.submit)
        app.router.add_post("/demo/command", self.command)
        app.router.add_post("/demo/comment", self.comment)
        app.router.add_post("/demo/schedule", self.schedule)
        app.cleanup_ctx.append(self._lifetime)

    async def _lifetime(self, _app: web.Application) -> AsyncIterator[None]:
        self._http = aiohttp.ClientSession()
        trickle = asyncio.create_task(self._trickle()) if self.trickle_seconds else None
        yield
        if trickle is not None:
            trickle.cancel()
            await asyncio.gather(trickle, return_exceptions=True)
        await self._http.close()

    # --- what the page reads and sends -----------------------------------------------------------

    async def page(self, _request: web.Request) -> web.StreamResponse:
        return web.Response(text=PAGE.read_text(encoding="utf-8"), content_type="text/html")

    async def state(self, _request: web.Request) -> web.StreamResponse:
        return web.json_response(
            {**self.workspace.state(), "channel": CHANNEL, "moderator": MODERATOR_NAME, "sent": self._sent}
        )

    async def click(self, request: web.Request) -> web.StreamResponse:
        """A button pressed on a message: Slack's block_actions, signed, into the app."""
        asked = await request.json()
        message = next((m for m in self.workspace.messages if m.ts == asked.get("message_ts")), None)
        if message is None:
            return web.json_response({"error": "no such message"}, status=404)
        payload = {
            **self._envelope("block_actions"),
            "container": {"type": "message", "message_ts": message.ts, "channel_id": message.channel},
            "channel": {"id": message.channel, "name": "social-moderation"},
            "message": {"ts": message.ts, "text": message.text, "blocks": message.blocks},
            "actions": [{**asked["action"], "type": "button", "action_ts": f"{time.time():.6f}"}],
        }
        return await self._to_slack_events({"payload": json.dumps(payload)})

    async def submit(self, request: web.Request) -> web.StreamResponse:
        """A form submitted: Slack's view_submission, signed, into the app."""
        asked = await request.json()
        view = next((v for v in self.workspace.views if v.get("id") == asked.get("view_id")), None)
        if view is None:
            return web.json_response({"error": "no such form"}, status=404)
        payload = {
            **self._envelope("view_submission"),
            "view": {**view, "state": {"values": asked.get("values") or {}}},
        }
        answer = await self._to_slack_events({"payload": json.dumps(payload)})
        # Slack closes a form unless the app answers with the form's errors.
        if answer.status == 200 and '"errors"' not in (answer.text or ""):
            self.workspace.close_view(str(view["id"]))
        return answer

    async def command(self, request: web.Request) -> web.StreamResponse:
        """A slash command typed in the channel (`/report-abuse`, `/oncall`), signed, into the app."""
        asked = await request.json()
        fields = {
            "team_id": "T0DEMO",
            "channel_id": CHANNEL,
            "user_id": MODERATOR,
            "user_name": MODERATOR_NAME,
            "command": str(asked.get("command", "")),
            "text": str(asked.get("text", "")),
            "trigger_id": f"demo.{secrets.token_hex(4)}",
            "response_url": f"{self.base}/demo/slack/api/response",
        }
        return await self._to_slack_events(fields)

    async def comment(self, request: web.Request) -> web.StreamResponse:
        """A comment typed on the page: a signed Meta webhook delivery, as Facebook sends it."""
        asked = await request.json()
        text = str(asked.get("text", "")).strip()
        if not text:
            return web.json_response({"error": "type a comment first"}, status=400)
        return await self._post_comment(
            str(asked.get("author") or "A member of the public"), text, "demo-post-1"
        )

    async def schedule(self, request: web.Request) -> web.StreamResponse:
        """Today's morning check or handover, sent now rather than at its time (the scheduler is
        off in the demo); as in real use, each goes once a day."""
        asked = await request.json()
        kinds = {"morning": (CHECK, "morning"), "handover": (HANDOVER, HANDOVER)}
        if asked.get("kind") not in kinds:
            return web.json_response({"error": f"kind is one of {', '.join(kinds)}"}, status=400)
        kind, slot = kinds[asked["kind"]]
        services = self.runtime.services
        now = services.now()
        send = DueSend(kind, slot, now.astimezone(LONDON).date(), now)
        send_id = await services.db.run(
            lambda s: sends.claim(s, send=send, desks=services.desk_targets, now=now)
        )
        services.wake_outbox()
        return web.json_response({"sent": send_id is not None})

    # --- into the app, as Slack and Facebook would send it ---------------------------------------

    def _envelope(self, kind: str) -> dict[str, Any]:
        return {
            "type": kind,
            "user": {
                "id": MODERATOR,
                "username": MODERATOR_NAME,
                "name": MODERATOR_NAME,
                "team_id": "T0DEMO",
            },
            "team": {"id": "T0DEMO", "domain": "demo"},
            "api_app_id": "A0DEMO",
            "token": "demo",
            "trigger_id": f"demo.{secrets.token_hex(4)}",
        }

    async def _to_slack_events(self, fields: dict[str, str]) -> web.Response:
        assert self._http is not None
        body = urlencode(fields)
        stamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": SignatureVerifier(self.signing_secret).generate_signature(
                timestamp=stamp, body=body
            )
            or "",
        }
        async with self._http.post(
            f"{self.base}/slack/events", data=body.encode(), headers=headers
        ) as answer:
            return web.Response(
                status=answer.status, text=await answer.text(), content_type="application/json"
            )

    async def _post_comment(self, author: str, text: str, post: str) -> web.Response:
        assert self._http is not None
        self._sent += 1
        comment_id = f"{post}_{int(time.time() * 1000)}{self._sent:03d}"
        change = {
            "field": "feed",
            "value": {
                "item": "comment",
                "verb": "add",
                "comment_id": comment_id,
                "post_id": f"{PAGE_ID}_{post}",
                "parent_id": f"{PAGE_ID}_{post}",
                "message": text,
                "from": {"id": f"user-{abs(hash(author)) % 10**8}", "name": author},
                "created_time": int(time.time()),
            },
        }
        body = json.dumps(
            {"object": "page", "entry": [{"id": PAGE_ID, "time": int(time.time()), "changes": [change]}]}
        )
        signature = sign_sha256(self.meta_secret.encode(), body.encode())
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
        async with self._http.post(f"{self.base}/webhooks/meta", data=body, headers=headers) as answer:
            return web.Response(
                status=answer.status, text=await answer.text(), content_type="application/json"
            )

    async def _trickle(self) -> None:
        """The made-up comments, one every `trickle_seconds`, the pile-on after the first round."""
        assert self.trickle_seconds is not None
        await asyncio.sleep(0.5)  # the server is listening by now
        while True:
            for index, (author, text) in enumerate(TRICKLE):
                await self._post_comment(author, text, f"demo-post-{index % 3 + 1}")
                await asyncio.sleep(self.trickle_seconds)
            for author, text in SURGE:
                await self._post_comment(author, text, SURGE_POST)
                await asyncio.sleep(0.5)
            await asyncio.sleep(self.trickle_seconds * 4)


def run_demo(*, port: int = 3000, trickle_seconds: float | None = 4.0) -> None:
    with tempfile.TemporaryDirectory(prefix="modbot-demo-") as folder:
        demo = Demo(port=port, folder=Path(folder), trickle_seconds=trickle_seconds)
        log.info("modbot demo on %s/demo (nothing is kept)", demo.base)
        web.run_app(
            demo.runtime.app, host="127.0.0.1", port=port, print=None, access_log_class=PathOnlyAccessLogger
        )
