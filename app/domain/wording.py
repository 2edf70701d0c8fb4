"""Plain-language wording for people: dates ("in 3 days", "5 days overdue"), counts, and an
article's sentence quoted once."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date


def relative_due(
    due: date | None,
    today: date,
    *,
    met_on: date | None = None,
    broken_on: date | None = None,
    review: bool = False,
    write_day: Callable[[date], str] | None = None,
) -> str:
    """How a due date stands relative to today, in the words an analyst would use; a day met or
    broken is written by `write_day` (the window's date format), else as short_date does. A
    pledge to `review` is not overdue (nobody has confirmed it is a pledge): its past due date
    is "due 3 months ago"."""

    def written(day: date) -> str:
        return short_date(day, today) if write_day is None else write_day(day)

    if met_on is not None:
        return f"met {written(met_on)}"
    if broken_on is not None:
        return f"broken {written(broken_on)}"
    if due is None:
        return "no due date"
    days = (due - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 1:
        return f"in {span(days)}"
    return f"due {span(-days)} ago" if review else f"{span(-days)} overdue"


def span(days: int) -> str:
    """A number of days as a person says it: "5 days", "3 months", "7 years"."""
    if days < 60:
        return plural(days, "day")
    if days < 730:
        return plural(round(days / 30.44), "month")
    return plural(round(days / 365.25), "year")


def long_date(day: date) -> str:
    """'21 January 2022'."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date, today: date) -> str:
    """'30 Jan' this year, '30 Jan 2021' in another."""
    text = f"{day.day} {day.strftime('%b')}"
    return text if day.year == today.year else f"{text} {day.year}"


def plural(count: int, word: str) -> str:
    """ "1 pledge", "3 pledges": a count with its noun (a regular English plural)."""
    return f"{count:,} {word}" if count == 1 else f"{count:,} {word}s"


def printable(text: str) -> str:
    """Text without control characters but newlines and tabs: what a terminal may be sent."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


_OPENING_MARKS = ('"', "“", "‘", "'", "«", "„")


def quoted(text: str) -> str:
    """`text` in quotation marks, unless it already opens with one of its own (a sentence
    that begins inside a quotation would otherwise show two opening marks)."""
    stripped = text.strip()
    if stripped.startswith(_OPENING_MARKS):
        return stripped
    return f"“{stripped}”"
