"""Recognises a line that is nothing but a date, as datelines and Wikinews headers write them."""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# A month's name or abbreviation, as the named group "month", longest first.
MONTH_PATTERN = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_PREFIX = r"(?:(?:published|updated|posted|last\s+updated)(?:\s+on)?:?\s+)?"
_TIME = r"(?:\s*(?:[,|\-–—]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_ISO_LINE = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\s*$")
_WRITTEN_LINES = [
    re.compile(rf"^\s*{_PREFIX}{_WEEKDAY}{MONTH_PATTERN}\s+{_DAY},?\s+{_YEAR}{_TIME}\s*$", re.I),
    re.compile(rf"^\s*{_PREFIX}{_WEEKDAY}{_DAY}\s+{MONTH_PATTERN},?\s+{_YEAR}{_TIME}\s*$", re.I),
]


def parse_iso_line(line: str) -> date | None:
    """Return the date if the line is only an ISO date (YYYY-MM-DD) that exists, else None."""
    match = _ISO_LINE.match(line)
    if match is None:
        return None
    return _make_date(match["year"], match["month"], match["day"])


def parse_written_line(line: str) -> date | None:
    """Return the date if the line is only a written date ("January 21, 2022"), else None."""
    for pattern in _WRITTEN_LINES:
        match = pattern.match(line)
        if match is not None:
            month = MONTHS[match["month"].lower()]
            return _make_date(match["year"], str(month), match["day"])
    return None


def is_date_line(line: str) -> bool:
    """Whether the line holds nothing but a date, in either form."""
    return parse_iso_line(line) is not None or parse_written_line(line) is not None


def _make_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
