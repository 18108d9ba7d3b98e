"""`modbot import`: a dashboard export ingested like the webhooks, idempotently."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from bot.commands.common import load_settings


def cmd_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Ingest a dashboard export through the same path as the webhooks, idempotently."""
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    import asyncio

    from bot.core.moderation.intake import Rejected
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
    runtime = build_runtime(load_settings(), run_worker=False)
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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
