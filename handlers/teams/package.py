"""`modbot teams-package`: the Teams app zip (manifest.json and its two icons) to upload in
Teams admin or "Upload a custom app". Pure Python: the icons are drawn here, so the package
needs no image files in the repository and no image library."""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from typing import Any

from bot.core.errors import ModbotError

MANIFEST_VERSION = "1.19"
SCHEMA = (
    f"https://developer.microsoft.com/en-us/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
)
NHS_BLUE = (0x00, 0x5E, 0xB8)
COMMANDS = (
    ("report-abuse", "Log online abuse or a safeguarding concern, confidentially"),
    ("oncall", "Who is the duty communications manager on call"),
    ("desk", "The desk at a glance: open cases, overdue, on call, checks (moderators)"),
    ("help", "What modbot understands"),
)
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DOMAIN = re.compile(r"^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def png(width: int, height: int, pixel: Any) -> bytes:
    """A true-colour PNG with alpha; `pixel(x, y)` gives (r, g, b, a)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _shield(x: float, y: float) -> bool:
    """A shield (the desk's mark) in a unit square."""
    if y < 0.15 or y > 0.9 or x < 0.2 or x > 0.8:
        return False
    if y < 0.6:
        return True
    half = 0.3 * (0.9 - y) / 0.3
    return abs(x - 0.5) <= half


def color_icon() -> bytes:
    """192 × 192, full colour: a white shield on NHS blue."""
    size = 192
    return png(
        size, size, lambda x, y: (255, 255, 255, 255) if _shield(x / size, y / size) else (*NHS_BLUE, 255)
    )


def outline_icon() -> bytes:
    """32 × 32, white on transparent, as Teams requires for the outline icon."""
    size = 32
    return png(size, size, lambda x, y: (255, 255, 255, 255) if _shield(x / size, y / size) else (0, 0, 0, 0))


def manifest(*, app_id: str, domain: str, version: str, organisation: str) -> dict[str, Any]:
    if not _GUID.match(app_id or ""):
        raise ModbotError("TEAMS_APP_ID must be the bot's Microsoft app id (a GUID) to build the package.")
    if not _DOMAIN.match(domain or ""):
        raise ModbotError(
            "Give the public host name that reaches modbot (e.g. bot.example.org) with --domain."
        )
    scopes = ["team", "personal", "groupChat"]
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": organisation[:32],
            "websiteUrl": f"https://{domain}/",
            "privacyUrl": f"https://{domain}/privacy",
            "termsOfUseUrl": f"https://{domain}/terms",
        },
        "name": {"short": "modbot", "full": "modbot social media moderation desk"},
        "description": {
            "short": "Flagged social media comments, reminders and safeguarding reports",
            "full": (
                "modbot brings flagged comments from the organisation's social media accounts into "
                "the moderators' channel with Hide, Delete and Leave buttons, reminds the team to check "
                "the channels, hands over to the duty communications manager on call, and takes "
                "confidential safeguarding reports from staff (type report-abuse)."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#005EB8",
        "bots": [
            {
                "botId": app_id,
                "scopes": scopes,
                "isNotificationOnly": False,
                "supportsFiles": False,
                "commandLists": [
                    {"scopes": scopes, "commands": [{"title": t, "description": d} for t, d in COMMANDS]}
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [domain],
    }


def build_zip(*, app_id: str, domain: str, version: str, organisation: str) -> bytes:
    document = manifest(app_id=app_id, domain=domain, version=version, organisation=organisation)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # Teams wants the three files at the root of the zip, not in a folder.
        archive.writestr("manifest.json", json.dumps(document, indent=2))
        archive.writestr("color.png", color_icon())
        archive.writestr("outline.png", outline_icon())
    return buffer.getvalue()
