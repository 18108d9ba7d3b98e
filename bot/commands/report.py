"""`modbot report --month YYYY-MM`: the month's assurance report for the Audit Committee."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from bot.commands.common import load_settings, open_db


def _month(value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a month: write it as YYYY-MM, e.g. 2026-11")
    year, month = map(int, value.split("-"))
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"{value!r}: the month must be 01 to 12")
    return date(year, month, 1)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="the month's assurance report (HTML with charts; PDF with --pdf)")
    report.add_argument("--month", type=_month, required=True, help="YYYY-MM, in London time")
    report.add_argument(
        "--out", type=Path, default=None, help="the file to write (default: assurance-YYYY-MM.html or .pdf)"
    )
    report.add_argument("--pdf", action="store_true", help="write a PDF (needs modbot[pdf])")
    report.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout  # at call time, not import time: whatever stdout is then
    from bot.core.profile import load_profile
    from bot.core.reporting.assurance import build_monthly_assurance
    from handlers.report.html import PdfUnavailable, render_html, render_pdf

    settings = load_settings()
    profile = load_profile(settings.modbot_policy)
    db = open_db()
    try:
        report = db.call(
            lambda s: build_monthly_assurance(
                session=s,
                month=args.month,
                organisation=profile.organisation.name,
                calendar=profile.calendar,
                now=datetime.now(UTC),
            )
        )
    finally:
        db.close()
    html = render_html(report)
    target = args.out or Path(f"assurance-{args.month:%Y-%m}.{'pdf' if args.pdf else 'html'}")
    if args.pdf:
        try:
            target.write_bytes(render_pdf(html))
        except PdfUnavailable as exc:
            raise SystemExit(f"modbot: {exc}") from exc
    else:
        target.write_text(html, encoding="utf-8")
    print(
        f"wrote {target}: {report.received:,} items, {sum(n for _, n in report.decisions):,} decisions, "
        f"{report.safeguarding.opened} safeguarding reports in {args.month:%B %Y}",
        file=out,
    )
    return 0
