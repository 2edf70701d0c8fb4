"""Deadline wording resolves to the last day it covers, read from the publication date P.

Every example in the deadline rules is here. P is Friday 21 January 2022 unless a case says
otherwise; its ISO week runs from Monday 17 to Sunday 23 January.
"""

from datetime import date

import pytest

from app.domain import DuePrecision
from app.extract.deadlines import resolve_deadline

P = date(2022, 1, 21)
DAY, WEEK, MONTH = DuePrecision.DAY, DuePrecision.WEEK, DuePrecision.MONTH
QUARTER, YEAR = DuePrecision.QUARTER, DuePrecision.YEAR


def _check(expression: str, due: date, precision: DuePrecision, published: date = P) -> None:
    deadline = resolve_deadline(expression, published)
    assert (deadline.due, deadline.precision) == (due, precision), expression


@pytest.mark.parametrize(
    ("expression", "due", "precision"),
    [
        ("this week", date(2022, 1, 23), WEEK),
        ("later this week", date(2022, 1, 23), WEEK),
        ("by the end of the week", date(2022, 1, 23), WEEK),
        ("next week", date(2022, 1, 30), WEEK),
        ("by next week", date(2022, 1, 30), WEEK),
        ("this month", date(2022, 1, 31), MONTH),
        ("later this month", date(2022, 1, 31), MONTH),
        ("by month's end", date(2022, 1, 31), MONTH),
        ("next month", date(2022, 2, 28), MONTH),
        ("this year", date(2022, 12, 31), YEAR),
        ("by year-end", date(2022, 12, 31), YEAR),
        ("next year", date(2023, 12, 31), YEAR),
        ("by 2025", date(2025, 12, 31), YEAR),
        ("in 2025", date(2025, 12, 31), YEAR),
        ("by the end of the decade", date(2029, 12, 31), YEAR),
    ],
)
def test_calendar_periods(expression: str, due: date, precision: DuePrecision) -> None:
    _check(expression, due, precision)


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("the fourth quarter", date(2022, 12, 31)),
        ("by the end of the first quarter", date(2022, 3, 31)),
        ("next quarter", date(2022, 6, 30)),
        ("Q3 2023", date(2023, 9, 30)),
        ("in the third quarter of next year", date(2023, 9, 30)),
        ("the first half of 2023", date(2023, 6, 30)),
        ("the second half of the year", date(2022, 12, 31)),
        ("this summer", date(2022, 8, 31)),
        ("by spring", date(2022, 5, 31)),
        ("this winter", date(2022, 2, 28)),
        ("next winter", date(2023, 2, 28)),
        ("by autumn 2023", date(2023, 11, 30)),
    ],
)
def test_quarters_halves_and_seasons(expression: str, due: date) -> None:
    _check(expression, due, QUARTER)


def test_a_quarter_already_over_is_next_years() -> None:
    _check("the first quarter", date(2023, 3, 31), QUARTER, published=date(2022, 5, 10))


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("within 30 days", date(2022, 2, 20)),
        ("in the next 10 days", date(2022, 1, 31)),
        ("in two weeks' time", date(2022, 2, 4)),
        ("within 48 hours", date(2022, 1, 23)),
        ("over the next two years", date(2024, 1, 21)),
        ("for ten days", date(2022, 1, 31)),
        ("two weeks from now", date(2022, 2, 4)),
        ("within a month", date(2022, 2, 21)),
        ("for at least two more years", date(2024, 1, 21)),
        ("for another three months", date(2022, 4, 21)),
        ("for the next year", date(2023, 1, 21)),
        ("over the coming month", date(2022, 2, 21)),
        ("during a 14-day quarantine", date(2022, 2, 4)),
        ("for a two-week trial", date(2022, 2, 4)),
    ],
)
def test_spans_count_from_publication(expression: str, due: date) -> None:
    _check(expression, due, DAY)


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("by Friday", date(2022, 1, 28)),
        ("on Monday", date(2022, 1, 24)),
        ("next Thursday", date(2022, 1, 27)),
        ("until next Wednesday", date(2022, 1, 26)),
        ("today", date(2022, 1, 21)),
        ("tonight", date(2022, 1, 21)),
        ("tomorrow", date(2022, 1, 22)),
        ("the day after tomorrow", date(2022, 1, 23)),
        ("by the end of the day", date(2022, 1, 21)),
        ("January 28", date(2022, 1, 28)),
        ("Jan. 31", date(2022, 1, 31)),
        ("15 February", date(2022, 2, 15)),
        ("Oct. 31st", date(2022, 10, 31)),
        ("on Feb 15, 2022", date(2022, 2, 15)),
        ("January 15", date(2022, 1, 15)),  # same month as P: still this year's
        # a span of days ends on its last
        ("Monday through Wednesday", date(2022, 1, 26)),
        ("January 24 thru January 27", date(2022, 1, 27)),
    ],
)
def test_days(expression: str, due: date) -> None:
    _check(expression, due, DAY)


