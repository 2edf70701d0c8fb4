"""The store's side of reminders: the pledges that may need one, and recording those sent."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, exists, insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import EventKind
from app.domain.days import shift
from app.domain.reminder_rule import Candidate, Reminder, ReminderKind
from app.store.status_sql import is_tracked
from app.store.tables import pledge, pledge_event, reminder

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.store.reads import Executor


def reminder_candidates(*, session: Executor, today: date, lead_days: int) -> list[Candidate]:
    """Tracked (open, confirmed), dated pledges due by today + lead_days, and their reminders.

    One query: the pledges, each joined to the reminders given for it (if any). A pledge
    already reminded as overdue for its due date can need nothing more, so the query leaves it
    out: a daily check over years of overdue pledges reads only the few that may need telling.
    """
    horizon = shift(today, lead_days)
    told = reminder.alias("told")  # its own name: the outer query joins the reminders too
    told_overdue = exists().where(
        told.c.pledge_id == pledge.c.id,
        told.c.kind == ReminderKind.OVERDUE.value,
        told.c.due == pledge.c.due,
    )
    rows = session.execute(
        select(pledge.c.id, pledge.c.due, reminder.c.kind, reminder.c.due.label("told_due"))
        .select_from(pledge.outerjoin(reminder, reminder.c.pledge_id == pledge.c.id))
        .where(
            pledge.c.dismissed.is_(False),
            is_tracked(),  # a pledge to review is never reminded until confirmed
            pledge.c.due.is_not(None),
            pledge.c.due <= horizon,
            ~told_overdue,
        )
    ).all()
    dues: dict[int, date] = {}
    sent: dict[int, set[tuple[ReminderKind, date]]] = {}
    for row in rows:
        dues[row.id] = row.due
        if row.kind is not None:
            sent.setdefault(row.id, set()).add((ReminderKind(row.kind), row.told_due))
    return [
        Candidate(pledge_id=pledge_id, due=due, sent=frozenset(sent.get(pledge_id, ())))
        for pledge_id, due in dues.items()
    ]


def record_reminders(
    *, session: Connection, reminders: Sequence[Reminder], at: datetime
) -> list[Reminder]:
    """Record each reminder, and write it into its pledge's history; returns those not already
    recorded.

    Runs in the caller's transaction. Another process may have given the same reminder a moment
    ago: the reminder table's unique key refuses the second record, and that reminder is left
    out of what this process shows.
    """
    stamp = at.astimezone(UTC)
    if not reminders:
        return []

    def given(batch: Sequence[Reminder]) -> None:
        """Record the batch whole, or raise IntegrityError and record none of it."""
        with session.begin_nested():
            session.execute(insert(reminder), [
                {"pledge_id": r.pledge_id, "kind": r.kind.value, "due": r.due, "at": stamp}
                for r in batch
            ])  # fmt: skip

    try:  # the usual case, all of them new: one insert
        given(reminders)
        recorded = list(reminders)
    except IntegrityError:  # some were given meanwhile by another process: keep the new ones
        recorded = []
        for one in reminders:
            try:
                given([one])
            except IntegrityError:
                continue
            recorded.append(one)
    if recorded:
        session.execute(insert(pledge_event), [
            {"pledge_id": r.pledge_id, "kind": EventKind.REMINDED.value, "at": stamp,
             "detail": r.detail}
            for r in recorded
        ])  # fmt: skip
    return recorded
