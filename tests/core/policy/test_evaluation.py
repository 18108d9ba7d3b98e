"""The evaluation and classify commands, on small labelled CSVs written here (no dataset text)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.policy import PolicyEngine
from bot.core.policy.evaluation import Example, evaluate, load_labelled_csv
from bot.store.db import Database


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


def test_eval_reports_each_value_of_a_column_on_its_own(tmp_path: Path) -> None:
    labelled = tmp_path / "suite.csv"
    with labelled.open("w", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ("text", "label", "kind"),
                ("You are scum", 1, "insult"),
                ("a gentle remark", 1, "insult"),
                ("Lovely clinic", 3, "praise"),
                ("You are a clown", 3, "praise"),
            ]
        )
    command = [sys.executable, "-m", "bot.cli", "eval", str(labelled), "--by", "kind"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "suite.csv by kind:" in text
    assert [line.split() for line in text.splitlines() if line.startswith("  insult")] == [
        ["insult", "50.0%", "of", "2"]
    ]
    summary = json.loads(
        subprocess.run([*command, "--json"], capture_output=True, text=True, check=True).stdout
    )
    whole, by_kind = summary
    assert whole["examples"] == 4
    assert by_kind["by"] == "kind"
    assert [(g["value"], g["caught"], g["wrongly_flagged"]) for g in by_kind["groups"]] == [
        ("insult", 0.5, None),
        ("praise", None, 0.5),
    ]
    missing = subprocess.run([*command[:-1], "platform"], capture_output=True, text=True)
    assert missing.returncode != 0 and "no column 'platform'" in missing.stderr


def test_development_sets_score_only_rows_the_heads_never_learned_from() -> None:
    from bot.core.policy import data
    from bot.core.policy.evaluation import development_sets

    sets = dict(development_sets())
    hatecheck = sets["hatecheck functional tests, never learned from (hateful vs not)"]
    assert len(hatecheck) == len(data.hatecheck()) and {e.label for e in hatecheck} == {1, 3}
    learned = {r.text for r in data.youtube() if not r.held_out}
    scored = {e.text for e in sets["youtube-spam held-out fifth (spam vs ham)"]}
    assert scored and not scored & learned
    nhs = sets["nhs-style comments, held-out part (written for it)"]
    assert nhs and not {e.text for e in nhs} & {r.text for r in data.nhs() if not r.held_out}


@pytest.mark.parametrize(
    ("rules", "tier", "head"),
    [
        (["staff.named", "abuse.directed_insult"], 1, "abuse"),
        (["threat.violence"], 1, "abuse"),
        (["hate.slur", "model.abuse"], 1, "abuse"),
        (["personal_data.phone_number", "spam.advertising"], 2, "spam"),
        (["model.abuse", "model.misinformation"], 2, "misinformation"),  # the flag that made it Tier 2
        (["staff.named"], 1, ""),  # naming staff is no head's lesson
        (["personal_data.phone_number"], 3, ""),
    ],
)
def test_a_decision_teaches_the_head_its_flag_spoke_for(rules: list[str], tier: int, head: str) -> None:
    from bot.core.policy.decision_labels import signal_of

    assert signal_of(rules, tier) == head


_DECIDED = {
    "a": "You are a useless idiot",  # hidden
    "b": "You are a clown",  # left up
    "c": "Should I take ibuprofen for my fever?",  # a medical question, handled
    "d": "Spam spam, visit my channel for free iphones",  # hidden
    "e": "You are a useless idiot, ring me on 07700 900123",  # hidden: shares a phone number
}


def _settle_decisions(db: Database) -> None:
    """Five comments flagged and decided: Hide, Leave, Mark handled, Hide, Hide."""
    from datetime import UTC, datetime

    from bot.core.delivery.desks import DeskTarget
    from bot.core.models import Actor, Decision, IncomingComment, Platform
    from bot.core.moderation import decisions, incoming
    from bot.core.profile import load_profile

    now = datetime(2026, 11, 23, 10, tzinfo=UTC)
    items = [IncomingComment(platform=Platform.X, external_id=k, text=t) for k, t in _DECIDED.items()]
    opened = db.call(
        lambda s: incoming.ingest(
            session=s,
            items=items,
            engine=PolicyEngine(),
            profile=load_profile(),
            desks=[DeskTarget("slack", "slack:C")],
            now=now,
            source="test",
        )
    ).cases_opened
    chosen = (Decision.HIDE, Decision.LEAVE, Decision.MARK_HANDLED, Decision.HIDE, Decision.HIDE)
    # Not connected to X here: each Hide waits for a moderator to do it by hand, then is done.
    by_hand = [(opened[i], Decision.DONE_BY_HAND) for i in (0, 3, 4)]
    for case_id, decision in [*zip(opened, chosen, strict=True), *by_hand]:
        db.call(
            lambda s, c=case_id, d=decision: decisions.decide(
                session=s,
                case_id=c,
                decision=d,
                actor=Actor("slack", "U1", "sam"),
                now=now,
                connected=frozenset(),
                desks=[],
            )
        )


def test_decisions_say_which_head_their_flag_spoke_for(db: Database) -> None:
    from bot.core.policy.decision_labels import decision_labels

    _settle_decisions(db)
    labels = db.call(decision_labels)
    assert [(row.text, row.label, row.signal, row.decision) for row in labels] == [
        (_DECIDED["a"], 1, "abuse", "hide"),
        (_DECIDED["b"], 3, "abuse", "leave"),
        (_DECIDED["d"], 2, "spam", "hide"),
    ]


def test_moderators_decisions_become_labels(tmp_path: Path) -> None:
    import os

    from bot.store.db import make_engine, migrate

    url = f"sqlite:///{tmp_path / 'labels.db'}"
    engine = make_engine(url)
    migrate(engine)
    db = Database(engine, workers=1)
    _settle_decisions(db)
    db.close()
    env = {**os.environ, "DATABASE_URL": url}
    out = tmp_path / "labels.csv"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "export-labels", str(out)], check=True, capture_output=True, env=env
    )
    rows = list(csv.DictReader(out.open()))
    assert [(r["text"], r["label"], r["signal"], r["decision"]) for r in rows] == [
        (_DECIDED["a"], "1", "abuse", "hide"),  # hidden: the flag was right
        (_DECIDED["b"], "3", "abuse", "leave"),  # left up: the abuse flag should not have been raised
        (_DECIDED["d"], "2", "spam", "hide"),
    ]  # the medical question was handled, not judged: no label; personal details are never written out
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "eval", "--from-decisions", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    [summary] = json.loads(result.stdout)
    assert summary["name"] == "moderators' decisions" and summary["tier3_false_flag_rate"] == 1.0
