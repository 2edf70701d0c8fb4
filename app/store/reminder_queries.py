"""The store's side of reminders: the pledges that may need one, and recording those sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.domain import EventKind
from app.reminders import Candidate, Reminder, ReminderKind, parse_detail
from app.store.models import PledgeEventRow, PledgeRow

_CHUNK = 500  # stay under SQLite's limit of bound parameters


def reminder_candidates(*, session: Session, today: date, lead_days: int) -> list[Candidate]:
    """Open, dated pledges due by today + lead_days, with the reminders already sent for each."""
    horizon = today + timedelta(days=lead_days)
    rows = session.exec(
        select(col(PledgeRow.id), col(PledgeRow.due)).where(
            col(PledgeRow.dismissed).is_(False),
            col(PledgeRow.met_on).is_(None),
            col(PledgeRow.due).is_not(None),
            col(PledgeRow.due) <= horizon,
        )
    ).all()
    ids = [pledge_id for pledge_id, _ in rows if pledge_id is not None]
    sent: dict[int, set[tuple[ReminderKind, date]]] = {}
    for start in range(0, len(ids), _CHUNK):
        events = session.exec(
            select(PledgeEventRow.pledge_id, PledgeEventRow.detail).where(
                PledgeEventRow.kind == EventKind.REMINDED.value,
                col(PledgeEventRow.pledge_id).in_(ids[start : start + _CHUNK]),
            )
        ).all()
        for pledge_id, detail in events:
            parsed = parse_detail(detail)
            if parsed is not None:
                sent.setdefault(pledge_id, set()).add(parsed)
    return [
        Candidate(pledge_id=pledge_id, due=due, sent=frozenset(sent.get(pledge_id, ())))
        for pledge_id, due in rows
        if pledge_id is not None
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
