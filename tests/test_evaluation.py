"""The evaluation and classify commands, on small labelled CSVs written here (no dataset text)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.evaluation import Example, evaluate, load_labelled_csv
from bot.core.policy import PolicyEngine


def test_scores_and_confusion_are_computed_per_tier() -> None:
    examples = [
        Example("You are a useless idiot", 1),  # caught
        Example("a gentle remark", 1),  # missed
        Example("Thanks for the update", 3),
        Example("You are a clown", 3),  # wrongly flagged
    ]
    result = evaluate("tiny", examples, PolicyEngine())
    assert result.tiers_covered == (1, 3)
    assert result.confusion[1] == {1: 1, 2: 0, 3: 1} and result.confusion[3] == {1: 1, 2: 0, 3: 1}
    [tier1] = result.scores
    assert (tier1.precision, tier1.recall, tier1.support) == (0.5, 0.5, 2)
    assert tier1.f1 == pytest.approx(0.5)
    assert result.tier3_false_flag_rate == 0.5


def test_labelled_csv_must_have_text_and_label(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("comment,tier\nx,1\n")
    with pytest.raises(ValueError, match="'text' and 'label'"):
        load_labelled_csv(bad)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("text,label\nx,7\n")
    with pytest.raises(ValueError, match="line 2"):
        load_labelled_csv(wrong)


def test_eval_and_classify_commands(tmp_path: Path) -> None:
    labelled = tmp_path / "history.csv"
    with labelled.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows(
            [("text", "label"), ("You are scum", 1), ("Vaccines cause autism", 2), ("Lovely clinic", 3)]
        )
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "eval", str(labelled), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    [summary] = json.loads(result.stdout)
    assert summary["examples"] == 3 and summary["tier3_false_flag_rate"] == 0.0
    assert {s["tier"]: s["f1"] for s in summary["scores"]} == {1: 1.0, 2: 1.0}

    out = tmp_path / "out.csv"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "classify", str(labelled), str(out)],
        check=True,
        capture_output=True,
    )
    rows = list(csv.DictReader(out.open()))
    assert [r["tier"] for r in rows] == ["1", "2", "3"]
    assert "personal attack" in rows[0]["reasons"] and rows[1]["route"] == ""
