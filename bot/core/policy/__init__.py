"""The policy engine: tiers (MSE Appendix C; SSOT 5.1) and special routes, with reasons."""

from bot.core.policy.engine import PolicyEngine
from bot.core.policy.personal_data import find_personal_data, nhs_number_is_valid

__all__ = ["PolicyEngine", "find_personal_data", "nhs_number_is_valid"]
