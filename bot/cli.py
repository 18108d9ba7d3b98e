"""The `modbot` command: serve, check, audit export."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pydantic import ValidationError

from bot import logs
from bot.core.errors import ModbotError
from bot.settings import Settings

log = logging.getLogger("modbot")

if TYPE_CHECKING:
    from bot.core.evaluation import DecisionLabel, Example
    from bot.core.policy import PolicyEngine
    from bot.store.db import Database


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"modbot: settings are not valid: {problems}") from exc


def _since(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date or datetime: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_serve(_args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from bot.main import serve
    from bot.store.db import SchemaBehind

    settings = _settings()
    log.info("database: %s", where_is(settings.database_url))
    try:
        serve(settings)
    except (ModbotError, SchemaBehind) as exc:  # e.g. no MODBOT_DATA_KEY in production
        raise SystemExit(f"modbot: cannot start: {exc}") from exc
    except OperationalError as exc:  # the database cannot be reached at start-up
        raise SystemExit(
            f"modbot: cannot start: cannot open DATABASE_URL {where_is(settings.database_url)} "
            f"({type(exc.orig).__name__})"
        ) from exc
    return 0


def cmd_migrate(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Bring the database's schema to this release (safe beside running processes)."""
    from bot.store.db import make_engine, migrate, schema_state

    settings = _settings()
    engine = make_engine(settings.database_url)
    try:
        before = schema_state(engine)
        if args.dry_run:
            print(
                before.advice() if before.behind else f"schema is at {before.head}: nothing to do", file=out
            )
            return 1 if before.behind else 0
        migrate(engine)
        # Another process may have migrated meanwhile: say where it stands now, and where it was.
        print(
            f"{where_is(settings.database_url)}: schema at {schema_state(engine).current} "
            f"(found at {before.current or 'nothing: an empty database'})",
            file=out,
        )
    finally:
        engine.dispose()
    return 0


def platform_report(settings: Settings) -> list[str]:
    """One line per platform: how items arrive, whether modbot can act, and what the card offers."""
    from bot.core.capabilities import CAPABILITIES
    from bot.core.models import Platform

    def on(value: object, name: str) -> str:
        return "on" if value else f"off ({name} not set)"

    meta_in = f"webhook {on(settings.meta_enabled, 'META_APP_SECRET')}"
    reconcile = (
        "reconciliation poll on" if settings.meta_page_id else "no reconciliation (META_PAGE_ID not set)"
    )
    intake = {
        Platform.FACEBOOK: f"{meta_in}; {reconcile}",
        Platform.INSTAGRAM: f"{meta_in}; "
        + ("reconciliation poll on" if settings.meta_instagram_account_id else "no reconciliation"),
        Platform.X: f"webhook {on(settings.x_consumer_secret, 'X_CONSUMER_SECRET')}; mention poll "
        + ("on" if settings.x_poll_mentions and settings.x_api_enabled else "off"),
        Platform.LINKEDIN: f"webhook {on(settings.linkedin_client_secret, 'LINKEDIN_CLIENT_SECRET')}; "
        + "fallback poll "
        + (
            "on"
            if settings.linkedin_poll and settings.linkedin_organization and settings.linkedin_access_token
            else "off"
        ),
        Platform.YOUTUBE: "comment poll "
        + (
            f"on (quota {settings.youtube_daily_quota:,} units a day, "
            f"{settings.youtube_action_reserve:,} kept for clicks)"
            if settings.youtube_enabled
            else "off (YOUTUBE_ACCESS_TOKEN and YOUTUBE_CHANNEL_ID not set)"
        ),
        Platform.TIKTOK: f"webhook {on(settings.tiktok_app_secret, 'TIKTOK_APP_SECRET')}",
    }
    connected = {
        Platform.FACEBOOK: settings.meta_page_access_token,
        Platform.INSTAGRAM: settings.meta_page_access_token,
        Platform.X: settings.x_api_enabled,
        Platform.LINKEDIN: settings.linkedin_access_token,
        Platform.YOUTUBE: settings.youtube_enabled,
        Platform.TIKTOK: settings.tiktok_access_token,
    }
    lines = []
    for platform, caps in CAPABILITIES.items():
        offers = [
            name
            for name, able in (
                ("hide", caps.hide),
                ("delete", caps.delete),
                ("reply", caps.reply),
                ("private reply", caps.private_reply),
                ("mute" if "mute" in caps.ban_label else "ban", caps.ban),
            )
            if able
        ]
        acts = "modbot acts on the platform" if connected[platform] else "actions done by hand (no API token)"
        lines.append(
            f"{platform.label}: {intake[platform]}; {acts}; can {', '.join(offers) or 'only be left'}"
        )
    return lines


