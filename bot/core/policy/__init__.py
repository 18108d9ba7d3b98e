"""The policy engine: tiers (MSE Appendix C; SSOT 5.1) and special routes, with reasons."""

from __future__ import annotations

import functools
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
    if learned and models is not None and not models.is_dir():
        raise ValueError(f"MODBOT_MODELS={models} is not a directory")
    return _engine(tuple(staff_names), models, learned, tuple(trusted_sites), tuple(service_topics))


@functools.lru_cache(maxsize=16)
def _engine(
    staff_names: tuple[str, ...],
    models: Path | None,
    learned: bool,
    trusted_sites: tuple[str, ...],
    service_topics: tuple[str, ...],
) -> PolicyEngine:
    """Built once per process for the same inputs: compiling the rules and reading the heads take
    seconds, and an engine never changes once built (`classify` is pure), so every runtime in a
    process (a test run builds hundreds) can share it. Heads are read when first built."""
    model = LearnedHeads.load(SHIPPED_MODELS, *([models] if models is not None else [])) if learned else None
    return PolicyEngine(
        staff_names=staff_names, model=model, trusted_sites=trusted_sites, service_topics=service_topics
    )


__all__ = ["LearnedHeads", "PolicyEngine", "build_engine", "find_personal_data", "nhs_number_is_valid"]
