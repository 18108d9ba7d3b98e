"""Block Kit rendering of check reminders and the handover digest (pure functions)."""

from __future__ import annotations

import json
from typing import Any

from bot.core.delivery.dead_letters import DeskNotice
from bot.core.rhythm.digest_text import (
    TIER_NAMES,
    handover_counts,
    handover_footnotes,
    handover_sections,
    handover_text,
    reminder_text,
)
from bot.core.rhythm.digests import CaseLine, HandoverDigest, Listing, Reminder
from handlers.slack.blocks import escape
from handlers.slack.ids import AckActionId

Block = dict[str, Any]


def _card_link(line: CaseLine) -> str:
    for card in line.cards:
        if card.desk == "slack":
            # Slack permalinks: /archives/<channel>/p<ts without the dot>; slack.com redirects.
            return (
                f" <https://slack.com/archives/{card.channel}/p{card.message_ref.replace('.', '')}|open card>"
            )
    return ""


def _line(line: CaseLine) -> str:
    flag = ":rotating_light: " if line.urgent else ""
    due = f" · {'*OVERDUE* since' if line.overdue else 'due'} {escape(line.due)}" if line.due else ""
    return f"• {flag}case {line.case_id}: {escape(line.summary)}{due}{_card_link(line)}"


def section(title: str, listing: Listing) -> list[Block]:
    """A titled list of case lines with links to their cards, or nothing when it is empty."""
    if not listing.count:
        return []
    lines = [_line(line) for line in listing.lines]
    if listing.count > len(listing.lines):
        lines.append(f"… and {listing.count - len(listing.lines)} more")
    text = f"*{escape(title)}: {listing.count}*\n" + "\n".join(lines)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}}]


def _ack_button(action_id: AckActionId, label: str, send_id: int) -> Block:
    return {
        "type": "actions",
        "block_id": f"ack-{send_id}",
        "elements": [
            {
                "type": "button",
                "action_id": action_id.value,
                "style": "primary",
                "text": {"type": "plain_text", "text": label},
                "value": json.dumps({"v": 1, "send_id": send_id}, separators=(",", ":")),
            }
        ],
    }


def reminder_blocks(reminder: Reminder, *, send_id: int) -> tuple[str, list[Block]]:
    posts = "\n".join(
        f"• {escape(p.platform)} post {_post(p.post_url, p.post_id)}: {p.comments} new"
        for p in reminder.busiest_posts
    )
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": reminder.title[:150]}},
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": f"*{reminder.new_comments} new comments {escape(reminder.window_text)}* "
                f"({reminder.new_cases} flagged)" + (f"\n{posts}" if posts else ""),
            },
        },
    ]
    for tier, listing in reminder.open_by_tier.items():
        blocks += section(f"Open {TIER_NAMES[tier]}", listing)
    blocks += section("Past their response time", reminder.overdue)
    blocks += section("Response due soon", reminder.due_soon)
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(reminder.guidance)}]})
    blocks.append(_ack_button(AckActionId.CHECKED, "Checked", send_id))
    return reminder_text(reminder)[:3000], blocks


def _post(url: str, post_id: str) -> str:
    return f"<{escape(url)}|{escape(post_id)}>" if url else escape(post_id)


def handover_blocks(
    digest: HandoverDigest, *, send_id: int, resend: bool, summary: bool
) -> tuple[str, list[Block]]:
    """The full digest (for the person on call), or a summary for the channel."""
    person = digest.on_call.name if digest.on_call else "nobody"
    title = ("REMINDER: " if resend else "") + digest.title
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*On call tonight:* {escape(person)}"}},
    ]
    if digest.warning:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": f":warning: *{escape(digest.warning)}*"}}
        )
    if resend:
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": ":bell: Nobody has acknowledged this handover yet."},
            }
        )
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": handover_counts(digest)}]})
    if not summary:
        for title, listing in handover_sections(digest):
            blocks += section(title, listing)
        footnotes = "\n".join(handover_footnotes(digest, escape))
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": footnotes}]})
    blocks.append(_ack_button(AckActionId.HANDOVER, "I have the handover", send_id))
    return handover_text(digest)[:3000], blocks


def clock_alert_blocks(line: CaseLine, *, overdue: bool) -> tuple[str, list[Block]]:
    """The response clock: near its due time (75% gone) or past it (MSE 6.4.1: 48 hours)."""
    if overdue:
        text = f"Case {line.case_id} is past its response time (due {line.due})."
        icon = ":alarm_clock:"
    else:
        text = f"Case {line.case_id} is due a response by {line.due}: most of its 48 working hours have gone."
        icon = ":hourglass_flowing_sand:"
    body = f"{icon} *{escape(text)}*\n{_line(line)}"
    return text, [{"type": "section", "text": {"type": "mrkdwn", "text": body}}]


def desk_notice_blocks(notice: DeskNotice) -> tuple[str, list[Block]]:
    """A plain notice to the channel: the headline in bold, its lines beneath."""
    body = f":warning: *{escape(notice.title)}*"
    lines = [{"type": "mrkdwn", "text": escape(line)} for line in notice.lines]
    blocks: list[Block] = [{"type": "section", "text": {"type": "mrkdwn", "text": body}}]
    if lines:
        blocks.append({"type": "context", "elements": lines})
    return notice.title, blocks
