"""Due dates read as an analyst would say them."""

from datetime import date, timedelta

import pytest

from app.domain.wording import quoted, relative_due

TODAY = date(2022, 1, 27)


@pytest.mark.parametrize(
    ("due", "words"),
    [
        (date(2022, 1, 30), "in 3 days"),
        (date(2022, 1, 28), "due tomorrow"),
        (date(2022, 1, 27), "due today"),
        (date(2022, 1, 26), "1 day overdue"),
        (date(2022, 1, 22), "5 days overdue"),
        (date(2022, 6, 1), "in 4 months"),
        (date(2015, 1, 20), "7 years overdue"),  # not "84 months"
        (date(2021, 1, 27), "12 months overdue"),
        (date(2025, 2, 1), "in 3 years"),
        (None, "no due date"),
    ],
)
def test_relative_wording(due: date | None, words: str) -> None:
    assert relative_due(due, TODAY) == words


def test_met_pledges_say_when() -> None:
    assert relative_due(date(2022, 1, 20), TODAY, met_on=date(2022, 1, 26)) == "met 26 Jan"
    assert relative_due(None, TODAY, met_on=date(2021, 12, 2)) == "met 2 Dec 2021"


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("The plant will close.", "“The plant will close.”"),
        ("“We will close it,” he said.", "“We will close it,” he said."),
        ('"We will close it," he said. ', '"We will close it," he said.'),
    ],
)
def test_a_sentence_is_quoted_once(sentence: str, shown: str) -> None:
    assert quoted(sentence) == shown


def test_a_pledge_to_review_is_never_called_overdue() -> None:
    """Until the analyst confirms it, a past due date is only a date in the past."""
    assert relative_due(TODAY - timedelta(days=90), TODAY, review=True) == "due 3 months ago"
    assert relative_due(TODAY + timedelta(days=3), TODAY, review=True) == "in 3 days"
