"""`modbot classify`, `eval`, `train` and `export-labels`: the classifier, measured and taught."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.commands.common import load_settings

if TYPE_CHECKING:
    from bot.core.policy import PolicyEngine
    from bot.core.policy.decision_labels import DecisionLabel
    from bot.core.policy.evaluation import Example


def classifier_engine() -> PolicyEngine:
    from bot.core.policy import build_engine
    from bot.core.profile import load_profile

    settings = load_settings()
    profile = load_profile(settings.modbot_policy)
    return build_engine(
        profile.staff_names,
        models=settings.modbot_models,
        learned=settings.modbot_learned,
        trusted_sites=profile.desk.trusted_sites,
        service_topics=profile.desk.service_topics,
    )


def cmd_classify(args: argparse.Namespace) -> int:
    """Add tier, route and reasons columns to a CSV with a `text` column."""
    import csv

    engine = classifier_engine()
    with (
        args.input.open(encoding="utf-8-sig", newline="") as source,
        args.output.open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.DictReader(source)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise SystemExit(f"modbot: {args.input} needs a header with a 'text' column")
        writer = csv.DictWriter(out, fieldnames=[*reader.fieldnames, "tier", "route", "reasons"])
        writer.writeheader()
        count = 0
        rows = list(reader)
        for start in range(0, len(rows), 500):  # in batches: the learned heads judge many at once
            batch = rows[start : start + 500]
            for row, verdict in zip(
                batch, engine.classify_many([r["text"] or "" for r in batch]), strict=True
            ):
                row.update(
                    tier=int(verdict.tier),
                    route=";".join(r.value for r in verdict.routes),
                    reasons="; ".join(f"{r.category}: {r.matched}" for r in verdict.reasons),
                )
                writer.writerow(row)
                count += 1
    print(f"{count} rows classified into {args.output}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Score the classifier on labelled comments it never learned from.

    With no CSV and no --from-decisions: every development set in the repository's datasets/,
    the NHS-style held-out part as a desk sees it, and HateCheck (scoring only); with
    --leave-one-video-out, YouTube spam trained and scored video by video too.
    """
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    import json
    from dataclasses import asdict

    from bot.core.policy.data import DATASETS
    from bot.core.policy.evaluation import (
        Example,
        desk_score,
        development_sets,
        evaluate,
        groups_text,
        hatecheck_score,
        leave_one_video_out,
        load_labelled_groups,
        report_text,
        score_groups,
    )

    engine = classifier_engine()
    sets: list[tuple[str, list[Example]]] = []
    grouped: dict[int, list[tuple[Example, str]]] = {}  # index in `sets` -> its rows with their group
    protocols: dict[str, object] = {}
    if not args.input and not args.from_decisions:
        sets += list(development_sets(DATASETS, constraint=args.datasets))
        protocols["nhs-style held-out part"] = asdict(desk_score(engine))
        protocols["hatecheck"] = asdict(hatecheck_score(engine, DATASETS))
        if args.leave_one_video_out:
            protocols["youtube spam, leave one video out (F1)"] = leave_one_video_out(DATASETS)
    if args.from_decisions:
        labelled = decision_labels_from_db()
        sets.append(("moderators' decisions", [Example(row.text, row.label) for row in labelled]))
    for path in args.input or []:
        try:
            rows = load_labelled_groups(path, args.by)
        except ValueError as exc:
            raise SystemExit(f"modbot: {exc}") from exc
        if args.by is not None:
            grouped[len(sets)] = rows
        sets.append((path.name, [example for example, _ in rows]))
    if not sets or not any(examples for _name, examples in sets):
        raise SystemExit("modbot: nothing to score: give a CSV with text,label columns, or --from-decisions")
    results = [evaluate(name, examples, engine) for name, examples in sets]
    groups = [(sets[i][0], score_groups(rows, results[i])) for i, rows in grouped.items()]
    if args.json:
        summary: list[dict[str, object]] = [r.as_dict() for r in results]
        summary += [{"name": name, "by": args.by, "groups": [asdict(g) for g in gs]} for name, gs in groups]
        summary += [{"name": name, "scores": scores} for name, scores in protocols.items()]
        print(json.dumps(summary, indent=2), file=out)
    else:
        texts = [report_text(r) for r in results] + [groups_text(name, args.by, gs) for name, gs in groups]
        texts += [f"{name}:\n" + _protocol_text(scores) for name, scores in protocols.items()]
        print("\n\n".join(texts), file=out)
    return 0


def _protocol_text(scores: object) -> str:
    assert isinstance(scores, dict)
    lines = []
    for key, value in scores.items():
        if isinstance(value, dict):
            lines += [f"  {key}:"] + [f"    {k}: {v:.3f}" for k, v in value.items()]
        elif isinstance(value, float):
            lines.append(f"  {key.replace('_', ' ')}: {value:.3f}")
        else:
            lines.append(f"  {key.replace('_', ' ')}: {value}")
    return "\n".join(lines)


