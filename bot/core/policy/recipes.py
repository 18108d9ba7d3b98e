"""Each learned head's recipe: the rows it learns from (which public sets and how each row
teaches it), the rows borrowed to show everyday text, and the share of "leave" rows its
threshold may flag. `training` fits the heads from these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.models import Route, Tier
from bot.core.policy import data
from bot.core.policy.data import Row
from bot.core.policy.identity_terms import training_comments
from bot.core.policy.rules import HEALTH_CLAIM_TOPIC

DESK_BUDGET = 0.02  # the criticism goal: at most 2% of the desk's own kind of comment flagged


Teach = Callable[[Row], int | None]  # a row's label for this head, or None: not learned from
# Rows borrowed from another head's set, to show what everyday text looks like, count for less.
BORROWED = 0.25


@dataclass(frozen=True, slots=True)
class Recipe:
    name: str
    tier: Tier | None  # None for a route head
    rule: str
    category: str
    budget: float  # share of a public source's "leave" rows the threshold may flag
    sources: tuple[tuple[Callable[[Path], list[Row]], Teach], ...]
    borrowed: tuple[Callable[[Path], list[Row]], ...] = ()  # every row teaches "leave", at BORROWED
    gate: str | None = None
    route: Route | None = None  # a route head names this route; it never sets a tier
    desk_budget: float = DESK_BUDGET  # share of the desk's own "leave" rows the threshold may flag


def flagged_if(kind: str) -> Teach:
    """Rows of this kind teach a flag, Tier 3 rows teach none; other flagged kinds are not used."""

    def teach(row: Row) -> int | None:
        if row.kind == kind:
            return 1
        return 0 if row.tier == 3 else None

    return teach


def _routed_if(route: Route) -> Teach:
    """Rows whose routes were written down teach whether they take this route; others, nothing."""

    def teach(row: Row) -> int | None:
        if not row.routes_known:
            return None
        return 1 if route in row.routes else 0

    return teach


def _davidson_abuse(row: Row) -> int | None:
    # Davidson's "offensive language" class is mostly swearing at nobody in particular, which the
    # policy leaves up; learned from, it taught that swearing is abuse. Hate and "neither" teach.
    if row.group == "1":
        return None
    return 1 if row.group == "0" else 0


def _identity(_root: Path) -> list[Row]:
    return [Row(c.text, 3, "", "identity") for c in training_comments()]


def _true_claims(_root: Path) -> list[Row]:
    return data.true_health_claims()


def _nhs(_root: Path) -> list[Row]:
    return data.nhs()


RECIPES: dict[str, Recipe] = {
    "abuse": Recipe(
        "abuse",
        Tier.HARMFUL,
        "model.abuse",
        "abusive or hateful language aimed at people",
        0.035,
        (
            (data.davidson, _davidson_abuse),
            (data.toxigen, flagged_if("abuse")),
            (_nhs, flagged_if("abuse")),
            (_identity, flagged_if("abuse")),
        ),
    ),
    "spam": Recipe(
        "spam",
        Tier.MISINFORMATION_OR_SPAM,
        "model.spam",
        "spam or self-promotion",
        0.02,
        ((data.youtube, flagged_if("spam")), (_nhs, flagged_if("spam"))),
        # YouTube spam is mostly links and handles, so alone it learned that any link is spam:
        # tweets and news claims, full of both, teach what ordinary posts with links look like.
        borrowed=(data.davidson, data.covid_rumours),
    ),
    # It speaks only about comments naming a health topic (the gate): the rumour set's claims are
    # all about COVID-19, and a head that learned from them read any claim as a rumour.
    "misinformation": Recipe(
        "misinformation",
        Tier.MISINFORMATION_OR_SPAM,
        "model.misinformation",
        "likely health misinformation",
        0.05,
        (
            (data.covid_rumours, flagged_if("misinformation")),
            (_true_claims, flagged_if("misinformation")),
            (_nhs, flagged_if("misinformation")),
        ),
        gate=HEALTH_CLAIM_TOPIC.pattern,
    ),
    # Route heads learn from the NHS-style comments whose routes were written down; tweets and
    # news claims, which ask nothing of the desk, show what ordinary posts look like.
    **{
        route.value: Recipe(
            route.value,
            None,
            f"model.{route.value}",
            category,
            0.01,
            ((_nhs, _routed_if(route)),),
            borrowed=(data.davidson, data.covid_rumours),
            route=route,
            desk_budget=desk_budget,
        )
        # A risk to life pages the on-call manager out of hours: its head may wake them for at
        # most one in two hundred of the desk's ordinary comments.
        for route, category, desk_budget in (
            (Route.SAFETY_RISK, "a possible risk to someone's life or safety", 0.005),
            (Route.MEDICAL_QUESTION, "a medical question for a clinician to answer", 0.01),
            (Route.COMPLAINT_OR_LEGAL, "a complaint or a legal matter", 0.01),
        )
    },
}
