"""`modbot serve` with its clock set to a chosen moment, for bench/chaos.py's scheduler run.

    python -m bench.serve_at --at 2026-12-07T08:59:40+00:00 --since 1764979200.0

The app is the real one (`bot.main.build_runtime`, the real scheduler and database); only the
desk's clock differs: it reads `--at` at the real moment `--since` (epoch seconds) and runs on
from there, so processes given the same pair agree on the time.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime

from aiohttp import web

from bot import logs
from bot.main import build_runtime
from bot.settings import Settings
from handlers.http import PathOnlyAccessLogger


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", type=datetime.fromisoformat, required=True)
    parser.add_argument("--since", type=float, required=True)
    args = parser.parse_args()
    logs.configure(os.environ.get("MODBOT_LOG_LEVEL", "WARNING"))
    offset = args.at - datetime.fromtimestamp(args.since, UTC)
    settings = Settings()
    runtime = build_runtime(settings, now=lambda: datetime.now(UTC) + offset)
    runtime.services.engine.prepare()  # as `modbot serve` does before it listens
    web.run_app(
        runtime.app,
        host=settings.modbot_host,
        port=settings.modbot_port,
        print=None,
        access_log_class=PathOnlyAccessLogger,
    )


if __name__ == "__main__":
    main()
