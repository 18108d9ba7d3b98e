"""Time to build and render the month's assurance report over a large month.

    .venv/bin/python -m bench.assurance                       # SQLite, 100,000 comments
    .venv/bin/python -m bench.assurance --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Seeds a month through the desk's own paths (`bench/assurance_seed.py`: ingest and classify,
decisions, checks, handovers, safeguarding), then builds the view model and renders the HTML (charts
included) several times, printing the median and the slowest of each. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from bench.assurance_seed import seed_month
from bench.common import fresh_postgres_database
from bot.core.profile import load_profile
from bot.core.reporting.assurance import build_monthly_assurance
from bot.store.db import Database, make_engine, migrate
from handlers.report.html import render_html

MONTH = date(2026, 11, 1)
NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL (a fresh database is made in it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = (
            fresh_postgres_database(args.postgres)
            if args.postgres
            else f"sqlite:///{Path(folder) / 'bench.db'}"
        )
        engine = make_engine(url)
        migrate(engine)
        db = Database(engine, workers=1)
        profile = load_profile()
        started = time.perf_counter()
        seed_month(db, profile, MONTH, comments=args.comments)
        took = time.perf_counter() - started
        print(f"seeded {args.comments:,} comments and a month of decisions in {took:.0f} s")
        builds, renders = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            report = db.call(
                lambda s: build_monthly_assurance(
                    session=s,
                    month=MONTH,
                    organisation=profile.organisation.name,
                    calendar=profile.calendar,
                    now=NOW,
                )
            )
            builds.append(time.perf_counter() - started)
            started = time.perf_counter()
            html = render_html(report)
            renders.append(time.perf_counter() - started)
        db.close()
        decisions = sum(n for _, n in report.decisions)
        print(f"month: {report.received:,} items, {decisions:,} decisions, {len(html):,} bytes of HTML")
        for name, times in (("build", builds), ("render", renders)):
            median = statistics.median(times)
            print(f"{name}: median {median:.2f} s, slowest {max(times):.2f} s ({args.runs} runs)")
        total = [b + r for b, r in zip(builds, renders, strict=True)]
        print(f"report: median {statistics.median(total):.2f} s, slowest {max(total):.2f} s")


if __name__ == "__main__":
    main()
