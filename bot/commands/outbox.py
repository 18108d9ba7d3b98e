"""`modbot outbox list|retry`: side effects waiting, and those that ran out of time."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.commands.common import open_db


def cmd_outbox_list(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """The side effects not yet done (or only those that ran out of time), oldest first."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.delivery import dead_letters
    from bot.core.rhythm.clock import LONDON

    db = open_db()
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


def cmd_outbox_retry(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Queue dead tasks again; a running `modbot serve` picks them up within a second or so."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.delivery import dead_letters

    if not args.ids and not args.dead:
        raise SystemExit("modbot: name the task ids to retry, or --dead for every dead task")
    now = datetime.now(UTC)
    db = open_db()
    try:
        queued = db.call(lambda s: dead_letters.requeue(s, ids=args.ids, all_dead=args.dead, now=now))
    finally:
        db.close()
    missing = sorted(set(args.ids) - set(queued))
    print(f"queued again: {', '.join(map(str, queued)) or 'none'}", file=out)
    if missing:
        print(f"not dead (or not found), left as they are: {', '.join(map(str, missing))}", file=out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
