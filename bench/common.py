"""Shared bench plumbing."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
import zlib
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def fresh_postgres_database(admin_url: str, name: str) -> str:
    """Drop and create database `name` next to `admin_url`; returns its URL."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def free_port() -> int:
    """A TCP port nothing listens on now (the server started next binds it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_peak_kib(pid: int) -> int:
    """A process's peak resident memory (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def meta_signature(secret: str, body: bytes) -> str:
    """X-Hub-Signature-256 as Meta computes it."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def meta_delivery(comments: list[tuple[str, str]], *, posts: int = 997) -> bytes:
    """A Page feed delivery, one change per (comment id, text), spread over `posts` posts (on one
    post the flagged ones would join a surge and share one card)."""
    now = int(time.time())
    changes = [
        {
            "field": "feed",
            "value": {
                "item": "comment",
                "verb": "add",
                "comment_id": comment_id,
                "post_id": f"1_{zlib.crc32(comment_id.encode()) % posts}",
                "from": {"id": f"u_{comment_id}", "name": "Bench User"},
                "created_time": now,
                "message": text,
            },
        }
        for comment_id, text in comments
    ]
    return json.dumps({"object": "page", "entry": [{"id": "1", "time": now, "changes": changes}]}).encode()


def slack_click_body(case_id: int, user: str, action: str = "hide", *, channel: str = "CBENCH") -> str:
    """A Slack block_actions form body: `user` pressed `action` on the card of `case_id`."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": "T111"},
        "api_app_id": "A111",
        "token": "x",
        "trigger_id": "1.2.3",
        "team": {"id": "T111", "domain": "bench"},
        "container": {"type": "message", "message_ts": "1.1", "channel_id": channel, "is_ephemeral": False},
        "channel": {"id": channel, "name": "bench"},
        "actions": [
            {
                "action_id": f"modbot.{action}",
                "block_id": f"case-{case_id}-v1",
                "type": "button",
                "value": json.dumps({"v": 1, "case_id": case_id, "action": action}, separators=(",", ":")),
                "action_ts": "1.1",
            }
        ],
    }
    return "payload=" + quote(json.dumps(payload))
