"""A local stand-in for Slack's Web API: speaks the documented shapes, records every call.

Methods answer like Slack (`{"ok": true, ...}`); `fail_next` makes the next calls of a method
fail with an HTTP status (429 with Retry-After, 500...) so retries can be tested.

It also speaks Socket Mode: `apps.connections.open` (with an app-level token) answers the URL of
a WebSocket that says `hello`, then carries the envelopes a test sends (`send_envelope`) and
records the acknowledgements the app returns, as Slack's documentation describes.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

from tests.standins import serve


@dataclass
class SlackCall:
    method: str
    args: dict[str, Any]
    token: str
    at: float = field(default_factory=time.monotonic)


@dataclass
class SlackStandIn:
    calls: list[SlackCall] = field(default_factory=list)
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    _failures: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=lambda: defaultdict(list))
    _ts = itertools.count(1)
    server: TestServer | None = None

    # Messages posted per channel, oldest first, as conversations.history would list them.
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # Seconds to wait before answering chat.postMessage (the message is posted at once).
    post_delay: float = 0.0
    # (until, status, Retry-After, only cards?) while time.monotonic() < until: an outage.
    outage: tuple[float, int, int | None, bool] | None = None
    # Socket Mode: the open connections, and every acknowledgement received, in order.
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    _envelopes = itertools.count(1)
    # files.uploadV2: the bytes uploaded per file id, and each completed share.
    uploads: dict[str, bytes] = field(default_factory=dict)
    shared_files: list[dict[str, Any]] = field(default_factory=list)
    _files = itertools.count(1)

    def fail_for(
        self, seconds: float, *, status: int, retry_after: int | None = None, cards_only: bool = False
    ) -> None:
        """Every method answers `status` for the next `seconds` (429s with Retry-After); with
        `cards_only`, only posts that carry card metadata fail (other messages get through)."""
        self.outage = (time.monotonic() + seconds, status, retry_after, cards_only)

    def posted(self, channel: str) -> list[dict[str, Any]]:
        return list(self.messages[channel])

    def fail_next(self, method: str, *, status: int, times: int = 1, retry_after: int | None = None) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self._failures[method].extend([(status, headers)] * times)

    def of(self, method: str) -> list[SlackCall]:
        return [c for c in self.calls if c.method == method]

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/api/"))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        if method.startswith("upload-"):  # the upload URL files.getUploadURLExternal handed out
            file_id = method.removeprefix("upload-")
            if file_id not in self.uploads:
                return web.Response(status=404, text="no such upload")
            self.uploads[file_id] = await request.read()
            return web.Response(text="OK - " + str(len(self.uploads[file_id])))
        raw = await request.read()
        # Slack reads arguments from the query string as well as the body (slack_sdk sends some
        # methods' arguments, files.completeUploadExternal's among them, as query parameters).
        args: dict[str, Any] = dict(request.query)
        if request.method != "GET" and request.content_type == "application/json":
            args.update(json.loads(raw or b"{}"))
        elif request.method != "GET":
            args.update(parse_qsl(raw.decode()))
            for key in ("blocks", "view"):
                if isinstance(args.get(key), str):
                    args[key] = json.loads(args[key])
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        self.calls.append(SlackCall(method, args, token))
        if method == "apps.connections.open" and not token.startswith("xapp-"):
            return web.json_response({"ok": False, "error": "not_allowed_token_type"})
        failure = self._failures[method].pop(0) if self._failures[method] else None
        if failure is None and self.outage is not None and time.monotonic() < self.outage[0]:
            _until, status, after, cards_only = self.outage
            if not cards_only or (method == "chat.postMessage" and args.get("metadata")):
                failure = (status, {"Retry-After": str(after)} if after is not None else {})
        if failure is not None:
            status, headers = failure
            error = "ratelimited" if status == 429 else "internal_error"
            return web.json_response({"ok": False, "error": error}, status=status, headers=headers)
        answer = self._answer(method, args)
        if method == "chat.postMessage" and self.post_delay:
            await asyncio.sleep(self.post_delay)  # posted already: only the answer is late
        return web.json_response(answer)

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        match method:
            case "auth.test":
                return {"ok": True, "team_id": "T111", "user_id": "UBOT", "bot_id": "B111", "team": "NHS"}
            case "chat.postMessage":
                channel, ts = str(args.get("channel")), f"1700000000.{next(self._ts):06d}"
                metadata = args.get("metadata")
                if isinstance(metadata, str):
                    metadata = json.loads(metadata)
                self.messages[channel].append({"ts": ts, "text": args.get("text"), "metadata": metadata})
                return {"ok": True, "channel": channel, "ts": ts}
            case "conversations.history":
                listed = list(reversed(self.messages[str(args.get("channel"))]))  # newest first
                if str(args.get("include_all_metadata")).lower() not in ("true", "1"):
                    listed = [{k: v for k, v in m.items() if k != "metadata"} for m in listed]
                return {"ok": True, "messages": listed, "has_more": False}
            case "chat.update":
                return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
            case "chat.postEphemeral":
                return {"ok": True, "message_ts": f"1700000001.{next(self._ts):06d}"}
            case "views.open":
                return {"ok": True, "view": {"id": "V123", **(args.get("view") or {})}}
            case "apps.connections.open":
                assert self.server is not None
                return {"ok": True, "url": str(self.server.make_url("/link")).replace("http", "ws", 1)}
            case "files.getUploadURLExternal":
                assert self.server is not None
                file_id = f"F{next(self._files):08d}"
                self.uploads[file_id] = b""
                upload_url = str(self.server.make_url(f"/api/upload-{file_id}"))
                return {"ok": True, "upload_url": upload_url, "file_id": file_id}
            case "files.completeUploadExternal":
                files = args.get("files")
                files = json.loads(files) if isinstance(files, str) else files or []
                missing = [f["id"] for f in files if not self.uploads.get(f["id"])]
                if missing:
                    return {"ok": False, "error": "file_upload_not_completed"}
                self.shared_files.append({**args, "files": files})
                return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}
            case "usergroups.users.list":
                return {"ok": True, "users": self.usergroups.get(str(args.get("usergroup")), [])}
            case _:
                return {"ok": True}

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A111"}}
        await socket.send_json(hello)
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return socket

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """An envelope (`interactive`, `slash_commands`, `events_api`) on the newest connection;
        its id, which the app's acknowledgement must carry."""
        envelope_id = f"envelope-{next(self._envelopes)}"
        await self.sockets[-1].send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind == "slash_commands",
            }
        )
        return envelope_id

    def acknowledged(self, envelope_id: str) -> dict[str, Any] | None:
        return next((ack for ack in self.acks if ack.get("envelope_id") == envelope_id), None)

    async def start(self) -> SlackStandIn:
        self.server = await serve("/api/{method}", self._handle, websockets={"/link": self._socket})
        return self

    async def close(self) -> None:
        for socket in self.sockets:
            await socket.close()
        if self.server is not None:
            await self.server.close()
