"""`modbot digest` and `modbot calendar due`: the desk's rhythm, printed."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.commands.common import load_settings, moment_arg


def cmd_digest(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Print what would be sent at that moment, without sending it."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.profile import load_profile
    from bot.core.rhythm.digest_text import handover_text, reminder_text
    from bot.core.rhythm.digests import build_handover_digest, build_reminder
    from bot.store.db import Database, make_engine, migrate

    settings = load_settings()
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


def cmd_calendar_due(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.profile import load_profile
    from bot.core.rhythm.clock import LONDON

    calendar = load_profile(load_settings().modbot_policy).calendar
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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    digest = sub.add_parser("digest", help="print a reminder or the handover digest as it would be sent")
    digest.add_argument("kind", choices=["handover", "morning", "midday", "afternoon"])
    digest.add_argument("--at", type=moment_arg, default=None, help="ISO datetime (London time if no zone)")
    digest.set_defaults(func=cmd_digest)
    calendar = sub.add_parser("calendar", help="the working calendar").add_subparsers(
        dest="calendar_command", required=True
    )
    due = calendar.add_parser("due", help="when an item arriving at that moment is due")
    due.add_argument("moment", type=moment_arg, help="ISO datetime (London time if no zone)")
    due.set_defaults(func=cmd_calendar_due)
