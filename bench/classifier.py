"""Classifier speed on one core: throughput per labelled set, latency per comment, start-up.

    .venv/bin/python -m bench.classifier [--runs 5]

Prints, per development set and for all of them mixed, the median over the runs of: comments per
second classified in batches of 100 (as a webhook delivery is), and p50 and p99 milliseconds for
one comment classified alone. Rules alone are measured in the same runs, to show what the
learned heads cost. Then the wall time and peak memory of `modbot classify` on a one-comment CSV
(start-up included), the median of three.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.core.policy import PolicyEngine, build_engine
from bot.core.policy.evaluation import development_sets

BATCH = 100


def _throughput(engine: PolicyEngine, texts: list[str]) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), BATCH):
        engine.classify_many(texts[i : i + BATCH])
    return len(texts) / (time.perf_counter() - started)


def _latency(engine: PolicyEngine, texts: list[str]) -> tuple[float, float]:
    timings = []
    for text in texts:
        t0 = time.perf_counter()
        engine.classify(text)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return timings[len(timings) // 2], timings[int(0.99 * (len(timings) - 1))]


def _classify_one_comment() -> tuple[float, float]:
    """Wall seconds and peak MB of `modbot classify` on one comment, in a fresh process."""
    with tempfile.TemporaryDirectory() as scratch:
        source, target = Path(scratch) / "in.csv", Path(scratch) / "out.csv"
        source.write_text("text\nWhat time does the walk-in centre open on Sunday?\n", encoding="utf-8")
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(scratch) / 'db.sqlite'}"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "classify", str(source), str(target)],
            check=True,
            capture_output=True,
            env=env,
        )
        elapsed = time.perf_counter() - started
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--latency-sample", type=int, default=500, help="comments timed one at a time per set"
    )
    args = parser.parse_args()
    sets = [(name, [e.text for e in examples]) for name, examples in development_sets()]
    sets.append(("all sets mixed", [text for _, texts in sets for text in texts]))
    engines = {"rules + learned": build_engine([]), "rules only": PolicyEngine()}
    for engine in engines.values():  # warm caches (the encoder, regular expressions) once
        engine.classify_many(sets[-1][1][:500])
    print(f"{'set':<60} {'engine':<16} {'comments/s':>11} {'p50 ms':>7} {'p99 ms':>7}")
    for name, texts in sets:
        for label, engine in engines.items():
            rates = [_throughput(engine, texts) for _ in range(args.runs)]
            latencies = [_latency(engine, texts[: args.latency_sample]) for _ in range(args.runs)]
            p50 = statistics.median(p[0] for p in latencies)
            p99 = statistics.median(p[1] for p in latencies)
            print(f"{name[:60]:<60} {label:<16} {statistics.median(rates):>11,.0f} {p50:>7.2f} {p99:>7.2f}")
    starts = [_classify_one_comment() for _ in range(3)]
    seconds, peak = statistics.median(s[0] for s in starts), max(s[1] for s in starts)
    print(f"\nmodbot classify, one comment, start-up included: {seconds:.2f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
