"""The rule catalogue (`catalogue.yml`): for each rule, the policy clause it implements, comments it
must flag and comments it must leave. The tests are generated from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

CATALOGUE = Path(__file__).with_name("catalogue.yml")


@dataclass(frozen=True, slots=True)
class Entry:
    rule: str
    policy: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


def load_catalogue(path: Path = CATALOGUE) -> dict[str, Entry]:
    """Every entry by rule id. Raises ValueError naming the entry that is not well formed."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{path.name}: expected a mapping of rule ids to entries")
    entries = {}
    for rule, entry in loaded.items():
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(key), list) for key in ("examples", "counter_examples")
        ):
            raise ValueError(f"{path.name}: {rule} needs lists of examples and counter_examples")
        entries[rule] = Entry(
            rule,
            str(entry.get("policy") or ""),
            tuple(map(str, entry["examples"])),
            tuple(map(str, entry["counter_examples"])),
        )
    return entries
