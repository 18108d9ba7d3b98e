"""The rules: lexicons and patterns for the policy's categories, one file per family.

Each rule names the policy category it implements, in the words of MSE Appendix B/C and SSOT 5.1,
so a card can say why it fired. Patterns run over lower-cased text; rules marked `folded` run over
it with disguises such as "1d10t", "c*nt" and "c u n t" undone (`disguises.py`). The order of
`RULES` is the order a card lists its reasons in.
"""

from __future__ import annotations

from bot.core.policy.rules.abuse import ABUSE
from bot.core.policy.rules.base import Rule
from bot.core.policy.rules.hate import HATE
from bot.core.policy.rules.phrasing import HOME_REMEDY
from bot.core.policy.rules.routes import SAFETY_AND_ROUTES
from bot.core.policy.rules.spam_and_myths import HEALTH_CLAIM_TOPIC, MISINFORMATION_AND_SPAM, SERVICE_TOPIC
from bot.core.policy.rules.threats import THREATS

RULES: tuple[Rule, ...] = (*THREATS, *HATE, *ABUSE, *MISINFORMATION_AND_SPAM, *SAFETY_AND_ROUTES)

__all__ = ["HEALTH_CLAIM_TOPIC", "HOME_REMEDY", "RULES", "SERVICE_TOPIC", "Rule"]
