"""/metrics: what operations need to watch the desk, in Prometheus's format, and no content."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlmodel import select

from bot.core.models import Decision
from bot.store.tables import Case
from tests.conftest import DbTarget
from tests.harness import Desk, facebook_delivery, running_desk

ABUSE = "you are a useless idiot and a disgrace"
BENIGN = "Thanks to the team at the clinic today"


@pytest.fixture
async def desk(db_target: DbTarget) -> AsyncIterator[Desk]:
    async with running_desk(db_target) as running:
        yield running


async def scrape(desk: Desk) -> tuple[str, dict[tuple[str, frozenset[tuple[str, str]]], float]]:
    response = await desk.http.get(f"{desk.base}/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    text = await response.text()
    samples = {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }
    return text, samples


def value(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def test_a_delivery_a_refusal_and_a_click_are_counted(desk: Desk) -> None:
    _, before = await scrape(desk)
    delivery = facebook_delivery(("m_1", ABUSE), ("m_2", BENIGN))
    assert (await desk.post_meta(delivery)).status == 200
    assert (await desk.post_meta(delivery)).status == 200  # a redelivery: received, not stored
    assert (await desk.post_meta(delivery, secret="forged")).status == 403
    [case_id] = desk.query(lambda s: s.exec(select(Case.id)).all())
    await desk.wait_for(lambda: desk.card_ref(case_id), what="the card to be posted")
    assert (await desk.click(case_id=case_id, decision=Decision.LEAVE)).status == 200

    text, after = await scrape(desk)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("modbot_comments_received_total", platform="facebook") == 4
    assert delta("modbot_comments_stored_total", platform="facebook") == 2
    assert delta("modbot_comments_flagged_total", platform="facebook", tier="1") == 1
    # Every comment of both deliveries was judged: duplicates are found when stored, after that.
    assert delta("modbot_classifier_seconds_per_comment_count") == 4
    forged = {"route": "/webhooks/meta", "status": "403", "reason": "bad_signature"}
    assert delta("modbot_http_rejections_total", **forged) == 1
    assert delta("modbot_http_request_seconds_count", route="/slack/events") == 1
    assert delta("modbot_outbox_tasks_total", kind="post_card", outcome="done") >= 1
    assert "modbot_outbox_dead 0.0" in text
    # Counts and timings only: neither the comments nor their authors are in what is scraped.
    assert ABUSE not in text and BENIGN not in text and "A Member Of Public" not in text


async def test_a_made_up_path_is_counted_under_one_label(desk: Desk) -> None:
    for path in ("/a", "/b/c", "/wp-login.php"):
        assert (await desk.http.get(f"{desk.base}{path}")).status == 404
    _, samples = await scrape(desk)
    unmatched = {"route": "unmatched", "status": "404", "reason": "not_found"}
    assert value(samples, "modbot_http_rejections_total", **unmatched) >= 3
    assert not any(("route", "/wp-login.php") in labels for _name, labels in samples)


async def test_metrics_can_be_turned_off(db_target: DbTarget) -> None:
    async with running_desk(db_target, MODBOT_METRICS=False) as desk:
        assert (await desk.http.get(f"{desk.base}/metrics")).status == 404
