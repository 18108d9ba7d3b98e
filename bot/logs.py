"""Logging for every modbot command: one format, and no library allowed to print message bodies.

At DEBUG, slack_sdk and slack_bolt log every request and response body (card text, comment
text, names), the Bot Framework SDK and MSAL their payloads, and SQLAlchemy's engine the rows it
reads. Personal data never belongs in the log, so those loggers stay at INFO (the engine's at
WARNING) whatever MODBOT_LOG_LEVEL says; modbot's own DEBUG lines still appear.
"""

from __future__ import annotations

import logging

_BODY_LOGGERS = {
    "slack_sdk": logging.INFO,
    "slack_bolt": logging.INFO,
    "botbuilder": logging.INFO,
    "botframework": logging.INFO,
    "msal": logging.INFO,
    "urllib3": logging.INFO,
    "aiohttp.client": logging.INFO,
    "sqlalchemy.engine": logging.WARNING,
    "alembic": logging.WARNING,
}


def configure(level: str) -> None:
    """Set the root level and format, and hold the body-printing libraries back."""
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name, floor in _BODY_LOGGERS.items():
        library = logging.getLogger(name)
        library.setLevel(max(floor, library.getEffectiveLevel()))
