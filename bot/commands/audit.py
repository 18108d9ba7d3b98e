"""`modbot audit export`: the audit log, for the Audit Committee."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bot.commands.common import load_settings, since_arg


def cmd_audit_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.audit import export_csv
    from bot.store.db import Database, make_engine

    settings = load_settings()
    db = Database(make_engine(settings.database_url), workers=1)
    try:
        count = db.call(lambda s: export_csv(s, since=args.since, until=args.until, out=out))
    finally:
        db.close()
    print(f"{count} audit rows exported", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="the audit log").add_subparsers(dest="audit_command", required=True)
    export = audit.add_parser("export", help="export the audit log (for the Audit Committee)")
    export.add_argument(
        "--since", type=since_arg, required=True, help="ISO date or datetime (UTC if no zone)"
    )
    export.add_argument("--until", type=since_arg, default=None, help="ISO date or datetime, exclusive")
    export.add_argument("--format", choices=["csv"], default="csv")
    export.set_defaults(func=cmd_audit_export)
