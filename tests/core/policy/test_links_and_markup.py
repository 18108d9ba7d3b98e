"""Links and markup in comments: spam links are flagged, links that support a comment stay up,
and HTML in a comment neither hides a risk nor moves the card's pointer off the author's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.models import Route, Tier
from bot.core.policy import PolicyEngine, build_engine
from bot.core.policy.links import borrows_official_name, find_links, under
from bot.core.policy.markup import readable, strip_markup
from bot.core.profile import PolicyFileError, load_profile

ENGINE = PolicyEngine()


def rules(text: str, engine: PolicyEngine = ENGINE) -> set[str]:
    return {r.rule for r in engine.classify(text).reasons}


# --- markup ------------------------------------------------------------------------------------


def test_a_character_reference_does_not_hide_a_risk_to_life() -> None:
    text = "I can&#39;t go on like this"
    verdict = ENGINE.classify(text)
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes
    reason = next(r for r in verdict.reasons if r.rule == "safety.self_harm")
    # The card points at what the author wrote, entity and all; the excerpt reads as plain text.
    assert text[reason.start : reason.end] == "can&#39;t go on"
    assert reason.matched == "can't go on"


def test_line_breaks_in_html_separate_words() -> None:
    assert readable("first line<br />second line<br/>third") == "first line second line third"
    assert ENGINE.classify("I want to<br />end it all").urgent


def test_a_links_address_survives_its_anchor_tag() -> None:
    text = 'Lovely <a href="https://bit.ly/3abcd">click</a>'
    assert "https://bit.ly/3abcd" in readable(text)
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM and "spam.unfamiliar_link" in rules(text)
    reason = next(r for r in verdict.reasons if r.rule == "spam.unfamiliar_link")
    assert text[reason.start : reason.end].startswith('<a href="https://bit.ly/3abcd"')


@pytest.mark.parametrize("text", ["I <3 the nurses", "a<b and c>d", "plain text", "fish & chips"])
def test_text_that_only_looks_like_markup_is_left_alone(text: str) -> None:
    assert readable(text) == text


def test_plain_comments_are_not_copied() -> None:
    assert strip_markup("nothing to strip here") is None


def test_spans_map_back_through_several_replacements() -> None:
    text = "a&amp;b <b>bold</b> it&#39;s"
    stripped = strip_markup(text)
    assert stripped is not None and stripped.text == "a&b  bold  it's"
    start = stripped.text.index("it's")
    assert text[slice(*stripped.span(start, start + 4))] == "it&#39;s"
    start = stripped.text.index("bold")
    assert text[slice(*stripped.span(start, start + 4))] == "bold"


# --- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("see https://www.Example.org/a?b=1 now", ["example.org"]),
        ("gofundme.com/abc please", ["gofundme.com"]),
        ("Check out ShopHere.com today", ["shophere.com"]),
        ("buy at shop . com or shop dot net", ["shop.com", "shop.net"]),
        ("truncated tweet http://t.c…", []),
        ("write to me at pat@example.com", []),
        ("no links at all. None.", []),
    ],
)
def test_links_name_their_site(text: str, hosts: list[str]) -> None:
    assert [link.host for link in find_links(text)] == hosts


def test_subdomains_count_as_their_site_and_lookalikes_do_not() -> None:
    assert under("www.england.nhs.uk".removeprefix("www."), ["nhs.uk"])
    assert not under("notnhs.uk", ["nhs.uk"])
    assert borrows_official_name("nhs-refund-claims.com")
    assert borrows_official_name("gov-rebate.uk")
    assert not borrows_official_name("england.nhs.uk")
    assert not borrows_official_name("governorsclub.com")
    assert not borrows_official_name("johnhsmith.com")


@pytest.mark.parametrize(
    "text",
    [
        "Nice! https://www.example-shop.biz/deals",
        "add me https://social.example.net/profile/123",
        "More... examplegames.com/play",
        "Great vibes, donate here https://www.gofundme.com/f/new-car",
        # "news" says nothing of what a link is about: most news sites file every story under it.
        "So happy for them https://www.sportspaper.example/sport/news/53/cup-final-tonight",
        "Great news!! https://www.example-shop.biz/deals",
    ],
)
def test_a_link_to_an_unknown_site_with_nothing_to_say_is_spam(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM
    assert "spam.unfamiliar_link" in rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Read this before you post again https://www.bbc.co.uk/news/health-1",
        "The figures are here https://www.england.nhs.uk/statistics/",
        "Our paper covered the ward closure https://www.localpaper.example/news/1",
        "Sign the petition https://petition.example.org/save-our-hospital",
        "Timestamp 2:19 https://youtu.be/abc",
        "Shared from X https://t.co/AbC123",
    ],
)
def test_links_that_support_a_comment_stay_up(text: str) -> None:
    """MSE Appendix B: products and links are fine "as long as they support your comment"."""
    assert ENGINE.classify(text).tier is Tier.LEAVE


def test_a_link_dressed_as_the_nhs_is_flagged_whatever_the_comment_says() -> None:
    text = "Claim your NHS refund before Friday https://nhs-refund-claims.com/apply"
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM and "spam.official_lookalike" in rules(text)


def test_an_organisation_can_trust_its_local_sites(tmp_path: Path) -> None:
    text = "Says it all https://www.ourtownecho.example/story/123"
    assert "spam.unfamiliar_link" in rules(text)
    path = tmp_path / "policy.yml"
    path.write_text("desk:\n  trusted_sites: [https://www.OurTownEcho.example/]\n")
    profile = load_profile(path)
    assert profile.desk.trusted_sites == ("ourtownecho.example",)
    trusting = PolicyEngine(trusted_sites=profile.desk.trusted_sites)
    assert trusting.classify(text).tier is Tier.LEAVE
    assert trusting.classify("Nice https://elsewhere.example/x").tier is Tier.MISINFORMATION_OR_SPAM


def test_an_organisation_can_name_what_its_conversations_are_about(tmp_path: Path) -> None:
    text = "Basildon again, read this https://townforum.example/thread/88"
    assert "spam.unfamiliar_link" in rules(text)
    path = tmp_path / "policy.yml"
    path.write_text("desk:\n  service_topics: [Basildon, '  social   care ']\n")
    profile = load_profile(path)
    assert profile.desk.service_topics == ("Basildon", "social care")
    local = build_engine([], learned=False, service_topics=profile.desk.service_topics)
    assert local.classify(text).tier is Tier.LEAVE
    assert local.classify("Social\ncare cuts https://townforum.example/t/2").tier is Tier.LEAVE
    # Whole words only, and a comment about neither still flags.
    assert "spam.unfamiliar_link" in rules("Basildonia again, read this https://townforum.example/t/3", local)
    assert local.classify("Nice https://elsewhere.example/x").tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize("topic", ["", "a|b", "(basildon)", "care.*"])
def test_a_service_topic_must_be_plain_words(tmp_path: Path, topic: str) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(f"desk:\n  service_topics: ['{topic}']\n")
    with pytest.raises(PolicyFileError, match="service_topics"):
        load_profile(path)


def test_a_trusted_site_must_be_a_site_name(tmp_path: Path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text("desk:\n  trusted_sites: [our local paper]\n")
    with pytest.raises(PolicyFileError, match="trusted_sites"):
        load_profile(path)
