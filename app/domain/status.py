"""The status rule: whether a pledge is met, overdue or pending on a given day."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from app.domain.models import Pledge


class Status(StrEnum):
    """Where a pledge stands on a given day."""

    PENDING = "pending"
    MET = "met"
    OVERDUE = "overdue"


def status_of(pledge: Pledge, today: date) -> Status:
    """Met if ticked off; else overdue if its due date is before today; else pending."""
    return status_from_fields(met_on=pledge.met_on, due=pledge.due, today=today)


def status_from_fields(*, met_on: date | None, due: date | None, today: date) -> Status:
    """The status rule on the two fields it depends on, for callers that hold no Pledge."""
    if met_on is not None:
        return Status.MET
    if due is not None and due < today:
        return Status.OVERDUE
    return Status.PENDING
