"""Acting on the social platforms: hide or delete a comment, contact its author, reply out of hours."""

from __future__ import annotations

import logging
from typing import Any

from bot.core import audit
from bot.core.errors import PlatformError
from bot.core.models import SYSTEM, Decision
from bot.core.moderation import cases, decisions
from bot.outbox.effects.base import Effect, platform_item
from bot.ports import SocialPlatform
from bot.store.tables import Comment

log = logging.getLogger(__name__)


class PlatformAction(Effect):
    async def run(self, payload: dict[str, Any]) -> None:
        case_id, decision = int(payload["case_id"]), Decision(payload["decision"])
        comment = await self.db.run(lambda s: cases.load_case(s, case_id)[1])
        error = await self._on_platform(comment, lambda client: self._act(client, decision, comment))
        await self._record(case_id, decision, error)

    async def _act(self, client: SocialPlatform, decision: Decision, comment: Comment) -> None:
        item = platform_item(comment)
        match decision:
            case Decision.HIDE | Decision.HIDE_AND_REPORT:
                await client.hide(item)
            case Decision.DELETE:
                await client.delete(item)
            case Decision.SEND_SIGNPOSTING:
                await client.reply(item, self.profile.wording.signposting_reply)
            case Decision.REMOVE_AND_BAN:
                await client.remove_and_ban(item)
            case _:
                raise PlatformError(f"{decision.value} is not a platform action", transient=False)

    async def _record(self, case_id: int, decision: Decision, error: str | None) -> None:
        await self.db.run(
            lambda s: decisions.record_platform_outcome(
                session=s, case_id=case_id, decision=decision, error=error, desks=self.targets, now=self.now()
            )
        )
        log.info(
            "platform action %s on case %s: %s",
            decision.value,
            case_id,
            "done" if error is None else "failed",
        )

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        await self._record(
            int(payload["case_id"]), Decision(payload["decision"]), f"gave up after retries: {reason}"
        )


class ContactCommenter(Effect):
    async def run(self, payload: dict[str, Any]) -> None:
        case_id = int(payload["case_id"])
        comment = await self.db.run(lambda s: cases.load_case(s, case_id)[1])
        explanation = self.profile.wording.house_rules_explanation
        error = await self._on_platform(
            comment, lambda client: client.private_reply(platform_item(comment), explanation)
        )
        await self._record(case_id, error)

    async def _record(self, case_id: int, error: str | None) -> None:
        await self.db.run(
            lambda s: decisions.record_contact_outcome(
                session=s, case_id=case_id, error=error, desks=self.targets, now=self.now()
            )
        )

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        await self._record(int(payload["case_id"]), f"gave up after retries: {reason}")


class AutoReply(Effect):
    """The out-of-hours automatic reply to a direct message (MSE 6.4.2), once per sender."""

    async def run(self, payload: dict[str, Any]) -> None:
        comment_id = int(payload["comment_id"])
        comment = await self.db.run(lambda s: s.get(Comment, comment_id))
        if comment is None:
            return
        wording = self.profile.wording.out_of_hours_reply
        error = await self._on_platform(
            comment, lambda client: client.message(platform_item(comment), wording)
        )
        await self._record(comment, error)

    async def _record(self, comment: Comment, error: str | None) -> None:
        def record(session: Any) -> None:
            audit.record(
                session,
                actor=SYSTEM,
                action="auto_reply",
                outcome="ok" if error is None else "failed",
                now=self.now(),
                subject=f"{comment.platform}:{comment.external_id}",
                detail={"error": error[:200]} if error else None,
            )

        await self.db.run(record)
        if error:
            log.warning("out-of-hours reply on %s not sent: %s", comment.platform, error)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        comment_id = int(payload["comment_id"])
        comment = await self.db.run(lambda s: s.get(Comment, comment_id))
        if comment is not None:
            await self._record(comment, f"gave up after retries: {reason}")
