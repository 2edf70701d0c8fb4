"""The store's side of reminders: the pledges that may need one, and recording those sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import String, and_, exists, literal
from sqlalchemy import cast as sql_cast
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.domain import EventKind
from app.reminders import Candidate, Reminder, ReminderKind, parse_detail
from app.store.models import PledgeEventRow, PledgeRow


def reminder_candidates(*, session: Session, today: date, lead_days: int) -> list[Candidate]:
    """Open, dated pledges due by today + lead_days, with the reminders already sent for each.

    One query: the pledges, each joined to its reminder entries (if any). A pledge already
    reminded as overdue for its due date can need nothing more, so the query leaves it out:
    a daily check over years of overdue pledges reads only the few that may need telling.
    """
    horizon = today + timedelta(days=lead_days)
    reminded = and_(
        col(PledgeEventRow.pledge_id) == col(PledgeRow.id),
        col(PledgeEventRow.kind) == EventKind.REMINDED.value,
    )
    overdue_detail = (
        literal(f"{ReminderKind.OVERDUE.value} (due ")
        + sql_cast(col(PledgeRow.due), String)
        + literal(")")
    )
    told = aliased(PledgeEventRow)  # its own name: the outer query joins the events too
    told_overdue = exists().where(
        col(told.pledge_id) == col(PledgeRow.id),
        col(told.kind) == EventKind.REMINDED.value,
        col(told.detail) == overdue_detail,
    )
    rows = session.execute(
        core_select(col(PledgeRow.id), col(PledgeRow.due), col(PledgeEventRow.detail))
        .outerjoin(PledgeEventRow, reminded)
        .where(
            col(PledgeRow.dismissed).is_(False),
            col(PledgeRow.met_on).is_(None),
            col(PledgeRow.due).is_not(None),
            col(PledgeRow.due) <= horizon,
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
    *, session: Session, reminders: Sequence[Reminder], at: datetime
) -> list[Reminder]:
    """Write each reminder into its pledge's history; returns those not already recorded.

    Another process may have sent the same reminder a moment ago: the unique index refuses
    the second record, and that reminder is left out of what this process shows.
    """

    def row(reminder: Reminder) -> PledgeEventRow:
        return PledgeEventRow(
            pledge_id=reminder.pledge_id,
            kind=EventKind.REMINDED.value,
            at=at,
            detail=reminder.detail,
        )

    try:  # the usual case, all of them new: one insert
        with session.begin_nested():
            session.add_all(row(r) for r in reminders)
        session.commit()
        return list(reminders)
    except IntegrityError:
        pass  # some were sent meanwhile by another process: keep only the new ones
    recorded = []
    for reminder in reminders:
        try:
            with session.begin_nested():
                session.add(row(reminder))
            recorded.append(reminder)
        except IntegrityError:
            continue
    session.commit()
    return recorded
