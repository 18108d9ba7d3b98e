"""`modbot serve` with its clock set to a chosen moment, for bench/chaos.py's scheduler run.

    python -m bench.serve_at --at 2026-12-07T08:59:40+00:00 --since 1764979200.0

The app is the real one (`bot.main.serve`, the real scheduler and database); only the
desk's clock differs: it reads `--at` at the real moment `--since` (epoch seconds) and runs on
from there, so processes given the same pair agree on the time.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime

from bot import logs
from bot.main import serve
from bot.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", type=datetime.fromisoformat, required=True)
    parser.add_argument("--since", type=float, required=True)
    args = parser.parse_args()
    logs.configure(os.environ.get("MODBOT_LOG_LEVEL", "WARNING"))
    offset = args.at - datetime.fromtimestamp(args.since, UTC)
    serve(Settings(), now=lambda: datetime.now(UTC) + offset)


if __name__ == "__main__":
    main()
