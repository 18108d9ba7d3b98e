"""The safeguarding report in Teams: the dialog's form, the receipt, the channel notice and the
lead's view, as Adaptive Cards. The same fields, validation and wording as Slack's modal."""

from __future__ import annotations

from typing import Any

from bot.core.safeguarding.form import FIELD_INPUTS, REPORT_PLATFORMS, ReportCategory, ReportForm, read_form
from bot.core.safeguarding.notices import (
    ReportDetails,
    ReportNotice,
    ReportReceipt,
    detail_facts,
    notice_status,
)
from handlers.teams.cards import adaptive_card as _card
from handlers.teams.cards import escape, show_card
from handlers.teams.cards import text_block as _text

Card = dict[str, Any]
# What opens the dialog: a button's Action.Submit data (Teams turns it into task/fetch).
OPEN_REPORT = "report-abuse"
OPEN_DETAILS = "report-details"
SG_VERB_PREFIX = "modbot-sg."


def _choices(pairs: list[tuple[str, str]]) -> list[Card]:
    return [{"title": label, "value": value} for value, label in pairs]


def open_dialog_button(title: str, opens: str, **data: str) -> Card:
    """An Action.Submit that Teams turns into a task/fetch invoke (a dialog)."""
    return {
        "type": "Action.Submit",
        "title": title,
        "data": {"msteams": {"type": "task/fetch"}, "modbot": opens, **data},
    }


def report_prompt(*, immediate_danger: str) -> Card:
    """What the typed command answers: the 999 line first, and the button that opens the form."""
    return _card(
        [
            _text(f"**{escape(immediate_danger)}**", color="Attention"),
            _text(
                "Log abuse you received online or a safeguarding concern. "
                "Only the safeguarding leads can read it."
            ),
        ],
        [open_dialog_button("Report abuse", OPEN_REPORT)],
    )


def report_form(
    *, immediate_danger: str, values: dict[str, Any] | None = None, errors: dict[str, str] | None = None
) -> Card:
    values, errors = values or {}, errors or {}
    yes_no = _choices([("yes", "Yes"), ("no", "No")])

    def field(input_id: str, element: Card) -> list[Card]:
        element = {**element, "id": input_id}
        if input_id in values and values[input_id] not in (None, ""):
            element["value"] = str(values[input_id])
        out = [element]
        if input_id in errors:
            out.append(_text(escape(errors[input_id]), color="Attention", size="Small"))
        return out

    body: list[Card] = [
        # Before anything else (MSE 7.2.11): danger means 999, not a form.
        _text(f"**{escape(immediate_danger)}**", color="Attention"),
        _text("This report is confidential: only the safeguarding leads can read it.", isSubtle=True),
        *field(
            "category",
            {
                "type": "Input.ChoiceSet",
                "label": "What happened?",
                "isRequired": True,
                "choices": _choices([(c.value, c.label) for c in ReportCategory]),
            },
        ),
        *field(
            "danger",
            {
                "type": "Input.ChoiceSet",
                "label": "Is anyone in immediate danger?",
                "style": "expanded",
                "isRequired": True,
                "choices": yes_no,
            },
        ),
        *field(
            "platform",
            {
                "type": "Input.ChoiceSet",
                "label": "Where (platform)",
                "choices": _choices([(p, p.title() if p != "x" else "X") for p in REPORT_PLATFORMS]),
            },
        ),
        *field(
            "link", {"type": "Input.Text", "label": "Link to the post, comment or profile", "style": "Url"}
        ),
        *field("account", {"type": "Input.Text", "label": "Account name", "maxLength": 200}),
        *field("when", {"type": "Input.Date", "label": "When did it happen?"}),
        *field(
            "what",
            {
                "type": "Input.Text",
                "label": "What did you see?",
                "isMultiline": True,
                "maxLength": 3000,
                "isRequired": True,
            },
        ),
        _text(
            "Describe what happened. Screenshots can be shared with the lead who contacts you.", isSubtle=True
        ),
        *field(
            "consent",
            {
                "type": "Input.ChoiceSet",
                "label": "May the team share this with HR, legal or security if needed?",
                "style": "expanded",
                "isRequired": True,
                "choices": yes_no,
            },
        ),
    ]
    return _card(body, [{"type": "Action.Submit", "title": "Send report", "data": {"modbot": OPEN_REPORT}}])


