"""Signals that need an author's recent history, not just the text (MSE Appendix B):

- "Repetitive negative messages which aim to provoke a response or do not constructively add to
  the conversation", and "continued spamming of messages from an individual" (MSE Appendix C):
  the same message from one author again and again;
- "High volumes of overly long messages which could constitute as spamming".

Pure functions over the texts one author sent recently; `incoming.ingest` fetches that history for
a whole delivery in one query.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from bot.core.models import Classification, Reason, Tier

WINDOW = timedelta(hours=24)
REPEATS_TO_FLAG = 3  # the third copy of the same message from one author in the window
LONG_MESSAGE_CHARS = 1500
LONG_MESSAGES_TO_FLAG = 3  # the third overly long message from one author in the window

_NOT_WORD = re.compile(r"[\W_]+")


def fingerprint(text: str) -> str:
    """The message with case, spacing, punctuation and emoji ignored: copies match."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def author_reasons(text: str, earlier: Sequence[str]) -> list[Reason]:
    """Reasons to flag `text` given what the same author sent earlier in the window."""
    reasons: list[Reason] = []
    mark = fingerprint(text)
    if mark:
        copies = 1 + sum(1 for other in earlier if fingerprint(other) == mark)
        if copies >= REPEATS_TO_FLAG:
            reasons.append(
                Reason(
                    "behaviour.repetition",
                    f"repetitive messages from one author ({copies} copies in 24 hours)",
                    text[:80],
                    0,
                    min(len(text), 80),
                )
            )
    if len(text) >= LONG_MESSAGE_CHARS:
        long_ones = 1 + sum(1 for other in earlier if len(other) >= LONG_MESSAGE_CHARS)
        if long_ones >= LONG_MESSAGES_TO_FLAG:
            reasons.append(
                Reason(
                    "behaviour.long_messages",
                    f"high volume of overly long messages ({long_ones} in 24 hours)",
                    text[:80],
                    0,
                    min(len(text), 80),
                )
            )
    return reasons


def with_author_history(verdict: Classification, text: str, earlier: Sequence[str]) -> Classification:
    """The verdict with behaviour signals added: they make an item Tier 2 (spam) at least."""
    extra = author_reasons(text, earlier)
    if not extra:
        return verdict
    return replace(
        verdict,
        tier=min(verdict.tier, Tier.MISINFORMATION_OR_SPAM),
        reasons=(*verdict.reasons, *extra),
    )
