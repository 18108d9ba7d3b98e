"""How the spam stage carries to comments under a video it never saw.

    .venv/bin/python -m bench.spam_transfer --datasets ../shared/datasets

The held-out fifth that `modbot eval` scores shares its videos (and many copied spam texts) with
the rows the shipped head learned from, so it flatters. Here the spam head is trained on all but
one of the YouTube files and the whole engine (rules, the shipped abuse head, that spam head)
scores the file left out, each in turn: the nearest thing to a new organisation's comments.
Prints precision, recall, F1 and ham wrongly flagged per file left out, their mean, and the
criticism set's false-flag rate with each head.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bot.core.evaluation import CRITICISM_SET, evaluate, load_labelled_csv, load_youtube
from bot.core.policy import PolicyEngine
from bot.core.policy.learned import SHIPPED_MODELS, LearnedModel
from bot.core.policy.training import train_head


def _leave_out(datasets: Path, videos: list[Path], left_out: Path, scratch: Path) -> Path:
    """A datasets folder holding the other videos and the sets the spam head borrows from."""
    (scratch / "youtube-spam").mkdir(parents=True)
    for video in videos:
        if video != left_out:
            (scratch / "youtube-spam" / video.name).symlink_to(video.resolve())
    borrowed = datasets / "davidson-hate-offensive"
    if borrowed.exists():
        (scratch / borrowed.name).symlink_to(borrowed.resolve())
    return scratch


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--datasets", type=Path, required=True)
    args = parser.parse_args()
    videos = sorted((args.datasets / "youtube-spam").glob("Youtube0*.csv"))
    if len(videos) < 2:
        raise SystemExit(f"need at least two YouTube files in {args.datasets / 'youtube-spam'}")
    criticism = load_labelled_csv(CRITICISM_SET)
    print(f"{'left out':<26} {'precision':>9} {'recall':>7} {'F1':>6} {'ham flagged':>12} {'criticism':>10}")
    scores = []
    for video in videos:
        with tempfile.TemporaryDirectory() as tmp:
            scratch = _leave_out(args.datasets, videos, video, Path(tmp) / "sets")
            train_head("spam", scratch, Path(tmp) / "models")
            engine = PolicyEngine(model=LearnedModel.load(SHIPPED_MODELS, Path(tmp) / "models"))
            result = evaluate(video.name, load_youtube([video]), engine)
            kept_up = evaluate("criticism", criticism, engine)
        score = result.scores[0]
        scores.append(score.f1)
        print(
            f"{video.name:<26} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{result.tier3_false_flag_rate:>12.1%} {kept_up.tier3_false_flag_rate:>10.1%}"
        )
    print(f"{'mean F1':<26} {'':>9} {'':>7} {statistics.mean(scores):>6.3f}")


if __name__ == "__main__":
    main()