def parse_report(data: dict[str, Any]) -> tuple[ReportForm | None, dict[str, str]]:
    """The form from a task/submit, or errors keyed by input id."""

    def get(key: str) -> str:
        value = data.get(key)
        return str(value).strip() if value is not None else ""

    answers = {key: get(key) for key in FIELD_INPUTS.values()}
    answers["when"] = answers["when"][:10]  # Input.Date may carry a time
    if answers["platform"] not in REPORT_PLATFORMS:
        answers["platform"] = ""
    return read_form(answers)


def receipt_card(receipt: ReportReceipt) -> Card:
    contacts = "\n".join(f"- **{escape(name)}**: {escape(detail)}" for name, detail in receipt.contacts)
    body = [_text(f"**Your reference is {receipt.reference}.**", size="Medium", color="Good")]
    if receipt.urgent:
        body.append(
            _text(
                "**You said someone is in immediate danger: if you have not already, call 999 now.**",
                color="Attention",
            )
        )
    body += [
        _text("**What happens next**"),
        _text(escape(receipt.next_steps)),
        _text("**Keep yourself safe**"),
        _text(escape(receipt.personal_safety)),
        _text("**Who else can help**"),
        _text(contacts[:3000]),
        _text(
            f"Check on it any time: type **report-abuse status {receipt.reference}** to the bot.",
            isSubtle=True,
        ),
    ]
    return _card(body)


def notice_card(
    notice: ReportNotice, *, alert: bool, targets: tuple[str, ...], outcomes: tuple[str, ...]
) -> Card:
    """What the safeguarding channel sees: reference, category, urgency, status; never details."""
    status = notice_status(notice, escape)
    body: list[Card] = []
    if notice.urgent:
        body.append(_text("**URGENT: someone may be in immediate danger.**", color="Attention"))
    body += [
        _text(f"**Safeguarding report {notice.reference}: {escape(notice.category)}**"),
        _text(f"{status} · consent to share: {'yes' if notice.consent_to_share else 'no'}", isSubtle=True),
    ]
    ref = notice.reference
    actions: list[Card] = [open_dialog_button("View", OPEN_DETAILS, reference=ref)]
    if notice.status == "open":
        actions.append(_execute("Acknowledge", "acknowledge", ref))
    if notice.status != "closed":
        for label, verb, input_id, choices in (
            ("Escalate…", "escalate", "target", targets),
            ("Close…", "close", "outcome", outcomes),
        ):
            choice = {
                "type": "Input.ChoiceSet",
                "id": input_id,
                "isRequired": True,
                "choices": _choices([(c, c) for c in choices]),
            }
            actions.append(show_card(label, [choice], _execute(label.rstrip("…"), verb, ref)))
    return _card(body, actions)


def _execute(title: str, verb: str, reference: str) -> Card:
    data = {"reference": reference}
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": SG_VERB_PREFIX + verb,
        "data": data,
        "fallback": {
            "type": "Action.Submit",
            "title": title,
            "data": {**data, "verb": SG_VERB_PREFIX + verb},
        },
    }


def details_card(details: ReportDetails) -> Card:
    facts = detail_facts(details)
    return _card(
        [
            {"type": "FactSet", "facts": [{"title": k, "value": escape(v)} for k, v in facts]},
            _text("**What they saw**"),
            _text(escape(details.what_happened)[:3000]),
            _text("This view is recorded in the audit log.", isSubtle=True),
        ]
    )
