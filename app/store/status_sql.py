"""The status rule (app/domain/status.py) as SQL, so that status filters run in the database.

Both forms are made from the rule's table: a CASE for the status of each row, and a WHERE for
the rows of one status (that clause holds and no earlier one does), written so that the
indexes on due and on status can serve it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, case, literal, true

from app.domain.status import OTHERWISE, RULE, Clause, Status
from app.store.tables import pledge

if TYPE_CHECKING:
    from datetime import date


def _holds(clause: Clause, today: date) -> ColumnElement[bool]:
    return _forms(clause, today)[0]


def _fails(clause: Clause, today: date) -> ColumnElement[bool]:
    """The clause does not hold, said positively (so the planner can use an index)."""
    return _forms(clause, today)[1]


def _forms(clause: Clause, today: date) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """A clause's test as SQL, and its negation."""
    column = pledge.c[clause.field]
    if clause.test == "set":
        return column.is_not(None), column.is_(None)
    if clause.test == "true":
        return column.is_(True), column.is_(False)
    return and_(column.is_not(None), column < today), column.is_(None) | (column >= today)


def status_expression(today: date) -> ColumnElement[str]:
    """The status of each row on `today`, by the rule."""
    return case(
        *((_holds(clause, today), literal(clause.status.value)) for clause in RULE),
        else_=literal(OTHERWISE.value),
    )


def status_filter(status: Status, today: date) -> ColumnElement[bool]:
    """A WHERE clause selecting the pledges with `status` on `today`."""
    earlier: list[ColumnElement[bool]] = []
    for clause in RULE:
        if clause.status is status:
            return and_(*earlier, _holds(clause, today))
        earlier.append(_fails(clause, today))
    return and_(*earlier) if earlier else true()


def is_open() -> ColumnElement[bool]:
    """Neither met nor broken: still waiting to be kept (whether tracked or to review)."""
    return and_(pledge.c.met_on.is_(None), pledge.c.broken_on.is_(None))


def is_tracked() -> ColumnElement[bool]:
    """Open and confirmed (not waiting for review): what reminders and counts are about."""
    return and_(is_open(), pledge.c.review.is_(False))


def is_overdue(today: date) -> ColumnElement[bool]:
    """Overdue on `today`, by the rule."""
    return status_filter(Status.OVERDUE, today)
