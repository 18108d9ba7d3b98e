"""Check reminders, the handover digest and clock alerts as Adaptive Cards (pure functions).

The same views the Slack blocks render, with the same "Checked" / "I have the handover" buttons:
the click is the record of who did it.
"""

from __future__ import annotations

from typing import Any

from bot.core.delivery.dead_letters import DeskNotice
from bot.core.moderation.overview import DeskOverview, checks_line, month_line
from bot.core.moderation.views import format_when
from bot.core.reporting.figures import MonthlyAssurance, summary_lines
from bot.core.rhythm.digest_text import TIER_NAMES, handover_counts, handover_footnotes, handover_sections
from bot.core.rhythm.digests import CaseLine, HandoverDigest, Listing, Reminder
from handlers.teams.cards import adaptive_card as _card
from handlers.teams.cards import escape
from handlers.teams.cards import text_block as _text

Card = dict[str, Any]
ACK_VERB_PREFIX = "modbot-ack."
CHECKED_VERB = "modbot-ack.checked"
HANDOVER_VERB = "modbot-ack.handover"


def _line(line: CaseLine) -> str:
    flag = "URGENT · " if line.urgent else ""
    due = f" · {'**OVERDUE** since' if line.overdue else 'due'} {escape(line.due)}" if line.due else ""
    return f"- {flag}case {line.case_id}: {escape(line.summary)}{due}"


def _section(title: str, listing: Listing) -> list[Card]:
    if not listing.count:
        return []
    lines = [_line(line) for line in listing.lines]
    if listing.count > len(listing.lines):
        lines.append(f"- … and {listing.count - len(listing.lines)} more")
    return [_text(f"**{escape(title)}: {listing.count}**", spacing="Medium"), _text("\n".join(lines))]


def _ack(verb: str, label: str, send_id: int) -> Card:
    data = {"v": 1, "send_id": send_id}
    return {
        "type": "Action.Execute",
        "title": label,
        "verb": verb,
        "data": data,
        "style": "positive",
        "fallback": {"type": "Action.Submit", "title": label, "data": {**data, "verb": verb}},
    }


def reminder_card(reminder: Reminder, *, send_id: int) -> Card:
    body = [
        _text(reminder.title, weight="Bolder", size="Medium"),
        _text(
            f"**{reminder.new_comments} new comments {escape(reminder.window_text)}** "
            f"({reminder.new_cases} flagged)"
        ),
    ]
    if reminder.busiest_posts:
        body.append(
            _text(
                "\n".join(
                    f"- {escape(p.platform)} post {escape(p.post_id)}: {p.comments} new"
                    for p in reminder.busiest_posts
                )
            )
        )
    for tier, listing in reminder.open_by_tier.items():
        body += _section(f"Open {TIER_NAMES[tier]}", listing)
    body += _section("Past their response time", reminder.overdue)
    body += _section("Response due soon", reminder.due_soon)
    body.append(_text(escape(reminder.guidance), isSubtle=True))
    return _card(body, [_ack(CHECKED_VERB, "Checked", send_id)])


def handover_card(
    digest: HandoverDigest, *, send_id: int, resend: bool, summary: bool, notice: str = ""
) -> Card:
    """The full digest (for the person on call), or a summary for the channel."""
    person = digest.on_call.name if digest.on_call else "nobody"
    body = [
        _text(("REMINDER: " if resend else "") + digest.title, weight="Bolder", size="Medium"),
        _text(f"**On call tonight:** {escape(person)}"),
    ]
    if notice:
        body.append(_text(notice, color="Attention", weight="Bolder"))
    if digest.warning:
        body.append(_text(f"**{escape(digest.warning)}**", color="Attention"))
    if resend:
        body.append(_text("Nobody has acknowledged this handover yet.", color="Warning"))
    body.append(_text(handover_counts(digest), isSubtle=True))
    if not summary:
        for title, listing in handover_sections(digest):
            body += _section(title, listing)
        body.append(_text("\n\n".join(handover_footnotes(digest, escape)), isSubtle=True))
    return _card(body, [_ack(HANDOVER_VERB, "I have the handover", send_id)])


def clock_alert_card(line: CaseLine, *, overdue: bool) -> tuple[str, Card]:
    """The response clock: near its due time (75% gone) or past it (MSE 6.4.1: 48 hours)."""
    if overdue:
        text = f"Case {line.case_id} is past its response time (due {line.due})."
    else:
        text = f"Case {line.case_id} is due a response by {line.due}: most of its 48 working hours have gone."
    return text, _card(
        [_text(f"**{escape(text)}**", color="Attention" if overdue else "Warning"), _text(_line(line))]
    )


def desk_notice_card(notice: DeskNotice) -> tuple[str, Card]:
    """A plain notice to the channel: the headline in bold, its lines beneath."""
    lines = [_text(escape(line)) for line in notice.lines]
    return notice.title, _card([_text(f"**{escape(notice.title)}**", color="Attention"), *lines])


def notice_card(text: str, inner: Card) -> Card:
    """A warning above another card (an urgent escalation, a handover with nobody to take it)."""
    return {**inner, "body": [_text(f"**{text}**", color="Attention"), *inner["body"]]}


def report_card(report: MonthlyAssurance, *, link: str | None) -> Card:
    """Last month's assurance in a few lines, and a button to the full report the bot serves."""
    body = [_text(escape(report.title), weight="Bolder", size="Medium")]
    body += [_text(escape(line)) for line in summary_lines(report)]
    if link is None:
        body.append(
            _text(
                f"The full report with charts: `modbot report --month {report.month:%Y-%m}` "
                "(set TEAMS_VALID_DOMAIN to have a link here).",
                isSubtle=True,
            )
        )
        return _card(body)
    return _card(body, [{"type": "Action.OpenUrl", "title": "Open the full report", "url": link}])


def overview_card(overview: DeskOverview) -> Card:
    """The desk at a glance, for the `desk` command: the same view as Slack's Home tab."""
    now, month, person = overview.at, overview.month, overview.on_call
    checks = checks_line(overview.checks, now, escape)
    body = [
        _text(f"{escape(overview.organisation)}: the desk", weight="Bolder", size="Medium"),
        _text(f"As of {format_when(now, now)} (London).", isSubtle=True, spacing="None"),
        _text(
            f"**Open cases: {overview.open_total}** · **Overdue: {overview.overdue.count}**  \n"
            + (
                f"On call tonight: {escape(person.name)}"
                if person
                else "On call tonight: **nobody** (set it with oncall)"
            )
            + f"  \nChecks last done: {checks}"
        ),
    ]
    body += _section("Overdue", overview.overdue)
    for tier, listing in overview.open_by_tier.items():
        body += _section(f"Open {TIER_NAMES.get(tier, f'Tier {tier}')}", listing)
    body.append(
        _text(
            f"**{month.month:%B %Y} so far:** {month_line(month)}",
            spacing="Medium",
        )
    )
    return _card(body)
