"""`modbot check`: the configuration, in words, and what is missing."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.commands.classifier import classifier_engine
from bot.commands.common import load_settings, where_is
from bot.core.errors import ModbotError
from bot.settings import Settings


def cmd_check(_args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Validate configuration and say, in words, what is missing. Exit 1 on a blocking problem."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.policy.heads import describe
    from bot.core.policy_file import seed_leftovers
    from bot.core.profile import load_profile

    settings = load_settings()
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
        policy = classifier_engine()
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
    from bot.core.safeguarding.confidential import DataKeyError, parse_key, weakness

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


def platform_report(settings: Settings) -> list[str]:
    """One line per platform: how items arrive, whether modbot can act, and what the card offers."""
    from bot.core.models import Platform
    from bot.core.moderation.capabilities import CAPABILITIES

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

    from bot.core.delivery import conversations
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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub.add_parser("check", help="validate configuration and say what is missing").set_defaults(
        func=cmd_check
    )
