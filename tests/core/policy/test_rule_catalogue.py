"""Generated from the rule catalogue (`bot/core/policy/rules/catalogue.yml`): every rule has an entry
naming its policy clause, flags each of its examples and leaves each of its counter-examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.policy import PolicyEngine
from bot.core.policy.rules import RULES
from bot.core.policy.rules.catalogue import load_catalogue

CATALOGUE = load_catalogue()
RULES_ONLY = PolicyEngine()  # no learned heads: each verdict is the rules' own
MINIMUM = 3


def _cases(field: str) -> list[pytest.ParameterSet]:
    return [
        pytest.param(rule, text, id=f"{rule}-{index}")
        for rule, entry in CATALOGUE.items()
        for index, text in enumerate(getattr(entry, field))
    ]


def test_every_rule_has_an_entry_and_every_entry_a_rule() -> None:
    assert list(CATALOGUE) == [rule.id for rule in RULES]


@pytest.mark.parametrize("rule", [rule.id for rule in RULES])
def test_each_entry_names_its_policy_clause_and_enough_examples_both_ways(rule: str) -> None:
    entry = CATALOGUE[rule]
    assert entry.policy.startswith(("MSE", "SSOT")), entry.policy
    assert len(entry.examples) >= MINIMUM and len(entry.counter_examples) >= MINIMUM
    assert not set(entry.examples) & set(entry.counter_examples)


@pytest.mark.parametrize(("rule", "text"), _cases("examples"))
def test_a_rule_flags_its_examples(rule: str, text: str) -> None:
    reasons = [reason.rule for reason in RULES_ONLY.classify(text).reasons]
    assert rule in reasons, f"{rule} did not fire; reasons: {reasons}"


@pytest.mark.parametrize(("rule", "text"), _cases("counter_examples"))
def test_a_rule_leaves_its_counter_examples(rule: str, text: str) -> None:
    assert rule not in [reason.rule for reason in RULES_ONLY.classify(text).reasons]


def test_a_malformed_catalogue_is_refused_with_the_entry_named(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yml"
    bad.write_text("threat.violence:\n  policy: MSE\n  examples: one\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"threat\.violence needs lists"):
        load_catalogue(bad)
