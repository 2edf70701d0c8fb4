"""The store's side of reminders: the pledges that may need one, and recording those sent."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, String, and_, cast, exists, insert, literal, select
from sqlalchemy.exc import IntegrityError

from app.domain import EventKind
from app.domain.days import shift
from app.domain.reminders import Candidate, Reminder, ReminderKind, parse_detail
from app.store.status_sql import is_tracked
from app.store.tables import pledge, pledge_event

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.store.reads import Executor


def reminder_candidates(*, session: Executor, today: date, lead_days: int) -> list[Candidate]:
    """Tracked (open, confirmed), dated pledges due by today + lead_days, and their reminders.

    One query: the pledges, each joined to its reminder entries (if any). A pledge already
    reminded as overdue for its due date can need nothing more, so the query leaves it out:
    a daily check over years of overdue pledges reads only the few that may need telling.
    """
    horizon = shift(today, lead_days)
    reminded = and_(
        pledge_event.c.pledge_id == pledge.c.id,
        pledge_event.c.kind == EventKind.REMINDED.value,
    )
    told = pledge_event.alias("told")  # its own name: the outer query joins the events too
    overdue_detail = (
        literal(f"{ReminderKind.OVERDUE.value} (due ") + cast(pledge.c.due, String) + literal(")")
    )
    told_overdue = exists().where(
        told.c.pledge_id == pledge.c.id,
        told.c.kind == EventKind.REMINDED.value,
        told.c.detail == overdue_detail,
    )
    rows = session.execute(
        select(pledge.c.id, pledge.c.due, pledge_event.c.detail)
        .select_from(pledge.outerjoin(pledge_event, reminded))
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
    for pledge_id, due, detail in rows:
        dues[pledge_id] = due
        parsed = None if detail is None else parse_detail(detail)
        if parsed is not None:
            sent.setdefault(pledge_id, set()).add(parsed)
    return [
        Candidate(pledge_id=pledge_id, due=due, sent=frozenset(sent.get(pledge_id, ())))
        for pledge_id, due in dues.items()
    ]


def record_reminders(
    *, session: Connection, reminders: Sequence[Reminder], at: datetime
) -> list[Reminder]:
    """Write each reminder into its pledge's history; returns those not already recorded.

    Runs in the caller's transaction. Another process may have sent the same reminder a moment
    ago: the unique index refuses the second record, and that reminder is left out of what this
    process shows.
    """
    stamp = at.astimezone(UTC)

    def values(reminder: Reminder) -> dict[str, object]:
        return {
            "pledge_id": reminder.pledge_id,
            "kind": EventKind.REMINDED.value,
            "at": stamp,
            "detail": reminder.detail,
        }

    if not reminders:
        return []
    try:  # the usual case, all of them new: one insert
        with session.begin_nested():
            session.execute(insert(pledge_event), [values(r) for r in reminders])
        return list(reminders)
    except IntegrityError:
        pass  # some were sent meanwhile by another process: keep only the new ones
    recorded = []
    for reminder in reminders:
        try:
            with session.begin_nested():
                session.execute(insert(pledge_event), [values(reminder)])
            recorded.append(reminder)
        except IntegrityError:
            continue
    return recorded
