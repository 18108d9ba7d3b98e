"""What the edges are given: the use cases bound to this deployment's database and policy."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from bot import logs, metrics
from bot.core.delivery.desks import DeskTarget
from bot.core.delivery.tasks import enqueue
from bot.core.errors import ActionNotAvailable, NotPermitted
from bot.core.models import Actor, Decision, IncomingComment, IngestResult, Platform
from bot.core.moderation import cases, decisions, incoming, surge_actions
from bot.core.moderation.overview import DeskOverview, build_overview
from bot.core.moderation.surge_actions import SurgeOutcome
from bot.core.moderation.surge_views import SURGE_EXPAND, SURGE_HIDE_ALL, SurgeCard, build_surge_card
from bot.core.moderation.views import CaseCard, build_case_card
from bot.core.permissions import NOT_A_LEAD, Permissions, Role
from bot.core.policy import PolicyEngine
from bot.core.profile import PolicyProfile
from bot.core.rhythm import rota, sends
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.rota import OnCall
from bot.core.safeguarding import reports
from bot.core.safeguarding.confidential import Sealer
from bot.core.safeguarding.form import ReportForm, validate
from bot.core.safeguarding.notices import ReportDetails, ReportNotice, ReportReceipt
from bot.ports import ChatDesk, SafeguardingDesk, SocialPlatform
from bot.settings import Settings
from bot.store.db import Database
from bot.store.tables import Case, ScheduledSend


def utc_now() -> datetime:
    return datetime.now(UTC)


ACT_REFUSAL = "Only moderators can act on flagged comments."


@dataclass
class Services:
    settings: Settings
    db: Database
    profile: PolicyProfile
    engine: PolicyEngine
    desks: Mapping[str, ChatDesk] = field(default_factory=dict)
    platforms: Mapping[Platform, SocialPlatform] = field(default_factory=dict)
    now: Callable[[], datetime] = utc_now
    wake_outbox: Callable[[], None] = lambda: None
    data_key: bytes = b""
    safeguarding_desks: Mapping[str, SafeguardingDesk] = field(default_factory=dict)
    # Who may decide, set the rota, see the desk, or open a report: every use case asks here.
    permissions: Permissions = field(default_factory=Permissions)

    @property
    def sealer(self) -> Sealer:
        return Sealer(self.data_key)

    @property
    def safeguarding_targets(self) -> Sequence[DeskTarget]:
        return [DeskTarget(name, desk.lane()) for name, desk in self.safeguarding_desks.items()]

    def validate_report(self, form: ReportForm) -> dict[str, str]:
        return validate(form, today=self.now().astimezone(LONDON).date())

    async def report_abuse(self, *, form: ReportForm, reporter: Actor) -> ReportReceipt:
        now, targets, sealer = self.now(), self.safeguarding_targets, self.sealer
        receipt = await self.db.run(
            lambda s: reports.submit(
                session=s,
                form=form,
                reporter=reporter,
                sealer=sealer,
                fingerprint_key=self.data_key,
                profile=self.profile,
                now=now,
                desks=targets,
            )
        )
        metrics.SAFEGUARDING_REPORTS.inc()
        logs.REFERENCE.set(receipt.reference)  # for the rest of this submission's lines
        self.wake_outbox()
        return receipt

    async def report_status(self, *, reference: str, reporter: Actor) -> ReportNotice:
        return await self.db.run(
            lambda s: reports.status_for_reporter(
                session=s, reference=reference, reporter=reporter, fingerprint_key=self.data_key
            )
        )

    async def view_report(self, *, reference: str, viewer: Actor) -> ReportDetails:
        """A report's details, for a safeguarding lead; anyone else's attempt is audited, then refused."""
        now, sealer = self.now(), self.sealer
        is_lead = await self.permissions.holds(viewer, Role.SAFEGUARDING_LEAD)
        details = await self.db.run(
            lambda s: reports.view_report(
                session=s, reference=reference, viewer=viewer, is_lead=is_lead, sealer=sealer, now=now
            )
        )
        if details is None:
            raise NotPermitted(NOT_A_LEAD)
        return details

    async def safeguarding_act(
        self,
        *,
        reference: str,
        action: str,
        lead: Actor,
        value: str,
        posted: tuple[str, str, str],
    ) -> ReportNotice:
        now, targets = self.now(), self.safeguarding_targets
        is_lead = await self.permissions.holds(lead, Role.SAFEGUARDING_LEAD)
        notice = await self.db.run(
            lambda s: reports.act_and_notify(
                session=s,
                reference=reference,
                action=action,
                lead=lead,
                is_lead=is_lead,
                profile=self.profile,
                now=now,
                desks=targets,
                value=value,
                posted=posted,
            )
        )
        self.wake_outbox()
        return notice

    @property
    def desk_targets(self) -> Sequence[DeskTarget]:
        return [DeskTarget(name, desk.lane()) for name, desk in self.desks.items()]

    async def ingest(self, items: Sequence[IncomingComment], *, source: str) -> IngestResult:
        """Store, classify and open cases in one transaction; returns after the commit."""
        now, targets = self.now(), self.desk_targets
        result = await self.db.run(
            lambda s: incoming.ingest(
                session=s,
                items=items,
                engine=self.engine,
                profile=self.profile,
                desks=targets,
                now=now,
                source=source,
            )
        )
        metrics.record_ingest(items, result)
        if result.cases_opened:
            self.wake_outbox()
        return result

    async def queue_task(self, kind: str, *, payload: dict[str, Any], lane: str, dedupe_key: str) -> bool:
        """Queue durable work for the outbox (False when the same key was queued before)."""
        now = self.now()
        queued = await self.db.run(
            lambda s: enqueue(s, kind=kind, payload=payload, lane=lane, dedupe_key=dedupe_key, now=now)
        )
        if queued:
            self.wake_outbox()
        return queued

    async def acknowledge(self, *, send_id: int, actor: Actor) -> ScheduledSend:
        """Record "Checked" (moderators) or "I have the handover" (whoever has it); the first
        click is the record."""
        # A moderator may click either, so only someone else's click needs the send's kind read.
        if not await self.permissions.holds(actor, Role.MODERATOR) and await self.db.run(
            lambda s: sends.is_check(s, send_id=send_id)
        ):
            raise self.permissions.refusal(actor, Role.MODERATOR, ACT_REFUSAL, how_to_join=True)
        now = self.now()
        return await self.db.run(lambda s: sends.acknowledge(s, send_id=send_id, actor=actor, now=now))

    async def schedule_tick(self) -> list[int]:
        """Claim and queue every reminder or digest that is due now."""
        now, targets = self.now(), self.desk_targets
        claimed = await self.db.run(lambda s: sends.tick(s, now=now, profile=self.profile, desks=targets))
        metrics.REMINDERS_QUEUED.inc(len(claimed))
        if claimed:
            self.wake_outbox()
        return claimed

    async def overview(self) -> DeskOverview:
        """The desk at a glance (Slack's Home tab, the Teams `desk` command), as of now."""
        now, profile = self.now(), self.profile
        return await self.db.run(lambda s: build_overview(session=s, now=now, profile=profile))

    async def desk_overview(self, *, viewer: Actor) -> DeskOverview:
        """The desk at a glance, for a moderator (Slack's Home tab, the Teams `desk` command)."""
        await self.permissions.require(viewer, Role.MODERATOR, refusal="Only moderators can see the desk.")
        return await self.overview()

    async def on_call_now(self) -> OnCall | None:
        day = self.now().astimezone(LONDON).date()
        return await self.db.run(lambda s: rota.on_call(s, day=day))

    async def set_on_call(
        self,
        *,
        name: str,
        starts_on: date,
        ends_on: date,
        actor: Actor,
        slack_user_id: str = "",
        teams_user_id: str = "",
    ) -> OnCall:
        await self.permissions.require(
            actor, Role.MODERATOR, refusal="Only moderators can change the on-call rota."
        )
        now = self.now()
        return await self.db.run(
            lambda s: rota.set_on_call(
                s,
                name=name,
                slack_user_id=slack_user_id,
                teams_user_id=teams_user_id,
                starts_on=starts_on,
                ends_on=ends_on,
                actor=actor,
                now=now,
            )
        )

    async def may_decide(self, actor: Actor) -> None:
        """Refuse early, before a dialog whose answer is a decision (Leave's theme), who may not decide."""
        await self.permissions.require(actor, Role.MODERATOR, refusal=ACT_REFUSAL, how_to_join=True)

    async def decide(
        self, *, case_id: int, decision: Decision, actor: Actor, note: str | None = None
    ) -> Case:
        await self.may_decide(actor)
        now, targets, connected = self.now(), self.desk_targets, frozenset(self.platforms)
        logs.CASE_ID.set(case_id)  # for the rest of this click's lines
        case = await self.db.run(
            lambda s: decisions.decide(
                session=s,
                case_id=case_id,
                decision=decision,
                actor=actor,
                now=now,
                connected=connected,
                desks=targets,
                note=note,
            )
        )
        self.wake_outbox()
        return case

    async def surge_act(self, *, surge_id: int, action: str, actor: Actor) -> SurgeOutcome:
        """A click on a surge's card: hide every open comment, or give each its own card."""
        await self.may_decide(actor)
        now, targets, connected = self.now(), self.desk_targets, frozenset(self.platforms)

        def act(session: Any) -> SurgeOutcome:
            if action == SURGE_HIDE_ALL:
                return surge_actions.hide_all(
                    session=session,
                    surge_id=surge_id,
                    actor=actor,
                    now=now,
                    connected=connected,
                    desks=targets,
                )
            if action == SURGE_EXPAND:
                return surge_actions.expand(
                    session=session, surge_id=surge_id, actor=actor, now=now, desks=targets
                )
            raise ActionNotAvailable(f"{action!r} is not something a surge card can do.")

        outcome = await self.db.run(act)
        self.wake_outbox()
        return outcome

    async def surge_card(self, surge_id: int) -> SurgeCard:
        now = self.now()
        return await self.db.run(lambda s: build_surge_card(s, surge_id=surge_id, now=now))

    async def case_card(self, case_id: int) -> CaseCard:
        """The card of one case as it stands now (what a click answers with, in place)."""
        now = self.now()

        def build(session: Any) -> CaseCard:
            case, comment = cases.load_case(session, case_id)
            return build_case_card(comment=comment, case=case, profile=self.profile, now=now)

        return await self.db.run(build)
