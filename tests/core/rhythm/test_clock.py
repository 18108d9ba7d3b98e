"""The response clock: 48 hours counted on working days, Europe/London, England bank holidays."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.core.rhythm.clock import LONDON, WorkingCalendar

CAL = WorkingCalendar()


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("arrived", "due"),
    [
        (at(2026, 11, 20, 16, 0), at(2026, 11, 24, 16, 0)),  # Friday 16:00 -> Tuesday 16:00
        (at(2026, 11, 21, 11, 0), at(2026, 11, 25, 9, 0)),  # Saturday 11:00 -> Wednesday 09:00
        (at(2026, 12, 24, 16, 59), at(2026, 12, 30, 16, 59)),  # over Christmas and the substitute day
        (at(2026, 11, 20, 16, 59), at(2026, 11, 24, 16, 59)),  # Friday 16:59 is still in hours
        (at(2026, 11, 20, 17, 0), at(2026, 11, 25, 9, 0)),  # Friday 17:00 waits for Monday 09:00
        (at(2026, 11, 23, 7, 30), at(2026, 11, 25, 9, 0)),  # before hours: starts at 09:00
    ],
)
def test_due_times_from_the_issue_and_policy(arrived: datetime, due: datetime) -> None:
    assert CAL.due_at(arrived) == due


def test_christmas_2026_bank_holidays_including_the_substitute_day() -> None:
    assert not CAL.is_working_day(date(2026, 12, 25))
    assert not CAL.is_working_day(date(2026, 12, 28))  # Boxing Day falls on Saturday: Monday instead
    assert CAL.is_working_day(date(2026, 12, 29))


def test_england_only_holidays_are_included() -> None:
    assert not CAL.is_working_day(date(2026, 4, 6))  # Easter Monday (not a GB-wide holiday)
    assert not CAL.is_working_day(date(2026, 8, 31))  # Summer bank holiday in England


def test_clock_changes_keep_local_working_hours() -> None:
    # Clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    assert CAL.due_at(at(2026, 3, 27, 10, 0)) == at(2026, 3, 31, 10, 0)
    assert CAL.due_at(at(2026, 10, 23, 10, 0)) == at(2026, 10, 27, 10, 0)
    assert CAL.in_hours(at(2026, 3, 30, 9, 0)) and not CAL.in_hours(at(2026, 3, 30, 8, 59))
    assert CAL.next_hours_start(at(2026, 10, 24, 12, 0)) == at(2026, 10, 26, 9, 0)


def test_closure_days_from_the_policy_file_pause_the_clock() -> None:
    cal = WorkingCalendar(closures=frozenset({date(2026, 11, 23)}))
    assert cal.due_at(at(2026, 11, 20, 16, 0)) == at(2026, 11, 25, 16, 0)


def test_fraction_elapsed_counts_only_working_time() -> None:
    arrived = at(2026, 11, 20, 16, 0)
    assert CAL.fraction_elapsed(arrived, at(2026, 11, 23, 16, 0)) == pytest.approx(0.5)
    assert CAL.fraction_elapsed(arrived, at(2026, 11, 22, 12, 0)) == pytest.approx(8 / 48)


def test_naive_moments_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        CAL.in_hours(datetime(2026, 11, 20, 10, 0))
