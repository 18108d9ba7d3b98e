"""The policy engine: tiers (MSE Appendix C; SSOT 5.1) and special routes, with reasons."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.core.policy.engine import PolicyEngine
from bot.core.policy.learned import SHIPPED_MODELS, LearnedModel
from bot.core.policy.personal_data import find_personal_data, nhs_number_is_valid


def build_engine(
    staff_names: Sequence[str],
    *,
    models: Path | None = None,
    learned: bool = True,
    trusted_sites: Sequence[str] = (),
) -> PolicyEngine:
    """Rules plus the shipped learned heads, plus any the organisation trained itself."""
    if not learned:
        return PolicyEngine(staff_names=staff_names, trusted_sites=trusted_sites)
    if models is not None and not models.is_dir():
        raise ValueError(f"MODBOT_MODELS={models} is not a directory")
    directories = [SHIPPED_MODELS] + ([models] if models is not None else [])
    return PolicyEngine(
        staff_names=staff_names, model=LearnedModel.load(*directories), trusted_sites=trusted_sites
    )


__all__ = ["LearnedModel", "PolicyEngine", "build_engine", "find_personal_data", "nhs_number_is_valid"]
