"""What reaches Bolt from /slack/events: signed, readable, and of a shape Bolt can dispatch.

Bolt parses a request's body before it checks the signature, and its matchers and context
builders index into the payload directly; a forged `payload=%7B`, a timestamp of `abc`, a
non-ASCII signature or a signed `actions: []` each made it answer 500 with a traceback. So the
edge checks, in this order: the signature over the raw bytes (401), that the body is UTF-8 and
parses as Bolt will parse it (400), and that the fields Bolt and our listeners read have the
types Slack documents (400). Bolt then checks the signature again itself.
"""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import Clock, SignatureVerifier

from handlers.http import BadRequest, nests_too_deeply

_StrOrObject = str | dict[str, Any] | None


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class SlackAction(_Open):
    action_id: str
    block_id: str | None = None
    value: str | None = None


class SlackView(_Open):
    type: str
    callback_id: str = ""
    private_metadata: str = ""
    state: dict[str, Any] = Field(default_factory=dict)
    app_installed_team_id: str | None = None


class SlackEvent(_Open):
    type: str
    user: _StrOrObject = None
    channel: _StrOrObject = None
    team: _StrOrObject = None


class SlackPayload(_Open):
    """The fields of any Slack request that Bolt or our listeners read, with their types."""

    type: str | None = None
    user: _StrOrObject = None
    team: _StrOrObject = None
    channel: _StrOrObject = None
    enterprise: _StrOrObject = None
    authorizations: list[dict[str, Any]] | None = None
    container: dict[str, Any] | None = None
    message: dict[str, Any] | None = None
    previous_message: dict[str, Any] | None = None
    event: SlackEvent | None = None
    view: SlackView | None = None
    actions: list[SlackAction] | None = None

    @model_validator(mode="after")
    def _what_its_type_needs(self) -> SlackPayload:
        if self.type == "block_actions" and not self.actions:
            raise ValueError("a block_actions payload needs at least one action")
        if self.type in ("view_submission", "view_closed") and self.view is None:
            raise ValueError(f"a {self.type} payload needs its view")
        if self.type == "event_callback" and self.event is None:
            raise ValueError("an event_callback needs its event")
        return self


Refusal = tuple[Literal[400, 401], str]


def refusal(
    *, secret: str, body: bytes, headers: Any, content_type: str | None, now: float | None = None
) -> Refusal | None:
    """Why this request must not reach Bolt (status and reason), or None when it may."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not timestamp or not signature:
        return 401, "X-Slack-Request-Timestamp and X-Slack-Signature headers are required"
    if not (timestamp.isascii() and timestamp.isdigit()) or not signature.isascii():
        return 401, "signature does not match"
    try:
        text = body.decode("utf-8")  # Slack sends UTF-8; slack_sdk's verifier decodes it too
    except UnicodeDecodeError:
        return 400, "body is not UTF-8"
    verifier = SignatureVerifier(secret, clock=_Clock(now))
    if not verifier.is_valid(body=text, timestamp=timestamp, signature=signature):
        return 401, "signature does not match, or is older than five minutes"
    try:
        read_payload(text, content_type)
    except BadRequest as exc:
        return 400, str(exc)
    return None


def read_payload(text: str, content_type: str | None) -> SlackPayload:
    """The payload as Bolt will parse it, checked; BadRequest with the reason otherwise."""
    try:
        document = parse_body(text, content_type)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        raise BadRequest(f"payload is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise BadRequest("payload nests too deeply to be read") from exc
    if nests_too_deeply(document):
        raise BadRequest("payload nests too deeply to be read")
    if not isinstance(document, dict):
        raise BadRequest("payload must be a JSON object")
    try:
        return SlackPayload.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "payload"
        raise BadRequest(f"{where}: {first['msg']}") from exc
    except RecursionError as exc:
        raise BadRequest("payload nests too deeply to be read") from exc


class _Clock(Clock):
    """slack_sdk's verifier asks a clock for the time; tests may fix it."""

    def __init__(self, now: float | None) -> None:
        super().__init__()
        self._now = now

    def now(self) -> float:
        return time.time() if self._now is None else self._now
