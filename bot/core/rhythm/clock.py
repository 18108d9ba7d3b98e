"""Working hours, England bank holidays and the 48-hours-on-working-days response clock.

Rules (MSE 6.4, Appendix B; SSOT 3.0): channels are monitored Monday to Friday 09:00-17:00,
excluding bank holidays; comments and direct messages are answered within 48 hours on working
days; anything arriving outside working hours is answered the next working day.

So the clock counts only time that falls on working days, and an item that arrives outside
working hours starts its clock when working hours next begin. Arithmetic is done on London wall
time, day by day: clocks change on Sundays at 01:00, never on a working day, so a working day
always has 24 wall-clock hours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=32)
def _england_holidays(year: int) -> frozenset[date]:
    # subdiv="ENG": without it, GB lacks Easter Monday and the Summer bank holiday.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def _day(local: datetime) -> datetime:
    return datetime.combine(local.date(), time(0), tzinfo=None)


@dataclass(frozen=True)
class WorkingCalendar:
    """Answers: is this moment in hours, when do hours next start, when is an item due."""

    start: time = time(9, 0)
    end: time = time(17, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
    closures: frozenset[date] = frozenset()
    response_hours: float = 48.0
    tz: ZoneInfo = field(default=LONDON)
    holiday_source: Callable[[int], frozenset[date]] = _england_holidays

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("moments must be timezone-aware")
        return moment.astimezone(self.tz)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() in self.workdays
            and day not in self.closures
            and day not in self.holiday_source(day.year)
        )

    def in_hours(self, moment: datetime) -> bool:
        local = self.local(moment)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end

    def next_hours_start(self, moment: datetime) -> datetime:
        """The moment working hours next begin (the moment itself when already in hours)."""
        local = self.local(moment)
        if self.in_hours(local):
            return moment
        day = local.date()
        if self.is_working_day(day) and local.time() < self.start:
            return self._at(day, self.start)
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return self._at(day, self.start)

    def last_hours_end(self, moment: datetime) -> datetime:
        """The end of the most recent working period that finished at or before `moment`."""
        local = self.local(moment)
        day = local.date()
        if self.is_working_day(day) and local.time() >= self.end:
            return self._at(day, self.end)
        day -= timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return self._at(day, self.end)

    def due_at(self, arrived: datetime) -> datetime:
        """When a response to an item that arrived at `arrived` is due."""
        return self.add_working_time(self.next_hours_start(arrived), timedelta(hours=self.response_hours))

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment `amount` of working-day time after `start` (which should be in hours)."""
        remaining = amount
        cursor = self.local(start).replace(tzinfo=None)  # London wall time
        while True:
            if self.is_working_day(cursor.date()):
                left_today = _day(cursor) + timedelta(days=1) - cursor
                if remaining <= left_today:
                    return (cursor + remaining).replace(tzinfo=self.tz)
                remaining -= left_today
            cursor = _day(cursor) + timedelta(days=1)

    def fraction_elapsed(self, arrived: datetime, now: datetime) -> float:
        """How much of the response time has gone, in working-day time (0.0 to >1.0)."""
        start = self.local(self.next_hours_start(arrived)).replace(tzinfo=None)
        end = self.local(now).replace(tzinfo=None)
        if end <= start:
            return 0.0
        spent = timedelta()
        cursor = start
        while cursor < end:
            next_midnight = _day(cursor) + timedelta(days=1)
            if self.is_working_day(cursor.date()):
                spent += min(end, next_midnight) - cursor
            cursor = next_midnight
        return spent / timedelta(hours=self.response_hours)

    def _at(self, day: date, at: time) -> datetime:
        return datetime.combine(day, at, tzinfo=self.tz)


def calendar_from(
    *,
    start: time,
    end: time,
    workdays: Iterable[int],
    closures: Iterable[date],
    response_hours: float,
) -> WorkingCalendar:
    return WorkingCalendar(
        start=start,
        end=end,
        workdays=frozenset(workdays),
        closures=frozenset(closures),
        response_hours=response_hours,
    )
