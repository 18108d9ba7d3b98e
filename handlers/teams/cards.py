"""A case as an Adaptive Card (version 1.5) for Teams: the same CaseCard the Slack blocks render.

Buttons are `Action.Execute` (Universal Actions: the click arrives as an `adaptiveCard/action`
invoke and the answer replaces the card in place) with an `Action.Submit` fallback for clients
older than 1.4. Both carry the same versioned CardAction payload Slack buttons carry, so one
parser serves both. Adaptive Cards have no confirm dialog, so a button that needs confirmation
(Delete, a ban, a reply that goes out) opens an `Action.ShowCard` holding the warning and the
real button: two deliberate clicks, as Slack's confirm gives.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.core.models import Decision
from bot.core.moderation.card_action import CardAction
from bot.core.moderation.views import CardButton, CaseCard

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERB_PREFIX = "modbot."

_TIER_STYLE = {1: "attention", 2: "warning", 3: "good"}
# Teams refuses a message over about 28 KB; the comment is the only unbounded part of a card.
MAX_TEXT = 4000


def _data(card: CaseCard, button: CardButton) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CardAction(case_id=card.case_id, action=button.decision).encode())
    return data


def _execute(card: CaseCard, button: CardButton, title: str | None = None) -> dict[str, Any]:
    data = _data(card, button)
    action: dict[str, Any] = {
        "type": "Action.Execute",
        "title": title or button.label,
        "verb": VERB_PREFIX + button.decision.value,
        "data": data,
        "fallback": {"type": "Action.Submit", "title": title or button.label, "data": data},
    }
    if button.style == "danger":
        action["style"] = "destructive"
    elif button.style == "primary":
        action["style"] = "positive"
    return action


THEME_INPUT = "theme"


def show_card(title: str, body: list[dict[str, Any]], action: dict[str, Any]) -> dict[str, Any]:
    """A button that unfolds a small card (a warning, an input) holding the real button: Adaptive
    Cards' way to ask before acting."""
    return {
        "type": "Action.ShowCard",
        "title": title,
        "card": {"type": "AdaptiveCard", "body": body, "actions": [action]},
    }


def _action(card: CaseCard, button: CardButton) -> dict[str, Any]:
    if button.decision is Decision.LEAVE:
        # As Slack's Leave modal: an optional theme for the handover digest, then Leave.
        theme = {
            "type": "Input.Text",
            "id": THEME_INPUT,
            "label": "Theme (optional): what is this comment about?",
            "placeholder": "e.g. waiting times",
            "maxLength": 80,
        }
        return show_card(button.label, [theme], _execute(card, button, "Leave it up"))
    if button.confirm is None:
        return _execute(card, button)
    confirm = button.confirm
    warning = [text_block(confirm.title, weight="Bolder"), text_block(confirm.text)]
    return show_card(button.label, warning, _execute(card, button, confirm.confirm))


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!>|~])")


def escape(text: str) -> str:
    """Teams renders markdown in a TextBlock: a commenter's text must not become a link or
    formatting, so every markdown character is escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def _quote(text: str) -> str:
    if not text:
        return "(no text)"
    if len(text) > MAX_TEXT:
        return f"“{escape(text[:MAX_TEXT])}…” (cut; open the comment for the rest)"
    return f"“{escape(text)}”"


def text_block(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A message card (version 1.5) around a body and its buttons."""
    card: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": "1.5", "body": body}
    if actions:
        card["actions"] = actions
    return card


def wide_card(body: list[dict[str, Any]], actions: list[dict[str, Any]]) -> dict[str, Any]:
    """A desk card (case or surge) at the channel's full width, its buttons always listed."""
    return {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": "1.5",
        "msteams": {"width": "Full"},
        "body": body,
        "actions": actions,
    }


_text = text_block


def case_card(card: CaseCard, *, refresh: dict[str, Any] | None = None) -> dict[str, Any]:
    """The Adaptive Card for one case, in the state it is in now; `refresh` (Universal Actions)
    makes Teams ask for it afresh when the people it names open the channel."""
    facts = [
        {"title": "Platform", "value": f"{card.platform} · {card.kind}"},
        {"title": "Account", "value": card.account or "—"},
        {"title": "Author", "value": escape(card.author)},
    ]
    if card.routes:
        facts.append({"title": "Routes", "value": ", ".join(card.routes)})
    if card.due:
        facts.append({"title": "Clock", "value": card.due})
    body: list[dict[str, Any]] = [
        {
            "type": "Container",
            "style": _TIER_STYLE.get(card.tier, "default"),
            "items": [_text(card.headline, weight="Bolder", size="Medium")],
        },
        _text(_quote(card.text)),
        {"type": "FactSet", "facts": facts},
    ]
    if card.reasons:
        body.append(
            _text(
                "Why: " + "; ".join(f"{r.category}: “{escape(r.matched)}”" for r in card.reasons),
                isSubtle=True,
            )
        )
    body.append(_text(card.suggestion))
    for note in card.notes:
        body.append(_text(note, isSubtle=True))
    if card.error:
        body.append(_text(f"Error: {card.error}", color="Attention"))
    if card.follow_up:
        body.append(_text(card.follow_up))
    body.append(_text(card.status_line, weight="Bolder"))
    links = [
        {"type": "Action.OpenUrl", "title": title, "url": url}
        for title, url in (("Open comment", card.comment_url), ("Open post", card.post_url))
        if url
    ]
    rendered = wide_card(body, [_action(card, b) for b in card.buttons] + links)
    if refresh is not None:
        rendered["refresh"] = refresh
    return rendered
