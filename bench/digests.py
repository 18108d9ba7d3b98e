"""Time to build the morning reminder and the handover digest over a large database.

    .venv/bin/python -m bench.digests                       # SQLite
    .venv/bin/python -m bench.digests --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Seeds 1,000,000 comments over 30 days and 10,000 open cases (plus closed ones), then builds each
view several times and prints the median and the slowest. Asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from bench.common import fresh_postgres_database
from bot.core.profile import load_profile
from bot.core.rhythm.digests import build_handover_digest, build_reminder
from bot.store.db import Database, make_engine, migrate
from bot.store.tables import Case, Comment

NOW = datetime(2026, 11, 23, 16, 45, tzinfo=UTC)  # a Monday, at handover time
CHUNK = 20_000


def seed(db: Database, *, comments: int, open_cases: int, closed_cases: int) -> None:
    rng = random.Random(7)
    span = timedelta(days=30).total_seconds()
    reasons = [
        {
            "rule": "abuse.directed_insult",
            "category": "a personal attack",
            "matched": "x",
            "start": 0,
            "end": 1,
        }
    ]
    started = time.perf_counter()
    with db.engine.begin() as conn:
        for start in range(0, comments, CHUNK):
            rows = []
            for i in range(start, min(start + CHUNK, comments)):
                received = NOW - timedelta(seconds=rng.random() * span)
                flagged = i < open_cases + closed_cases
                rows.append(
                    dict(
                        platform="facebook",
                        external_id=f"seed_{i}",
                        kind="comment",
                        source="bench",
                        account_id="1",
                        account_name="",
                        post_id=f"post_{i % 5000}",
                        post_url="",
                        comment_url="",
                        parent_id="",
                        author_id=f"u{i % 50000}",
                        author_name="",
                        text="seeded comment",
                        created_at=received,
                        received_at=received,
                        tier=1 if flagged else 3,
                        routes=[],
                        reasons=reasons if flagged else [],
                        urgent=False,
                        from_own_account=False,
                    )
                )
            conn.execute(insert(Comment), rows)
        ids = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM comment ORDER BY id LIMIT :n"), {"n": open_cases + closed_cases}
            )
        ]
        for start in range(0, len(ids), CHUNK):
            rows = []
            for j, comment_id in enumerate(ids[start : start + CHUNK], start):
                opened = NOW - timedelta(seconds=rng.random() * span)
                rows.append(
                    dict(
                        comment_id=comment_id,
                        platform="facebook",
                        tier=1 + (j % 2),
                        routes=[],
                        urgent=j % 97 == 0,
                        status="open" if j < open_cases else "left",
                        opened_at=opened,
                        due_at=opened + timedelta(hours=48),
                        contact_state="not_applicable",
                        version=1,
                        note="parking" if j >= open_cases and j % 3 == 0 else None,
                        decided_at=opened if j >= open_cases else None,
                    )
                )
            conn.execute(insert(Case), rows)
    elapsed = time.perf_counter() - started
    print(f"seeded {comments:,} comments and {open_cases + closed_cases:,} cases in {elapsed:.0f} s")


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), max(samples)


def main(args: argparse.Namespace) -> None:
    if args.postgres:
        url = fresh_postgres_database(args.postgres, "modbot_bench_digest")
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='modbot-digest-')) / 'bench.db'}"
    engine = make_engine(url)
    migrate(engine)
    db = Database(engine, workers=1)
    seed(db, comments=args.comments, open_cases=args.open_cases, closed_cases=args.open_cases // 2)
    if engine.dialect.name == "postgresql":
        # Steady state, as autovacuum leaves it: straight after a bulk load the visibility map is
        # unset and "index-only" scans still visit every heap row (126 ms instead of 55 ms).
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    profile = load_profile()
    morning = NOW.replace(hour=9, minute=0)
    reminder = timed(
        lambda: db.call(lambda s: build_reminder(session=s, slot="morning", now=morning, profile=profile)),
        args.runs,
    )
    handover = timed(
        lambda: db.call(lambda s: build_handover_digest(session=s, now=NOW, profile=profile)), args.runs
    )
    print(f"database: {engine.dialect.name}; {args.runs} builds each")
    print(f"morning reminder: median {reminder[0] * 1000:.0f} ms, slowest {reminder[1] * 1000:.0f} ms")
    print(f"handover digest:  median {handover[0] * 1000:.0f} ms, slowest {handover[1] * 1000:.0f} ms")
    db.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", help="PostgreSQL admin URL (a modbot_bench_digest database is made)")
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--open-cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    main(parser.parse_args())
