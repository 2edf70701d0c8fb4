"""Pipeline stage 5: resolve a deadline expression to the last day it covers (first version)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from app.domain import Deadline, DuePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DeadlineResolver = Callable[[str, date], Deadline]

NO_DEADLINE = Deadline(due=None, precision=None)

_VAGUE = re.compile(
    r"\b(soon|shortly|promptly|eventually|quickly|in\s+(the\s+)?(near|coming|foreseeable)\s+"
    r"(future|term)|in\s+due\s+course|at\s+some\s+point|later|as\s+soon\s+as\s+possible|asap)\b",
    re.I,
)
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_PERIOD = re.compile(
    r"\b(?P<which>this|next|the\s+coming|the\s+end\s+of\s+(?:the|this)|end\s+of\s+(?:the|this)"
    r"|later\s+this|the\s+end\s+of\s+next)\s+(?P<unit>week|month|year)\b",
    re.I,
)
_YEAR = re.compile(r"^(?:by|in|before|until|through|during)?\s*(?:the\s+end\s+of\s+)?(?P<y>\d{4})$")
_SPAN = re.compile(
    r"\b(?:within|in|over\s+the\s+next|in\s+the\s+next|for)\s+(?P<n>\d+|"
    + "|".join(_NUMBERS)
    + r")\s+(?P<unit>day|week|month|year)s?(?:'|’)?(?:\s+time)?\b",
    re.I,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"^(?:by|on|until|before|next|this|by\s+next)?\s*(?P<d>" + "|".join(_WEEKDAYS) + r")$", re.I
)


def resolve_deadline(expression: str, published: date) -> Deadline:
    """Return the last day `expression` covers, read from the publication date; vague gives none."""
    text = " ".join(expression.split()).strip(" ,.;")
    if not text or _VAGUE.search(text):
        return NO_DEADLINE
    for rule in (_calendar_period, _whole_year, _span, _weekday):
        found = rule(text, published)
        if found is not None:
            return found
    return _with_dateparser(text, published)


def _calendar_period(text: str, published: date) -> Deadline | None:
    match = _PERIOD.search(text)
    if match is None:
        return None
    ahead = 1 if match["which"].lower().split()[-1] == "next" else 0
    unit = match["unit"].lower()
    if unit == "week":
        sunday = published + timedelta(days=6 - published.weekday() + 7 * ahead)
        return Deadline(sunday, DuePrecision.WEEK)
    if unit == "month":
        year, month = divmod(published.month - 1 + ahead, 12)
        return Deadline(_month_end(published.year + year, month + 1), DuePrecision.MONTH)
    return Deadline(date(published.year + ahead, 12, 31), DuePrecision.YEAR)


def _whole_year(text: str, published: date) -> Deadline | None:
    match = _YEAR.match(text.lower())
    if match is None:
        return None
    return Deadline(date(int(match["y"]), 12, 31), DuePrecision.YEAR)


def _span(text: str, published: date) -> Deadline | None:
    match = _SPAN.search(text)
    if match is None:
        return None
    raw = match["n"].lower()
    count = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = match["unit"].lower()
    if unit == "day":
        return Deadline(published + timedelta(days=count), DuePrecision.DAY)
    if unit == "week":
        return Deadline(published + timedelta(weeks=count), DuePrecision.DAY)
    months = published.month - 1 + count * (12 if unit == "year" else 1)
    year, month = published.year + months // 12, months % 12 + 1
    day = min(published.day, calendar.monthrange(year, month)[1])
    return Deadline(date(year, month, day), DuePrecision.DAY)


def _weekday(text: str, published: date) -> Deadline | None:
    match = _WEEKDAY.match(text)
    if match is None:
        return None
    target = _WEEKDAYS.index(match["d"].lower())
    days = (target - published.weekday() - 1) % 7 + 1
    return Deadline(published + timedelta(days=days), DuePrecision.DAY)


def _with_dateparser(text: str, published: date) -> Deadline:
    data = _date_parser(published).get_date_data(text)
    if data.date_obj is None:
        return NO_DEADLINE
    day = data.date_obj.date()
    if data.period == "year":
        return Deadline(date(day.year, 12, 31), DuePrecision.YEAR)
    if data.period == "month":
        return Deadline(_month_end(day.year, day.month), DuePrecision.MONTH)
    if data.period == "week":
        return Deadline(day + timedelta(days=6 - day.weekday()), DuePrecision.WEEK)
    return Deadline(day, DuePrecision.DAY)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@cache
def _date_parser(published: date) -> DateDataParser:
    """A parser reading relative wording from `published`; built lazily, one per day."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)
