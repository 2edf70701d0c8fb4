"""Days typed as people write them once they have come: the met and broken dialogs' reader."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.past_days import past_day

FRIDAY = date(2022, 1, 28)  # a Friday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", FRIDAY),
        ("yesterday", date(2022, 1, 27)),
        ("the day before yesterday", date(2022, 1, 26)),
        ("3 days ago", date(2022, 1, 25)),
        ("two weeks ago", date(2022, 1, 14)),
        ("Monday", date(2022, 1, 24)),
        ("on Wednesday", date(2022, 1, 26)),
        ("last Friday", date(2022, 1, 21)),  # said on a Friday: a week ago, not today
        ("Friday", FRIDAY),
        ("31 Oct", date(2021, 10, 31)),  # the last 31 October there was
        ("31 Oct 2019", date(2019, 10, 31)),
        ("October 31st, 2019", date(2019, 10, 31)),
        ("2019-10-31", date(2019, 10, 31)),
        ("Jan 3", date(2022, 1, 3)),
        ("  Yesterday. ", date(2022, 1, 27)),
    ],
)
def test_a_day_written_as_people_write_it_is_the_latest_such_day(
    typed: str, expected: date
) -> None:
    assert past_day(typed, FRIDAY) == expected


@pytest.mark.parametrize(
    "typed", ["tomorrow", "next year", "2023-01-01", "31 February 2020", "31 Oct 2030", "soon", ""]
)
def test_a_day_still_to_come_or_no_day_at_all_is_refused(typed: str) -> None:
    assert past_day(typed, FRIDAY) is None


def test_31_october_never_becomes_1_october() -> None:
    found = past_day("31 Oct", date(2021, 11, 5))
    assert found == date(2021, 10, 31)