def cmd_train(args: argparse.Namespace) -> int:
    """Train the learned heads from labelled sets on this machine (no download)."""
    from bot.core.policy import training
    from bot.core.policy.data import DATASETS
    from bot.core.policy.recipes import RECIPES

    try:
        organisation, unsure = training.load_organisation_labels(args.labels or [])
    except (ValueError, OSError) as exc:
        raise SystemExit(f"modbot: {exc}") from exc
    if args.labels:
        skipped = f"; {unsure} Tier 2 labels name no head (spam or misinformation) and were left out"
        print(
            f"{len(organisation)} of the organisation's labelled comments learned from"
            + (skipped if unsure else ""),
            file=sys.stderr,
        )
    heads = args.heads or list(RECIPES)
    unknown = [h for h in heads if h not in RECIPES]
    if unknown:
        raise SystemExit(f"modbot: unknown head {unknown[0]!r}; choose from {', '.join(RECIPES)}")
    try:
        fitted = training.fit(
            heads,
            args.datasets or DATASETS,
            organisation=organisation,
            progress=lambda line: print(line, file=sys.stderr),
        )
    except (ValueError, OSError) as exc:
        raise SystemExit(f"modbot: {exc}") from exc
    training.write(fitted, args.out)
    training.check_readable(args.out)
    for name in heads:
        about = fitted.manifest["heads"][name]
        scores = about["scores"]
        false_flags = ", ".join(f"{k} {v:.1%}" for k, v in scores["cross_validated_false_flags"].items())
        print(
            f"{name}: threshold {about['threshold']:.3f}, cross-validated recall "
            f"{scores['cross_validated_recall']:.3f}, false flags {false_flags}; "
            f"learned from {about['trained_on_summary']}"
        )
    print(f"written to {args.out}; set MODBOT_MODELS={args.out} to use them", file=sys.stderr)
    return 0


def decision_labels_from_db() -> list[DecisionLabel]:
    from bot.core.policy.decision_labels import decision_labels
    from bot.store.db import Database, make_engine, migrate

    engine = make_engine(load_settings().database_url)
    migrate(engine)
    db = Database(engine, workers=1)
    try:
        return db.call(decision_labels)
    finally:
        db.close()


def cmd_export_labels(args: argparse.Namespace) -> int:
    """Write the moderators' decisions out as labels (text,label,...) for review."""
    import csv

    rows = decision_labels_from_db()
    with args.output.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        # `signal` names the learned head a flag spoke for: `modbot train --labels` teaches it.
        writer.writerow(["text", "label", "signal", "classifier_tier", "decision", "case_id"])
        for row in rows:
            writer.writerow([row.text, row.label, row.signal, row.classifier_tier, row.decision, row.case_id])
    print(f"{len(rows)} labelled decisions written to {args.output}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    classify = sub.add_parser(
        "classify", help="add tier, route and reasons columns to a CSV with a text column"
    )
    classify.add_argument("input", type=Path)
    classify.add_argument("output", type=Path)
    classify.set_defaults(func=cmd_classify)
    evaluate = sub.add_parser(
        "eval", help="measure the classifier on labelled CSVs (text,label with label 1, 2 or 3)"
    )
    evaluate.add_argument("input", type=Path, nargs="*")
    evaluate.add_argument(
        "--datasets",
        type=Path,
        default=None,
        help="a folder holding CONSTRAINT's valid.tsv, scored too (it states no licence, so it is "
        "not in the repository and nothing ships learned from it)",
    )
    evaluate.add_argument(
        "--leave-one-video-out",
        action="store_true",
        help="also train the spam head four times, each without one YouTube video, and score that video",
    )
    evaluate.add_argument("--json", action="store_true", help="machine-readable summary")
    evaluate.add_argument(
        "--by",
        metavar="COLUMN",
        help="also report each value of this column of the input CSVs on its own (a test suite's "
        "functionality, a platform, a month)",
    )
    evaluate.add_argument(
        "--from-decisions", action="store_true", help="also score against past moderator decisions"
    )
    evaluate.set_defaults(func=cmd_eval)
    train = sub.add_parser("train", help="train the learned classifier heads from labelled sets")
    train.add_argument(
        "--datasets",
        type=Path,
        default=None,
        help="the folder of labelled public sets (default: the repository's datasets/)",
    )
    train.add_argument("--out", type=Path, required=True, help="folder to write the heads to")
    train.add_argument("--heads", nargs="*", help="abuse, spam, misinformation (default: all three)")
    train.add_argument(
        "--labels",
        type=Path,
        nargs="+",
        help="the organisation's own labelled comments (modbot export-labels, reviewed), learned "
        "beside the public sets and weighed like the project's own NHS-style rows",
    )
    train.set_defaults(func=cmd_train)
    labels = sub.add_parser("export-labels", help="write moderators' decisions as labelled CSV for review")
    labels.add_argument("output", type=Path)
    labels.set_defaults(func=cmd_export_labels)
