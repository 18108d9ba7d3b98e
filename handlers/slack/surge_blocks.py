"""Block Kit rendering of a surge's card: one message for a pile-on under one post."""

from __future__ import annotations

import json

from bot.core.errors import InvalidPayload
from bot.core.moderation.surge_views import SurgeButton, SurgeCard
from handlers.slack.blocks import Block, confirm_dialog, escape, plain
from handlers.slack.ids import SURGE_PREFIX


def surge_value(surge_id: int) -> str:
    return json.dumps({"v": 1, "surge_id": surge_id}, separators=(",", ":"))


def read_surge_value(value: str) -> int:
    try:
        data = json.loads(value)
        if data.get("v") != 1:
            raise ValueError("unknown version")
        return int(data["surge_id"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidPayload("This button's data could not be read.") from exc


def _button(card: SurgeCard, button: SurgeButton) -> Block:
    element: Block = {
        "type": "button",
        "action_id": SURGE_PREFIX + button.action,
        "text": plain(button.label, 75),
        "value": surge_value(card.surge_id),
    }
    if button.style:
        element["style"] = button.style
    if button.confirm is not None:
        element["confirm"] = confirm_dialog(button.confirm)
    return element


def _counted(pairs: tuple[tuple[str, int], ...]) -> str:
    return " · ".join(f"{escape(label)} ×{n}" for label, n in pairs)


def surge_card_blocks(card: SurgeCard) -> tuple[str, list[Block]]:
    """The fallback text and the blocks of a surge card."""
    where = " · ".join(
        part
        for part in (
            f"*{escape(card.platform)}*",
            escape(card.account),
            f"<{escape(card.post_url)}|open post>" if card.post_url else "",
        )
        if part
    )
    facts = [f"*What*\n{_counted(card.tiers)}"]
    if card.reasons:
        facts.append(f"*Commonest reasons*\n{_counted(card.reasons)}")
    facts.append(f"*Where they stand*\n{_counted(card.counts)}")
    latest = "\n".join(
        f"• *{escape(c.author)}* ({escape(c.status)}): “{escape(c.excerpt)}”" for c in card.latest
    )
    blocks: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f":ocean: *{escape(card.headline)}*"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": where}]},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": f[:2000]} for f in facts]},
    ]
    if latest:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*Latest*\n{latest}"[:3000]}})
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"*{escape(card.status_line)}*"}]}
    )
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "\n".join(map(escape, card.notes))}]}
    )
    if card.buttons:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"surge-{card.surge_id}-v{card.version}",
                "elements": [_button(card, b) for b in card.buttons],
            }
        )
    text = f"{card.headline}. {card.status_line}"
    return text[:3000], blocks
