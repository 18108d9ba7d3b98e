"""The one payload every card button carries, on every chat platform. Versioned: v=1."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.errors import InvalidPayload
from bot.core.models import Decision


class CardAction(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    v: int = 1
    case_id: int
    action: Decision

    def encode(self) -> str:
        return json.dumps(
            {"v": self.v, "case_id": self.case_id, "action": self.action.value}, separators=(",", ":")
        )

    @classmethod
    def parse(cls, raw: str | dict[str, object]) -> CardAction:
        try:
            data = json.loads(raw) if isinstance(raw, str) else raw
            action = cls.model_validate(data)
        except (ValueError, ValidationError) as exc:
            raise InvalidPayload(
                "This button's data could not be read; refresh the card and try again."
            ) from exc
        if action.v != 1:
            raise InvalidPayload(f"This button comes from a newer version of modbot (v={action.v}).")
        return action