def test_a_date_without_a_year_looks_forward() -> None:
    _check("March 3", date(2023, 3, 3), DAY, published=date(2022, 5, 10))
    _check("by March", date(2023, 3, 31), MONTH, published=date(2022, 5, 10))


@pytest.mark.parametrize(
    ("expression", "due", "precision"),
    [
        ("by March", date(2022, 3, 31), MONTH),
        ("in March", date(2022, 3, 31), MONTH),
        ("by the end of March", date(2022, 3, 31), MONTH),
        ("early next year", date(2023, 4, 30), YEAR),
        ("mid-March", date(2022, 3, 20), MONTH),
        ("early March", date(2022, 3, 10), MONTH),
        ("late March", date(2022, 3, 31), MONTH),
        ("mid-2023", date(2023, 8, 31), YEAR),
        ("late 2022", date(2022, 12, 31), YEAR),
    ],
)
def test_months_and_their_parts(expression: str, due: date, precision: DuePrecision) -> None:
    _check(expression, due, precision)


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("next month on August 2", date(2019, 8, 2)),
        ("next month on August 2 at 5 p.m. local time", date(2019, 8, 2)),
        ("next Wednesday, July 31", date(2019, 7, 31)),
    ],
)
def test_the_day_wins_over_the_period_around_it(expression: str, due: date) -> None:
    _check(expression, due, DAY, published=date(2019, 7, 24))


@pytest.mark.parametrize(
    ("expression", "due", "precision"),
    [
        ("before the end of February", date(2022, 2, 28), MONTH),
        ("no later than March 1", date(2022, 3, 1), DAY),
        ("not later than Friday", date(2022, 1, 28), DAY),
        ("on or before 15 February", date(2022, 2, 15), DAY),
        ("until 2020", date(2020, 12, 31), YEAR),
    ],
)
def test_bounding_words_do_not_move_the_deadline(
    expression: str, due: date, precision: DuePrecision
) -> None:
    _check(expression, due, precision)


@pytest.mark.parametrize(
    "expression",
    [
        "soon",
        "promptly",
        "shortly",
        "as soon as possible",
        "in the coming weeks",
        "in the near future",
        "after the elections",
        "following the vote today",
        "since Monday",
        "since March",
        "27-year",  # a length before a noun: how long, not when (dateparser read the 27th)
        "a five-year",
        "",
    ],
)
def test_vague_wording_and_lower_bounds_get_no_due_date(expression: str) -> None:
    deadline = resolve_deadline(expression, P)
    assert (deadline.due, deadline.precision) == (None, None)


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("from Monday", date(2022, 1, 24)),
        ("starting Tuesday", date(2022, 1, 25)),
        ("beginning tomorrow", date(2022, 1, 22)),
    ],
)
def test_a_measure_from_a_named_day_is_due_that_day(expression: str, due: date) -> None:
    _check(expression, due, DAY)


def test_typographic_quotes_and_dashes_are_read() -> None:
    _check("on Monday — today", date(2019, 6, 24), DAY, published=date(2019, 6, 24))
    _check("in two weeks’ time", date(2022, 2, 4), DAY)


@pytest.mark.parametrize(
    ("expression", "due"),
    [
        ("by 2010-11", date(2011, 12, 31)),
        ("in 2022–23", date(2023, 12, 31)),
        ("by the end of 2022-23", date(2023, 12, 31)),
        ("by 2024/25", date(2025, 12, 31)),
        ("in 2023-2025", date(2025, 12, 31)),
    ],
)
def test_a_span_of_years_is_due_by_the_end_of_its_last(expression: str, due: date) -> None:
    # "2010-11" in prose is a (financial) year that runs into 2011, not November 2010
    _check(expression, due, YEAR)


@pytest.mark.parametrize("expression", ["on 2022-02-14", "2022-02-14"])
def test_a_date_written_in_iso_form_stays_a_day(expression: str) -> None:
    _check(expression, date(2022, 2, 14), DAY)
