"""Outbox handlers for safeguarding: channel notices, reporter updates, the on-call alert.

Payloads carry only the reference: the reporter's identity is unsealed at send time and never
stored in the outbox or written to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from bot.core.delivery.tasks import TaskKind
from bot.core.errors import ChatError
from bot.core.rhythm import rota
from bot.core.rhythm.clock import LONDON
from bot.core.safeguarding import reports
from bot.core.safeguarding.confidential import Sealer
from bot.outbox.effects.base import retry_for
from bot.outbox.worker import TaskHandler
from bot.ports import PostedCard, SafeguardingDesk
from bot.store.db import Database

log = logging.getLogger(__name__)

_TELL = {
    "acknowledged": "Your safeguarding report {ref} has been acknowledged by the social media team.",
    "closed": "Your safeguarding report {ref} has been closed. Thank you for reporting it.",
}


class _Safeguarding:
    def __init__(
        self,
        *,
        db: Database,
        desks: Mapping[str, SafeguardingDesk],
        sealer: Sealer,
        now: Callable[[], datetime],
    ) -> None:
        self.db, self.desks, self.sealer, self.now = db, desks, sealer, now

    async def _deliver(self, call: Any) -> None:
        try:
            await call
        except ChatError as exc:
            raise retry_for(exc) from exc

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error(
            "gave up a safeguarding message for %s on %s: %s",
            payload.get("reference"),
            payload.get("desk"),
            reason,
        )


class Notice(_Safeguarding):
    async def run(self, payload: dict[str, Any]) -> None:
        desk = self.desks.get(str(payload["desk"]))
        if desk is None:
            return
        notice = await self.db.run(
            lambda s: reports.report_notice(s, reference=str(payload["reference"]))
        )
        await self._deliver(desk.post_notice(notice, alert=notice.urgent))


class NoticeRefresh(_Safeguarding):
    async def run(self, payload: dict[str, Any]) -> None:
        desk = self.desks.get(str(payload["desk"]))
        if desk is None:
            return
        notice = await self.db.run(
            lambda s: reports.report_notice(s, reference=str(payload["reference"]))
        )
        posted = PostedCard(str(payload["channel"]), str(payload["message_ref"]))
        await self._deliver(desk.update_notice(posted, notice))


class TellReporter(_Safeguarding):
    async def run(self, payload: dict[str, Any]) -> None:
        desk = self.desks.get(str(payload["desk"]))
        reference = str(payload["reference"])
        surface, user_id = await self.db.run(
            lambda s: reports.reporter_of(session=s, reference=reference, sealer=self.sealer)
        )
        if desk is None or surface != desk.name or not user_id:
            return  # the reporter used another surface; that desk's task tells them
        text = _TELL.get(str(payload["status"]), "Your safeguarding report {ref} was updated.").format(
            ref=reference
        )
        await self._deliver(desk.tell(user_id, text))


class AlertOnCall(_Safeguarding):
    async def run(self, payload: dict[str, Any]) -> None:
        desk = self.desks.get(str(payload["desk"]))
        if desk is None:
            return
        reference = str(payload["reference"])
        day = self.now().astimezone(LONDON).date()
        notice, person = await self.db.run(
            lambda s: (reports.report_notice(s, reference=reference), rota.on_call(s, day=day))
        )
        user = person.user_on(desk.name) if person else ""
        if not user:
            return  # the channel notice already carries @here and says nobody could be reached
        text = (
            f"URGENT: safeguarding report {notice.reference} ({notice.category}) arrived out of hours: "
            "someone may be in immediate danger. Open it in the safeguarding channel."
        )
        await self._deliver(desk.tell(user, text))


def build_safeguarding_handlers(
    *, db: Database, desks: Mapping[str, SafeguardingDesk], sealer: Sealer, now: Callable[[], datetime]
) -> dict[str, TaskHandler]:
    kw: dict[str, Any] = dict(db=db, desks=desks, sealer=sealer, now=now)
    return {
        TaskKind.SAFEGUARDING_NOTICE: Notice(**kw),
        TaskKind.SAFEGUARDING_NOTICE_REFRESH: NoticeRefresh(**kw),
        TaskKind.SAFEGUARDING_TELL_REPORTER: TellReporter(**kw),
        TaskKind.SAFEGUARDING_ALERT_ONCALL: AlertOnCall(**kw),
    }
