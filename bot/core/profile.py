"""The organisation's policy choices (the policy file), validated, over a built-in default.

The default profile (`bot/default_policy.yml`) is taken from the seed policies. An organisation's
file (MODBOT_POLICY) is merged over it key by key, so it only needs what differs.
"""

from __future__ import annotations

import re
from datetime import date, time
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.core.errors import ModbotError
from bot.core.models import Platform
from bot.core.policy.staff_names import TITLES
from bot.core.rhythm.clock import WorkingCalendar, calendar_from

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Words, as a person writes a place or a service: letters (any alphabet), digits, spaces, & ' . -
_PLAIN_WORDS = re.compile(r"[^\W_](?:[\w&'.\- ]*[^\W_])?")


class PolicyFileError(ModbotError):
    """The policy file cannot be read or does not validate; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(_Strict):
    name: str
    website: str = ""
    comms_email: str = ""


class Account(_Strict):
    platform: Platform
    name: str
    id: str = ""


class StaffMember(_Strict):
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        """The name, its aliases, and the usual ways a titled name is written: "Dr Priya Patel"
        is also "Priya Patel" and "Dr Patel". First names alone only as aliases: on their own
        they match too many other people."""
        names = [self.name, *self.aliases]
        parts = self.name.split()
        if len(parts) >= 3 and parts[0].rstrip(".").lower() in TITLES:
            # "Dr. Patel" and "Dr.Patel" too: the engine reads a title with or without its full stop.
            names += [" ".join(parts[1:]), f"{parts[0]} {parts[-1]}"]
        elif len(parts) >= 3 and parts[0].rstrip(".").lower() not in TITLES:
            names.append(f"{parts[0]} {parts[-1]}")  # a middle name is usually left out
        return tuple(dict.fromkeys(names))


class WorkingHours(_Strict):
    start: time
    end: time
    days: tuple[str, ...]

    @field_validator("days")
    @classmethod
    def _known_days(cls, days: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [d for d in days if d.lower() not in _DAY_NAMES]
        if unknown:
            raise ValueError(f"unknown day names {unknown}; use {list(_DAY_NAMES)}")
        return tuple(d.lower() for d in days)


class RouteTarget(_Strict):
    team: str
    contact: str = ""

    @property
    def display(self) -> str:
        return f"{self.team} ({self.contact})" if self.contact else self.team


class Routes(_Strict):
    foi: RouteTarget
    complaint: RouteTarget
    legal: RouteTarget
    media: RouteTarget
    personal_data: RouteTarget


class Wording(_Strict):
    house_rules_explanation: str
    signposting_reply: str
    out_of_hours_reply: str
    out_of_hours_reply_enabled: bool = False


class Desk(_Strict):
    card_tier3: bool = False
    # A surge: after this many flagged comments on one post within the window, further ones are
    # grouped into one card (None: never group).
    surge_after: int | None = Field(default=3, ge=1)
    surge_window_minutes: int = Field(default=30, ge=1, le=24 * 60)
    # Sites whose links are ordinary conversation here, on top of the built-in list (NHS, gov.uk,
    # national news, health charities): local papers, partner councils. Subdomains count.
    trusted_sites: tuple[str, ...] = ()
    # What the organisation's conversations are about beyond the built-in health and service words:
    # its towns, hospitals and partners. A link in a comment naming one is not taken for spam.
    service_topics: tuple[str, ...] = ()

    @field_validator("service_topics")
    @classmethod
    def _plain_words(cls, topics: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = []
        for topic in topics:
            words = " ".join(topic.split())
            if not words or _PLAIN_WORDS.fullmatch(words) is None:
                raise ValueError(
                    f"service_topics: {topic!r} should be plain words, like 'Basildon' or 'social care'"
                )
            cleaned.append(words)
        return tuple(cleaned)

    @field_validator("trusted_sites")
    @classmethod
    def _bare_hosts(cls, sites: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = []
        for site in sites:
            host = site.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
            if not host or "/" in host.rstrip("/") or "." not in host or " " in host:
                raise ValueError(f"trusted_sites: {site!r} is not a site name like 'echo-news.co.uk'")
            cleaned.append(host.rstrip("/"))
        return tuple(cleaned)


class Checks(_Strict):
    morning: time
    midday: time
    afternoon: time


class Schedules(_Strict):
    checks: Checks
    handover: time
    handover_ack_minutes: int = Field(30, ge=1, le=24 * 60)
    nudge_fraction: float = Field(0.75, gt=0, lt=1)

    def check_slots(self) -> tuple[tuple[str, time], ...]:
        return (
            ("morning", self.checks.morning),
            ("midday", self.checks.midday),
            ("afternoon", self.checks.afternoon),
        )


class RotaEntry(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    name: str
    slack_user: str = ""
    teams_user: str = ""
    starts_on: date = Field(alias="from")
    ends_on: date = Field(alias="to")


class Contact(_Strict):
    name: str
    detail: str


class Retention(_Strict):
    closed_report_days: int = Field(365, ge=1)
    comment_personal_data_days: int = Field(30, ge=1)


class Safeguarding(_Strict):
    immediate_danger: str
    next_steps: str
    personal_safety: str
    contacts: tuple[Contact, ...] = ()
    escalation_targets: tuple[str, ...]
    outcomes: tuple[str, ...]
    retention: Retention = Retention()


class PolicyProfile(_Strict):
    organisation: Organisation
    accounts: tuple[Account, ...] = ()
    staff: tuple[StaffMember, ...] = ()

    @property
    def staff_names(self) -> list[str]:
        return [name for member in self.staff for name in member.all_names]

    working_hours: WorkingHours
    closures: tuple[date, ...] = ()
    response_target_hours: float = Field(gt=0, le=24 * 14)
    routes: Routes
    wording: Wording
    desk: Desk = Desk()
    schedules: Schedules
    oncall: tuple[RotaEntry, ...] = ()
    safeguarding: Safeguarding

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return calendar_from(
            start=self.working_hours.start,
            end=self.working_hours.end,
            workdays=[_DAY_NAMES.index(d) for d in self.working_hours.days],
            closures=self.closures,
            response_hours=self.response_target_hours,
        )

    def own_account_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.accounts if a.id)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def default_policy_text() -> str:
    """The built-in profile as written, comments and all (`modbot init` shows it as an example)."""
    return resources.files("bot").joinpath("default_policy.yml").read_text(encoding="utf-8")


def _default_document() -> dict[str, Any]:
    loaded = yaml.safe_load(default_policy_text())
    assert isinstance(loaded, dict)
    return loaded


def load_profile(path: Path | None = None) -> PolicyProfile:
    """The default profile, with the organisation's file (if any) merged over it."""
    document = _default_document()
    if path is not None:
        try:
            override = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise PolicyFileError(f"cannot read policy file {path}: {exc.strerror}") from exc
        except yaml.YAMLError as exc:
            raise PolicyFileError(f"policy file {path} is not valid YAML: {exc}") from exc
        if not isinstance(override, dict):
            raise PolicyFileError(f"policy file {path} must be a mapping of settings")
        document = _merge(document, override)
    try:
        return PolicyProfile.model_validate(document)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise PolicyFileError(f"policy file does not validate: {problems}") from exc