def teams_report(settings: Settings) -> list[str]:
    """Whether Teams is on, authenticated, and able to reach its channels (saved references)."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.core import conversations
    from bot.store.db import Database, make_engine

    if not settings.teams_enabled:
        return ["teams: not configured"]
    auth = "authenticated" if settings.teams_authenticated else "UNAUTHENTICATED (local testing only)"
    lines = [f"teams: configured, {auth}"]
    engine = make_engine(settings.database_url)
    db = Database(engine, workers=1)
    try:
        keys = set(db.call(lambda s: conversations.known_keys(s, surface="teams")))
    except SQLAlchemyError:  # not migrated yet (or unreachable: the database line says which)
        keys = set()
    finally:
        db.close()
    teams = sum(1 for k in keys if k.startswith("team:"))
    people = sum(1 for k in keys if k.startswith("user:"))
    for label, channel in (
        ("moderation channel", settings.teams_moderation_channel),
        ("safeguarding channel", settings.teams_safeguarding_channel),
    ):
        if not channel:
            continue
        if f"channel:{channel}" in keys:
            lines.append(f"teams {label}: reachable (the app has heard from it)")
        elif teams:
            lines.append(f"teams {label}: reachable through an installed team (not yet heard from itself)")
        else:
            lines.append(
                f"teams {label}: PROBLEM: no conversation reference; add the modbot app to the team "
                "that holds the channel (cards wait in the outbox until then)"
            )
    lines.append(
        f"teams: installed in {teams} team(s); {people} personal chat reference(s) for direct messages"
    )
    return lines


def cmd_teams_package(args: argparse.Namespace) -> int:
    """Write the Teams app package (manifest.json and the two icons) for upload."""
    from bot.core.profile import load_profile
    from handlers.teams.package import build_zip

    settings = _settings()
    try:
        data = build_zip(
            app_id=settings.teams_app_id or "",
            domain=args.domain or settings.teams_valid_domain or "",
            version=args.version,
            organisation=load_profile(settings.modbot_policy).organisation.name,
        )
    except ModbotError as exc:
        print(f"modbot teams-package: {exc}", file=sys.stderr)
        return 2
    Path(args.out).write_bytes(data)
    print(f"wrote {args.out}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """The whole desk, locally: the real app, a local Slack workspace and Facebook page, a page
    at /demo showing the channel, and made-up comments arriving."""
    from handlers.demo.run import run_demo

    url = f"http://127.0.0.1:{args.port}/demo"
    print(f"modbot demo: open {url} (Ctrl+C stops it; nothing is kept)", flush=True)
    run_demo(port=args.port, trickle_seconds=None if args.quiet else args.every)
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Write a policy file for a new organisation, the built-in profile beside it as an example."""
    from bot.core.policy_file import new_policy_file
    from bot.core.profile import load_profile

    out = Path(args.out)
    if out.exists() and not args.force:
        print(f"modbot init: {out} exists; give --force to replace it", file=sys.stderr)
        return 2
    out.write_text(new_policy_file(args.name), encoding="utf-8")
    load_profile(out)  # what was written must load: a template that did not would be a defect
    print(f"wrote {out}: fill in your accounts, staff, contacts and safeguarding numbers, then")
    print(f"  export MODBOT_POLICY={out} && modbot check")
    return 0


def cmd_slack_manifest(args: argparse.Namespace) -> int:
    """Write the Slack app manifest for HTTP mode (a public host) or Socket Mode (none)."""
    from handlers.slack.app_manifest import slack_manifest

    try:
        text = slack_manifest(domain=args.domain, socket_mode=args.socket_mode)
    except ModbotError as exc:
        print(f"modbot slack-manifest: {exc}", file=sys.stderr)
        return 2
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}: paste it at https://api.slack.com/apps → Create New App → From a manifest")
    return 0


