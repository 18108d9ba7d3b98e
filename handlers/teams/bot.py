"""The Teams bot: what arrives at /api/messages, answered through the same use cases as Slack.

Thin handlers: parse, check who may act, call one use case, answer with a card or plain words.
Every click is answered in place (the invoke response replaces the clicker's card); the outbox
then updates the card for everyone, on Teams and on Slack alike.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import ActivityHandler, CardFactory, MessageFactory, TurnContext

from bot.core.delivery import conversations
from bot.core.errors import InvalidPayload, ModbotError, explain
from bot.core.models import Actor, Decision
from bot.core.moderation.card_action import CardAction
from bot.core.rhythm.clock import LONDON
from bot.core.rhythm.sends import acknowledged_what
from bot.core.safeguarding.form import FIELD_INPUTS, status_request
from bot.core.safeguarding.notices import reporter_status
from bot.services import Services
from handlers.teams import commands, digest_cards
from handlers.teams.answers import (
    MESSAGE,
    Answer,
    add_note,
    card_answer,
    dialog,
    dialog_message,
    json_object,
    message_answer,
    note_of,
)
from handlers.teams.cards import THEME_INPUT, VERB_PREFIX, case_card, escape
from handlers.teams.connector import SURFACE, serialize
from handlers.teams.digest_cards import ACK_VERB_PREFIX
from handlers.teams.refresh import REFRESH_VERB, ModeratorIds, read_refresh
from handlers.teams.safeguarding_cards import (
    OPEN_DETAILS,
    SG_VERB_PREFIX,
    details_card,
    parse_report,
    receipt_card,
    report_form,
    report_prompt,
)
from handlers.teams.surge_cards import SURGE_VERB_PREFIX, read_surge_data, surge_card

log = logging.getLogger(__name__)

def actor_of(activity: Activity) -> Actor:
    """Teams users are known by their Entra object id (what TEAMS_MODERATORS lists)."""
    who = activity.from_property
    return Actor(surface=SURFACE, id=str(who.aad_object_id or who.id or ""), name=str(who.name or ""))


def references_in(activity: Activity) -> tuple[list[tuple[str, str, dict[str, Any]]], bool]:
    """The (key, tenant, reference) pairs an activity tells us about, and whether it says the
    app was removed from there."""
    reference = serialize(activity.get_conversation_reference())
    reference.pop("activityId", None)
    conversation = reference.get("conversation") or {}
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = str(conversation.get("tenantId") or (data.get("tenant") or {}).get("id") or "")
    found: list[tuple[str, str, dict[str, Any]]] = []
    kind = conversation.get("conversationType")
    if kind == "personal":
        who = activity.from_property
        for user in {who.aad_object_id, who.id} - {None, ""}:
            found.append((f"user:{user}", tenant, reference))
    elif kind == "channel" or data.get("team"):
        team = str((data.get("team") or {}).get("id") or "")
        channel = str((data.get("channel") or {}).get("id") or "")
        for key, conversation_id in ((f"team:{team}", team), (f"channel:{channel}", channel)):
            if conversation_id:
                found.append(
                    (key, tenant, {**reference, "conversation": {**conversation, "id": conversation_id}})
                )
    elif conversation.get("id"):
        found.append((f"chat:{conversation['id']}", tenant, reference))
    removed = activity.type == ActivityTypes.installation_update and str(activity.action or "").startswith(
        "remove"
    )
    return found, removed


class ModbotTeamsBot(ActivityHandler):
    def __init__(
        self,
        *,
        services: Services,
        moderator_ids: ModeratorIds,
    ) -> None:
        self._services = services
        self._moderator_ids = moderator_ids  # who gets a case card refreshed unasked

    # The adapter passes its TurnContext; the SDK types the parameter as the protocol it meets.
    async def on_turn(self, turn_context: TurnContext) -> None:  # type: ignore[override]
        activity = turn_context.activity
        if activity.type in (
            ActivityTypes.conversation_update,
            ActivityTypes.installation_update,
            ActivityTypes.message,
        ):
            await self._remember(activity)
        await self._moderator_ids.learn(activity)
        await super().on_turn(turn_context)

    async def _remember(self, activity: Activity) -> None:
        found, removed = references_in(activity)
        now = self._services.now()

        def save(session: Any) -> None:
            for key, tenant, reference in found:
                if removed:
                    conversations.forget(session, surface=SURFACE, key=key)
                else:
                    conversations.remember(
                        session, surface=SURFACE, key=key, tenant=tenant, reference=reference, now=now
                    )

        if found:
            await self._services.db.run(save)
            log.info("Teams conversation references %s: %s", "removed" if removed else "saved", len(found))

    # --- typed commands and old clients' Action.Submit -------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:  # type: ignore[override]
        """Typed commands, and clicks from clients too old for Action.Execute. What they raise is
        answered here, once, in words (`explain`)."""
        try:
            await self._on_message(turn_context)
        except Exception as exc:
            await turn_context.send_activity(MessageFactory.text(explain(exc, surface="Teams")))

    async def _on_message(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if isinstance(activity.value, dict) and not (activity.text or "").strip():
            await self._on_submit(turn_context, activity.value)
            return
        text = TurnContext.remove_recipient_mention(activity) or activity.text or ""
        command = commands.parse(text)
        actor = actor_of(activity)
        if command.verb is commands.Verb.REPORT_ABUSE:
            reference = status_request(command.rest)
            if reference is None:
                guidance = self._services.profile.safeguarding
                prompt = report_prompt(immediate_danger=guidance.immediate_danger)
                await turn_context.send_activity(MessageFactory.attachment(CardFactory.adaptive_card(prompt)))
                return
            notice = await self._services.report_status(reference=reference, reporter=actor)
            reply = reporter_status(notice, escape)
        elif command.verb is commands.Verb.ONCALL:
            reply = await self._oncall(activity, command.rest, actor)
        elif command.verb is commands.Verb.DESK:
            card = digest_cards.overview_card(await self._services.desk_overview(viewer=actor))
            await turn_context.send_activity(MessageFactory.attachment(CardFactory.adaptive_card(card)))
            return
        else:
            reply = commands.HELP
        await turn_context.send_activity(MessageFactory.text(reply))

    async def _oncall(self, activity: Activity, rest: str, actor: Actor) -> str:
        mentions = [
            e.model_dump(mode="json", by_alias=True, exclude_none=True).get("mentioned") or {}
            for e in activity.entities or []
            if e.type == "mention"
        ]
        bot_id = activity.recipient.id if activity.recipient else None
        people = [m for m in mentions if m.get("id") != bot_id]
        today = self._services.now().astimezone(LONDON).date()
        request = commands.parse_oncall(rest, mentions=people, today=today)
        if request is not None:
            await self._services.set_on_call(
                name=request.name,
                teams_user_id=request.user_id,
                starts_on=request.starts_on,
                ends_on=request.ends_on,
                actor=actor,
            )
        return commands.describe(await self._services.on_call_now())

    async def _on_submit(self, turn_context: TurnContext, data: dict[str, Any]) -> None:
        """A click from a client too old for Action.Execute: the same verbs. The outbox updates
        the card for everyone; the clicker is told only what went wrong, or what was recorded."""
        verb = str(data.get("verb") or "")
        if not verb and "case_id" in data:
            verb = VERB_PREFIX + str(data.get("action", ""))
        answer = await self._act(turn_context, verb, data)
        text = answer["value"] if answer["type"] == MESSAGE else note_of(answer["value"])
        if text:
            await turn_context.send_activity(MessageFactory.text(str(text)))

    # --- Universal Actions (Action.Execute) -------------------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:  # type: ignore[override]
        """Dialogs and Action.Execute. What a verb raises is answered here, once: in the dialog
        for a dialog, else as a message to the clicker (`explain`)."""
        activity = turn_context.activity
        value: dict[str, Any] = activity.value if isinstance(activity.value, dict) else {}
        dialogs = activity.name in ("task/fetch", "task/submit")  # the report form, a lead's view
        if not dialogs and activity.name != "adaptiveCard/action":
            return await super().on_invoke_activity(turn_context)
        action = json_object(value.get("action"))
        if not dialogs and action.get("type") != "Action.Execute":
            return InvokeResponse(
                status=400,
                body={
                    "statusCode": 400,
                    "type": "application/vnd.microsoft.error",
                    "value": {"code": "BadRequest", "message": "Expected an Action.Execute with a verb"},
                },
            )
        try:
            if activity.name == "task/fetch":
                answer = await self._task_fetch(turn_context, json_object(value.get("data")))
            elif activity.name == "task/submit":
                answer = await self._task_submit(turn_context, json_object(value.get("data")))
            else:
                verb = str(action.get("verb") or "")
                answer = await self._act(turn_context, verb, json_object(action.get("data")))
        except Exception as exc:
            text = explain(exc, surface="Teams")
            answer = dialog_message(text) if dialogs else message_answer(text)
        return InvokeResponse(status=200, body=answer)

    async def _act(self, turn_context: TurnContext, verb: str, data: dict[str, Any]) -> Answer:
        actor = actor_of(turn_context.activity)
        if verb.startswith(ACK_VERB_PREFIX):
            return await self._acknowledge(verb, data, actor)
        if verb.startswith(SG_VERB_PREFIX):
            return await self._lead_control(turn_context, verb, data, actor)
        if verb.startswith(SURGE_VERB_PREFIX):
            return await self._surge(verb, data, actor)
        if verb == REFRESH_VERB:
            return await self._refresh(data)
        if verb.startswith(VERB_PREFIX):
            return await self._decide(data, actor)
        return message_answer("This button is not one modbot knows; refresh the card and try again.")

    async def _decide(self, data: dict[str, Any], actor: Actor) -> Answer:
        card_action = CardAction.parse({k: data[k] for k in ("v", "case_id", "action") if k in data})
        theme = str(data.get(THEME_INPUT) or "").strip() if card_action.action is Decision.LEAVE else ""

        async def decide() -> str:
            await self._services.decide(
                case_id=card_action.case_id, decision=card_action.action, actor=actor, note=theme or None
            )
            return ""  # the card shows the decision

        return await _noted(decide(), lambda: self._case_card(card_action.case_id))

    async def _case_card(self, case_id: int) -> dict[str, Any]:
        refresh = await self._moderator_ids.refresh(case_id)
        return case_card(await self._services.case_card(case_id), refresh=refresh)

    async def _refresh(self, data: dict[str, Any]) -> Answer:
        """Teams asks for a case card as it is now (Universal Actions' refresh): the answer
        replaces that person's copy. Reading a card needs no role: it is what the channel shows."""
        return card_answer(await self._case_card(read_refresh(data)))

    async def _surge(self, verb: str, data: dict[str, Any], actor: Actor) -> Answer:
        """Hide all / Cards one by one on a surge's card; answers with the card as it now is,
        the outcome written on the clicker's copy."""
        surge_id = read_surge_data(data)

        async def act() -> str:
            action = verb.removeprefix(SURGE_VERB_PREFIX)
            return (await self._services.surge_act(surge_id=surge_id, action=action, actor=actor)).summary()

        async def card() -> dict[str, Any]:
            return surge_card(await self._services.surge_card(surge_id))

        return await _noted(act(), card)

    async def _acknowledge(self, verb: str, data: dict[str, Any], actor: Actor) -> Answer:
        if data.get("v") != 1 or not str(data.get("send_id", "")).isdigit():
            raise InvalidPayload("This button's data could not be read.")
        send = await self._services.acknowledge(send_id=int(data["send_id"]), actor=actor)
        what = acknowledged_what(send)
        who = send.acknowledged_by or ""
        by = ", by you." if actor.key in who or not who else f" ({who})."
        return message_answer(f"Recorded: {what}{by}")

    async def _lead_control(
        self, turn_context: TurnContext, verb: str, data: dict[str, Any], actor: Actor
    ) -> Answer:
        action = verb.removeprefix(SG_VERB_PREFIX)
        value = str(data.get("target") or data.get("outcome") or "")
        activity = turn_context.activity
        await self._services.safeguarding_act(
            reference=str(data.get("reference", "")),
            action=action,
            lead=actor,
            value=value,
            posted=(SURFACE, str(activity.conversation.id).split(";")[0], str(activity.reply_to_id or "")),
        )
        return message_answer(f"Recorded: {action} by you. The notice updates for everyone.")

    # --- dialogs (task modules): the report form and a lead's view --------------------------

    async def _task_fetch(self, turn_context: TurnContext, data: dict[str, Any]) -> Answer:
        guidance = self._services.profile.safeguarding
        if data.get("modbot") == OPEN_DETAILS:
            actor = actor_of(turn_context.activity)
            details = await self._services.view_report(reference=str(data.get("reference", "")), viewer=actor)
            return dialog(details.notice.reference, details_card(details))
        return dialog("Safeguarding report", report_form(immediate_danger=guidance.immediate_danger))

    async def _task_submit(self, turn_context: TurnContext, data: dict[str, Any]) -> Answer:
        guidance = self._services.profile.safeguarding
        form, errors = parse_report(data)
        if form is not None:
            problems = self._services.validate_report(form)
            errors = {FIELD_INPUTS[field]: message for field, message in problems.items()}
        if not errors and form is not None:
            try:
                reporter = actor_of(turn_context.activity)
                receipt = await self._services.report_abuse(form=form, reporter=reporter)
                return dialog("Report received", receipt_card(receipt))
            except ModbotError as exc:  # an answer to the form, shown beside the field (as on Slack)
                errors = {"what": str(exc)}
        # The form again, with what they typed and the problems beside the fields.
        again = report_form(immediate_danger=guidance.immediate_danger, values=data, errors=errors)
        return dialog("Safeguarding report", again)


async def _noted(act: Awaitable[str], card: Callable[[], Awaitable[dict[str, Any]]]) -> Answer:
    """A click on a card answers with the card as it now is. What the click did, or why it did
    nothing (`explain`), is noted on the clicker's copy: only they see it."""
    try:
        note, color = await act, "Good"
    except Exception as exc:
        note, color = explain(exc, surface="Teams"), "Attention"
    answer = await card()
    if note:
        add_note(answer, note, color=color)
    return card_answer(answer)
