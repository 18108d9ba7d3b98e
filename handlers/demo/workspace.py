"""The demo's local Slack workspace and Facebook page: the Web API methods the bot calls, answered
as Slack and Graph answer them, and remembered so the demo page can show them.

The bot reaches them through its ordinary settings (SLACK_API_URL, META_GRAPH_URL) and its
ordinary clients; nothing in the bot knows it is a demo. Only what the desk uses is spoken: posting
and updating messages, messages only one person sees, opening a form, reading a channel's
history, and a page's hide, delete, block and reply calls.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

MODERATOR = "U0DEMO"
MODERATOR_NAME = "you (demo moderator)"


@dataclass
class Message:
    ts: str
    channel: str
    text: str
    blocks: list[dict[str, Any]]
    metadata: dict[str, Any] | None = None
    updated: int = 0  # how many times it was updated in place
    only_for: str | None = None  # an ephemeral message: the one user who sees it


@dataclass
class PageAction:
    """What the bot did on the demo Facebook page."""

    at: float
    method: str
    path: str
    fields: dict[str, str]

    @property
    def summary(self) -> str:
        target = self.path.rsplit("/", 1)[-1]
        if self.method == "DELETE":
            return f"deleted comment {target}"
        if self.fields.get("is_hidden") == "true":
            return f"hid comment {target}"
        if self.fields.get("is_hidden") == "false":
            return f"unhid comment {target}"
        if self.path.endswith("/blocked"):
            return f"banned user {self.fields.get('user', '?')} from the page"
        if "message" in self.fields:
            return f"replied: {self.fields['message'][:120]}"
        return f"{self.method} {self.path}"


@dataclass
class Workspace:
    messages: list[Message] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)  # forms opened, newest last
    page: list[PageAction] = field(default_factory=list)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _next_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ts):06d}"

    def state(self) -> dict[str, Any]:
        """What the demo page shows."""
        return {
            "messages": [m.__dict__ for m in self.messages],
            "view": self.views[-1] if self.views else None,
            "page": [{"at": a.at, "summary": a.summary} for a in self.page],
        }

    # --- Slack Web API ---------------------------------------------------------------------------

    async def slack(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        raw = await request.read()
        if request.content_type == "application/json":
            args: dict[str, Any] = json.loads(raw or b"{}")
        else:
            args = dict(parse_qsl(raw.decode()))
        for key in ("blocks", "view", "metadata"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return web.json_response(self._answer(method, args))

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        match method:
            case "auth.test":
                return {
                    "ok": True,
                    "team_id": "T0DEMO",
                    "user_id": "U0BOT",
                    "bot_id": "B0DEMO",
                    "team": "Demo",
                }
            case "chat.postMessage" | "chat.postEphemeral":
                message = Message(
                    ts=self._next_ts(),
                    channel=str(args.get("channel")),
                    text=str(args.get("text") or ""),
                    blocks=list(args.get("blocks") or []),
                    metadata=args.get("metadata"),
                    only_for=str(args["user"]) if method == "chat.postEphemeral" else None,
                )
                self.messages.append(message)
                if message.only_for:
                    return {"ok": True, "message_ts": message.ts}
                return {"ok": True, "channel": message.channel, "ts": message.ts}
            case "chat.update":
                for message in self.messages:
                    if message.ts == args.get("ts") and message.channel == args.get("channel"):
                        message.text = str(args.get("text") or message.text)
                        message.blocks = list(args.get("blocks") or message.blocks)
                        message.updated += 1
                        return {"ok": True, "channel": message.channel, "ts": message.ts}
                return {"ok": False, "error": "message_not_found"}
            case "conversations.history":
                listed = [
                    {"ts": m.ts, "text": m.text, "metadata": m.metadata}
                    for m in reversed(self.messages)
                    if m.channel == args.get("channel") and m.only_for is None
                ]
                return {"ok": True, "messages": listed, "has_more": False}
            case "views.open":
                view = dict(args.get("view") or {})
                view["id"] = f"V{len(self.views) + 1}"
                self.views.append(view)
                return {"ok": True, "view": view}
            case "usergroups.users.list":
                return {"ok": True, "users": []}
            case "conversations.open":
                return {"ok": True, "channel": {"id": f"D{args.get('users', 'X')}"}}
            case _:
                return {"ok": True}

    def close_view(self, view_id: str) -> None:
        self.views = [v for v in self.views if v.get("id") != view_id]

    # --- Graph API (the demo page) ---------------------------------------------------------------

    async def graph(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        fields = dict(parse_qsl(raw.decode())) if raw else {}
        fields.update(request.query)
        fields.pop("access_token", None)
        fields.pop("appsecret_proof", None)
        path = "/" + request.match_info["tail"]
        self.page.append(PageAction(time.time(), request.method, path, fields))
        if request.method == "GET":
            return web.json_response({"data": []})
        return web.json_response({"success": True, "id": f"{path.strip('/')}_reply"})
