"""A surge's card as an Adaptive Card: the SurgeCard Slack's blocks render, for Teams.

"Hide all" unfolds a warning with the real button (Adaptive Cards have no confirm dialog), as the
case cards' Delete does. The click answers with the card as it now stands, in place.
"""

from __future__ import annotations

from typing import Any

from bot.core.errors import InvalidPayload
from bot.core.moderation.surge_views import SurgeButton, SurgeCard
from handlers.teams.cards import escape, show_card, text_block, wide_card

SURGE_VERB_PREFIX = "modbot-surge."


def surge_data(surge_id: int) -> dict[str, Any]:
    return {"v": 1, "surge_id": surge_id}


def read_surge_data(data: dict[str, Any]) -> int:
    if data.get("v") != 1 or not str(data.get("surge_id", "")).isdigit():
        raise InvalidPayload("This button's data could not be read.")
    return int(data["surge_id"])


def _execute(card: SurgeCard, button: SurgeButton, title: str) -> dict[str, Any]:
    data = surge_data(card.surge_id)
    action: dict[str, Any] = {
        "type": "Action.Execute",
        "title": title,
        "verb": SURGE_VERB_PREFIX + button.action,
        "data": data,
        "fallback": {
            "type": "Action.Submit",
            "title": title,
            "data": {**data, "verb": SURGE_VERB_PREFIX + button.action},
        },
    }
    if button.style == "danger":
        action["style"] = "destructive"
    return action


def _action(card: SurgeCard, button: SurgeButton) -> dict[str, Any]:
    if button.confirm is None:
        return _execute(card, button, button.label)
    warning = [text_block(button.confirm.title, weight="Bolder"), text_block(button.confirm.text)]
    return show_card(button.label, warning, _execute(card, button, button.confirm.confirm))


def _counted(pairs: tuple[tuple[str, int], ...]) -> str:
    return " · ".join(f"{label} ×{n}" for label, n in pairs)


def surge_card(card: SurgeCard) -> dict[str, Any]:
    facts = [
        {"title": "Platform", "value": card.platform},
        {"title": "Account", "value": card.account or "—"},
        {"title": "What", "value": _counted(card.tiers)},
        {"title": "Where they stand", "value": _counted(card.counts)},
    ]
    if card.reasons:
        facts.insert(3, {"title": "Commonest reasons", "value": _counted(card.reasons)})
    body: list[dict[str, Any]] = [
        {
            "type": "Container",
            "style": "warning",
            "items": [text_block(card.headline, weight="Bolder", size="Medium")],
        },
        {"type": "FactSet", "facts": facts},
    ]
    if card.latest:
        body.append(text_block("Latest", weight="Bolder"))
        body += [
            text_block(f"{escape(c.author)} ({c.status}): “{escape(c.excerpt)}”", isSubtle=True)
            for c in card.latest
        ]
    body.append(text_block(card.status_line, weight="Bolder"))
    body += [text_block(note, isSubtle=True) for note in card.notes]
    actions = [_action(card, b) for b in card.buttons]
    if card.post_url:
        actions.append({"type": "Action.OpenUrl", "title": "Open post", "url": card.post_url})
    return wide_card(body, actions)
