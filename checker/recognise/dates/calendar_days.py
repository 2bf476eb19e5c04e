"""Calendar arithmetic shared by the resolvers: moving a day by months or weeks, a year for a
year-less date, a weekday before or after a reference day."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from checker.model import DateValue


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, unit: str, amount: float) -> date:
    """`day` moved by `amount` units (calendar months and years; fractions of days dropped)."""
    if unit in ("month", "quarter", "year", "decade"):
        months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
        return add_months(day, round(months))
    days = amount * {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7}[unit]
    return day + timedelta(days=int(days))


# a match that names an impossible calendar day ("Feb 30", "2/29/2019", "the 31st of this
# month" in November): it still claims its span, so no shorter reading of it ("this month") survives
IMPOSSIBLE = DateValue(None, "day")


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int | None, ref: date, future_days: int = 0,
                direction: str = "past") -> date | None:
    """A year-less date in news is the most recent one on or before P, or the coming one when it
    falls at most `future_days` after P; Feb 29 goes back to a leap year. With direction
    "future" it is the first one on or after P (the month: the current one or a later one)."""
    if direction == "future":
        start = ref.replace(day=1) if day is None else ref
        return next((d for d in (safe_date(y, month, day or 1) for y in range(ref.year, ref.year + 9))
                     if d is not None and d >= start), None)
    this_year = safe_date(ref.year, month, day or 1)
    later = this_year is None or this_year > ref
    if this_year is not None and later and (this_year - ref).days <= future_days:
        return this_year
    year = ref.year - 1 if later else ref.year
    for candidate in range(year, year - 8, -1):
        found = safe_date(candidate, month, day or 1)
        if found is not None:
            return found
    return None


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def resolve_weekday(weekday: int, ref: date, direction: str) -> date:
    """Weekday names relative to the publication date; news refers to the past by default."""
    if direction == "on_or_before":
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    if direction == "on_or_after":
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    if direction == "before":
        return ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
    if direction == "after":
        return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    week = week_start(ref) + timedelta(days={"previous_week": -7, "this_week": 0, "next_week": 7}[direction])
    return week + timedelta(days=weekday)
