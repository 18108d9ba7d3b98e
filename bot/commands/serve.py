"""`modbot serve`, `modbot migrate` and `modbot demo`: running the desk."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TextIO

from bot.commands.common import load_settings, where_is
from bot.core.errors import ModbotError

log = logging.getLogger("modbot")


def cmd_serve(_args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from bot.main import serve
    from bot.store.db import SchemaBehind

    settings = load_settings()
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


def cmd_migrate(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Bring the database's schema to this release (safe beside running processes)."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.store.db import make_engine, migrate, schema_state

    settings = load_settings()
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


def cmd_demo(args: argparse.Namespace) -> int:
    """The whole desk, locally: the real app, a local Slack workspace and Facebook page, a page
    at /demo showing the channel, and made-up comments arriving."""
    from handlers.demo.run import run_demo

    url = f"http://127.0.0.1:{args.port}/demo"
    print(f"modbot demo: open {url} (Ctrl+C stops it; nothing is kept)", flush=True)
    run_demo(port=args.port, trickle_seconds=None if args.quiet else args.every)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub.add_parser("serve", help="run the web app and the outbox worker").set_defaults(func=cmd_serve)
    migrate_command = sub.add_parser("migrate", help="bring the database's schema to this release")
    migrate_command.add_argument(
        "--dry-run", action="store_true", help="only say whether it is behind (exit 1 if it is)"
    )
    migrate_command.set_defaults(func=cmd_migrate)
    demo = sub.add_parser("demo", help="the whole desk, locally, in a browser (a practice desk too)")
    demo.add_argument("--port", type=int, default=3000, help="port to serve on (default 3000)")
    demo.add_argument("--every", type=float, default=4.0, help="seconds between made-up comments")
    demo.add_argument("--quiet", action="store_true", help="no made-up comments: type your own")
    demo.set_defaults(func=cmd_demo)
