"""Outbox leases: short, and renewed while their worker lives, so a second worker never runs a
task the first still holds, and a dead worker's tasks are taken up within a lease."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from bot.core.delivery.tasks import enqueue
from bot.outbox.worker import OutboxPolicy, OutboxWorker
from bot.store.db import Database


class Recorder:
    def __init__(self) -> None:
        self.ran: Counter[int] = Counter()

    async def run(self, payload: dict[str, Any]) -> None:
        self.ran[int(payload["n"])] += 1

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        raise AssertionError(f"gave up on {payload}: {reason}")


def now() -> datetime:
    return datetime.now(UTC)


async def test_a_paced_batch_outlasting_its_lease_is_run_once(db: Database) -> None:
    """Five tasks in one lane paced 0.3 s apart take longer than the 0.3 s lease; a second
    worker polling all the while finds none of them free."""
    for n in range(5):
        db.call(lambda s, n=n: enqueue(s, kind="record", payload={"n": n}, now=now(), lane="slack:C1"))
    recorder = Recorder()
    policy = OutboxPolicy(lease=0.3, poll_interval=0.02, lane_interval={"slack:": 0.3})
    first = OutboxWorker(db=db, handlers={"record": recorder}, now=now, policy=policy)
    second = OutboxWorker(db=db, handlers={"record": recorder}, now=now, policy=policy)
    claimed_first = asyncio.create_task(first.tick())
    await asyncio.sleep(0.05)  # the first has claimed all five

    async def poll() -> int:
        taken = 0
        while not claimed_first.done():
            taken += await second.tick()
            await asyncio.sleep(0.02)
        return taken

    taken_by_second = await poll()
    assert await claimed_first == 5
    assert taken_by_second == 0
    assert recorder.ran == Counter(range(5))
