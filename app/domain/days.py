"""Day arithmetic that stays inside the calendar Python can count (years 1 to 9999)."""

from __future__ import annotations

from datetime import date, timedelta

# A due date after this is out of range: the day after it and a reminder's lead time before it
# must still be dates. Wording that resolves past it ("in 8000 years") keeps no due date.
LATEST_DUE = date(9998, 12, 31)


def shift(day: date, days: int) -> date:
    """`day` moved by a number of days, held at the first or last date there is."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
