"""Prometheus metrics (prometheus-client), served at `/metrics` when `MODBOT_METRICS` is on.

Counts, durations and backlogs only: no label ever carries comment text, a name, an account
or a report's details. Labels are drawn from small fixed sets (platforms, tiers, routes, task
kinds, route templates, HTTP statuses), so a hostile caller cannot grow the series without end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram, generate_latest

from bot.core.models import IncomingComment, IngestResult

COMMENTS_RECEIVED = Counter(
    "modbot_comments_received", "Comments and messages received, per platform", ["platform"]
)
COMMENTS_STORED = Counter(
    "modbot_comments_stored", "Comments and messages stored for the first time, per platform", ["platform"]
)
COMMENTS_REJECTED = Counter(
    "modbot_comments_rejected", "Items set aside as unreadable (the rest of their delivery stored)"
)
FLAGGED = Counter(
    "modbot_comments_flagged", "New comments given a card, per platform and tier", ["platform", "tier"]
)
ROUTED = Counter("modbot_comments_routed", "New comments given a special route, per route", ["route"])
CLASSIFIER_SECONDS = Histogram(
    "modbot_classifier_seconds_per_comment",
    "Classifier time per comment (a delivery is judged as one batch: its time over its size)",
    buckets=(0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0),
)
HTTP_REJECTIONS = Counter(
    "modbot_http_rejections",
    "Requests refused (4xx) or failed (5xx), per route template, status and reason",
    ["route", "status", "reason"],
)
HTTP_SECONDS = Histogram(
    "modbot_http_request_seconds",
    "Time to answer, per route template: for /slack/events and /api/messages, a click's time to ack",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
OUTBOX_TASKS = Counter(
    "modbot_outbox_tasks",
    "Outbox task runs, per kind and outcome (done, retry, dead); kind send_scheduled with outcome "
    "done is a reminder or handover sent",
    ["kind", "outcome"],
)
OUTBOX_PENDING = Gauge("modbot_outbox_pending", "Outbox tasks not yet done, per kind", ["kind"])
OUTBOX_OLDEST = Gauge(
    "modbot_outbox_oldest_seconds", "Age of the oldest outbox task not yet done, per kind", ["kind"]
)
OUTBOX_DEAD = Gauge("modbot_outbox_dead", "Outbox tasks that ran out of time (modbot outbox list --dead)")
API_ERRORS = Counter(
    "modbot_platform_api_errors",
    "Platform API calls that failed, per platform and status (0: not reached)",
    ["api", "status"],
)
REMINDERS_QUEUED = Counter("modbot_reminders_queued", "Reminders and digests claimed by the desk rhythm")
SAFEGUARDING_REPORTS = Counter("modbot_safeguarding_reports", "Safeguarding reports received (a count only)")

# Why each refusal status is refused, in the words of the handlers that refuse.
REASONS = {
    400: "malformed",
    401: "unsigned",
    403: "bad_signature",
    404: "not_found",
    405: "wrong_method",
    413: "too_large",
    415: "wrong_content_type",
    422: "unprocessable",
    503: "not_configured",
}


def record_ingest(items: Sequence[IncomingComment], result: IngestResult) -> None:
    for item in items:
        COMMENTS_RECEIVED.labels(item.platform.value).inc()
    if result.rejected:
        COMMENTS_REJECTED.inc(len(result.rejected))
    for stored in result.stored:
        COMMENTS_STORED.labels(stored.platform).inc()
        if stored.carded:
            FLAGGED.labels(stored.platform, str(stored.tier)).inc()
        for route in stored.routes:
            ROUTED.labels(route).inc()
    if result.judged:
        each = result.classify_seconds / result.judged
        for _ in range(result.judged):
            CLASSIFIER_SECONDS.observe(each)


def record_rejection(route: str, status: int) -> None:
    reason = REASONS.get(status, "server_error" if status >= 500 else "refused")
    HTTP_REJECTIONS.labels(route, str(status), reason).inc()


def set_outbox(backlog: Iterable[tuple[str, int, float]], dead: int) -> None:
    """Replace the backlog gauges with this scrape's reading (kinds now empty drop out)."""
    OUTBOX_PENDING.clear()
    OUTBOX_OLDEST.clear()
    for kind, pending, oldest in backlog:
        OUTBOX_PENDING.labels(kind).set(pending)
        OUTBOX_OLDEST.labels(kind).set(oldest)
    OUTBOX_DEAD.set(dead)


def exposition() -> tuple[bytes, str]:
    """The text format Prometheus scrapes, and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
