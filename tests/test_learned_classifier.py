"""The learned stage: tokens and evidence, agreement with training, the shipped heads, reported
speech, the criticism set, and `modbot train` end to end on rows written here."""

from __future__ import annotations

import csv
import gzip
import json
import math
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.core.evaluation import CRITICISM_SET, evaluate, load_labelled_csv
from bot.core.models import Tier
from bot.core.policy import PolicyEngine, build_engine
from bot.core.policy.learned import (
    SHIPPED_MODELS,
    Head,
    LearnedModel,
    features,
    head_probability,
    held_out,
    read_head,
    tokenize,
    words,
    write_head,
)
from bot.core.policy.training import PADDING, choose_threshold, fit

ENGINE = build_engine([])


def _tiny_model(tmp_path: Path) -> LearnedModel:
    docs = [
        "buy cheap pills now",
        "cheap pills here",
        "buy now buy now",
        "lovely ward and kind nurses",
        "the clinic was kind",
        "thanks to the nurses",
    ]
    labels = [1, 1, 1, 0, 0, 0]
    weights, bias = fit([features(tokenize(d)) for d in docs], labels, [1.0] * len(docs))
    head = Head(
        "pills",
        Tier.MISINFORMATION_OR_SPAM,
        "model.pills",
        "selling pills",
        0.6,
        bias,
        "test rows",
        padding=PADDING,
    )
    write_head(tmp_path / "pills.json.gz", head, weights, {})
    return LearnedModel([read_head(tmp_path / "pills.json.gz")])


def test_tokens_keep_their_place_in_the_original_text() -> None:
    text = "See @NHS_Trust at https://example.org/x — SOOOO slow!!"
    tokens = tokenize(text)
    assert [t.word for t in tokens] == ["see", "_user_", "at", "_url_", "soo", "slow", "!!"]
    assert text[tokens[1].start : tokens[1].end] == "@NHS_Trust"
    assert text[tokens[4].start : tokens[4].end] == "SOOOO"


@pytest.mark.parametrize(
    "text",
    [
        "See @NHS_Trust at https://example.org/x — SOOOO slow!!",
        "http://x and www.x.org, ftp is a word, so is http",
        "İstanbul clinic: don't wait ***",
        "",
    ],
)
def test_scoring_reads_the_same_words_as_tokenize(text: str) -> None:
    assert words(text) == [t.word for t in tokenize(text)]


def test_scoring_reads_the_same_words_as_tokenize_on_every_project_comment() -> None:
    texts = [e.text for e in load_labelled_csv(CRITICISM_SET)]
    assert texts
    assert [words(t) for t in texts] == [[token.word for token in tokenize(t)] for t in texts]


def test_scoring_word_by_word_matches_the_training_features(tmp_path: Path) -> None:
    model = _tiny_model(tmp_path)
    head, weights = read_head(tmp_path / "pills.json.gz")
    text = "Buy cheap pills, now!"
    feats = features(tokenize(text))
    expected = 1 / (
        1
        + math.exp(
            -(head.bias + sum(weights.get(f, 0.0) for f in feats) / math.sqrt(len(feats) + head.padding))
        )
    )
    [verdict] = model.judge(text)
    assert math.isclose(verdict.probability, expected, rel_tol=1e-9)
    assert {text[t.start : t.end] for t in verdict.evidence} <= {"Buy", "cheap", "pills", "now"}
    assert verdict.evidence


def test_a_gated_head_speaks_only_about_its_topic_and_keeps_its_gate_on_disk(tmp_path: Path) -> None:
    _tiny_model(tmp_path)
    head, weights = read_head(tmp_path / "pills.json.gz")
    assert head.gate is None and LearnedModel([(head, weights)]).judge("buy now buy now")
    gated = replace(head, gate=re.compile(r"\bpills?\b"))
    write_head(tmp_path / "gated.json.gz", gated, weights, {})
    again, _ = read_head(tmp_path / "gated.json.gz")
    assert again.gate is not None and again.gate.pattern == r"\bpills?\b"
    model = LearnedModel([(again, weights)])
    assert model.judge("buy now buy now") == []  # over its threshold, but off its topic
    assert model.judge("Buy cheap PILLS now")


