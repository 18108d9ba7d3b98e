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
    # What "ban" means on this platform, as the button says it; "" when there is no ban.
    ban_label: str = ""
    ban_effect: str = ""
    # What the confirm dialog says about removal on this platform.
    removal_warning: str = "It is removed from the platform for good. This cannot be undone."
    # Direct messages can be answered privately.
    message: bool = False


CAPABILITIES: dict[Platform, Capabilities] = {
    Platform.FACEBOOK: Capabilities(
        hide=True,
        unhide=True,
        delete=True,
        reply=True,
        private_reply=True,
        ban=True,
        ban_label="Delete and ban from the Page",
        ban_effect="The person can no longer comment on, or message, the Page.",
        message=True,
    ),
    Platform.INSTAGRAM: Capabilities(
        hide=True, unhide=True, delete=True, reply=True, private_reply=True, ban=False, message=True
    ),
    Platform.X: Capabilities(
        hide=True,
        unhide=True,
        delete=False,
        reply=True,
        private_reply=False,
        ban=True,
        cannot_delete_because="X does not let an account delete other people's posts.",
        cannot_hide_because="X only lets us hide replies in conversations our account started.",
        ban_label="Hide and mute the author",
        ban_effect=(
            "X has no ban: muting means our account stops seeing them. They are not told and can "
            "still reply, so report them to X if the abuse goes on."
        ),
        message=True,
    ),
    Platform.YOUTUBE: Capabilities(
        hide=True,
        unhide=True,
        delete=True,
        reply=True,
        private_reply=False,
        ban=True,
        ban_label="Reject and ban the author",
        ban_effect="Their future comments on our channel are rejected automatically.",
        removal_warning=(
            "YouTube rejects it: the comment and its replies disappear, and a rejected comment "
            "can never be published again."
        ),
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

_PRIVATE = "A direct message is private: nobody else sees it, so there is nothing to remove."


def capabilities_for(platform: Platform, kind: ItemKind = ItemKind.COMMENT) -> Capabilities:
    """Mentions sit on other people's accounts: nothing can be hidden or deleted there.
    Direct messages are private: they are answered, not hidden or deleted."""
    if kind is ItemKind.MENTION:
        return _NOTHING
    caps = CAPABILITIES[platform]
    if kind is ItemKind.DIRECT_MESSAGE:
        return Capabilities(
            hide=False,
            unhide=False,
            delete=False,
            reply=False,
            private_reply=False,
            ban=False,
            message=caps.message,
            cannot_delete_because=_PRIVATE,
            cannot_hide_because=_PRIVATE,
        )
    return caps
