"""Sorts a comment into the policy's tiers and special routes, with reasons that point at text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.core.models import Classification, Reason, Route, Tier
from bot.core.policy.personal_data import find_personal_data
from bot.core.policy.rules import RULES, Rule, fold_leet

_EXCERPT_MAX = 80


def _staff_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    cleaned = sorted({n.strip().lower() for n in names if n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    alternation = "|".join(r"\s+".join(map(re.escape, n.split())) for n in cleaned)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


class PolicyEngine:
    """Compiled once per policy profile; `classify` is pure and thread-safe."""

    def __init__(self, *, staff_names: Sequence[str] = (), rules: Sequence[Rule] = RULES) -> None:
        self._rules = tuple(rules)
        self._staff = _staff_pattern(staff_names)

    def classify(self, text: str) -> Classification:
        lowered = text.lower()
        folded = fold_leet(lowered)
        reasons: list[Reason] = []
        tiers: list[Tier] = []
        routes: dict[Route, None] = {}
        urgent = False

        def hit(rule_id: str, category: str, start: int, end: int) -> None:
            reasons.append(Reason(rule_id, category, text[start:end][:_EXCERPT_MAX], start, end))

        for rule in self._rules:
            match = rule.pattern.search(folded if rule.folded else lowered)
            if match is None:
                continue
            hit(rule.id, rule.category, *match.span())
            if rule.tier is not None:
                tiers.append(rule.tier)
            if rule.route is not None:
                routes[rule.route] = None
            urgent = urgent or rule.urgent

        if self._staff is not None:
            match = self._staff.search(lowered)
            if match is not None:
                # MSE Appendix B/C: naming staff opens them up to abuse and trolling: Tier 1.
                hit("staff.named", "names a member of staff", *match.span())
                tiers.append(Tier.HARMFUL)
                routes[Route.NAMED_STAFF] = None

        for start, end, kind in find_personal_data(text):
            hit(
                f"personal_data.{kind.lower().replace(' ', '_').replace('-', '')}",
                f"personal data: {kind}",
                start,
                end,
            )
            routes[Route.PERSONAL_DATA] = None

        tier = min(tiers) if tiers else Tier.LEAVE
        return Classification(tier=tier, routes=tuple(routes), reasons=tuple(reasons), urgent=urgent)
