"""Block Kit rendering of the core's view models: pure functions, pinned by snapshot tests."""

from __future__ import annotations

from typing import Any

from bot.core.moderation.card_action import CardAction
from bot.core.moderation.views import CardButton, CaseCard, Confirm
from handlers.slack.ids import ActionId, CallbackId

Block = dict[str, Any]

_TEXT_MAX = 2800  # section text may hold 3000 characters; leave room for the quote marks


def escape(text: str) -> str:
    """Slack mrkdwn escaping: user text can never become a mention, link or markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:limit], "emoji": True}


def _quote(text: str) -> str:
    body = escape(text.strip()) or "(no text)"
    if len(body) > _TEXT_MAX:
        body = body[:_TEXT_MAX] + "…"
    return "\n".join("> " + line for line in body.splitlines() or [""])


def _link(url: str, label: str) -> str:
    return f"<{escape(url)}|{label}>" if url else ""


def _button(card: CaseCard, button: CardButton) -> Block:
    element: Block = {
        "type": "button",
        "action_id": ActionId.for_decision(button.decision).value,
        "text": plain(button.label, 75),
        "value": CardAction(case_id=card.case_id, action=button.decision).encode(),
    }
    if button.style:
        element["style"] = button.style
    if button.confirm is not None:
        element["confirm"] = confirm_dialog(button.confirm)
    return element


def confirm_dialog(confirm: Confirm) -> Block:
    """Slack's own "are you sure?" dialog on a button."""
    return {
        "title": plain(confirm.title, 100),
        "text": {"type": "plain_text", "text": confirm.text[:300]},
        "confirm": plain(confirm.confirm, 30),
        "deny": plain(confirm.deny, 30),
        **({"style": "danger"} if confirm.danger else {}),
    }


def case_card_blocks(card: CaseCard) -> tuple[str, list[Block]]:
    """The fallback text (notifications, screen readers) and the blocks of one case card."""
    icon = (
        ":rotating_light: "
        if card.urgent
        else {1: ":red_circle: ", 2: ":large_orange_circle: "}.get(card.tier, "")
    )
    where = " · ".join(
        part
        for part in (
            f"*{escape(card.platform)}*",
            escape(card.account),
            escape(card.kind),
            f"by *{escape(card.author)}*",
            _link(card.comment_url, "open comment"),
            _link(card.post_url, "open post"),
        )
        if part
    )
    blocks: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"{icon}*{escape(card.headline)}*"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": where}]},
        {"type": "section", "text": {"type": "mrkdwn", "text": _quote(card.text)}},
    ]
    if card.reasons:
        why = "\n".join(f"• {escape(r.category)}: “{escape(r.matched)}”" for r in card.reasons[:8])
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*Why flagged*\n{why}"}})
    blocks.append(
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*Policy says*\n{escape(card.suggestion)}"}}
    )
    status = f"*{escape(card.status_line)}*"
    if card.due:
        status += f"  ·  {escape(card.due)}"
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": status}]})
    if card.error:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": f":warning: {escape(card.error)}"}}
        )
    if card.follow_up:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": escape(card.follow_up)}})
    if card.notes:
        notes = "\n".join(escape(n) for n in card.notes)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": notes}]})
    if card.buttons:
        blocks.append(
            {
                "type": "actions",
                # A new block_id per version: Slack wants them unique per message iteration.
                "block_id": f"case-{card.case_id}-v{card.version}",
                "elements": [_button(card, b) for b in card.buttons],
            }
        )
    text = f"{card.headline} — {card.platform} {card.kind.lower()} by {card.author}. {card.status_line}"
    if card.alert_channel:
        text = "<!here> " + text
    return text[:3000], blocks


def leave_theme_modal(action: CardAction, channel: str) -> Block:
    """Leave asks for an optional theme note (MSE Appendix C: note emerging themes)."""
    return {
        "type": "modal",
        "callback_id": CallbackId.LEAVE_THEME.value,
        "private_metadata": f"{action.encode()}|{channel}",
        "title": plain("Leave this comment up", 24),
        "submit": plain("Leave it up", 24),
        "close": plain("Cancel", 24),
        "blocks": [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "The comment stays up. If it is part of an emerging theme, note it so it can "
                    "inform future content.",
                },
            },
            {
                "type": "input",
                "block_id": "theme",
                "optional": True,
                "label": plain("Theme (optional)", 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "theme_input",
                    "max_length": 200,
                    "placeholder": plain("e.g. parking at the new clinic", 150),
                },
            },
        ],
    }
