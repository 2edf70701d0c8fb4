"""The status rule: met or broken if so marked, else overdue if due before today, else pending."""

from datetime import date

from app.domain import Pledge, PledgeKind, Span, Status, status_of


def _pledge(
    due: date | None = None, met_on: date | None = None, broken_on: date | None = None
) -> Pledge:
    return Pledge(
        actor="United States",
        action="provide a written response",
        kind=PledgeKind.PROMISE,
        quote="The United States will provide a written response next week.",
        quote_span=Span(0, 61),
        due=due,
        met_on=met_on,
        broken_on=broken_on,
    )


def test_pending_until_the_due_date_has_passed() -> None:
    pledge = _pledge(due=date(2022, 1, 30))
    assert status_of(pledge, date(2022, 1, 25)) is Status.PENDING
    assert status_of(pledge, date(2022, 1, 30)) is Status.PENDING  # the due day itself counts


def test_overdue_the_day_after_the_due_date() -> None:
    assert status_of(_pledge(due=date(2022, 1, 30)), date(2022, 1, 31)) is Status.OVERDUE


def test_met_wins_over_overdue() -> None:
    pledge = _pledge(due=date(2022, 1, 30), met_on=date(2022, 2, 5))
    assert status_of(pledge, date(2022, 3, 1)) is Status.MET


def test_undated_pledges_stay_pending() -> None:
    assert status_of(_pledge(), date(2099, 1, 1)) is Status.PENDING


def test_broken_is_never_overdue_and_never_turns_pending() -> None:
    pledge = _pledge(due=date(2022, 1, 30), broken_on=date(2022, 1, 28))
    assert status_of(pledge, date(2022, 1, 29)) is Status.BROKEN
    assert status_of(pledge, date(2022, 3, 1)) is Status.BROKEN