def where_is(url: str) -> str:
    """The database in words, without its password: the SQLite file's full path, or the server."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite file {Path(parsed.database or ':memory:').resolve()}"
    return f"{parsed.get_backend_name()} at {parsed.render_as_string(hide_password=True)}"


def cmd_check(_args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Validate configuration and say, in words, what is missing. Exit 1 on a blocking problem."""
    from bot.core.policy.heads import describe
    from bot.core.policy_file import seed_leftovers
    from bot.core.profile import load_profile

    settings = _settings()
    ok = True
    try:
        profile = load_profile(settings.modbot_policy)
        print(
            f"policy: {settings.modbot_policy or 'built-in default'} ({profile.organisation.name})", file=out
        )
        for leftover in seed_leftovers(profile):
            print(f"warning: {leftover}: write your own with `modbot init`", file=out)
    except ModbotError as exc:
        print(f"policy: PROBLEM: {exc}", file=out)
        ok = False
    try:
        policy = _engine()
        heads = list(describe(policy.model)) if policy.model is not None else []
        print(
            f"classifier: rules{' + ' + str(len(heads)) + ' learned heads' if heads else ' only'}", file=out
        )
        for line in heads:
            print(f"  {line}", file=out)
    except (ModbotError, ValueError, OSError) as exc:
        print(f"classifier: PROBLEM: {exc}", file=out)
        ok = False
    ok = _check_database(settings, out) and ok
    ok = _check_data_key(settings, out) and ok
    _report_outbox(settings, out)
    print(f"slack: {'configured' if settings.slack_enabled else 'not configured'}", file=out)
    for line in teams_report(settings):
        print(line, file=out)
    for line in platform_report(settings):
        print(line, file=out)
    print(f"ingest endpoint: {'on' if settings.ingest_secret else 'off (INGEST_SECRET not set)'}", file=out)
    for problem in settings.problems():
        print(f"warning: {problem}", file=out)
    return 0 if ok else 1


def _check_database(settings: Settings, out: TextIO) -> bool:
    """The database line; False where `modbot serve` could not open it or would refuse its schema.

    Read-only: the schema is compared with this release's, not migrated.
    """
    from bot.store.db import make_engine, schema_state

    try:
        engine = make_engine(settings.database_url)
        try:
            state = schema_state(engine)
        finally:
            engine.dispose()
    except Exception as exc:
        print(f"database: PROBLEM: cannot open DATABASE_URL ({type(exc).__name__}: {exc})", file=out)
        return False
    where = where_is(settings.database_url)
    if not state.behind:
        print(f"database: {where}, reachable, schema at {state.head}", file=out)
        return True
    if settings.modbot_migrate:
        print(f"database: {where}, reachable; `modbot serve` will migrate it to {state.head}", file=out)
        return True
    print(f"database: PROBLEM: {where}: {state.advice()}", file=out)
    return False


def _report_outbox(settings: Settings, out: TextIO) -> None:
    """Counts by state; dead tasks are a warning (they stop nothing, but something did not happen)."""
    from bot.outbox.worker import outbox_counts
    from bot.store.db import Database, make_engine

    try:
        db = Database(make_engine(settings.database_url), workers=1)
        try:
            counts = db.call(outbox_counts)
        finally:
            db.close()
    except Exception as exc:  # the database line above has said why already
        print(f"outbox: not read ({type(exc).__name__})", file=out)
        return
    waiting = counts.get("pending", 0) + counts.get("running", 0)
    print(f"outbox: {waiting} waiting, {counts.get('dead', 0)} dead", file=out)
    if counts.get("dead"):
        print(
            f"warning: {counts['dead']} outbox tasks ran out of time: see modbot outbox list --dead, "
            "then modbot outbox retry",
            file=out,
        )


def _check_data_key(settings: Settings, out: TextIO) -> bool:
    """The line about MODBOT_DATA_KEY; False where `modbot serve` would refuse to start."""
    from bot.core.confidential import DataKeyError, parse_key, weakness

    production = settings.modbot_env == "production"
    raw = settings.modbot_data_key.get_secret_value() if settings.modbot_data_key else None
    try:
        key, development = parse_key(raw, production=production)
    except DataKeyError as exc:
        print(f"data key: PROBLEM: {exc}", file=out)
        return False
    why = None if development else weakness(key)
    if development:
        print("data key: development stand-in (set MODBOT_DATA_KEY before real reports)", file=out)
    elif why:
        print(f"data key: set, but production would refuse it: {why}", file=out)
    else:
        print("data key: set", file=out)
    return True


