"""The domain's errors. Each chat edge maps them to plain words for the person who clicked."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

_log = logging.getLogger(__name__)


class ModbotError(Exception):
    """Base of every error the desk explains to a person."""


class NotPermitted(ModbotError):
    """The person may not take this action (not a configured moderator)."""


class CaseNotFound(ModbotError):
    def __init__(self, case_id: int) -> None:
        super().__init__(f"There is no case {case_id}.")
        self.case_id = case_id


class SurgeNotFound(ModbotError):
    def __init__(self, surge_id: int) -> None:
        super().__init__(f"There is no surge {surge_id}.")
        self.surge_id = surge_id


class AlreadyDecided(ModbotError):
    """Someone else decided first; says who, what and when."""

    def __init__(self, *, case_id: int, outcome: str, by: str, at: datetime | None) -> None:
        self.case_id = case_id
        self.outcome = outcome
        self.by = by
        self.at = at
        when = f" at {at:%H:%M}" if at else ""
        super().__init__(f"Already {outcome.lower()} by {by}{when}.")


class ActionNotAvailable(ModbotError):
    """The action does not apply to this case now (wrong state, or the platform cannot do it)."""


class InvalidPayload(ModbotError):
    """A request body that cannot be understood; the message says why."""


class PlatformError(ModbotError):
    """A social platform refused or failed an action.

    `retry_after` is set when trying again may work (an outage or a rate limit); permanent
    refusals (no permission, the item is gone) leave it None.
    """

    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


class ChatError(ModbotError):
    """A chat platform failed to post or update; transient ones are retried by the outbox."""

    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


def explain(exc: Exception, *, surface: str) -> str:
    """Plain words for an error shown to a person; an unexpected one gets a reference that
    finds it in the log (the log has the traceback, the person never does)."""
    if isinstance(exc, ModbotError):
        return str(exc)
    ref = uuid.uuid4().hex[:8]
    _log.error("unexpected error in a %s handler [ref %s]", surface, ref, exc_info=exc)
    return (
        "Something went wrong and nothing was changed. Please try again; "
        f"if it keeps happening, quote reference {ref}."
    )
