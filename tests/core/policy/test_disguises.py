"""Abuse disguised to get past filters is read as written, and the card quotes the disguise."""

from __future__ import annotations

import re

import pytest

from bot.core.models import Route, Tier
from bot.core.policy import PolicyEngine
from bot.core.policy.disguises import fold_disguises

ENGINE = PolicyEngine()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("you stupid c*nt", "you stupid cunt"),
        ("you f***ing idiot", "you fucking idiot"),
        ("you are a c u n t", "you are a cunt   "),
        ("u r a c.u.n.t", "u r a cunt   "),
        ("i h a t e them", "i hate    them"),
        ("you are an 1d10t", "you are an idiot"),
    ],
)
def test_disguises_are_undone_keeping_the_length(written: str, read: str) -> None:
    folded = fold_disguises(written)
    assert folded.text == read
    assert len(folded.text) == len(written)


@pytest.mark.parametrize(
    "text",
    [
        "sh*t service again",  # undirected swearing is not restored: it stays up anyway
        "*really* good care on the ward",
        "the u.s.a. does it differently",
        "e.g. the pharmacy on the high street",
        "a n d then nothing",
    ],
)
def test_ordinary_asterisks_initials_and_spacing_are_left_alone(text: str) -> None:
    folded = fold_disguises(text)
    assert (folded.text, folded.disguised) == (text, ())


@pytest.mark.parametrize(
    ("text", "rule", "quoted"),
    [
        ("you stupid c*nt", "abuse.directed_insult", "you stupid c*nt"),
        ("you are a c u n t", "abuse.directed_insult", "you are a c u n t"),
        ("you're a p r i c k", "abuse.directed_insult", "you're a p r i c k"),
        ("Those nurses are sc*m", "abuse.directed_insult", "nurses are sc*m"),
        ("I h a t e Muslims", "hate.generalisation", "I h a t e Muslims"),
    ],
)
def test_disguised_abuse_is_tier_1_and_the_card_quotes_all_of_it(text: str, rule: str, quoted: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    reason = next(r for r in verdict.reasons if r.rule == rule)
    assert reason.matched.endswith(quoted.split()[-1]) and quoted in text[reason.start : reason.end]


@pytest.mark.parametrize(
    "text", ["Get the p a k i s off the ward", "that y i d at the pharmacy", "Those c h i n k s again"]
)
def test_a_slur_spelt_out_letter_by_letter_is_still_a_slur(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert "hate.slur" in {r.rule for r in verdict.reasons}


def test_a_spelt_out_slur_is_not_guessed_from_asterisks() -> None:
    """Four letters with two hidden could be many words: only the disguisable insults are guessed."""
    assert fold_disguises("a c**n on the ward").text == "a c**n on the ward"


def test_a_spaced_out_threat_is_still_urgent() -> None:
    verdict = ENGINE.classify("I'll s t a b you")
    assert Route.SAFETY_RISK in verdict.routes and verdict.urgent


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("they haet the nurses", "they hate the nurses"),  # two letters swapped
        ("so much hatrd", "so much hatred"),  # one dropped: the folded text grows
        ("those muslmis are vermin", "those muslims are vermin"),
        ("ihate this ward", "i hate this ward"),  # run together
        ("i'll killthem all", "i'll kill them all"),
        ("classic scumbehaviour", "classic scum behaviour"),
        ("all the m u s l i m s here", "all the muslims       here"),  # a group spaced out
    ],
)
def test_slips_in_abuse_words_are_corrected(written: str, read: str) -> None:
    assert fold_disguises(written).text == read


@pytest.mark.parametrize(
    "text",
    [
        "a strange day at the clinic",  # one slip from "strangle", and a word of its own
        "the therapist was lovely",
        "the transit bus to the hospital",
        "a blackout on the ward",
        "an indie gig for the hospice",
        "a scummy landlord",
        "she backs the nurses",
        "flights to niger, india, asia and africa",
        "a refuge for women",
        "the moon and an omen",
        "a shot in the arm, down the corridor, pick up at six",
    ],
)
def test_real_words_a_slip_away_from_an_abuse_word_are_left_alone(text: str) -> None:
    folded = fold_disguises(text)
    assert (folded.text, folded.disguised) == (text, ())


def test_a_slip_is_never_a_word_the_heads_learn_from_except_spellings_of_the_same_word() -> None:
    # The words of YouTube and NHS-style comments stand in for a dictionary: a real word there must
    # not be rewritten. (Davidson's tweets, and the NHS rows taken from these tests, are full of
    # slips themselves.)
    from bot.core.policy import data
    from bot.core.policy.disguises import _SLIPPED

    rows = data.youtube() + [r for r in data.nhs() if r.origin != "sentences of the engine's tests"]
    known = {word for row in rows for word in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", row.text.lower())}
    assert known and _SLIPPED
    found = {slip: _SLIPPED[slip] for slip in known & _SLIPPED.keys()}
    assert found == {"fuckin": "fucking", "poeple": "people"}


@pytest.mark.parametrize(
    ("text", "rule", "quoted"),
    [
        ("We all ihate Muslims", "hate.generalisation", "ihate Muslims"),
        ("Those muslmis are vermin!", "hate.generalisation", "muslmis are vermin"),
        ("All immigrnats are parasites", "hate.generalisation", "immigrnats are parasites"),
        ("I'll stabthose managers tomorrow", "threat.violence", "I'll stabthose"),
    ],
)
def test_slipped_abuse_flags_and_the_card_quotes_the_authors_own_characters(
    text: str, rule: str, quoted: str
) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    reason = next(r for r in verdict.reasons if r.rule == rule)
    assert text[reason.start : reason.end] == reason.matched == quoted


@pytest.mark.parametrize(
    ("text", "rule", "quoted"),
    [
        ("You 🤡", "abuse.directed_insult", "You 🤡"),
        ("the receptionist is a 🐷", "abuse.directed_insult", "the receptionist is a 🐷"),
        ("🖕 you and your waiting list", "abuse.directed_swearing", "🖕 you"),
        ("🐒🐒🐒", "hate.slur", "🐒"),
        ("Look at the new nurse 🦍🍌", "hate.slur", "🦍"),
    ],
)
def test_emoji_that_stand_for_an_insult_are_read_as_one_and_quoted_as_written(
    text: str, rule: str, quoted: str
) -> None:
    """Emoji say an insult without a word a filter knows (monkeys and apes aimed at Black people
    above all); the card shows the emoji the writer used."""
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    reason = next(r for r in verdict.reasons if r.rule == rule)
    assert text[reason.start : reason.end] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "My son loved the monkeys at the zoo 🐒",
        "The gorilla teddy from the children's ward is his favourite 🦍",
        "The clown doctors made my daughter laugh so much 🤡",
        "Peppa Pig plasters for the little ones 🐷",
        "🖕 to the parking charges",
        "Thank you to the maternity team 👏👏",
    ],
)
def test_emoji_meant_as_themselves_are_left(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE
