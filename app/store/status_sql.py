"""The status rule as a SQL expression, so that status filters run in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, case, literal

from app.domain import Status
from app.store.tables import pledge

if TYPE_CHECKING:
    from datetime import date


def status_expression(today: date) -> ColumnElement[str]:
    """SQL for status_of: met or broken if so marked, overdue if due before today, else pending."""
    return case(
        (pledge.c.met_on.is_not(None), literal(Status.MET.value)),
        (pledge.c.broken_on.is_not(None), literal(Status.BROKEN.value)),
        (is_overdue(today), literal(Status.OVERDUE.value)),
        else_=literal(Status.PENDING.value),
    )


def is_open() -> ColumnElement[bool]:
    """Neither met nor broken: still waiting to be kept."""
    return and_(pledge.c.met_on.is_(None), pledge.c.broken_on.is_(None))


def is_overdue(today: date) -> ColumnElement[bool]:
    """Open, and due before today."""
    return and_(is_open(), pledge.c.due.is_not(None), pledge.c.due < today)


def status_filter(status: Status, today: date) -> ColumnElement[bool]:
    """A WHERE clause selecting the pledges with `status` on `today`, in index-friendly form."""
    if status is Status.MET:
        return pledge.c.met_on.is_not(None)
    if status is Status.BROKEN:
        return and_(pledge.c.met_on.is_(None), pledge.c.broken_on.is_not(None))
    if status is Status.OVERDUE:
        return is_overdue(today)
    return and_(is_open(), pledge.c.due.is_(None) | (pledge.c.due >= today))
