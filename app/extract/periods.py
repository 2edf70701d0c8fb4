"""Calendar periods as day ranges: weeks, months, quarters, halves, seasons, years, decades."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain import DuePrecision


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of days and the precision it carries."""

    first: date
    last: date
    precision: DuePrecision

    def part(self, which: str) -> Period:
        """The early, mid or late third of the period (months by ten-day thirds)."""
        if which == "late":
            return Period(self._third_start(2), self.last, self.precision)
        if which == "mid":
            return Period(
                self._third_start(1), self._third_start(2) - timedelta(days=1), self.precision
            )
        return Period(self.first, self._third_start(1) - timedelta(days=1), self.precision)

    def _third_start(self, index: int) -> date:
        """First day of the index-th third: by months for long periods, by days otherwise."""
        months = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month + 1
        if months >= 3:
            offset = self.first.month - 1 + months * index // 3
            return date(self.first.year + offset // 12, offset % 12 + 1, 1)
        if self.precision is DuePrecision.MONTH:
            return self.first.replace(day=1 + 10 * index)
        days = (self.last - self.first).days + 1
        return self.first + timedelta(days=days * index // 3)


def week(day: date, ahead: int = 0) -> Period:
    """The ISO week (Monday to Sunday) holding `day`, moved by `ahead` weeks."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=ahead)
    return Period(monday, monday + timedelta(days=6), DuePrecision.WEEK)


def month(year: int, number: int) -> Period:
    """A calendar month; `number` may run past 12 or below 1 and carries into the year."""
    year, index = year + (number - 1) // 12, (number - 1) % 12 + 1
    return Period(date(year, index, 1), month_end(year, index), DuePrecision.MONTH)


def quarter(year: int, number: int) -> Period:
    """Quarter 1 to 4 of a year."""
    first = month(year, 3 * number - 2).first
    return Period(first, month(year, 3 * number).last, DuePrecision.QUARTER)


def half(year: int, number: int) -> Period:
    """Half 1 or 2 of a year; its precision is the quarter, the nearest kept."""
    return Period(
        month(year, 6 * number - 5).first, month(year, 6 * number).last, DuePrecision.QUARTER
    )


SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season(year: int, name: str) -> Period:
    """A meteorological season; winter runs from December of `year` into the next year."""
    start = SEASON_MONTHS[name]
    return Period(month(year, start).first, month(year, start + 2).last, DuePrecision.QUARTER)


def year(number: int) -> Period:
    """A calendar year."""
    return Period(date(number, 1, 1), date(number, 12, 31), DuePrecision.YEAR)


def decade(number: int) -> Period:
    """The decade holding a year: 2020 to 2029 for 2024."""
    start = number - number % 10
    return Period(date(start, 1, 1), date(start + 9, 12, 31), DuePrecision.YEAR)


def month_end(year_number: int, month_number: int) -> date:
    """The last day of a month."""
    return date(year_number, month_number, calendar.monthrange(year_number, month_number)[1])


def add_months(day: date, count: int) -> date:
    """The same day `count` months later, clipped to the end of a shorter month."""
    target = month(day.year, day.month + count)
    return target.first.replace(day=min(day.day, target.last.day))