def cmd_audit_export(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    from bot.core.audit import export_csv
    from bot.store.db import Database, make_engine

    settings = _settings()
    db = Database(make_engine(settings.database_url), workers=1)
    try:
        count = db.call(lambda s: export_csv(s, since=args.since, until=args.until, out=out))
    finally:
        db.close()
    print(f"{count} audit rows exported", file=sys.stderr)
    return 0


def _open_db() -> Database:
    from bot.store.db import Database, SchemaBehind, make_engine, ready_schema

    settings = _settings()
    engine = make_engine(settings.database_url)
    try:
        ready_schema(engine, migrate_allowed=settings.modbot_migrate)
    except SchemaBehind as exc:
        raise SystemExit(f"modbot: {exc}") from exc
    return Database(engine, workers=1)


def cmd_outbox_list(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """The side effects not yet done (or only those that ran out of time), oldest first."""
    from bot.core import dead_letters
    from bot.core.clock import LONDON

    db = _open_db()
    try:
        found = db.call(lambda s: dead_letters.tasks(s, dead_only=args.dead, limit=args.limit))
    finally:
        db.close()
    if not found:
        print("no dead tasks" if args.dead else "the outbox is empty", file=out)
        return 0
    print("id\tstatus\tkind\tattempts\tqueued (London)\tlane\tlast error", file=out)
    for task in found:
        queued = task.created_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")
        error = (task.last_error or "").replace("\n", " ")[:120]
        print(
            f"{task.id}\t{task.status}\t{task.kind}\t{task.attempts}\t{queued}\t{task.lane}\t{error}",
            file=out,
        )
    return 0


def cmd_outbox_retry(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Queue dead tasks again; a running `modbot serve` picks them up within a second or so."""
    from bot.core import dead_letters

    if not args.ids and not args.dead:
        raise SystemExit("modbot: name the task ids to retry, or --dead for every dead task")
    now = datetime.now(UTC)
    db = _open_db()
    try:
        queued = db.call(lambda s: dead_letters.requeue(s, ids=args.ids, all_dead=args.dead, now=now))
    finally:
        db.close()
    missing = sorted(set(args.ids) - set(queued))
    print(f"queued again: {', '.join(map(str, queued)) or 'none'}", file=out)
    if missing:
        print(f"not dead (or not found), left as they are: {', '.join(map(str, missing))}", file=out)
    return 0


def _moment(value: str) -> datetime:
    """An ISO datetime; without a zone it is London time (what people on the desk mean)."""
    from bot.core.clock import LONDON

    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO datetime: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LONDON)


def cmd_digest(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Print what would be sent at that moment, without sending it."""
    from bot.core.digest_text import handover_text, reminder_text
    from bot.core.digests import build_handover_digest, build_reminder
    from bot.core.profile import load_profile
    from bot.store.db import Database, make_engine, migrate

    settings = _settings()
    profile = load_profile(settings.modbot_policy)
    engine = make_engine(settings.database_url)
    migrate(engine)
    db = Database(engine, workers=1)
    at = args.at or datetime.now(UTC)
    try:
        if args.kind == "handover":
            text = db.call(
                lambda s: handover_text(
                    build_handover_digest(session=s, now=at, profile=profile), references=True
                )
            )
        else:
            text = db.call(
                lambda s: reminder_text(build_reminder(session=s, slot=args.kind, now=at, profile=profile))
            )
    finally:
        db.close()
    print(text, file=out)
    return 0


def cmd_calendar_due(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    from bot.core.clock import LONDON
    from bot.core.profile import load_profile

    calendar = load_profile(_settings().modbot_policy).calendar
    moment: datetime = args.moment
    due = calendar.due_at(moment)
    print(f"arrived: {moment.astimezone(LONDON):%a %d %b %Y %H:%M %Z}", file=out)
    print(f"in working hours: {'yes' if calendar.in_hours(moment) else 'no'}", file=out)
    if not calendar.in_hours(moment):
        print(
            f"clock starts: {calendar.next_hours_start(moment).astimezone(LONDON):%a %d %b %Y %H:%M %Z}",
            file=out,
        )
    print(f"response due: {due.astimezone(LONDON):%a %d %b %Y %H:%M %Z}", file=out)
    return 0


def _engine() -> PolicyEngine:
    from bot.core.policy import build_engine
    from bot.core.profile import load_profile

    settings = _settings()
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

    engine = _engine()
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


def cmd_eval(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Score the classifier on labelled comments it never learned from.

    With no CSV and no --from-decisions: every development set in the repository's datasets/,
    the NHS-style held-out part as a desk sees it, and HateCheck (scoring only); with
    --leave-one-video-out, YouTube spam trained and scored video by video too.
    """
    import json
    from dataclasses import asdict

    from bot.core.evaluation import (
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
    from bot.core.policy.data import DATASETS

    engine = _engine()
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
        labelled = _decision_labels()
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
    heads = args.heads or list(training.RECIPES)
    unknown = [h for h in heads if h not in training.RECIPES]
    if unknown:
        raise SystemExit(f"modbot: unknown head {unknown[0]!r}; choose from {', '.join(training.RECIPES)}")
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


def cmd_import(args: argparse.Namespace, out: TextIO = sys.stdout) -> int:
    """Ingest a dashboard export through the same path as the webhooks, idempotently."""
    import asyncio

    from bot.core.intake import Rejected
    from bot.importer import Row, read_export
    from bot.main import build_runtime

    rows: list[Row] = []
    rejected: list[Rejected] = []
    try:
        for row in read_export(args.file, args.source, zone=args.timezone):
            if isinstance(row, Rejected):
                rejected.append(row)
            else:
                rows.append(row)
    except (ValueError, OSError) as exc:
        raise SystemExit(f"modbot: {exc}") from exc
    # Cards and escalations go to the outbox; a running `modbot serve` sends them.
    runtime = build_runtime(_settings(), run_worker=False)
    new = duplicates = opened = 0

    async def run() -> None:
        nonlocal new, duplicates, opened
        for start in range(0, len(rows), 500):
            batch = rows[start : start + 500]
            items = [row.item for row in batch]
            result = await runtime.services.ingest(items, source=f"import:{args.source}")
            new, duplicates, opened = (
                new + result.new,
                duplicates + result.duplicates,
                opened + len(result.cases_opened),
            )
            rejected.extend(Rejected(batch[index].where, reason) for index, reason in result.rejected)
            done = start + len(batch)
            print(
                f"\rimported {done:,} of {len(rows):,} ({done * 100 // max(1, len(rows))}%)",
                end="",
                file=sys.stderr,
            )
        print(file=sys.stderr)

    try:
        asyncio.run(run())
    finally:
        runtime.services.db.close()
    print(f"{new} new, {duplicates} duplicate, {len(rejected)} rejected; {opened} cases opened", file=out)
    for row in rejected:
        print(f"  rejected {row.where}: {row.reason}", file=out)
    return 0


def _decision_labels() -> list[DecisionLabel]:
    from bot.core.evaluation import decision_labels
    from bot.store.db import Database, make_engine, migrate

    engine = make_engine(_settings().database_url)
    migrate(engine)
    db = Database(engine, workers=1)
    try:
        return db.call(decision_labels)
    finally:
        db.close()


def cmd_export_labels(args: argparse.Namespace) -> int:
    """Write the moderators' decisions out as labels (text,label,...) for review."""
    import csv

    rows = _decision_labels()
    with args.output.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        # `signal` names the learned head a flag spoke for: `modbot train --labels` teaches it.
        writer.writerow(["text", "label", "signal", "classifier_tier", "decision", "case_id"])
        for row in rows:
            writer.writerow([row.text, row.label, row.signal, row.classifier_tier, row.decision, row.case_id])
    print(f"{len(rows)} labelled decisions written to {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modbot", description="The social media moderation desk.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="run the web app and the outbox worker").set_defaults(func=cmd_serve)
    sub.add_parser("check", help="validate configuration and say what is missing").set_defaults(
        func=cmd_check
    )
    migrate_command = sub.add_parser("migrate", help="bring the database's schema to this release")
    migrate_command.add_argument(
        "--dry-run", action="store_true", help="only say whether it is behind (exit 1 if it is)"
    )
    migrate_command.set_defaults(func=cmd_migrate)
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(dest="audit_command", required=True)
    export = audit.add_parser("export", help="export the audit log (for the Audit Committee)")
    export.add_argument("--since", type=_since, required=True, help="ISO date or datetime (UTC if no zone)")
    export.add_argument("--until", type=_since, default=None, help="ISO date or datetime, exclusive")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.set_defaults(func=cmd_audit_export)
    from bot.report_command import register as register_report

    register_report(sub)
    outbox = sub.add_parser("outbox", help="side effects waiting, and those that ran out of time")
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True)
    listing = outbox_commands.add_parser("list", help="tasks not yet done, oldest first")
    listing.add_argument("--dead", action="store_true", help="only the tasks that ran out of time")
    listing.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    listing.set_defaults(func=cmd_outbox_list)
    retry = outbox_commands.add_parser("retry", help="queue dead tasks again, their time restarted")
    retry.add_argument("ids", nargs="*", type=int, help="the task ids (from outbox list --dead)")
    retry.add_argument("--dead", action="store_true", help="every dead task")
    retry.set_defaults(func=cmd_outbox_retry)
    digest = sub.add_parser("digest", help="print a reminder or the handover digest as it would be sent")
    digest.add_argument("kind", choices=["handover", "morning", "midday", "afternoon"])
    digest.add_argument("--at", type=_moment, default=None, help="ISO datetime (London time if no zone)")
    digest.set_defaults(func=cmd_digest)
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
    importer = sub.add_parser(
        "import", help="ingest a dashboard export (CSV, JSON, Brandwatch, Hootsuite, Sprout), idempotently"
    )
    importer.add_argument("file", type=Path)
    importer.add_argument(
        "--source", choices=["csv", "json", "brandwatch", "hootsuite", "sprout"], default="csv"
    )
    importer.add_argument(
        "--timezone", default="Europe/London", help="zone of export dates written without one"
    )
    importer.set_defaults(func=cmd_import)
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
    package = sub.add_parser("teams-package", help="write the Teams app zip (manifest and icons) to upload")
    package.add_argument("--out", default="modbot-teams.zip", help="where to write the zip")
    package.add_argument("--domain", help="public host name that reaches modbot (default TEAMS_VALID_DOMAIN)")
    package.add_argument("--version", default="1.0.0", help="the app's version (raise it on every upload)")
    package.set_defaults(func=cmd_teams_package)
    demo = sub.add_parser("demo", help="the whole desk, locally, in a browser (a practice desk too)")
    demo.add_argument("--port", type=int, default=3000, help="port to serve on (default 3000)")
    demo.add_argument("--every", type=float, default=4.0, help="seconds between made-up comments")
    demo.add_argument("--quiet", action="store_true", help="no made-up comments: type your own")
    demo.set_defaults(func=cmd_demo)
    init = sub.add_parser("init", help="write a policy file for your organisation")
    init.add_argument("--name", required=True, help='the organisation\'s name, e.g. "NHS Example ICB"')
    init.add_argument("--out", default="policy.yml", help="where to write it (default policy.yml)")
    init.add_argument("--force", action="store_true", help="replace the file if it exists")
    init.set_defaults(func=cmd_init)
    manifest = sub.add_parser("slack-manifest", help="write the Slack app manifest for this deployment")
    mode = manifest.add_mutually_exclusive_group(required=True)
    mode.add_argument("--domain", help="public host name that reaches modbot serve (HTTP mode)")
    mode.add_argument(
        "--socket-mode", action="store_true", help="no public address: the bot connects out (SLACK_APP_TOKEN)"
    )
    manifest.add_argument("--out", default="-", help="where to write it (default: standard output)")
    manifest.set_defaults(func=cmd_slack_manifest)
    calendar = sub.add_parser("calendar", help="the working calendar").add_subparsers(
        dest="calendar_command", required=True
    )
    due = calendar.add_parser("due", help="when an item arriving at that moment is due")
    due.add_argument("moment", type=_moment, help="ISO datetime (London time if no zone)")
    due.set_defaults(func=cmd_calendar_due)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    fmt = os.environ.get("MODBOT_LOG_FORMAT", "text").lower()
    if fmt not in ("text", "json"):
        raise SystemExit(f"modbot: MODBOT_LOG_FORMAT must be text or json, not {fmt!r}")
    logs.configure(os.environ.get("MODBOT_LOG_LEVEL", "INFO"), "json" if fmt == "json" else "text")
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
