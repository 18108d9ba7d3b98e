"""What the bot answers Teams' invokes with, in the documented JSON shapes: a card that replaces
the clicker's copy, a message shown to them, and dialogs (task modules). The SDK's models are not
used for these: its AdaptiveCardInvokeResponse cannot carry a text value."""

from __future__ import annotations

from typing import Any

CARD = "application/vnd.microsoft.card.adaptive"
NOTE_ID = "modbot-note"
MESSAGE = "application/vnd.microsoft.activity.message"

Answer = dict[str, Any]


def card_answer(card: dict[str, Any]) -> Answer:
    """Replaces the clicker's card in place."""
    return {"statusCode": 200, "type": CARD, "value": card}


def message_answer(text: str) -> Answer:
    """Shown to the clicker; the card stays as it is."""
    return {"statusCode": 200, "type": MESSAGE, "value": text}


def add_note(card: dict[str, Any], text: str, *, color: str) -> None:
    """A note at the top of the clicker's copy of a card (what `note_of` reads back)."""
    card["body"].insert(0, {"type": "TextBlock", "text": text, "wrap": True, "color": color, "id": NOTE_ID})


def note_of(card: Any) -> str:
    """The note a refreshed card carries for the clicker, if any."""
    if isinstance(card, dict) and card.get("body") and card["body"][0].get("id") == NOTE_ID:
        return str(card["body"][0]["text"])
    return ""


def json_object(value: Any) -> dict[str, Any]:
    """A JSON object from an activity's value, or an empty one where it is something else."""
    return value if isinstance(value, dict) else {}


def dialog(title: str, card: dict[str, Any]) -> Answer:
    """A dialog (task module) showing a card, as the documented `task/fetch` answer."""
    info = {
        "title": title,
        "height": "large",
        "width": "medium",
        "card": {"contentType": CARD, "content": card},
    }
    return {"task": {"type": "continue", "value": info}}


def dialog_message(text: str) -> Answer:
    return {"task": {"type": "message", "value": text}}
