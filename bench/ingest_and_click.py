"""Measure a running `modbot serve`: ingest throughput, click latency, peak memory.

    .venv/bin/python -m bench.ingest_and_click                 # SQLite
    .venv/bin/python -m bench.ingest_and_click --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Starts local stand-ins for Slack and the Graph API, runs `modbot serve` as a child process
pointed at them, sends signed Meta webhook batches, then signed Slack clicks 20 at a time.
With `--teams` the Teams desk is on too (a stand-in Bot Connector) and the same number of Teams
clicks (`adaptiveCard/action` invokes, answered with the new card) are timed as well, the two
surfaces' runs alternating, and the Teams/Slack ratio of each run's p50 and p99 is printed. Teams
runs unauthenticated here (no app id), so its figure leaves out the token check on each activity.
Prints medians and percentiles; asserts nothing (machines here are noisy).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import (
    free_port,
    fresh_postgres_database,
    meta_delivery,
    meta_signature,
    rss_peak_kib,
    slack_click_body,
)
from tests.standins.bot_connector import BotConnectorStandIn
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

SLACK_SECRET = "bench-slack-secret"
META_SECRET = "bench-meta-secret"

# Synthetic comments written for this benchmark (no dataset text): about 1 in 8 is flagged.
BENIGN = [
    "Thanks for sharing, really useful information about the new clinic.",
    "Is the walk-in centre open on Sunday mornings?",
    "Waiting times are far too long, the ICB needs to sort this out.",
    "Great to see the community diagnostic centre opening at last.",
    "Parking at the hospital is a nightmare, please do something about it.",
    "My mum had brilliant care on the ward last week, thank you all.",
    "When will the flu vaccine clinics start this year?",
]
FLAGGED = [
    "You are a useless idiot",
    "Vaccines cause autism, wake up",
    "Check out my channel for free followers",
]


def _delivery(start: int, size: int, rng: random.Random) -> bytes:
    return meta_delivery(
        [
            (f"bench_{i}", rng.choice(FLAGGED) if rng.random() < 0.125 else rng.choice(BENIGN))
            for i in range(start, start + size)
        ]
    )


async def _ingest(base: str, *, total: int, batch: int, concurrency: int, offset: int) -> float:
    rng = random.Random(offset)
    bodies = [_delivery(offset + i, batch, rng) for i in range(0, total, batch)]
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async def sender(http: aiohttp.ClientSession) -> None:
        while not queue.empty():
            body = queue.get_nowait()
            sig = meta_signature(META_SECRET, body)
            async with http.post(
                f"{base}/webhooks/meta",
                data=body,
                headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig},
            ) as response:
                assert response.status == 200, await response.text()

    async with aiohttp.ClientSession() as http:
        started = time.perf_counter()
        await asyncio.gather(*(sender(http) for _ in range(concurrency)))
        return total / (time.perf_counter() - started)


async def _clicks(base: str, case_ids: list[int], *, concurrency: int) -> list[float]:
    verifier = SignatureVerifier(SLACK_SECRET)
    latencies: list[float] = []

    async def one(http: aiohttp.ClientSession, case_id: int) -> None:
        body = slack_click_body(case_id, "UBENCH")
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body) or "",
        }
        started = time.perf_counter()
        async with http.post(f"{base}/slack/events", data=body.encode(), headers=headers) as response:
            await response.read()
            assert response.status == 200
        latencies.append(time.perf_counter() - started)

    async with aiohttp.ClientSession() as http:
        await one(http, case_ids[0])  # warm-up: Bolt's first request also calls auth.test
        latencies.clear()
        for i in range(1, len(case_ids), concurrency):
            await asyncio.gather(*(one(http, c) for c in case_ids[i : i + concurrency]))
    return latencies


TEAMS_CHANNEL = "19:bench@thread.tacv2"
TEAMS_MODERATOR = "00000000-0000-4000-8000-00000000bench"


def _teams_activity(connector_url: str, **fields: object) -> dict[str, object]:
    return {
        "channelId": "msteams",
        "serviceUrl": connector_url,
        "from": {"id": "29:bench", "name": "bench", "aadObjectId": TEAMS_MODERATOR},
        "recipient": {"id": "28:modbot", "name": "modbot"},
        "conversation": {"id": TEAMS_CHANNEL, "conversationType": "channel", "tenantId": "t"},
        "channelData": {"team": {"id": "19:team@thread.tacv2"}, "channel": {"id": TEAMS_CHANNEL}},
        **fields,
    }


async def _teams_clicks(
    base: str, connector_url: str, case_ids: list[int], *, concurrency: int
) -> list[float]:
    latencies: list[float] = []

    async def one(http: aiohttp.ClientSession, case_id: int) -> None:
        data = {"v": 1, "case_id": case_id, "action": "hide"}
        activity = _teams_activity(
            connector_url,
            type="invoke",
            name="adaptiveCard/action",
            value={
                "action": {"type": "Action.Execute", "verb": "modbot.hide", "data": data},
                "trigger": "manual",
            },
        )
        started = time.perf_counter()
        async with http.post(f"{base}/api/messages", json=activity) as response:
            body = await response.json()
            assert response.status == 200 and body["type"] == "application/vnd.microsoft.card.adaptive", body
        latencies.append(time.perf_counter() - started)

    async with aiohttp.ClientSession() as http:
        await one(http, case_ids[0])
        latencies.clear()
        for i in range(1, len(case_ids), concurrency):
            await asyncio.gather(*(one(http, c) for c in case_ids[i : i + concurrency]))
    return latencies


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main(args: argparse.Namespace) -> None:
    slack, graph = await SlackStandIn().start(), await GraphStandIn().start()
    connector = await BotConnectorStandIn().start()
    workdir = Path(tempfile.mkdtemp(prefix="modbot-bench-"))
    if args.postgres:
        database_url = fresh_postgres_database(args.postgres, "modbot_bench")
    else:
        database_url = f"sqlite:///{workdir / 'bench.db'}"
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MODBOT_PORT": str(port),
        "MODBOT_LOG_LEVEL": "WARNING",
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": slack.url,
        "SLACK_MODERATION_CHANNEL": "CBENCH",
        "SLACK_MODERATORS": "UBENCH",
        "META_APP_SECRET": META_SECRET,
        "META_VERIFY_TOKEN": "v",
        "META_PAGE_ACCESS_TOKEN": "t",
        "META_GRAPH_URL": graph.url,
    }
    if args.teams:
        env.update(
            TEAMS_MODERATION_CHANNEL=TEAMS_CHANNEL, TEAMS_MODERATORS=TEAMS_MODERATOR, TEAMS_POST_INTERVAL="0"
        )
    server = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=workdir)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(600):  # up to a minute: a cold start loads the classifier
                try:
                    async with http.get(f"{base}/healthz") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
            else:
                raise SystemExit("modbot serve did not answer /healthz within a minute")
            if args.teams:  # the install event: where the Teams desk may post
                install = _teams_activity(
                    connector.url, type="conversationUpdate", membersAdded=[{"id": "28:modbot"}]
                )
                async with http.post(f"{base}/api/messages", json=install) as r:
                    assert r.status == 201
        rates = []
        for run in range(args.runs):
            rate = await _ingest(
                base,
                total=args.comments,
                batch=args.batch,
                concurrency=args.concurrency,
                offset=run * args.comments,
            )
            rates.append(rate)
            print(f"ingest run {run + 1}: {rate:,.0f} comments/s")
        rss = rss_peak_kib(server.pid)

        engine = create_engine(database_url)
        with engine.connect() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    text("SELECT id FROM moderation_case WHERE status='open' ORDER BY id LIMIT :n"),
                    {"n": (args.clicks + 1) * args.runs * (2 if args.teams else 1)},
                )
            ]
        engine.dispose()
        # Slack and Teams runs alternate, so whatever else the machine is doing falls on both.
        rounds: list[tuple[float, float]] = []
        teams_rounds: list[tuple[float, float]] = []
        size = args.clicks + 1
        for run in range(args.runs):
            chunk = ids[run * size : (run + 1) * size]
            latencies = await _clicks(base, chunk, concurrency=20)
            rounds.append((_pct(latencies, 0.5), _pct(latencies, 0.99)))
            print(
                f"click run {run + 1}: p50 {rounds[-1][0] * 1000:.1f} ms, p99 {rounds[-1][1] * 1000:.1f} ms"
            )
            if args.teams:
                offset = size * args.runs
                chunk = ids[offset + run * size : offset + (run + 1) * size]
                latencies = await _teams_clicks(base, connector.url, chunk, concurrency=20)
                teams_rounds.append((_pct(latencies, 0.5), _pct(latencies, 0.99)))
                print(
                    f"teams click run {run + 1}: p50 {teams_rounds[-1][0] * 1000:.1f} ms, "
                    f"p99 {teams_rounds[-1][1] * 1000:.1f} ms"
                )
        print()
        print(f"database: {make_url(database_url).get_backend_name()}")
        print(
            f"ingest: {args.runs} runs of {args.comments} comments in batches of {args.batch}, "
            f"{args.concurrency} concurrent senders"
        )
        print(f"ingest median: {statistics.median(rates):,.0f} comments/s (stored, classified, cases opened)")
        print(
            f"clicks: {args.runs} runs of {args.clicks} signed block_actions, 20 concurrent: "
            f"median p50 {statistics.median(r[0] for r in rounds) * 1000:.1f} ms, "
            f"median p99 {statistics.median(r[1] for r in rounds) * 1000:.1f} ms"
        )
        if teams_rounds:
            print(
                f"teams clicks: {args.runs} runs of {args.clicks} Action.Execute invokes, 20 concurrent: "
                f"median p50 {statistics.median(r[0] for r in teams_rounds) * 1000:.1f} ms, "
                f"median p99 {statistics.median(r[1] for r in teams_rounds) * 1000:.1f} ms"
            )
            p50 = statistics.median(t[0] / s[0] for t, s in zip(teams_rounds, rounds, strict=True))
            p99 = statistics.median(t[1] / s[1] for t, s in zip(teams_rounds, rounds, strict=True))
            print(f"teams / slack, median of the runs' ratios: p50 {p50:.2f}x, p99 {p99:.2f}x")
        print(f"peak RSS of modbot serve: {rss / 1024:.0f} MiB")
    finally:
        server.terminate()
        server.wait(timeout=30)
        await slack.close()
        await graph.close()
        await connector.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--teams", action="store_true", help="Teams desk on too; time Teams clicks as well")
    parser.add_argument(
        "--postgres", help="a PostgreSQL URL to an admin database (a modbot_bench database is made)"
    )
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=200)
    asyncio.run(main(parser.parse_args()))
