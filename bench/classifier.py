"""Classifier throughput on one core: the whole engine (rules and learned heads) per labelled set.

    .venv/bin/python -m bench.classifier --datasets ../shared/datasets [MORE_DIRS ...] [--runs 5]

Prints, per set and for all sets mixed, the median comments per second over the runs and the
median p99 time per comment. Rules alone are measured too, to show what the learned stage costs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.core.evaluation import development_sets
from bot.core.policy import PolicyEngine, build_engine


def _run(engine: PolicyEngine, texts: list[str]) -> tuple[float, float]:
    latencies = []
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        engine.classify(text)
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    return len(texts) / elapsed, latencies[int(0.99 * (len(latencies) - 1))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--datasets", type=Path, nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--models", type=Path, help="heads trained here (modbot train --out DIR), beside the shipped ones"
    )
    args = parser.parse_args()
    sets = [(name, [e.text for e in examples]) for name, examples in development_sets(args.datasets)]
    sets.append(("all sets mixed", [text for _, texts in sets for text in texts]))
    engines = {"rules + learned": build_engine([], models=args.models), "rules only": PolicyEngine()}
    for engine in engines.values():  # warm the word cache and the regex caches once
        for text in sets[-1][1][:2000]:
            engine.classify(text)
    print(f"{'set':<58} {'engine':<16} {'comments/s':>11} {'p99 ms':>8}")
    for name, texts in sets:
        for label, engine in engines.items():
            runs = [_run(engine, texts) for _ in range(args.runs)]
            rate = statistics.median(r[0] for r in runs)
            p99 = statistics.median(r[1] for r in runs)
            print(f"{name[:58]:<58} {label:<16} {rate:>11,.0f} {p99:>8.3f}")


if __name__ == "__main__":
    main()
