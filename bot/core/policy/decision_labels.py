"""The organisation's own decisions as labels: Hide or Delete confirms a flag, Leave says the
comment should have stayed up. `modbot eval --from-decisions` scores on them and
`modbot export-labels` writes them out for review, and `modbot train --labels` learns from them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from bot.core.models import Route

_REMOVED = ("hidden", "deleted")
# Which learned head a flag speaks for, by the family of the rule or head that raised it. Flags
# no head judges (a named member of staff, personal data, a route) teach no head.
_TIER_HEADS = frozenset({"abuse", "spam", "misinformation"})
_HEAD_OF_FAMILY = {
    "abuse": "abuse",
    "hate": "abuse",
    "threat": "abuse",
    "spam": "spam",
    "misinformation": "misinformation",
}


class DecisionLabel(NamedTuple):
    case_id: int
    text: str
    label: int  # the tier the comment should have had: the classifier's if removed, 3 if left
    classifier_tier: int
    decision: str
    signal: str  # the head the flag speaks for (abuse, spam, misinformation), or ""


def signal_of(rules: Iterable[str], tier: int) -> str:
    """The learned head a flag of `tier` speaks for, read from the rules and heads that raised it."""
    for rule in rules:
        family, _, rest = rule.partition(".")
        head = rest if family == "model" else _HEAD_OF_FAMILY.get(family, "")
        # (Route heads, model.safety_risk and the like, speak for no tier.)
        if head in _TIER_HEADS and (tier == 1) == (head == "abuse"):
            return head
    return ""


def decision_labels(session: Any) -> list[DecisionLabel]:
    """Every settled moderator decision as a label.

    Hide/Delete confirms the flag (label = the tier the classifier gave); Leave says it should
    have been left up (label 3). Routed and handled cases carry no tier judgement and are skipped,
    and so are comments that shared personal details: labels are written out and learned from,
    and those details are only for the department they are passed to (MSE 6.5.2).
    """
    from sqlmodel import col, select

    from bot.store.tables import Case, Comment

    rows = [
        (case, text, reasons)
        for case, text, reasons, routes in session.exec(
            select(Case, Comment.text, Comment.reasons, Comment.routes)
            .join(Comment, col(Comment.id) == col(Case.comment_id))
            .where(col(Case.status).in_([*_REMOVED, "left"]), col(Comment.text) != "")
            .order_by(col(Case.id))
        ).all()
        if Route.PERSONAL_DATA.value not in (routes or ())
    ]
    return [
        DecisionLabel(
            int(case.id),
            str(text),
            int(case.tier) if case.status in _REMOVED else 3,
            int(case.tier),
            str(case.decided_action or case.status),
            signal_of((str(r.get("rule", "")) for r in reasons or ()), int(case.tier)),
        )
        for case, text, reasons in rows
    ]
