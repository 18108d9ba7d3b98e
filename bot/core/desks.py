"""How the core knows a configured chat desk: a name and a pacing lane (nothing of Slack or Teams)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DeskTarget:
    """A configured chat desk, as the core needs to know it: a name and a pacing lane."""

    name: str
    lane: str
