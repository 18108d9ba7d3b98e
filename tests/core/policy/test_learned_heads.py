"""The learned heads: what they ship with, how they are trained and read, and what they say.

Figures on whole sets are held in `test_classifier_floors.py`; these are behaviours a person can
check on one comment, and the training and loading machinery.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from skops import io as skops_io

from bot.core.models import Route, Tier
from bot.core.policy import PolicyEngine, build_engine, data
from bot.core.policy.encoder import ENCODER, EncoderError, load_encoder
from bot.core.policy.heads import (
    MANIFEST_FILE,
    MODEL_FILE,
    SHIPPED_MODELS,
    HeadInfo,
    LearnedHeads,
    Token,
    Verdict,
    read_group,
)
from bot.core.policy.training import LICENCES, Sample, choose_threshold

ENGINE = build_engine([])


def test_the_shipped_heads_learned_only_from_data_we_may_ship() -> None:
    manifest = json.loads((SHIPPED_MODELS / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert set(manifest["heads"]) == {
        *("abuse", "spam", "misinformation"),
        *("safety_risk", "medical_question", "complaint_or_legal"),
    }
    for about in manifest["heads"].values():
        for source in about["trained_on"]:
            assert source["licence"] == LICENCES[source["source"]], source
    sources = {s["source"] for about in manifest["heads"].values() for s in about["trained_on"]}
    assert not sources & {"hatecheck", "constraint"}


def test_a_model_file_holding_a_type_modbot_does_not_load_is_refused(tmp_path: Path) -> None:
    shutil.copy(SHIPPED_MODELS / MANIFEST_FILE, tmp_path / MANIFEST_FILE)
    skops_io.dump(
        {"features": Path("/"), "heads": [], "weights": None, "intercepts": None}, tmp_path / MODEL_FILE
    )
    with pytest.raises(ValueError, match="holds types modbot does not load"):
        read_group(tmp_path)


def test_a_changed_encoder_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "encoder"
    shutil.copytree(ENCODER, copy)
    config = copy / "config.json"
    config.write_text(config.read_text(encoding="utf-8").replace("256", "255", 1), encoding="utf-8")
    with pytest.raises(EncoderError, match=r"config\.json is not the shipped file"):
        load_encoder(copy)


def test_held_out_fifth_is_deterministic() -> None:
    rows = data.youtube()
    assert [r.held_out for r in rows] == [data.held_out(r.text) for r in rows]
    assert 0.15 < sum(r.held_out for r in rows) / len(rows) < 0.25


def test_threshold_keeps_every_sources_false_flags_within_budget() -> None:
    # A big borrowed source could hide false flags on the desk's own rows: each source is held
    # to its own budget, and the desk's (NHS-style) rows to 2%.
    batch = [Sample(f"p{i}", 1, "public") for i in range(50)]
    batch += [Sample(f"q{i}", 0, "public") for i in range(950)]
    batch += [Sample(f"n{i}", 0, "nhs") for i in range(100)]
    # The flagged rows score 0.6, like five of the hundred NHS-style rows: 5% is over the desk's 2%,
    # so no threshold that catches them is allowed.
    probabilities = np.array([0.6] * 50 + [0.1] * 950 + [0.6] * 5 + [0.1] * 95)
    assert choose_threshold(probabilities, batch, budget=0.05) > 0.6
    probabilities[1002:1005] = 0.1  # two of the hundred: within budget, and they are caught
    assert choose_threshold(probabilities, batch, budget=0.05) <= 0.6
    probabilities[50:110] = 0.6  # sixty of the public source's 950 (6.3%): over its 5% budget
    assert choose_threshold(probabilities, batch, budget=0.05) > 0.6


def test_a_flag_names_the_head_its_confidence_and_the_words() -> None:
    myths = [r.text for r in data.covid_rumours() if r.held_out and r.tier == 2][:40]
    explained = [
        (text, reason)
        for text, verdict in zip(myths, ENGINE.classify_many(myths), strict=True)
        for reason in verdict.reasons
        if reason.rule == "model.misinformation"
    ]
    assert explained  # the head flags some claims no rule knows
    for text, reason in explained:
        assert "learned model" in reason.category and "sure" in reason.category
        assert text[reason.start : reason.end] == reason.matched and reason.matched.strip()


def test_judging_a_batch_gives_each_comment_what_judging_it_alone_gives() -> None:
    assert ENGINE.model is not None
    texts = [r.text for r in data.nhs() if r.held_out][:120]
    together = ENGINE.model.judge_many(texts)
    alone = [ENGINE.model.judge(text) for text in texts]
    assert [[(v.head.name, v.evidence) for v in vs] for vs in together] == [
        [(v.head.name, v.evidence) for v in vs] for vs in alone
    ]
    assert any(together)


def test_quoting_abuse_to_condemn_it_stays_up() -> None:
    # MSE Appendix B: reasoned discussion is not suppressed; condemning abuse is not abuse.
    for text in (
        "Someone in the queue called the receptionist a stupid cow. Disgusting.",
        "Reading comments calling the nurses lazy idiots makes me sick.",
        "A man was screaming that the paramedics are useless wankers. Shameful.",
        "The receptionist told me I was a stupid cow and I want to complain",
    ):
        assert ENGINE.classify(text).tier is Tier.LEAVE, text
    for text in ("I'm calling you a stupid cow", "You are a stupid cow, I said it and I meant it"):
        assert ENGINE.classify(text).tier is Tier.HARMFUL, text


def test_rejecting_a_false_claim_others_spread_is_not_misinformation() -> None:
    for text in (
        "People posting that vaccines are poison should be ashamed, my mum is alive because of hers.",
        "Anyone who claims the MMR causes autism should check the facts.",
        "Those saying the booster has microchips are talking utter nonsense.",
    ):
        assert ENGINE.classify(text).tier is Tier.LEAVE, text
    for text in (
        "Vaccines are poison.",
        "People are saying vaccines are poison, wake up.",  # nobody rejects it
        "Doctors say the jab has microchips, it's not a myth.",  # spread by a named source
        "They say vaccines are safe. Nonsense, vaccines are poison.",  # the claim is the author's own
    ):
        assert ENGINE.classify(text).tier is Tier.MISINFORMATION_OR_SPAM, text


def test_complaints_and_advice_about_health_topics_stay_up() -> None:
    for text in (
        "The covid vaccine centre was closed again and we waited two hours in the rain.",
        "Is the flu jab safe while breastfeeding? Asking for my daughter.",
        "Masks are still required on the cancer ward, please respect it.",
        "Masks reduce the spread of respiratory viruses",  # accurate advice, in a person's own words
    ):
        assert ENGINE.classify(text).tier is Tier.LEAVE, text


def test_denying_a_known_myth_silences_the_learned_head_too() -> None:
    assert ENGINE.classify("There is no evidence that 5G spreads the virus").tier is Tier.LEAVE
    assert ENGINE.classify("5G spreads the virus, wake up").tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize(
    "text",
    [
        "Staff smoking fags by the maternity entrance again",
        "Nipped out for a fag while mum was in theatre",
        "Faggots and peas for tea on the ward, lovely",
        "Ten years since I gave up the fags, thank you to the stop smoking service",
        "Dad's been back on the fags since his diagnosis",
    ],
)
def test_british_english_for_cigarettes_and_meatballs_is_not_a_slur(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.LEAVE, verdict.reasons


def test_naming_a_protected_group_is_not_read_as_abuse() -> None:
    """Comments naming a group, from templates no head learned from: no group stands out."""
    from bot.core.policy.identity_terms import UNSEEN, measuring_comments

    named = [c for c in measuring_comments() if c.label == 3]
    verdicts = ENGINE.classify_many([c.text for c in named])
    flagged: dict[str, int] = {}
    for comment, verdict in zip(named, verdicts, strict=True):
        if verdict.tier is not Tier.LEAVE:
            flagged[comment.group.adjective] = flagged.get(comment.group.adjective, 0) + 1
    assert sum(flagged.values()) / len(named) <= 0.03
    assert max(flagged.values(), default=0) <= 2
    assert sum(flagged.get(g, 0) for g in UNSEEN) <= 2


# --- Training -----------------------------------------------------------------------------------


def _tiny_datasets(root: Path, rows: int = 150) -> Path:
    """The repository's sets cut to their first rows (the YouTube one whole: the spam lesson),
    in the same layout, so training takes seconds."""
    shutil.copytree(data.DATASETS / "youtube-spam", root / "youtube-spam")
    for name in ("davidson/tweets.csv", "toxigen-prompts/statements.csv", "covid-rumours/claims.csv"):
        source, target = data.DATASETS / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open(encoding="utf-8", newline="") as handle:
            kept = [line for _, line in zip(range(rows + 1), handle, strict=False)]
        target.write_text("".join(kept), encoding="utf-8")
    return root


def _modbot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env)


def test_train_command_writes_heads_that_classify_then_uses(tmp_path: Path) -> None:
    datasets = _tiny_datasets(tmp_path / "datasets")
    trained = _modbot(
        tmp_path, "train", "--datasets", str(datasets), "--heads", "spam", "--out", str(tmp_path / "m")
    )
    assert trained.returncode == 0, trained.stderr
    assert "spam: threshold" in trained.stdout and "youtube-spam (" in trained.stdout
    heads = LearnedHeads.load(tmp_path / "m")
    assert [h.name for h in heads.heads] == ["spam"]
    comments = tmp_path / "in.csv"
    comments.write_text("text\ncheck out my channel and subscribe for free gift cards\n", encoding="utf-8")
    env = {**os.environ, "MODBOT_MODELS": str(tmp_path / "m"), "DATABASE_URL": f"sqlite:///{tmp_path / 'db'}"}
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "classify", str(comments), str(tmp_path / "out.csv")],
        check=True,
        env=env,
        capture_output=True,
    )
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["tier"] == "2" and "spam" in row["reasons"]


def test_train_command_learns_from_the_organisations_own_decisions(tmp_path: Path) -> None:
    """Comments the moderators left up teach the heads what this page's ordinary talk looks
    like; the spam it removed still reads as spam."""
    datasets = _tiny_datasets(tmp_path / "datasets")
    labels = tmp_path / "labels.csv"
    with labels.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "signal", "classifier_tier", "decision", "case_id"])
        for i in range(30):
            writer.writerow(
                [
                    f"please subscribe to our hospital radio channel, prizes every week {i}",
                    3,
                    "spam",
                    2,
                    "leave",
                    i,
                ]
            )
        writer.writerow(["check out my channel, subscribe for prizes", 2, "spam", 2, "delete", 99])
        writer.writerow(["buy my mixtape", 2, "", 2, "hide", 100])  # spam or misinformation? unsaid
    base = ["train", "--datasets", str(datasets), "--heads", "spam"]
    assert _modbot(tmp_path, *base, "--out", str(tmp_path / "before")).returncode == 0
    trained = _modbot(tmp_path, *base, "--labels", str(labels), "--out", str(tmp_path / "after"))
    assert "31 of the organisation's labelled comments learned from; 1 Tier 2 labels" in trained.stderr
    raffle = "please subscribe to our hospital radio channel, prizes every week"
    before, after = LearnedHeads.load(tmp_path / "before"), LearnedHeads.load(tmp_path / "after")
    assert before.judge(raffle)  # flagged by the public set's lesson
    assert not after.judge(raffle)  # left, as the moderators left it
    assert after.judge("check out my channel, subscribe for my giveaway and free prizes")
    assert "organisation (31 rows)" in after.heads[0].trained_on


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("words,label\nhello,3\n", "labels.csv: no text column"),
        ("text,label\nhello,4\n", "labels.csv, line 2: label '4' is not 1, 2 or 3"),
        (
            "text,label,signal\nhello,3,\nbuy now,2,adverts\n",
            "labels.csv, line 3: signal 'adverts' is not one of",
        ),
    ],
)
def test_the_organisations_labels_are_refused_with_the_line_at_fault(
    tmp_path: Path, content: str, reason: str
) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text(content, encoding="utf-8")
    result = _modbot(tmp_path, "train", "--labels", str(labels), "--out", str(tmp_path / "m"))
    assert result.returncode != 0 and reason in result.stderr
    assert not (tmp_path / "m").exists()


def test_train_command_says_which_set_is_missing(tmp_path: Path) -> None:
    result = _modbot(
        tmp_path, "train", "--datasets", str(tmp_path), "--heads", "spam", "--out", str(tmp_path / "m")
    )
    assert result.returncode != 0
    assert "the spam head learns from" in result.stderr and "comments.csv, which is missing" in result.stderr


def test_the_contrast_rows_are_what_their_generator_writes() -> None:
    import importlib.util
    import random

    spec = importlib.util.spec_from_file_location("contrast", data.DATASETS / "nhs_contrast.py")
    assert spec is not None and spec.loader is not None
    contrast = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(contrast)
    with data.NHS_CONTRAST.open(encoding="utf-8", newline="") as handle:
        stored = [(r["text"], int(r["tier"]), r["kind"]) for r in csv.DictReader(handle)]
    assert stored == contrast._rows(random.Random(2026))
    assert {tier for _, tier, _ in stored} == {1, 3}


def _route_verdict(route: Route, word: str, text: str) -> Verdict:
    head = HeadInfo(route.value, None, f"model.{route.value}", route.label, 0.5, "test rows", route=route)
    start = text.index(word)
    return Verdict(head, 0.9, (Token(word, start, start + len(word)),))


def test_a_route_head_names_its_route_and_leaves_the_tier_be() -> None:
    text = "Is it safe to take ibuprofen with my blood pressure tablets?"
    verdict = PolicyEngine()._classify(text, [_route_verdict(Route.MEDICAL_QUESTION, "ibuprofen", text)])
    assert verdict.tier is Tier.LEAVE
    assert verdict.routes == (Route.MEDICAL_QUESTION,)
    assert not verdict.urgent
    assert "model.medical_question" in [r.rule for r in verdict.reasons]


def test_a_risk_to_life_from_a_head_is_urgent_unless_it_is_advice_passed_on() -> None:
    text = "My brother has stopped eating and says there is no point any more"
    verdict = PolicyEngine()._classify(text, [_route_verdict(Route.SAFETY_RISK, "point", text)])
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes
    advice = "If your child is floppy and will not wake, call 999 at once"
    passed_on = PolicyEngine()._classify(advice, [_route_verdict(Route.SAFETY_RISK, "floppy", advice)])
    assert Route.SAFETY_RISK not in passed_on.routes and not passed_on.urgent
