"""When a letter is due: calendar or working time, with England and Wales bank holidays.

Bank holidays come from the ``holidays`` library (England's list, which Wales shares except
for no extra days in recent years), never from a hand-typed list. A working day is Monday to
Friday and not a bank holiday. ``N working days`` from a decision is the same time of day on
the Nth working day after it; ``N working hours`` counts office hours (09:00 to 17:00) on
working days; ``same day`` is the end of the decision's day.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from isa_kit.data.values import Duration

__all__ = ["bank_holidays", "due_by", "is_working_day"]


@functools.cache
def _calendar() -> Any:
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG")


def bank_holidays(year: int) -> dict[dt.date, str]:
    """England and Wales bank holidays in ``year`` (with substitute days)."""
    cal = _calendar()
    cal.get(dt.date(year, 1, 1))  # populates the year
    return {d: str(n) for d, n in sorted(cal.items()) if d.year == year}


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _calendar()


def _next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


OFFICE_OPENS = dt.time(9, 0)
OFFICE_CLOSES = dt.time(17, 0)
"""Working hours count office time only: 09:00 to 17:00 on working days."""


def _add_office_time(start: dt.datetime, left: dt.timedelta) -> dt.datetime:
    at = start
    while True:
        day = at.date()
        opens = dt.datetime.combine(day, OFFICE_OPENS)
        closes = dt.datetime.combine(day, OFFICE_CLOSES)
        if not is_working_day(day) or at >= closes:
            at = dt.datetime.combine(_next_working_day(day), OFFICE_OPENS)
            continue
        at = max(at, opens)
        if at + left <= closes:
            return at + left
        left -= closes - at
        at = closes


def due_by(decided: dt.datetime, deadline: Duration) -> dt.datetime:
    """The moment a letter about a decision made at ``decided`` is due."""
    if deadline.amount == 0:  # same day
        return decided.replace(hour=23, minute=59)
    unit = {"minutes": dt.timedelta(minutes=1), "hours": dt.timedelta(hours=1)}
    if not deadline.working:
        if deadline.unit in unit:
            return decided + deadline.amount * unit[deadline.unit]
        days = deadline.amount * (7 if deadline.unit == "weeks" else 1)
        return decided + dt.timedelta(days=days)
    if deadline.unit in unit:
        return _add_office_time(decided, deadline.amount * unit[deadline.unit])
    days = deadline.amount * (5 if deadline.unit == "weeks" else 1)
    day = decided.date()
    for _ in range(days):
        day = _next_working_day(day)
    return dt.datetime.combine(day, decided.time())
