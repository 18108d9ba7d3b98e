"""Every Slack action id and callback id modbot uses. Values reach Slack: never rename."""

from __future__ import annotations

from enum import StrEnum

from bot.core.models import Decision

ACTION_PREFIX = "modbot."


class ActionId(StrEnum):
    HIDE = "modbot.hide"
    DELETE = "modbot.delete"
    HIDE_AND_REPORT = "modbot.hide_and_report"
    LEAVE = "modbot.leave"
    ROUTE = "modbot.route"
    SEND_SIGNPOSTING = "modbot.send_signposting"
    MARK_HANDLED = "modbot.mark_handled"
    CONTACT_COMMENTER = "modbot.contact_commenter"
    RETRY = "modbot.retry"
    DONE_BY_HAND = "modbot.done_by_hand"
    REMOVE_AND_BAN = "modbot.remove_and_ban"

    @classmethod
    def for_decision(cls, decision: Decision) -> ActionId:
        return cls(ACTION_PREFIX + decision.value)


ACK_PREFIX = "modbot-ack."


class AckActionId(StrEnum):
    """Buttons on reminders and the handover: the click is the record of who did it."""

    CHECKED = "modbot-ack.checked"
    HANDOVER = "modbot-ack.handover"


SURGE_PREFIX = "modbot-surge."


class SurgeActionId(StrEnum):
    """Buttons on a surge's card; the part after the prefix is the core's surge action."""

    HIDE_ALL = "modbot-surge.hide_all"
    EXPAND = "modbot-surge.expand"


SAFEGUARDING_PREFIX = "modbot-sg."


class SafeguardingActionId(StrEnum):
    VIEW = "modbot-sg.view"
    ACKNOWLEDGE = "modbot-sg.acknowledge"
    ESCALATE = "modbot-sg.escalate"
    CLOSE = "modbot-sg.close"


class Command(StrEnum):
    ONCALL = "/oncall"
    REPORT_ABUSE = "/report-abuse"


class CallbackId(StrEnum):
    LEAVE_THEME = "modbot.leave_theme"
    REPORT_ABUSE = "modbot.report_abuse"
    REPORT_MESSAGE = "modbot.report_message"
