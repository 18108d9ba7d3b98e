"""Plain-text rendering of reminders and the handover digest (CLI output, chat fallbacks)."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.rhythm.digests import CaseLine, HandoverDigest, Listing, Reminder

# The same words in every chat and in plain text, so a manager reading one finds them in the other.
TIER_NAMES = {1: "Tier 1 · harmful", 2: "Tier 2 · misinformation or spam", 3: "Tier 3 · needs a response"}


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
        out += _listing(f"Open {TIER_NAMES[tier]}", listing)
    out += _listing("Past their response time", reminder.overdue)
    out += _listing("Response due soon", reminder.due_soon)
    if not any(listing.count for listing in reminder.open_by_tier.values()):
        out.append("No open flagged items.")
    out.append(reminder.guidance)
    return "\n".join(out)


def handover_counts(digest: HandoverDigest) -> str:
    """One line of counts the on-call manager reads first."""
    return (
        f"Urgent: {digest.urgent.count} · Tier 1 open: {digest.open_by_tier[1].count} · "
        f"Tier 2 open: {digest.open_by_tier[2].count} · Overdue: {digest.overdue.count} · "
        f"Waiting to contact: {digest.pending_contact.count}"
    )


def handover_sections(digest: HandoverDigest) -> list[tuple[str, Listing]]:
    """The handover's lists of cases, titled, in the order every chat shows them."""
    return [
        ("Urgent", digest.urgent),
        (f"Open {TIER_NAMES[1]}", digest.open_by_tier[1]),
        (f"Open {TIER_NAMES[2]}", digest.open_by_tier[2]),
        ("Waiting to contact the commenter", digest.pending_contact),
        ("Overdue", digest.overdue),
        ("Due by the end of the next working day", digest.due_by_next_working_day),
    ]


def handover_footnotes(
    digest: HandoverDigest, escape: Callable[[str], str] = str, *, references: bool = False
) -> list[str]:
    """The lines under the lists, the same in every chat: Tier 3 volume, themes, safeguarding,
    surges. `escape` makes text that came from comments safe for the chat's markup.

    Chat messages give only the number of safeguarding reports: a handover can land in the
    moderators' channel (the summary, its notification text, or the full digest when nobody is
    on call), and that a colleague reported something stays in the private channel. The
    references are listed only where `references` is asked for (the `modbot digest` command).
    """
    out = [f"Tier 3 comments today: {digest.tier3_today}"]
    if digest.themes:
        out.append("Emerging themes: " + "; ".join(f"{escape(t)} ({n})" for t, n in digest.themes))
    if digest.safeguarding_today:
        refs = f" ({', '.join(digest.safeguarding_today)})" if references else ""
        out.append(f"Safeguarding reports opened today: {len(digest.safeguarding_today)}{refs}")
    out += [f"Surge today: {escape(line)}" for line in digest.surges_today]
    return out


def handover_text(digest: HandoverDigest, *, references: bool = False) -> str:
    """The handover as plain text: chat notification text, or `modbot digest` (with references)."""
    person = digest.on_call.name if digest.on_call else "NOBODY"
    out = [digest.title, f"On call tonight: {person}"]
    if digest.warning:
        out.append(f"WARNING: {digest.warning}")
    for title, listing in handover_sections(digest):
        out += _listing(title, listing)
    out += handover_footnotes(digest, references=references)
    return "\n".join(out)
