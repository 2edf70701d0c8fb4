"""The status rule as a SQL expression, so that status filters run in the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, literal
from sqlmodel import col

from app.domain import Status
from app.store.models import PledgeRow


def status_expression(today: date) -> ColumnElement[str]:
    """SQL for status_of: met if ticked off, overdue if due before today, else pending."""
    return case(
        (col(PledgeRow.met_on).is_not(None), literal(Status.MET.value)),
        (is_overdue(today), literal(Status.OVERDUE.value)),
        else_=literal(Status.PENDING.value),
    )


def is_overdue(today: date) -> ColumnElement[bool]:
    """Not met, and due before today."""
    return and_(
        col(PledgeRow.met_on).is_(None),
        col(PledgeRow.due).is_not(None),
        col(PledgeRow.due) < today,
    )


def status_filter(status: Status, today: date) -> ColumnElement[bool]:
    """A WHERE clause selecting the pledges with `status` on `today`, in index-friendly form."""
    if status is Status.MET:
        return col(PledgeRow.met_on).is_not(None)
    if status is Status.OVERDUE:
        return is_overdue(today)
    return and_(
        col(PledgeRow.met_on).is_(None),
        (col(PledgeRow.due).is_(None)) | (col(PledgeRow.due) >= today),
    )
