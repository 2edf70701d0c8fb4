"""Runs the reminder policy over the store, for `pledgewatch check` and the desktop app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.reminder_rule import DEFAULT_LEAD_DAYS, Reminder, next_change, reminders_due
from app.store.reads import get_pledges
from app.store.reminder_queries import record_reminders, reminder_candidates

if TYPE_CHECKING:
    from datetime import date, datetime

    from sqlalchemy import Engine

    from app.domain import PledgeRecord


@dataclass(frozen=True, slots=True)
class Notice:
    """A reminder with the pledge it is about, ready to show."""

    reminder: Reminder
    record: PledgeRecord

    def line(self) -> str:
        """One line for a terminal or a notification."""
        pledge = self.record.pledge
        return (
            f"{self.reminder.kind.value}: #{self.record.id} {pledge.actor}: {pledge.action} "
            f"(due {self.reminder.due.isoformat()})"
        )


def check_reminders(
    engine: Engine,
    *,
    today: date,
    at: datetime,
    lead_days: int = DEFAULT_LEAD_DAYS,
    record: bool = True,
) -> list[Notice]:
    """The reminders due on `today`; with `record`, each is written down so it is never repeated."""
    with engine.begin() as connection:  # Core only: a check from cron starts fast
        candidates = reminder_candidates(session=connection, today=today, lead_days=lead_days)
        due = reminders_due(candidates, today=today, lead_days=lead_days)
        if record:
            due = record_reminders(session=connection, reminders=due, at=at)
        records = get_pledges(session=connection, pledge_ids=[r.pledge_id for r in due])
    return [Notice(r, records[r.pledge_id]) for r in due if r.pledge_id in records]


def next_reminder_moment(
    engine: Engine, *, now: datetime, lead_days: int = DEFAULT_LEAD_DAYS, horizon_days: int = 400
) -> datetime | None:
    """When the next reminder can fall due, looking ahead up to `horizon_days`."""
    with engine.connect() as connection:
        candidates = reminder_candidates(
            session=connection, today=now.date(), lead_days=lead_days + horizon_days
        )
    return next_change(candidates, now=now, lead_days=lead_days)
