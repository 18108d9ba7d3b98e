"""The kinds of durable side effect the core asks for. Values are stored: never rename."""

from enum import StrEnum


class TaskKind(StrEnum):
    POST_CARD = "post_card"
    REFRESH_CARD = "refresh_card"
    PLATFORM_ACTION = "platform_action"
    CONTACT_COMMENTER = "contact_commenter"
    SEND_SCHEDULED = "send_scheduled"
    ESCALATE = "escalate"
    SAFEGUARDING_NOTICE = "safeguarding_notice"
    SAFEGUARDING_NOTICE_REFRESH = "safeguarding_notice_refresh"
    SAFEGUARDING_TELL_REPORTER = "safeguarding_tell_reporter"
    SAFEGUARDING_ALERT_ONCALL = "safeguarding_alert_oncall"
    AUTO_REPLY = "auto_reply"
    FETCH_TIKTOK_COMMENT = "fetch_tiktok_comment"
    POST_SURGE_CARD = "post_surge_card"
    REFRESH_SURGE_CARD = "refresh_surge_card"
    DEAD_TASK_NOTICE = "dead_task_notice"
