"""The Slack app manifest (`manifest.yml`), written out for one deployment: HTTP mode with the
public host name in every request URL, or Socket Mode with no URL at all."""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.errors import ModbotError

TEMPLATE = Path(__file__).with_name("manifest.yml")
EXAMPLE_DOMAIN = "bot.example.org"
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_SOCKET_MODE_NOTE = (
    "# Socket Mode: modbot connects out to Slack, so it needs no public address. Create an\n"
    "# app-level token with the connections:write scope (Basic Information → App-Level Tokens)\n"
    "# and set it as SLACK_APP_TOKEN beside SLACK_BOT_TOKEN.\n"
)


def slack_manifest(*, domain: str | None = None, socket_mode: bool = False) -> str:
    """The manifest's text, comments kept. Raises ModbotError for a host name that is not one."""
    text = TEMPLATE.read_text(encoding="utf-8")
    body = text[text.index("_metadata:") :]  # after the template's own instructions
    if socket_mode:
        lines = [line for line in body.splitlines(keepends=True) if f"https://{EXAMPLE_DOMAIN}/" not in line]
        socket = "".join(lines).replace("socket_mode_enabled: false", "socket_mode_enabled: true")
        return _SOCKET_MODE_NOTE + socket
    if not domain or not _DOMAIN.match(domain):
        raise ModbotError(
            f"{domain!r} is not a host name: give the public host that reaches modbot serve, "
            "e.g. --domain bot.example.org (no https://, no path), or use --socket-mode"
        )
    header = f"# Slack app manifest for modbot at https://{domain} (every request goes to /slack/events).\n"
    return header + body.replace(EXAMPLE_DOMAIN, domain)