def test_a_flag_comes_from_the_words_never_from_the_prior(tmp_path: Path) -> None:
    model = _tiny_model(tmp_path)
    assert model.judge("Zebra quokka") == []
    assert model.judge("") == []
    assert ENGINE.classify("Lovely photo").tier is Tier.LEAVE


def test_a_couple_of_mildly_leaning_words_do_not_add_up_to_a_flag(tmp_path: Path) -> None:
    # One word that leans a little towards a flag, on its own, against the same word in a
    # comment of strongly leaning words.
    weights = {"w:yes": 2.0, "w:scum": 9.0, "w:vermin": 9.0}
    bare = Head("abuse", Tier.HARMFUL, "model.abuse", "abuse", 0.75, 0.0, "test rows")
    padded = replace(bare, padding=24.0)
    # "Yes" has two features (the word, and the word after the start): 2.0 / sqrt(2) is 80% sure.
    assert LearnedModel([(bare, weights)]).judge("Yes")
    assert LearnedModel([(padded, weights)]).judge("Yes") == []  # 2.0 / sqrt(26): 60%
    assert LearnedModel([(padded, weights)]).judge("Yes, scum and vermin")
    write_head(tmp_path / "abuse.json.gz", padded, weights, {})
    assert read_head(tmp_path / "abuse.json.gz")[0].padding == 24.0


