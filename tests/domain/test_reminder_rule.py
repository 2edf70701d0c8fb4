"""The reminder policy, with a fake clock: once due soon, once overdue, never for met pledges."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.reminder_rule import (
    Candidate,
    Reminder,
    ReminderKind,
    next_change,
    reminders_due,
)

DUE = date(2022, 1, 30)


def _check(today: date, candidate: Candidate, lead_days: int = 2) -> list[ReminderKind]:
    return [r.kind for r in reminders_due([candidate], today=today, lead_days=lead_days)]


def _after(candidate: Candidate, sent: list[Reminder]) -> Candidate:
    return Candidate(
        candidate.pledge_id, candidate.due, sent=candidate.sent | {(r.kind, r.due) for r in sent}
    )


def test_due_soon_then_overdue_each_once() -> None:
    pledge = Candidate(1, DUE)
    assert _check(date(2022, 1, 27), pledge) == []
    first = reminders_due([pledge], today=date(2022, 1, 28))
    assert [r.kind for r in first] == [ReminderKind.DUE_SOON]
    pledge = _after(pledge, first)
    assert _check(date(2022, 1, 29), pledge) == []
    assert _check(date(2022, 1, 30), pledge) == []
    second = reminders_due([pledge], today=date(2022, 1, 31))
    assert [r.kind for r in second] == [ReminderKind.OVERDUE]
    assert _check(date(2022, 1, 31), _after(pledge, second)) == []


def test_overdue_unnoticed_gets_only_the_overdue_reminder() -> None:
    assert _check(date(2022, 2, 14), Candidate(1, DUE)) == [ReminderKind.OVERDUE]


def test_met_dismissed_and_undated_pledges_get_none() -> None:
    assert _check(date(2022, 1, 31), Candidate(1, DUE, met=True)) == []
    assert _check(date(2022, 1, 31), Candidate(1, DUE, dismissed=True)) == []
    assert _check(date(2022, 1, 31), Candidate(1, None)) == []


def test_lead_time_is_a_setting() -> None:
    assert _check(date(2022, 1, 25), Candidate(1, DUE), lead_days=5) == [ReminderKind.DUE_SOON]
    assert _check(date(2022, 1, 25), Candidate(1, DUE), lead_days=2) == []


def test_a_new_due_date_earns_new_reminders() -> None:
    sent = Candidate(1, DUE, sent=frozenset({(ReminderKind.OVERDUE, DUE)}))
    moved = Candidate(1, date(2022, 2, 10), sent=sent.sent)
    assert _check(date(2022, 2, 11), moved) == [ReminderKind.OVERDUE]


def test_next_change_is_the_next_boundary() -> None:
    pledges = [Candidate(1, DUE), Candidate(2, date(2022, 3, 1)), Candidate(3, None)]
    assert next_change(pledges, now=datetime(2022, 1, 21, 15, 0)) == datetime(2022, 1, 28)
    assert next_change(pledges, now=datetime(2022, 1, 28, 0, 0)) == datetime(2022, 1, 31)
    assert next_change([Candidate(3, None)], now=datetime(2022, 1, 21)) is None


def test_a_reminder_reads_in_the_history_with_its_due_date() -> None:
    assert Reminder(1, ReminderKind.DUE_SOON, DUE).detail == f"due soon (due {DUE.isoformat()})"
