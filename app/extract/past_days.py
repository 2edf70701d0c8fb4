"""Reads a day as people write it when it has already come: "yesterday", "last Friday",
"31 Oct 2019", "2019-10-31", "Monday", "3 days ago" (the day a pledge was kept or broken).

The counterpart of deadlines.py, which reads the days still to come: here a day without a
year, or a weekday, is the latest such day on or before `today`."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.extract.datepatterns import MONTHS, WEEKDAYS

_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven)\s+(?P<unit>day|week)s?\s+ago$"
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7}  # fmt: skip
_WEEKDAY = re.compile(r"^(?:(?P<last>last|past)\s+|on\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")$")
_DAY_MONTH = re.compile(
    r"^(?:on\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]+)\.?"
    r"|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{4}))?$"
)
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")


def past_day(text: str, today: date) -> date | None:
    """The day `text` names, on or before `today` where it leaves a choice; None when it names
    no day (or a day after `today`, which has not happened)."""
    words = " ".join(text.lower().replace(",", ", ").split()).strip(" ,.")
    words = words.replace(" ,", ",")
    found = _read(words, today)
    return found if found is not None and found <= today else None


def _read(words: str, today: date) -> date | None:
    if words in {"today", "now"}:
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    if words == "the day before yesterday":
        return today - timedelta(days=2)
    if match := _AGO.match(words):
        count = int(match["n"]) if match["n"].isdigit() else _NUMBERS[match["n"]]
        return today - timedelta(days=count * (7 if match["unit"] == "week" else 1))
    if match := _WEEKDAY.match(words):
        back = (today.weekday() - WEEKDAYS.index(match["day"])) % 7
        if back == 0 and match["last"]:
            back = 7  # "last Monday" said on a Monday is a week ago
        return today - timedelta(days=back)
    if match := _ISO.match(words):
        return _day(int(match["y"]), int(match["m"]), int(match["d"]))
    if match := _DAY_MONTH.match(words):
        month = MONTHS.get(match["m1"] or match["m2"] or "")
        day = int(match["d1"] or match["d2"])
        if month is None:
            return None
        if match["year"]:
            return _day(int(match["year"]), month, day)
        this_year = _day(today.year, month, day)  # "31 Oct": the last 31 October there was
        if this_year is not None and this_year <= today:
            return this_year
        return _day(today.year - 1, month, day)
    return _dateparser(words, today)


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31 February": no such day, and never quietly another one


def _dateparser(words: str, today: date) -> date | None:
    """What the rules above do not read ("10/31/2019", "Oct. 31st 2019"), past-preferring."""
    import dateparser

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
        "STRICT_PARSING": True,
    }
    try:
        found = dateparser.parse(words, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return None if found is None else found.date()
