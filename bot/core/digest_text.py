"""Plain-text rendering of reminders and the handover digest (CLI output, chat fallbacks)."""

from __future__ import annotations

from bot.core.digests import CaseLine, HandoverDigest, Listing, Reminder

_TIER_NAMES = {1: "Tier 1 (harmful)", 2: "Tier 2 (misinformation or spam)", 3: "Tier 3 needing a response"}


def _line(line: CaseLine) -> str:
    flag = "URGENT " if line.urgent else ""
    due = f" · {'OVERDUE since' if line.overdue else 'due'} {line.due}" if line.due else ""
    return f"  - {flag}case {line.case_id}: {line.summary}{due}"


def _listing(title: str, listing: Listing) -> list[str]:
    if not listing.count:
        return []
    more = listing.count - len(listing.lines)
    out = [f"{title}: {listing.count}", *(_line(line) for line in listing.lines)]
    if more > 0:
        out.append(f"  … and {more} more")
    return out


def reminder_text(reminder: Reminder) -> str:
    out = [
        reminder.title,
        f"New comments {reminder.window_text}: {reminder.new_comments} ({reminder.new_cases} flagged)",
    ]
    for post in reminder.busiest_posts:
        out.append(f"  - {post.platform} post {post.post_id}: {post.comments} new {post.post_url}".rstrip())
    for tier, listing in reminder.open_by_tier.items():
        out += _listing(f"Open {_TIER_NAMES[tier]}", listing)
    out += _listing("Past their response time", reminder.overdue)
    out += _listing("Response due soon", reminder.due_soon)
    if not any(listing.count for listing in reminder.open_by_tier.values()):
        out.append("No open flagged items.")
    out.append(reminder.guidance)
    return "\n".join(out)


def handover_text(digest: HandoverDigest) -> str:
    person = digest.on_call.name if digest.on_call else "NOBODY"
    out = [digest.title, f"On call tonight: {person}"]
    if digest.warning:
        out.append(f"WARNING: {digest.warning}")
    out += _listing("Urgent", digest.urgent)
    for tier in (1, 2):
        out += _listing(f"Open {_TIER_NAMES[tier]}", digest.open_by_tier[tier])
    out += _listing("Waiting to contact the commenter", digest.pending_contact)
    out += _listing("Overdue", digest.overdue)
    out += _listing("Due by the end of the next working day", digest.due_by_next_working_day)
    if digest.safeguarding_today:
        refs = ", ".join(digest.safeguarding_today)
        out.append(f"Safeguarding reports opened today: {len(digest.safeguarding_today)} ({refs})")
    out += [f"Surge today: {line}" for line in digest.surges_today]
    out.append(f"Tier 3 comments today: {digest.tier3_today}")
    if digest.themes:
        out.append("Emerging themes: " + "; ".join(f"{theme} ({n})" for theme, n in digest.themes))
    return "\n".join(out)
