"""What each platform lets an organisation do to someone else's comment, and why not when not.

The policy says "Delete these comments if the platform allows, if not, hide and report them"
(MSE Appendix C), so the buttons on a card come from this table, and the card says why an
action is missing. Sources: BRIEF.md section 4 and each platform's API reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import ItemKind, Platform


@dataclass(frozen=True, slots=True)
class Capabilities:
    hide: bool
    unhide: bool
    delete: bool
    reply: bool
    private_reply: bool
    ban: bool
    cannot_delete_because: str = ""
    cannot_hide_because: str = ""


CAPABILITIES: dict[Platform, Capabilities] = {
    Platform.FACEBOOK: Capabilities(
        hide=True, unhide=True, delete=True, reply=True, private_reply=True, ban=True
    ),
    Platform.INSTAGRAM: Capabilities(
        hide=True, unhide=True, delete=True, reply=True, private_reply=True, ban=False
    ),
    Platform.X: Capabilities(
        hide=True,
        unhide=True,
        delete=False,
        reply=True,
        private_reply=False,
        ban=False,
        cannot_delete_because="X does not let an account delete other people's posts.",
    ),
    Platform.YOUTUBE: Capabilities(
        hide=True, unhide=True, delete=True, reply=True, private_reply=False, ban=True
    ),
    Platform.LINKEDIN: Capabilities(
        hide=False,
        unhide=False,
        delete=False,
        reply=True,
        private_reply=False,
        ban=False,
        cannot_delete_because="LinkedIn's API does not let a page delete members' comments.",
        cannot_hide_because="LinkedIn's API has no way to hide a comment.",
    ),
    Platform.TIKTOK: Capabilities(
        hide=True,
        unhide=True,
        delete=False,
        reply=True,
        private_reply=False,
        ban=False,
        cannot_delete_because="TikTok only lets an account delete its own comments.",
    ),
}

_NOTHING = Capabilities(
    hide=False,
    unhide=False,
    delete=False,
    reply=False,
    private_reply=False,
    ban=False,
    cannot_delete_because="This item is not on our own account, so we cannot moderate it.",
    cannot_hide_because="This item is not on our own account, so we cannot moderate it.",
)


def capabilities_for(platform: Platform, kind: ItemKind = ItemKind.COMMENT) -> Capabilities:
    """Mentions sit on other people's accounts: nothing can be hidden or deleted there."""
    if kind is ItemKind.MENTION:
        return _NOTHING
    return CAPABILITIES[platform]
