"""The policy engine: tiers (MSE Appendix C; SSOT 5.1) and special routes, with reasons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.core.policy.engine import PolicyEngine
from bot.core.policy.heads import SHIPPED_MODELS, LearnedHeads
from bot.core.policy.personal_data import find_personal_data, nhs_number_is_valid


def build_engine(
    staff_names: Sequence[str],
    *,
    models: Path | None = None,
    learned: bool = True,
    trusted_sites: Sequence[str] = (),
    service_topics: Sequence[str] = (),
) -> PolicyEngine:
    """Rules plus the shipped learned heads, plus any the organisation trained itself."""
    model = None
    if learned:
        if models is not None and not models.is_dir():
            raise ValueError(f"MODBOT_MODELS={models} is not a directory")
        model = LearnedHeads.load(SHIPPED_MODELS, *([models] if models is not None else []))
    return PolicyEngine(
        staff_names=staff_names, model=model, trusted_sites=trusted_sites, service_topics=service_topics
    )


__all__ = ["LearnedHeads", "PolicyEngine", "build_engine", "find_personal_data", "nhs_number_is_valid"]
