"""`modbot demo` over HTTP, without a browser: made-up comments become cards, and the page's
forms reach the app as Slack sends them (issue 27)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from handlers.demo.comments import SURGE, TRICKLE
from handlers.demo.run import CHANNEL, SAFEGUARDING_CHANNEL, Demo
from tests.harness import wait_until


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[Demo]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    running = Demo(port=port, folder=tmp_path, trickle_seconds=0.05)
    runner = web.AppRunner(running.runtime.app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield running
    finally:
        await runner.cleanup()


async def test_the_trickle_cards_what_needs_a_moderator_and_leaves_the_rest(demo: Demo) -> None:
    await wait_until(
        lambda: demo._sent >= len(TRICKLE) + len(SURGE), what="every made-up comment", timeout=20.0
    )
    cards = await wait_until(
        lambda: [m for m in demo.workspace.messages if m.channel == CHANNEL and m.blocks],
        what="cards",
        timeout=20.0,
    )
    assert any("Tier 1" in card.text for card in cards) and any("Tier 2" in card.text for card in cards)
    # Criticism and thanks are stored, never carded: fewer cards than comments.
    assert len(cards) < len(TRICKLE) + len(SURGE)


async def test_report_abuse_opens_the_form_and_a_submitted_report_reaches_the_leads(demo: Demo) -> None:
    async with aiohttp.ClientSession() as http:
        opened = await http.post(f"{demo.base}/demo/command", json={"command": "/report-abuse", "text": ""})
        assert opened.status == 200
        view = await wait_until(
            lambda: demo.workspace.views and demo.workspace.views[-1], what="the form", timeout=20.0
        )
        assert "999" in str(view["blocks"][:2])  # signposting comes first
        values: dict[str, Any] = {}
        for block in view["blocks"]:
            element = block.get("element") or {}
            if block.get("type") != "input" or block.get("optional"):
                continue
            kind, action = element["type"], element["action_id"]
            if kind in ("static_select", "radio_buttons"):
                values[block["block_id"]] = {action: {"type": kind, "selected_option": element["options"][0]}}
            else:
                values[block["block_id"]] = {action: {"type": kind, "value": "Abusive messages after a post"}}
        submitted = await http.post(
            f"{demo.base}/demo/submit", json={"view_id": view["id"], "values": values}
        )
        assert submitted.status == 200, await submitted.text()
    notice = await wait_until(
        lambda: [m for m in demo.workspace.messages if m.channel == SAFEGUARDING_CHANNEL],
        what="the leads' notice",
        timeout=20.0,
    )
    assert "SG-" in notice[0].text
    assert demo.workspace.views == [] or demo.workspace.views[-1]["id"] != view["id"]  # the form closed


async def test_the_handover_is_sent_on_demand_once_a_day(demo: Demo) -> None:
    async with aiohttp.ClientSession() as http:
        first = await (await http.post(f"{demo.base}/demo/schedule", json={"kind": "handover"})).json()
        again = await (await http.post(f"{demo.base}/demo/schedule", json={"kind": "handover"})).json()
        wrong = await http.post(f"{demo.base}/demo/schedule", json={"kind": "lunch"})
    assert first == {"sent": True} and again == {"sent": False}
    assert wrong.status == 400
    handover = await wait_until(
        lambda: [m for m in demo.workspace.messages if m.channel == CHANNEL and "andover" in m.text],
        what="the handover digest",
        timeout=20.0,
    )
    assert len(handover) == 1
