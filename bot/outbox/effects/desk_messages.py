"""Messages to the desks that are not cards: reminders, handovers, escalations and the notice
about a task that ran out of time.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from bot.core import audit
from bot.core.delivery import dead_letters
from bot.core.errors import ChatError
from bot.core.models import SYSTEM
from bot.core.moderation import cases
from bot.core.moderation.views import CaseCard, build_case_card
from bot.core.reporting.assurance import build_monthly_assurance
from bot.core.reporting.figures import MonthlyAssurance
from bot.core.rhythm import rota, sends
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.digests import (
    CaseLine,
    HandoverDigest,
    Reminder,
    build_handover_digest,
    build_reminder,
    case_line,
)
from bot.core.rhythm.rota import OnCall
from bot.outbox.effects.base import Effect, retry_for
from bot.store.tables import OutboxTask, ScheduledSend

log = logging.getLogger(__name__)


class SendScheduled(Effect):
    """Deliver a claimed reminder or handover to one desk, built as of the moment it goes out."""

    async def run(self, payload: dict[str, Any]) -> None:
        send_id, desk_name = int(payload["send_id"]), str(payload["desk"])
        desk = self.desks.get(desk_name)
        if desk is None:
            return
        now = self.now()

        def build(
            session: Any,
        ) -> tuple[str, Reminder | HandoverDigest | CaseLine | MonthlyAssurance | None]:
            send = session.get(ScheduledSend, send_id)
            assert send is not None
            if send.kind == sends.ASSURANCE:
                return send.kind, build_monthly_assurance(
                    session=session,
                    month=date.fromisoformat(f"{send.slot}-01"),
                    organisation=self.profile.organisation.name,
                    calendar=self.profile.calendar,
                    now=now,
                )
            if send.kind in (sends.NUDGE, sends.OVERDUE):
                return send.kind, case_line(session, case_id=int(send.slot.removeprefix("case:")), now=now)
            if send.kind == sends.CHECK:
                return send.kind, build_reminder(
                    session=session, slot=send.slot, now=now, profile=self.profile
                )
            return send.kind, build_handover_digest(session=session, now=now, profile=self.profile)

        kind, view = await self.db.run(build)
        try:
            if isinstance(view, Reminder):
                await desk.post_reminder(view, send_id=send_id)
            elif isinstance(view, CaseLine):
                await desk.post_clock_alert(view, overdue=kind == sends.OVERDUE)
            elif isinstance(view, MonthlyAssurance):
                await desk.post_report(view)
            elif view is None:
                pass  # the case was closed before the alert went out: nothing to say
            else:
                await desk.post_handover(view, send_id=send_id, resend=kind == sends.HANDOVER_RESEND)
        except ChatError as exc:
            raise retry_for(exc) from exc
        await self.db.run(lambda s: sends.mark_sent(s, send_id=send_id, now=self.now()))
        log.info("scheduled %s %s sent to %s", kind, send_id, desk_name)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error(
            "gave up sending scheduled message %s to %s: %s",
            payload.get("send_id"),
            payload.get("desk"),
            reason,
        )


class Escalate(Effect):
    """Out of hours, an urgent case goes to the person on call at once (MSE 6.4.5)."""

    async def run(self, payload: dict[str, Any]) -> None:
        case_id, desk_name = int(payload["case_id"]), str(payload["desk"])
        desk = self.desks.get(desk_name)
        if desk is None:
            return
        now = self.now()

        def build(session: Any) -> tuple[CaseCard, OnCall | None]:
            case, comment = cases.load_case(session, case_id)
            card = build_case_card(comment=comment, case=case, profile=self.profile, now=now)
            return card, rota.on_call(session, day=now.astimezone(LONDON).date())

        card, person = await self.db.run(build)
        try:
            await desk.escalate(card, on_call=person)
        except ChatError as exc:
            raise retry_for(exc) from exc

        def record(session: Any) -> None:
            audit.record(
                session,
                actor=SYSTEM,
                action="escalated_out_of_hours",
                outcome="ok" if person else "nobody_on_call",
                now=self.now(),
                case_id=case_id,
                detail={"desk": desk_name, "on_call": person.name if person else ""},
            )

        await self.db.run(record)

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error("gave up escalating case %s on %s: %s", payload.get("case_id"), payload.get("desk"), reason)



class DeadTaskNotice(Effect):
    """Tells one desk that a task ran out of time, and how to queue it again."""

    async def run(self, payload: dict[str, Any]) -> None:
        task_id, desk = int(payload["task_id"]), self.desks.get(str(payload["desk"]))
        task = await self.db.run(lambda s: s.get(OutboxTask, task_id))
        if desk is None or task is None or task.status != "dead":
            return  # the desk is gone, or someone queued the task again already
        notice = dead_letters.notice_for(task, now=self.now())
        try:
            await desk.post_notice(notice)
        except ChatError as exc:
            raise retry_for(exc) from exc

    async def give_up(self, payload: dict[str, Any], reason: str) -> None:
        log.error("the notice about dead outbox task %s reached nobody: %s", payload.get("task_id"), reason)

