"""Block Kit for /report-abuse: the form, the receipt, the channel notice, the lead's view."""

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
from handlers.slack.blocks import escape
from handlers.slack.ids import CallbackId, SafeguardingActionId

Block = dict[str, Any]


def _plain(text: str, limit: int = 75) -> dict[str, Any]:
    return {"type": "plain_text", "text": text[:limit]}


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": _plain(label), "value": value}


def _input(block_id: str, label: str, element: Block, *, optional: bool = False, hint: str = "") -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": _plain(label, 2000),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = _plain(hint, 2000)
    return block


def report_modal(*, immediate_danger: str, link: str = "", channel: str = "") -> Block:
    yes_no = [_option("yes", "Yes"), _option("no", "No")]
    link_element: Block = {
        "type": "plain_text_input",
        "action_id": "value",
        "placeholder": _plain("https://…"),
    }
    if link:
        link_element["initial_value"] = link
    return {
        "type": "modal",
        "callback_id": CallbackId.REPORT_ABUSE.value,
        "private_metadata": channel,
        "title": _plain("Safeguarding report", 24),
        "submit": _plain("Send report", 24),
        "close": _plain("Cancel", 24),
        "blocks": [
            # Before anything else (issue 4; MSE 7.2.11): danger means 999, not a form.
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f":rotating_light: *{escape(immediate_danger)}*"},
            },
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": "This report is confidential: only the safeguarding leads can read it.",
                    }
                ],
            },
            _input(
                "category",
                "What happened?",
                {
                    "type": "static_select",
                    "action_id": "value",
                    "options": [_option(c.value, c.label) for c in ReportCategory],
                },
            ),
            _input(
                "danger",
                "Is anyone in immediate danger?",
                {"type": "radio_buttons", "action_id": "value", "options": yes_no},
            ),
            _input(
                "platform",
                "Where (platform)",
                {
                    "type": "static_select",
                    "action_id": "value",
                    "options": [_option(p, p.title() if p != "x" else "X") for p in REPORT_PLATFORMS],
                },
                optional=True,
            ),
            _input("link", "Link to the post, comment or profile", link_element, optional=True),
            _input(
                "account",
                "Account name",
                {"type": "plain_text_input", "action_id": "value", "max_length": 200},
                optional=True,
            ),
            _input(
                "when", "When did it happen?", {"type": "datepicker", "action_id": "value"}, optional=True
            ),
            _input(
                "what",
                "What did you see?",
                {"type": "plain_text_input", "action_id": "value", "multiline": True, "max_length": 3000},
                hint="Describe what happened. Screenshots can be shared with the lead who contacts you.",
            ),
            _input(
                "consent",
                "May the team share this with HR, legal or security if needed?",
                {"type": "radio_buttons", "action_id": "value", "options": yes_no},
            ),
        ],
    }


def _value(values: dict[str, Any], block: str) -> Any:
    state = values.get(block, {}).get("value", {})
    kind = state.get("type")
    if kind in ("static_select", "radio_buttons"):
        return (state.get("selected_option") or {}).get("value")
    if kind == "datepicker":
        return state.get("selected_date")
    return state.get("value")


def parse_report(view: dict[str, Any]) -> tuple[ReportForm | None, dict[str, str]]:
    """The form from a view_submission, or errors keyed by input block id."""
    values = (view.get("state") or {}).get("values") or {}
    return read_form({block: _value(values, block) for block in FIELD_INPUTS.values()})


def receipt_view(receipt: ReportReceipt) -> Block:
    contacts = "\n".join(f"• *{escape(name)}*: {escape(detail)}" for name, detail in receipt.contacts)
    urgent = (
        "\n:rotating_light: *You said someone is in immediate danger: if you have not already, call 999 now.*"
        if receipt.urgent
        else ""
    )
    return {
        "type": "modal",
        "title": _plain("Report received", 24),
        "close": _plain("Close", 24),
        "blocks": [
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f":white_check_mark: *Your reference is {receipt.reference}.*{urgent}",
                },
            },
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"*What happens next*\n{escape(receipt.next_steps)}"},
            },
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": f"*Keep yourself safe*\n{escape(receipt.personal_safety)}",
                },
            },
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"*Who else can help*\n{contacts}"[:3000]},
            },
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": f"Check on it any time with `/report-abuse status {receipt.reference}`.",
                    }
                ],
            },
        ],
    }


def notice_blocks(
    notice: ReportNotice, *, alert: bool, targets: tuple[str, ...], outcomes: tuple[str, ...]
) -> tuple[str, list[Block]]:
    """What the safeguarding channel sees: reference, category, urgency, status; never details."""
    urgent = ":rotating_light: *URGENT: someone may be in immediate danger.* " if notice.urgent else ""
    status = notice_status(notice, escape)
    text = f"Safeguarding report {notice.reference}: {notice.category}"
    blocks: list[Block] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"{urgent}*{escape(text)}*"}},
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": f"{status} · consent to share: {'yes' if notice.consent_to_share else 'no'}",
                }
            ],
        },
    ]
    value = notice.reference
    elements: list[Block] = [
        {
            "type": "button",
            "action_id": SafeguardingActionId.VIEW.value,
            "text": _plain("View"),
            "value": value,
            "style": "primary",
        }
    ]
    if notice.status == "open":
        elements.append(
            {
                "type": "button",
                "action_id": SafeguardingActionId.ACKNOWLEDGE.value,
                "text": _plain("Acknowledge"),
                "value": value,
            }
        )
    if notice.status != "closed":
        elements.append(
            {
                "type": "static_select",
                "action_id": SafeguardingActionId.ESCALATE.value,
                "placeholder": _plain("Escalated to…"),
                "options": [_option(f"{value}|{t}", t) for t in targets],
            }
        )
        elements.append(
            {
                "type": "static_select",
                "action_id": SafeguardingActionId.CLOSE.value,
                "placeholder": _plain("Close with outcome…"),
                "options": [_option(f"{value}|{o}", o) for o in outcomes],
            }
        )
    blocks.append({"type": "actions", "block_id": f"sg-{value}-{notice.status}", "elements": elements})
    return ("<!here> " if alert else "") + text, blocks


def details_modal(details: ReportDetails) -> Block:
    n = details.notice
    fields = detail_facts(details)
    listing = "\n".join(f"*{label}:* {escape(value)}" for label, value in fields)
    return {
        "type": "modal",
        "title": _plain(n.reference, 24),
        "close": _plain("Close", 24),
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": listing[:3000]}},
            {
                "type": "section",
                "text": {
                    "type": "mrkdwn",
                    "text": "*What they saw*\n" + escape(details.what_happened)[:2900],
                },
            },
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": "This view is recorded in the audit log."}],
            },
        ],
    }
