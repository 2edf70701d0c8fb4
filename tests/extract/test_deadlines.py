"""Deadline wording resolves to the last day it covers, read from the publication date."""

from datetime import date

import pytest

from app.domain import DuePrecision
from app.extract.deadlines import resolve_deadline

FRIDAY = date(2022, 1, 21)


@pytest.mark.parametrize(
    ("expression", "due", "precision"),
    [
        ("next week", date(2022, 1, 30), DuePrecision.WEEK),
        ("by next week", date(2022, 1, 30), DuePrecision.WEEK),
        ("this week", date(2022, 1, 23), DuePrecision.WEEK),
        ("by the end of the month", date(2022, 1, 31), DuePrecision.MONTH),
        ("next month", date(2022, 2, 28), DuePrecision.MONTH),
        ("next year", date(2023, 12, 31), DuePrecision.YEAR),
        ("by 2025", date(2025, 12, 31), DuePrecision.YEAR),
        ("within 30 days", date(2022, 2, 20), DuePrecision.DAY),
        ("in two weeks' time", date(2022, 2, 4), DuePrecision.DAY),
        ("by Friday", date(2022, 1, 28), DuePrecision.DAY),
        ("on Monday", date(2022, 1, 24), DuePrecision.DAY),
        ("tomorrow", date(2022, 1, 22), DuePrecision.DAY),
        ("January 28", date(2022, 1, 28), DuePrecision.DAY),
        ("by March", date(2022, 3, 31), DuePrecision.MONTH),
    ],
)
def test_resolves_to_the_last_day_covered(
    expression: str, due: date, precision: DuePrecision
) -> None:
    deadline = resolve_deadline(expression, FRIDAY)
    assert (deadline.due, deadline.precision) == (due, precision)


@pytest.mark.parametrize("expression", ["soon", "promptly", "in the near future", ""])
def test_vague_wording_has_no_due_date(expression: str) -> None:
    assert resolve_deadline(expression, FRIDAY).due is None
