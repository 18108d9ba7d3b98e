"""Chaos run: a real `modbot serve` (child processes) beside local stand-ins, made to suffer.

    .venv/bin/python -m bench.chaos                                      # SQLite only
    .venv/bin/python -m bench.chaos --postgres postgresql+psycopg://postgres@127.0.0.1:5432/test

Each scenario gets a fresh database and fresh stand-ins (Slack, the Graph API, the Bot
Connector, the Bot Framework's key service and Entra), then prints one row of the table:

- duplicates: every delivery of signed Meta webhooks sent once, then twice more at once;
- kill -9: batches stream in while the server is killed three times (and restarted); a batch
  that got no 200 is sent again, as a platform redelivers;
- Slack outage: 429s with Retry-After, then 500s, while flagged comments arrive, with one
  kill -9 in the middle; then Slack heals and every card must arrive once;
- 50 Delete clicks on one card at once, from 50 moderators;
- hostile requests drawn by hypothesis across every route (forged, stale, unsigned, wrong
  content types, truncated, deeply nested, wrong types, huge, NUL bytes, odd unicode, and Teams
  activities whose token names another service URL);
- two processes with the scheduler on, across a reminder slot (PostgreSQL: the deployment
  that runs several processes).

"lost" counts what was acknowledged (or due) and is not there; "duplicated" what is there more
than once: a comment, a case, a card, a platform call or a reminder. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import create_engine, text

from bench.common import free_port, fresh_postgres_database, meta_delivery, meta_signature, slack_click_body
from handlers.social.webhooks.tiktok import tiktok_signature
from tests.standins.bot_connector import BotConnectorStandIn
from tests.standins.bot_identity import BotIdentityStandIn
from tests.standins.entra import EntraStandIn
from tests.standins.graph_api import GraphStandIn
from tests.standins.slack_api import SlackStandIn

SLACK_SECRET, META_SECRET, INGEST_SECRET = "chaos-slack", "chaos-meta", "chaos-ingest"
X_SECRET, LINKEDIN_SECRET, TIKTOK_SECRET = "chaos-x", "chaos-linkedin", "chaos-tiktok"
TEAMS_APP, TEAMS_PASSWORD, TEAMS_TENANT = "00000000-0000-4000-8000-0000000c4a05", "chaos-teams", "t-chaos"
CHANNEL = "CCHAOS"
MODERATORS = [f"U0CHAOS{i:02d}" for i in range(50)]
# Synthetic comments written for this run (no dataset text).
FLAGGED = "You are a useless idiot and a disgrace, number {}"
BENIGN = "Thanks to the team at the clinic today, visit {}"
TIMEOUT = 5.0  # a request unanswered after this long counts as hung


@dataclass
class Row:
    scenario: str
    database: str
    sent: int = 0
    lost: int = 0
    duplicated: int = 0
    server_errors: int = 0
    hung: int = 0
    note: str = ""


@dataclass
class Stack:
    """The stand-ins one scenario talks to, and the environment that points modbot at them."""

    database_url: str
    slack: SlackStandIn = field(default_factory=SlackStandIn)
    graph: GraphStandIn = field(default_factory=GraphStandIn)
    connector: BotConnectorStandIn = field(default_factory=BotConnectorStandIn)
    identity: BotIdentityStandIn = field(default_factory=BotIdentityStandIn)
    entra: EntraStandIn | None = None

    async def __aenter__(self) -> Stack:
        await self.slack.start(), await self.graph.start(), await self.connector.start()
        self.identity.start()
        self.entra = EntraStandIn(client_id=TEAMS_APP, client_secret=TEAMS_PASSWORD)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.slack.close()
        await self.graph.close()
        await self.connector.close()
        self.identity.close()
        if self.entra is not None:
            self.entra.close()

    def env(self, port: int, **extra: str) -> dict[str, str]:
        assert self.entra is not None
        keep = {
            k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "META_", "MODBOT_"))
        }
        return {
            **keep,
            **self.entra.environment(),
            "DATABASE_URL": self.database_url,
            "MODBOT_PORT": str(port),
            "MODBOT_LOG_LEVEL": "ERROR",
            "MODBOT_SCHEDULER": "false",
            "SLACK_BOT_TOKEN": "xoxb-chaos",
            "SLACK_SIGNING_SECRET": SLACK_SECRET,
            "SLACK_API_URL": self.slack.url,
            "SLACK_MODERATION_CHANNEL": CHANNEL,
            "SLACK_MODERATORS": ",".join(MODERATORS),
            "SLACK_POST_INTERVAL": "0",
            "META_APP_SECRET": META_SECRET,
            "META_VERIFY_TOKEN": "v",
            "META_PAGE_ACCESS_TOKEN": "t",
            "META_GRAPH_URL": self.graph.url,
            "INGEST_SECRET": INGEST_SECRET,
            "X_CONSUMER_SECRET": X_SECRET,
            "LINKEDIN_CLIENT_SECRET": LINKEDIN_SECRET,
            "TIKTOK_APP_SECRET": TIKTOK_SECRET,
            **extra,
        }

    def teams(self) -> dict[str, str]:
        """Teams on and authenticated against the stand-ins (the hostile run's Teams requests)."""
        return {
            "TEAMS_APP_ID": TEAMS_APP,
            "TEAMS_APP_PASSWORD": TEAMS_PASSWORD,
            "TEAMS_APP_TENANT_ID": TEAMS_TENANT,
            "TEAMS_OPENID_METADATA_URL": self.identity.metadata_url,
            "TEAMS_MODERATION_CHANNEL": "19:chaos@thread.tacv2",
            "TEAMS_MODERATORS": "00000000-0000-4000-8000-0000000000aa",
        }

    def sql(self, query: str, **params: Any) -> list[Any]:
        engine = create_engine(self.database_url)
        try:
            with engine.connect() as conn:
                return list(conn.execute(text(query), params))
        finally:
            engine.dispose()

    def cards_posted(self) -> Counter[int]:
        """Case cards the Slack stand-in holds, by case id (a retry after a lost answer finds
        its card there, so more than one is a duplicate)."""
        found: Counter[int] = Counter()
        for message in self.slack.messages[CHANNEL]:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("kind") == "case":
                found[int(payload["id"])] += 1
        return found


class Server:
    """One `modbot serve` child process (or another command that serves the same app)."""

    def __init__(self, env: dict[str, str], command: list[str] | None = None) -> None:
        self.env, self.command = env, command or [sys.executable, "-m", "bot.cli", "serve"]
        self.base = f"http://127.0.0.1:{env['MODBOT_PORT']}"
        self.process: subprocess.Popen[bytes] | None = None

    async def start(self, timeout: float = 90.0) -> None:
        self.process = subprocess.Popen(self.command, env=self.env, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"modbot serve exited with {self.process.returncode}")
                try:
                    async with http.get(f"{self.base}/readyz") as answer:
                        if answer.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("modbot serve did not become ready")

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


@dataclass
class Answer:
    status: int  # 0: no answer (connection refused or reset, or hung)
    body: Any = None
    hung: bool = False


async def send(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> Answer:
    try:
        async with asyncio.timeout(TIMEOUT):
            async with http.request(method, url, data=body, headers=headers or {}) as response:
                raw = await response.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return Answer(response.status, parsed)
    except TimeoutError:
        return Answer(0, hung=True)
    except aiohttp.ClientError:
        return Answer(0)


async def post_meta(http: aiohttp.ClientSession, base: str, body: bytes) -> Answer:
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": meta_signature(META_SECRET, body)}
    return await send(http, "POST", f"{base}/webhooks/meta", body, headers)


async def wait_for(condition: Callable[[], bool], timeout: float, every: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(every)
    return condition()


def pending(stack: Stack, kind: str) -> int:
    return int(
        stack.sql(
            "SELECT count(*) FROM outbox_task WHERE kind = :k AND status IN ('pending','running')", k=kind
        )[0][0]
    )


def stored_ids(stack: Stack, prefix: str) -> Counter[str]:
    rows = stack.sql("SELECT external_id FROM comment WHERE external_id LIKE :p", p=f"{prefix}%")
    return Counter(row[0] for row in rows)


@dataclass(frozen=True)
class CardTally:
    """Cases opened and their cards in the channel: those with no card, and any extra copies
    (a second case for one comment, a second card for one case)."""

    cases: int
    cards: int
    missing: int
    duplicated: int

    @property
    def words(self) -> str:
        return f"{self.cases} cases, {self.cards} cards"


def card_tally(stack: Stack) -> CardTally:
    cases = int(stack.sql("SELECT count(*) FROM moderation_case")[0][0])
    twice = stack.sql(
        "SELECT comment_id, count(*) FROM moderation_case GROUP BY comment_id HAVING count(*) > 1"
    )
    cards = stack.cards_posted()
    return CardTally(
        cases=cases,
        cards=len(cards),
        missing=max(0, cases - len(cards)),
        duplicated=sum(int(row[1]) - 1 for row in twice) + sum(n - 1 for n in cards.values()),
    )


def comment_text(i: int, flagged: bool) -> str:
    return (FLAGGED if flagged else BENIGN).format(i)


# --- scenarios -----------------------------------------------------------------------------------


async def duplicates(stack: Stack, *, comments: int) -> Row:
    server = Server(stack.env(free_port()))
    await server.start()
    ids = [f"dup_{i}" for i in range(comments)]
    bodies = [
        meta_delivery(
            [(cid, comment_text(i, i % 10 == 0)) for i, cid in enumerate(ids[at : at + 100], at)], posts=10**9
        )
        for at in range(0, comments, 100)
    ]
    answers: list[Answer] = []
    gate = asyncio.Semaphore(8)
    try:
        async with aiohttp.ClientSession() as http:

            async def deliver(body: bytes) -> None:
                async with gate:
                    answers.append(await post_meta(http, server.base, body))
                    answers.extend(
                        await asyncio.gather(*(post_meta(http, server.base, body) for _ in range(2)))
                    )

            started = time.monotonic()
            await asyncio.gather(*(deliver(body) for body in bodies))
            took = time.monotonic() - started
        await wait_for(lambda: pending(stack, "post_card") == 0, 300)
    finally:
        server.stop()
    stored = stored_ids(stack, "dup_")
    tally = card_tally(stack)
    new = sum(a.body.get("new", 0) for a in answers if isinstance(a.body, dict))
    return Row(
        "10,000 comments, each delivered 3 times" if comments == 10_000 else f"{comments:,} comments x3",
        "",
        sent=len(answers),
        lost=comments - len(stored) + tally.missing,
        duplicated=max(0, new - comments) + tally.duplicated,
        server_errors=sum(a.status >= 500 for a in answers),
        hung=sum(a.hung for a in answers),
        note=f"{len(stored):,} stored, 'new' said {new:,} times; {tally.words}; "
        f"{comments * 3 / took:,.0f} deliveries of a comment/s",
    )


async def kills(stack: Stack, *, comments: int, times: int = 3) -> Row:
    server = Server(stack.env(free_port()))
    await server.start()
    batches = [
        [(f"kill_{i}", comment_text(i, i % 10 == 0)) for i in range(at, min(at + 50, comments))]
        for at in range(0, comments, 50)
    ]
    queue: asyncio.Queue[list[tuple[str, str]]] = asyncio.Queue()
    for batch in batches:
        queue.put_nowait(batch)
    acked: set[str] = set()
    answers: list[Answer] = []
    kill_at = [len(batches) * (k + 1) // (times + 1) for k in range(times)]
    done_batches = 0
    restarts: list[float] = []
    try:
        async with aiohttp.ClientSession() as http:

            async def sender() -> None:
                nonlocal done_batches
                while done_batches < len(batches):
                    try:
                        batch = queue.get_nowait()
                    except asyncio.QueueEmpty:
                        await asyncio.sleep(0.05)
                        continue
                    answer = await post_meta(http, server.base, meta_delivery(batch, posts=10**9))
                    answers.append(answer)
                    if answer.status == 200:
                        acked.update(cid for cid, _ in batch)
                        done_batches += 1
                    else:  # no answer, or not a 200: the platform sends it again later
                        await asyncio.sleep(0.2)
                        queue.put_nowait(batch)

            async def killer() -> None:
                for mark in kill_at:
                    while done_batches < mark:
                        await asyncio.sleep(0.01)
                    server.kill9()
                    started = time.monotonic()
                    await server.start()
                    restarts.append(time.monotonic() - started)

            await asyncio.gather(killer(), *(sender() for _ in range(4)))
        await wait_for(lambda: pending(stack, "post_card") == 0, 300)
    finally:
        server.stop()
    stored = stored_ids(stack, "kill_")
    tally = card_tally(stack)
    return Row(
        f"kill -9 x{times} while {comments:,} comments stream in",
        "",
        sent=len(answers),
        lost=len(acked - set(stored)) + tally.missing,
        duplicated=sum(n - 1 for n in stored.values()) + tally.duplicated,
        server_errors=sum(a.status >= 500 for a in answers),
        hung=sum(a.hung for a in answers),
        note=f"{len(acked):,} acknowledged, {len(stored):,} stored; {tally.words}; "
        f"restart to ready {max(restarts):.1f} s at most",
    )


async def slack_outage(stack: Stack, *, comments: int, outage: float, backoff_max: float) -> Row:
    env = stack.env(free_port(), OUTBOX_BACKOFF_MAX=str(backoff_max))
    server = Server(env)
    await server.start()
    rate_limited = outage / 4
    stack.slack.fail_for(rate_limited, status=429, retry_after=5, cards_only=True)
    answers: list[Answer] = []
    try:
        async with aiohttp.ClientSession() as http:

            async def arrive() -> None:
                per = max(1, comments // 20)
                for n, at in enumerate(range(0, comments, per)):
                    batch = [(f"out_{i}", comment_text(i, True)) for i in range(at, min(at + per, comments))]
                    while True:
                        answer = await post_meta(http, server.base, meta_delivery(batch, posts=10**9))
                        answers.append(answer)
                        if answer.status == 200:
                            break
                        await asyncio.sleep(0.5)
                    await asyncio.sleep(outage * 0.6 / 20)
                    if n == 9:
                        server.kill9()
                        await server.start()

            async def then_500s() -> None:
                await asyncio.sleep(rate_limited)
                stack.slack.fail_for(outage - rate_limited, status=500, cards_only=True)

            await asyncio.gather(arrive(), then_500s())
            healed = time.monotonic() + max(
                0.0, (stack.slack.outage[0] if stack.slack.outage else 0) - time.monotonic()
            )
            cases = int(stack.sql("SELECT count(*) FROM moderation_case")[0][0])
            await wait_for(
                lambda: len(stack.cards_posted()) >= cases, outage + 2 * backoff_max + 120, every=1.0
            )
    finally:
        server.stop()
    tally = card_tally(stack)
    posts = [c.at for c in stack.slack.of("chat.postMessage") if c.args.get("metadata")]
    recovered = max(posts) - healed if posts else float("nan")
    return Row(
        f"Slack 429 then 500 for {outage:.0f} s, {comments} flagged, kill -9 once",
        "",
        sent=len(answers),
        lost=tally.missing + max(0, comments - tally.cases),
        duplicated=tally.duplicated,
        server_errors=sum(a.status >= 500 for a in answers),
        hung=sum(a.hung for a in answers),
        note=f"{tally.words}; last card {recovered:.1f} s after Slack healed "
        f"(backoff max {backoff_max:.0f} s)",
    )


async def concurrent_deletes(stack: Stack, *, clicks: int = 50) -> Row:
    server = Server(stack.env(free_port()))
    await server.start()
    verifier = SignatureVerifier(SLACK_SECRET)
    try:
        async with aiohttp.ClientSession() as http:
            assert (
                await post_meta(
                    http, server.base, meta_delivery([("del_1", comment_text(1, True))], posts=10**9)
                )
            ).status == 200
            [(case_id,)] = stack.sql("SELECT id FROM moderation_case")
            await wait_for(lambda: case_id in stack.cards_posted(), 30)

            async def click(user: str) -> Answer:
                body = slack_click_body(case_id, user, "delete", channel=CHANNEL)
                at = str(int(time.time()))
                headers = {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Slack-Request-Timestamp": at,
                    "X-Slack-Signature": verifier.generate_signature(timestamp=at, body=body) or "",
                }
                return await send(http, "POST", f"{server.base}/slack/events", body.encode(), headers)

            answers = await asyncio.gather(*(click(user) for user in MODERATORS[:clicks]))
        await wait_for(lambda: pending(stack, "platform_action") == 0 and bool(stack.graph.calls), 30)
        await asyncio.sleep(1.0)  # a second call, were there one, would have been made by now
    finally:
        server.stop()
    deletes = [c for c in stack.graph.calls if c.method == "DELETE" and "del_1" in c.path]
    decisions = int(
        stack.sql(
            "SELECT count(*) FROM audit_event WHERE case_id = :c AND action LIKE 'decided_%'", c=case_id
        )[0][0]
    )
    return Row(
        f"{clicks} concurrent Delete clicks on one card",
        "",
        sent=len(answers),
        lost=int(not deletes) + int(not decisions),
        duplicated=max(0, len(deletes) - 1) + max(0, decisions - 1),
        server_errors=sum(a.status >= 500 for a in answers),
        hung=sum(a.hung for a in answers),
        note=f"{len(deletes)} DELETE to the platform, {decisions} decision rows; "
        f"answers {dict(Counter(a.status for a in answers))}",
    )


# Hostile requests: (method, path, body, headers) drawn by hypothesis.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=30)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
SIGNED_ROUTES = [
    "/webhooks/meta",
    "/webhooks/x",
    "/webhooks/linkedin",
    "/webhooks/tiktok",
    "/ingest",
    "/slack/events",
]


def sign(path: str, body: bytes, *, stale: bool = False) -> dict[str, str]:
    """The headers that sign `body` for `path` as its sender would (stale: 10 minutes old)."""
    at = str(int(time.time()) - (600 if stale else 0))
    match path:
        case "/webhooks/meta":
            return {"X-Hub-Signature-256": meta_signature(META_SECRET, body)}
        case "/ingest":
            return {"X-Modbot-Signature-256": meta_signature(INGEST_SECRET, body)}
        case "/webhooks/x":
            digest = hmac.new(X_SECRET.encode(), body, hashlib.sha256).digest()
            return {"x-twitter-webhooks-signature": "sha256=" + base64.b64encode(digest).decode()}
        case "/webhooks/linkedin":
            return {"X-LI-Signature": hmac.new(LINKEDIN_SECRET.encode(), body, hashlib.sha256).hexdigest()}
        case "/webhooks/tiktok":
            return {"TikTok-Signature": f"t={at},s={tiktok_signature(TIKTOK_SECRET.encode(), at, body)}"}
        case "/slack/events":
            mac = hmac.new(SLACK_SECRET.encode(), f"v0:{at}:".encode() + body, hashlib.sha256).hexdigest()
            return {"X-Slack-Request-Timestamp": at, "X-Slack-Signature": f"v0={mac}"}
    return {}


@st.composite
def hostile(
    draw: st.DrawFn, identity: BotIdentityStandIn, connector_url: str
) -> tuple[str, str, bytes, dict[str, str]]:
    kind = draw(
        st.sampled_from(
            [
                "forged",
                "unsigned",
                "stale",
                "wrong content type",
                "truncated",
                "deeply nested",
                "wrong types, signed",
                "huge",
                "NUL bytes",
                "unicode edge",
                "teams: foreign serviceUrl",
                "teams: no token",
                "wrong method",
            ]
        )
    )
    path = draw(st.sampled_from(SIGNED_ROUTES))
    document: Any = draw(JSON_VALUES)
    body = json.dumps(document).encode()
    headers = {"Content-Type": "application/json"}
    if kind == "forged":
        headers |= {k: v[:-2] + "00" for k, v in sign(path, body).items()}
    elif kind == "unsigned":
        pass
    elif kind == "stale":
        path = draw(st.sampled_from(["/slack/events", "/webhooks/tiktok"]))
        headers |= sign(path, body, stale=True)
    elif kind == "wrong content type":
        headers = {
            "Content-Type": draw(st.sampled_from(["text/plain", "application/xml", "multipart/form-data"]))
        }
        headers |= sign(path, body)
    elif kind == "truncated":
        body = body[: draw(st.integers(0, max(0, len(body) - 1)))]
        headers |= sign(path, body)
    elif kind == "deeply nested":
        depth = draw(st.integers(65, 5000))
        body = b"[" * depth + b"]" * depth
        headers |= sign(path, body)
    elif kind == "wrong types, signed":
        field_value = draw(JSON_VALUES)
        body = json.dumps(
            {
                "object": "page",
                "entry": [{"id": field_value, "changes": [{"field": "feed", "value": field_value}]}],
                "platform": field_value,
                "external_id": field_value,
                "text": field_value,
                "type": field_value,
            }
        ).encode()
        headers |= sign(path, body)
    elif kind == "huge":
        body = b'{"a":"' + b"x" * (3 * 1024 * 1024) + b'"}'
        headers |= sign(path, body)
    elif kind == "NUL bytes":
        body = body.replace(b'"', b'"\x00', 2) + b"\x00"
        headers |= sign(path, body)
    elif kind == "unicode edge":
        edge = draw(st.sampled_from(["\ud800", "\ufeff", "\u202e", "\U0010ffff", "e\u0301" * 500, "\x00"]))
        body = json.dumps(
            {"text": edge, "message": edge, "platform": "facebook", "external_id": edge}
        ).encode()
        headers |= sign(path, body)
    elif kind.startswith("teams"):
        path = "/api/messages"
        activity = {
            "type": draw(st.sampled_from(["message", "invoke", "conversationUpdate"])),
            "channelId": "msteams",
            "serviceUrl": "https://attacker.example/teams/",
            "from": {"id": "29:x", "aadObjectId": "00000000-0000-4000-8000-0000000000aa"},
            "conversation": {"id": "19:chaos@thread.tacv2"},
            "recipient": {"id": "28:modbot"},
            "text": draw(ANY_TEXT),
        }
        body = json.dumps(activity).encode()
        if kind == "teams: foreign serviceUrl":  # a real token, for the real Bot Connector only
            token = identity.token(app_id=TEAMS_APP, service_url=connector_url)
            headers["Authorization"] = f"Bearer {token}"
    elif kind == "wrong method":
        return draw(st.sampled_from(["PUT", "DELETE", "PATCH"])), path, body, headers
    if path == "/slack/events" and kind not in ("wrong content type", "deeply nested", "huge"):
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if kind not in ("forged", "unsigned", "stale"):
            body = ("payload=" + quote(body.decode("utf-8", "surrogatepass"), safe="")).encode()
            headers |= sign(path, body)
    return "POST", path, body, headers


def draw_hostile(
    count: int, identity: BotIdentityStandIn, connector_url: str
) -> list[tuple[str, str, bytes, dict[str, str]]]:
    drawn: list[tuple[str, str, bytes, dict[str, str]]] = []

    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(hostile(identity, connector_url))
    def collect(request: tuple[str, str, bytes, dict[str, str]]) -> None:
        drawn.append(request)

    collect()
    return drawn


async def hostile_requests(stack: Stack, *, count: int) -> Row:
    server = Server(stack.env(free_port(), **stack.teams()))
    await server.start()
    requests = draw_hostile(count, stack.identity, stack.connector.url)
    before = int(stack.sql("SELECT count(*) FROM comment")[0][0])
    try:
        async with aiohttp.ClientSession() as http:
            gate = asyncio.Semaphore(10)

            async def one(request: tuple[str, str, bytes, dict[str, str]]) -> Answer:
                method, path, body, headers = request
                async with gate:
                    return await send(http, method, f"{server.base}{path}", body, headers)

            answers = await asyncio.gather(*(one(r) for r in requests))
    finally:
        server.stop()
    after = int(stack.sql("SELECT count(*) FROM comment")[0][0])
    foreign = int(
        stack.sql(
            "SELECT count(*) FROM chat_conversation WHERE CAST(reference AS TEXT) LIKE :u",
            u="%attacker.example%",
        )[0][0]
    )
    return Row(
        f"{len(requests)} hostile or malformed requests (hypothesis)",
        "",
        sent=len(answers),
        duplicated=after - before + foreign,  # anything stored from them at all
        server_errors=sum(a.status >= 500 for a in answers),
        hung=sum(a.hung for a in answers),
        note=f"answers {dict(sorted(Counter(a.status for a in answers).items()))}; "
        f"{after - before} comments and {foreign} Teams references stored from them",
    )


async def two_schedulers(stack: Stack) -> Row:
    """Two processes, scheduler on, clocks set 20 s before Monday's 09:00 check."""
    at = datetime(2026, 12, 7, 8, 59, 40, tzinfo=UTC)  # London is on UTC in December
    since = time.time()
    servers = [
        Server(
            stack.env(free_port(), MODBOT_SCHEDULER="true", MODBOT_SCHEDULER_INTERVAL="5"),
            [sys.executable, "-m", "bench.serve_at", "--at", at.isoformat(), "--since", str(since)],
        )
        for _ in range(2)
    ]
    try:
        await asyncio.gather(*(s.start() for s in servers))
        # Well past the slot, both ticking every 5 s.
        await asyncio.sleep(max(0.0, since + 50 - time.time()))
        await wait_for(lambda: pending(stack, "send_scheduled") == 0, 30)
    finally:
        for server in servers:
            server.stop()
    sends = stack.sql("SELECT kind, local_date, slot FROM scheduled_send")
    posts = [c for c in stack.slack.of("chat.postMessage") if not c.args.get("metadata")]
    morning = [s for s in sends if s[0] == "check" and s[2] == "morning"]
    return Row(
        "2 schedulers across Monday's 09:00 check",
        "",
        sent=len(sends),
        lost=int(not morning),
        duplicated=max(0, len(posts) - len(sends)),
        note=f"{len(sends)} reminders claimed ({', '.join(sorted({f'{k} {s}' for k, _d, s in sends}))}), "
        f"{len(posts)} posted",
    )


# --- the run ---------------------------------------------------------------------------------


@contextmanager
def databases(postgres: str | None) -> Iterator[Callable[[], str]]:
    """A maker of fresh databases: SQLite files in a folder of their own, or PostgreSQL ones."""
    folder = Path(tempfile.mkdtemp(prefix="modbot-chaos-"))
    serial = iter(range(1_000_000))

    def fresh() -> str:
        n = next(serial)
        if postgres:
            return fresh_postgres_database(postgres, f"modbot_chaos_{n}")
        return f"sqlite:///{folder / f'chaos-{n}.db'}"

    yield fresh


async def run(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    targets: list[tuple[str, str | None]] = [("SQLite", None)]
    if args.postgres:
        targets.append(("PostgreSQL", args.postgres))
    for label, postgres in targets:
        with databases(postgres) as fresh:
            scenarios: list[Callable[[Stack], Awaitable[Row]]] = [
                lambda stack: duplicates(stack, comments=args.comments),
                lambda stack: kills(stack, comments=args.stream),
                lambda stack: slack_outage(
                    stack, comments=args.flagged, outage=args.outage, backoff_max=args.backoff_max
                ),
                lambda stack: concurrent_deletes(stack),
                lambda stack: hostile_requests(stack, count=args.hostile),
            ]
            if postgres:
                scenarios.append(two_schedulers)
            for scenario in scenarios:
                async with Stack(database_url=fresh()) as stack:
                    started = time.monotonic()
                    row = await scenario(stack)
                    row.database = label
                    row.note += f"; {time.monotonic() - started:.0f} s"
                    rows.append(row)
                    print_row(row)
    return rows


COLUMNS = ("scenario", "database", "requests", "lost", "duplicated", "5xx", "hung > 5 s", "note")


def print_row(row: Row) -> None:
    print(
        f"| {row.scenario} | {row.database} | {row.sent:,} | {row.lost} | {row.duplicated} | "
        f"{row.server_errors} | {row.hung} | {row.note} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="an admin URL: each scenario gets a fresh database beside it")
    parser.add_argument("--comments", type=int, default=10_000, help="comments in the duplicates run")
    parser.add_argument("--stream", type=int, default=3_000, help="comments streamed during the kills")
    parser.add_argument("--flagged", type=int, default=200, help="flagged comments during the Slack outage")
    parser.add_argument("--outage", type=float, default=120.0, help="seconds Slack fails for")
    parser.add_argument(
        "--backoff-max", type=float, default=300.0, help="OUTBOX_BACKOFF_MAX (default as shipped)"
    )
    parser.add_argument("--hostile", type=int, default=300, help="hostile requests drawn")
    args = parser.parse_args()
    print(f"chaos run {datetime.now(UTC).isoformat(timespec='seconds')}\n")
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    rows = asyncio.run(run(args))
    failed = [r for r in rows if r.lost or r.duplicated or r.server_errors or r.hung]
    print(f"\n{len(rows)} scenarios; {len(failed)} with something lost, duplicated, a 5xx or a hang")


if __name__ == "__main__":
    main()
