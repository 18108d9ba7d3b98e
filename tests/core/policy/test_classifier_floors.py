"""The classifier's figures on comments it never learned from, held above their floors.

Each floor sits a little under the figure measured when the shipped heads were last trained
(`bot/core/policy/models/README.md`); raise it as the figure improves, never lower it to pass.
The sets are the repository's own (`datasets/`, `nhs_data/`), so this runs in any checkout.
"""

from __future__ import annotations

import pytest
from sklearn.metrics import f1_score

from bot.core.policy import PolicyEngine, build_engine, data
from bot.core.policy.evaluation import desk_score, hatecheck_score, leave_one_video_out


@pytest.fixture(scope="module")
def engine() -> PolicyEngine:
    return build_engine(())


def test_nhs_style_held_out_part(engine: PolicyEngine) -> None:
    score = desk_score(engine)
    assert score.harmful_caught >= 0.75, score
    assert score.flagged_caught >= 0.93, score
    assert score.routes_named >= 0.76, score
    assert score.left_flagged <= 0.02, score  # the criticism goal


def test_hatecheck_which_nothing_learned_from(engine: PolicyEngine) -> None:
    score = hatecheck_score(engine)
    assert score.hateful_caught >= 0.80, score
    assert score.non_hateful_left >= 0.69, score


def test_covid_rumours_held_out_fifth(engine: PolicyEngine) -> None:
    rows = [r for r in data.covid_rumours() if r.held_out]
    tiers = [int(v.tier) for v in engine.classify_many([r.text for r in rows])]
    false = [r.tier == 2 for r in rows]
    flagged = [t == 2 for t in tiers]
    assert f1_score(false, flagged) >= 0.68
    true_flagged = sum(f for f, is_false in zip(flagged, false, strict=True) if not is_false)
    assert true_flagged / (len(rows) - sum(false)) <= 0.06


def test_youtube_spam_leave_one_video_out() -> None:
    scores = leave_one_video_out()
    assert scores["mean"] >= 0.90, scores
    assert min(scores[video] for video in scores if video != "mean") >= 0.85, scores


def test_nothing_learns_from_hatecheck() -> None:
    from bot.core.policy.recipes import RECIPES

    loaders = {load for recipe in RECIPES.values() for load, _teach in recipe.sources}
    loaders |= {load for recipe in RECIPES.values() for load in recipe.borrowed}
    assert data.hatecheck not in loaders and data.constraint not in loaders