def test_a_head_written_before_padding_reads_as_unpadded(tmp_path: Path) -> None:
    head = Head("abuse", Tier.HARMFUL, "model.abuse", "abuse", 0.75, 0.0, "test rows", padding=24.0)
    write_head(tmp_path / "abuse.json.gz", head, {"w:scum": 9.0}, {})
    with gzip.open(tmp_path / "abuse.json.gz", "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    del data["padding"]
    data["format"] = 1
    with gzip.open(tmp_path / "old.json.gz", "wt", encoding="utf-8") as handle:
        json.dump(data, handle)
    assert read_head(tmp_path / "old.json.gz")[0].padding == 0.0
    data["format"] = 99
    with gzip.open(tmp_path / "future.json.gz", "wt", encoding="utf-8") as handle:
        json.dump(data, handle)
    with pytest.raises(ValueError, match="model format 99"):
        read_head(tmp_path / "future.json.gz")


@pytest.mark.parametrize("text", ["Thank you", "Agreed", "Yes", "Proud of you all", "Yes please", "Hi there"])
def test_short_everyday_replies_are_not_flagged(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize("text", ["Bitch", "Useless bitch", "Cunts"])
def test_short_abuse_is_still_flagged(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.HARMFUL


def test_the_card_reason_names_the_head_and_the_words(tmp_path: Path) -> None:
    engine = PolicyEngine(rules=(), model=_tiny_model(tmp_path))
    verdict = engine.classify("cheap pills, buy now")
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM
    reasons = [r for r in verdict.reasons if r.rule == "model.pills"]
    assert reasons and all("selling pills (learned model" in r.category for r in reasons)
    assert {r.matched for r in reasons} & {"cheap", "pills", "buy", "now"}


def test_shipped_heads_learned_only_from_data_we_may_ship() -> None:
    names = {head.name: head for head in LearnedModel.load(SHIPPED_MODELS).heads}
    assert set(names) == {"abuse", "spam", "misinformation"}
    assert "davidson" in names["abuse"].trained_on and "youtube-spam" in names["spam"].trained_on
    assert "covid-19-rumours" in names["misinformation"].trained_on
    assert names["misinformation"].gate is not None  # it speaks only about health-claim topics
    assert all("constraint" not in head.trained_on for head in names.values())


def test_held_out_fifth_is_deterministic() -> None:
    texts = [f"comment number {i}" for i in range(2000)]
    chosen = [t for t in texts if held_out(t)]
    assert chosen == [t for t in texts if held_out(t)]
    assert 0.17 < len(chosen) / len(texts) < 0.23


def test_threshold_respects_the_false_flag_budget() -> None:
    probabilities = [0.95, 0.9, 0.8, 0.7, 0.85, 0.3, 0.2, 0.1, 0.05, 0.4]
    labels = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    # One negative sits at 0.85: a budget of zero forces the threshold above it.
    assert choose_threshold(probabilities, labels, 0.0) > 0.85
    assert choose_threshold(probabilities, labels, 0.2) <= 0.7


def test_threshold_keeps_every_sources_false_flags_within_budget() -> None:
    """A few rows from the desk's own domain are not outvoted by a large borrowed set."""
    borrowed = [0.1] * 100
    own_leave = [0.1, 0.1, 0.1, 0.8]  # one of four NHS-style rows sits at 0.8
    positives = [0.9, 0.85, 0.75, 0.6]
    probabilities = borrowed + own_leave + positives
    labels = [0] * 104 + [1] * 4
    groups = ["borrowed"] * 100 + ["nhs"] * 4 + ["nhs"] * 4
    pooled = choose_threshold(probabilities, labels, 0.02)
    per_source = choose_threshold(probabilities, labels, 0.02, groups=groups)
    assert pooled <= 0.6  # one false flag in 104 leave rows is within 2%
    assert per_source > 0.8  # one in four NHS-style rows is not


def test_a_group_can_have_a_stricter_budget_than_the_head() -> None:
    """The desk's own rows keep the criticism goal (2%) even where a head may flag 5% elsewhere."""
    borrowed = [0.1] * 96 + [0.7] * 4  # 4% of the borrowed rows sit at 0.7
    own_leave = [0.1] * 49 + [0.7]  # and 2% of the desk's own
    positives = [0.9] * 5 + [0.65] * 20  # most of the head's own finds sit below 0.7
    probabilities = borrowed + own_leave + positives
    labels = [0] * 150 + [1] * 25
    groups = ["borrowed"] * 100 + ["nhs-written"] * 50 + ["borrowed"] * 25
    assert choose_threshold(probabilities, labels, 0.05, groups=groups) <= 0.65
    stricter = choose_threshold(probabilities, labels, 0.05, groups=groups, stricter={"nhs-written": 0.01})
    assert stricter > 0.7  # one in fifty of its own rows is over a 1% budget


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


def test_the_shipped_misinformation_head_flags_claims_and_leaves_complaints_about_the_same_topics() -> None:
    for claim in (
        "The covid vaccine has killed more people than covid",
        "Holding your breath for ten seconds proves you do not have covid",
    ):
        flagged = ENGINE.classify(claim)  # no rule knows these myths: the head finds them
        assert flagged.tier is Tier.MISINFORMATION_OR_SPAM, claim
        assert any(r.rule == "model.misinformation" for r in flagged.reasons), claim
    for text in (
        "The covid vaccine centre was closed again and we waited two hours in the rain.",
        "Is the flu jab safe while breastfeeding? Asking for my daughter.",
        "Masks are still required on the cancer ward, please respect it.",
        "Masks reduce the spread of respiratory viruses",  # accurate advice, in a person's own words
    ):
        assert ENGINE.classify(text).tier is Tier.LEAVE, text


def test_criticism_set_keeps_wrong_flags_within_two_percent() -> None:
    examples = load_labelled_csv(CRITICISM_SET)
    assert sum(1 for e in examples if e.label == 3) >= 200
    result = evaluate("criticism", examples, ENGINE)
    assert result.tier3_false_flag_rate <= 0.02
    tier1 = next(s for s in result.scores if s.tier == 1)
    assert tier1.recall >= 0.9  # and the abuse in it is still caught


def _write_spam_set(folder: Path) -> None:
    folder.mkdir(parents=True)
    rows = [("CONTENT", "CLASS")]
    for i in range(60):
        rows.append((f"check out my channel {i} and subscribe for prizes", "1"))
        rows.append((f"song number {i} is lovely, great chorus", "0"))
    with (folder / "Youtube01-Test.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_train_command_writes_a_head_that_classify_uses(tmp_path: Path) -> None:
    datasets = tmp_path / "datasets"
    _write_spam_set(datasets / "youtube-spam")
    out = tmp_path / "models"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"}
    cmd = [sys.executable, "-m", "bot.cli", "train", "--datasets", str(datasets), "--out", str(out)]
    trained = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    assert trained.stdout.startswith("spam: threshold")
    first = (out / "spam.json.gz").read_bytes()
    subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    assert (out / "spam.json.gz").read_bytes() == first  # reproducible, byte for byte
    head, _ = read_head(out / "spam.json.gz")
    assert head.trained_on.startswith("davidson") is False and "youtube-spam (" in head.trained_on

    source = tmp_path / "in.csv"
    source.write_text("text\ncheck out my channel and subscribe\n")
    result = tmp_path / "out.csv"
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "classify", str(source), str(result)],
        check=True,
        capture_output=True,
        env={**env, "MODBOT_MODELS": str(out), "MODBOT_LEARNED": "true"},
    )
    [row] = list(csv.DictReader(result.open()))
    assert row["tier"] == "2" and "learned model" in row["reasons"]


def _train_in(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`modbot train` with `folder` as the datasets folder, writing to `folder/m`."""
    command = [
        sys.executable,
        "-m",
        "bot.cli",
        "train",
        "--datasets",
        str(folder),
        "--out",
        str(folder / "m"),
    ]
    return subprocess.run([*command, *extra], capture_output=True, text=True)


def test_train_command_learns_from_the_organisations_own_decisions(tmp_path: Path) -> None:
    """Comments the moderators left up (exported by `modbot export-labels`) teach the heads what
    this page's ordinary talk looks like; the spam it removed still reads as spam."""
    datasets = tmp_path / "datasets"
    _write_spam_set(datasets / "youtube-spam")
    labels = tmp_path / "labels.csv"
    with labels.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label", "signal", "classifier_tier", "decision", "case_id"])
        for i in range(30):
            writer.writerow(
                [f"subscribe for prizes in the hospital raffle, ticket {i}", 3, "spam", 2, "leave", i]
            )
        writer.writerow(["check out my channel, subscribe for prizes", 2, "spam", 2, "delete", 99])
        writer.writerow(["buy my mixtape", 2, "", 2, "hide", 100])  # spam or misinformation? unsaid
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite'}"}
    base = [sys.executable, "-m", "bot.cli", "train", "--datasets", str(datasets), "--heads", "spam"]
    subprocess.run([*base, "--out", str(tmp_path / "before")], capture_output=True, check=True, env=env)
    trained = subprocess.run(
        [*base, "--labels", str(labels), "--out", str(tmp_path / "after")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert "31 of the organisation's labelled comments learned from; 1 Tier 2 labels" in trained.stderr

    def probability(folder: str, text: str) -> float:
        head, weights = read_head(tmp_path / folder / "spam.json.gz")
        found = features(tokenize(text))
        return head_probability(head.bias, sum(weights.get(f, 0.0) for f in found), len(found), head.padding)

    raffle = "subscribe for prizes in the hospital raffle"
    before, _ = read_head(tmp_path / "before" / "spam.json.gz")
    after, _ = read_head(tmp_path / "after" / "spam.json.gz")
    assert probability("before", raffle) >= before.threshold  # flagged by the public set's lesson
    assert probability("after", raffle) < after.threshold  # left, as the moderators left it
    assert probability("after", "check out my channel") >= after.threshold
    assert "organisation (31 rows)" in after.trained_on


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
    result = _train_in(tmp_path, "--labels", str(labels))
    assert result.returncode != 0 and reason in result.stderr
    assert not (tmp_path / "m").exists()


def test_train_command_says_when_there_is_nothing_to_learn_from(tmp_path: Path) -> None:
    result = _train_in(tmp_path)
    assert result.returncode != 0 and "no labelled sets found" in result.stderr


DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


def test_a_misinformation_head_trained_on_constraint_meets_its_f1_goal(tmp_path: Path) -> None:
    """Not shipped (CONSTRAINT states no licence), so an organisation trains it on its own copy:
    this is what it then gets, on the validation split it never saw and on our criticism set.
    It misses the 2% criticism goal (6.8% of the set since 70 more everyday COVID-19 comments joined
    it: opinions about the pandemic read as claims to it); this guards against it getting worse.
    The shipped head keeps the goal (the criticism-set test)."""
    from bot.core.evaluation import load_constraint
    from bot.core.policy.training import train_head

    if not (DATASETS / "constraint-covid-fakenews" / "train.tsv").exists():
        pytest.skip("the CONSTRAINT set is not available beside the repository")
    result = train_head("misinformation-constraint", DATASETS, tmp_path)
    assert result["head"] == "misinformation" and (tmp_path / "misinformation.json.gz").exists()
    engine = build_engine([], models=tmp_path)
    validation = load_constraint(DATASETS / "constraint-covid-fakenews" / "valid.tsv")
    scored = evaluate("constraint", validation, engine)
    tier2 = next(s for s in scored.scores if s.tier == 2)
    assert tier2.f1 >= 0.85
    criticism = evaluate("criticism", load_labelled_csv(CRITICISM_SET), engine)
    assert criticism.tier3_false_flag_rate <= 0.08


def test_the_shipped_misinformation_head_carries_to_constraint_which_it_never_saw() -> None:
    """Learned from another set (the COVID-19 rumours), scored on CONSTRAINT's validation split:
    it finds a third or more of the false posts and flags few true ones."""
    from bot.core.evaluation import load_constraint

    if not (DATASETS / "constraint-covid-fakenews" / "valid.tsv").exists():
        pytest.skip("the CONSTRAINT set is not available beside the repository")
    validation = load_constraint(DATASETS / "constraint-covid-fakenews" / "valid.tsv")
    scored = evaluate("constraint", validation, ENGINE)
    tier2 = next(s for s in scored.scores if s.tier == 2)
    assert tier2.recall >= 0.33 and tier2.precision >= 0.9
    assert scored.tier3_false_flag_rate <= 0.05


def _write_rumours(folder: Path, news: list[tuple[str, str]], tweets: list[tuple[str, str]]) -> None:
    """The rumour dataset's own layout: a news file without a header, a Twitter file with one."""
    (folder / "Data" / "news").mkdir(parents=True)
    (folder / "Data" / "twitter").mkdir(parents=True)
    with (folder / "Data" / "news" / "news.csv").open("w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows((i, label, text, 3) for i, (label, text) in enumerate(news))
    with (folder / "Data" / "twitter" / "Twitter.csv").open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["No.", "label", "content", "source", "sentiment"])
        writer.writerows((i, label, text, "1", "3") for i, (label, text) in enumerate(tweets))


def test_rumours_are_read_from_the_datasets_own_layout(tmp_path: Path) -> None:
    from bot.core.evaluation import load_covid_rumours

    _write_rumours(
        tmp_path,
        news=[("F", "Onion water cures the virus"), ("T", "Clinics open late this week"), ("U", "Unclear")],
        tweets=[("F", "Masks spread the virus"), ("U", "Nobody knows yet"), ("T", "Boosters start Monday")],
    )
    rows = [(e.text, e.label) for e in load_covid_rumours(tmp_path)]
    assert rows == [
        ("Onion water cures the virus", 2),
        ("Clinics open late this week", 3),
        ("Masks spread the virus", 2),
        ("Boosters start Monday", 3),
    ]  # the BOM and the header are not rows; unverified claims teach nothing either way


def test_the_misinformation_corpus_joins_folders_and_never_learns_a_claim_constraint_holds(
    tmp_path: Path,
) -> None:
    from bot.core.evaluation import development_sets
    from bot.core.policy.training import available_heads, build_corpus

    shared, cloned = tmp_path / "shared", tmp_path / "cloned"
    (shared / "constraint-covid-fakenews").mkdir(parents=True)
    (shared / "constraint-covid-fakenews" / "valid.tsv").write_text(
        "id\ttweet\tlabel\n1\tOnion water CURES the virus!\tfake\n", encoding="utf-8"
    )
    claims = [("F", f"Garlic number {i} cures the virus") for i in range(40)]
    _write_rumours(
        cloned / "COVID-19-rumor-dataset", news=[("F", "Onion water cures the virus"), *claims], tweets=[]
    )

    corpus = build_corpus("misinformation", [shared, cloned])
    learned = {t for t, o in zip(corpus.texts, corpus.origin, strict=True) if o == "covid-19-rumours"}
    assert "Onion water cures the virus" not in learned  # CONSTRAINT's validation split has it
    assert learned == {text for _, text in claims if not held_out(text)}
    assert 0 < len(learned) < len(claims)  # the held-out fifth is kept for scoring
    assert available_heads([shared, cloned]) == ["misinformation"]
    assert available_heads(shared) == []
    scored = dict(development_sets([shared, cloned]))
    assert [e.text for e in scored["covid-19 rumours held-out fifth (false vs true claims)"]] == [
        text for _, text in claims if held_out(text)
    ]
    assert len(scored["constraint-covid (fake vs real, validation split)"]) == 1


def test_a_head_is_not_trained_without_its_own_set(tmp_path: Path) -> None:
    from bot.core.policy.training import SPECS, WHERE, train_head

    assert set(WHERE) == set(SPECS)  # every recipe can say what it is missing

    _write_spam_set(tmp_path / "datasets" / "youtube-spam")
    with pytest.raises(ValueError, match="needs COVID-19-rumor-dataset/"):
        train_head("misinformation", tmp_path / "datasets", tmp_path / "models")
    assert not (tmp_path / "models" / "misinformation.json.gz").exists()


def test_train_command_refuses_two_recipes_for_one_head(tmp_path: Path) -> None:
    result = _train_in(tmp_path, "--heads", "misinformation", "misinformation-constraint")
    assert result.returncode != 0
    assert "misinformation and misinformation-constraint both write the misinformation head" in result.stderr


def test_naming_a_protected_group_is_not_read_as_abuse() -> None:
    """Comments naming a group, from templates no head learned from, are rarely flagged; the same
    groups abused are mostly caught (figures of the shipped heads: 2.5% and 81%)."""
    from bot.core.evaluation import Example
    from bot.core.policy.identity_terms import UNSEEN, measuring_comments

    comments = list(measuring_comments())
    named = [c for c in comments if c.label == 3]
    assert len({c.group.characteristic for c in named}) == 8
    result = evaluate("groups", [Example(c.text, c.label) for c in comments], ENGINE)
    assert result.tier3_false_flag_rate <= 0.03
    assert next(s for s in result.scores if s.tier == 1).recall >= 0.75
    # Not one group stands out: no group's name is flagged in more than two of its nine comments,
    # including the groups that no training row names.
    flagged: dict[str, int] = {}
    for c in named:
        if ENGINE.classify(c.text).tier is not Tier.LEAVE:
            flagged[c.group.adjective] = flagged.get(c.group.adjective, 0) + 1
    assert max(flagged.values(), default=0) <= 2
    assert sum(flagged.get(g, 0) for g in UNSEEN) <= 2


def test_group_templates_for_training_and_measuring_differ() -> None:
    from bot.core.policy.identity_terms import measuring_comments, training_comments

    taught = {c.text for c in training_comments()}
    assert taught and not taught & {c.text for c in measuring_comments()}
    assert all(c.label == 3 for c in training_comments())


def test_denying_a_known_myth_silences_the_learned_head_too() -> None:
    """The myth rule knows "5G spreads the virus"; denying it is counter-speech for every stage.
    Denying a true claim ("there is no evidence the vaccine works") is not a denial of a myth."""
    text = "There is no evidence that 5G spreads the virus"
    assert ENGINE.classify(text).tier is Tier.LEAVE
    assert ENGINE.classify("5G spreads the virus, wake up").tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize(
    "text",
    [
        "Staff smoking fags by the maternity entrance again",
        "Nipped out for a fag while mum was in theatre",
        "Fag ends all over the hospital grounds",
        "Faggots and peas for tea on the ward, lovely",
        "Ten years since I gave up the fags, thank you to the stop smoking service",
        "The pharmacy helped me quit fags for good",
        "Dad's been back on the fags since his diagnosis",
        "Lunch on the ward was faggots, mash and gravy",
        "Pork faggots for dinner again",
    ],
)
def test_british_english_for_cigarettes_and_meatballs_is_not_a_slur(text: str) -> None:
    """The slur rule reads the everyday sense, and the learned head is not believed on that word."""
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.LEAVE, verdict.reasons


@pytest.mark.parametrize(
    "text",
    [
        "You are a fag",
        "Look at those fags holding hands",
        "I hate faggots",
        "Stop the fags adopting children",
        "Those faggots should not be allowed near our kids",
    ],
)
def test_the_slur_sense_still_flags(text: str) -> None:
    assert "hate.slur" in {r.rule for r in ENGINE.classify(text).reasons}
