"""What a rule is, and the two helpers every rule file writes patterns with."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.models import Route, Tier


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern[str]
    tier: Tier | None = None
    route: Route | None = None
    urgent: bool = False
    folded: bool = False  # match against text with disguises undone (abuse terms), not plain text


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _lookbehinds(phrases: Iterable[str], sign: str) -> list[str]:
    """One fixed-width lookbehind per phrase and a space after it, `(?<=…)` for sign "=" and
    `(?<!…)` for "!"; the phrase's words one space apart (Python allows no variable-width one)."""
    spaced = (r"\s".join(map(re.escape, phrase.split())) for phrase in phrases)
    return [rf"(?<{sign}\b{phrase}\s)" for phrase in spaced]
