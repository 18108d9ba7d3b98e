"""The `modbot` command: the parser, put together from each command group's module."""

from __future__ import annotations

import argparse
import os

from bot import logs
from bot.commands import audit, check, classifier, desk, imports, outbox, report, serve, setup

# The order `modbot --help` lists them in: running the desk first, setting it up last.
GROUPS = (serve, check, audit, report, outbox, desk, classifier, imports, setup)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modbot", description="The social media moderation desk.")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
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
