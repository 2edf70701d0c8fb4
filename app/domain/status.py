"""The status rule: whether a pledge is met, broken, overdue or pending on a given day."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from app.domain.models import Pledge


class Status(StrEnum):
    """Where a pledge stands on a given day."""

    PENDING = "pending"
    MET = "met"
    OVERDUE = "overdue"
    BROKEN = "broken"  # set only by the analyst (by hand or by accepting a suggestion)


OPEN = (Status.PENDING, Status.OVERDUE)
"""The statuses of a pledge still waiting to be kept."""


def status_of(pledge: Pledge, today: date) -> Status:
    """Met or broken if so marked; else overdue if its due date is before today; else pending."""
    return status_from_fields(
        met_on=pledge.met_on, due=pledge.due, today=today, broken_on=pledge.broken_on
    )


def status_from_fields(
    *, met_on: date | None, broken_on: date | None, due: date | None, today: date
) -> Status:
    """The status rule on the fields it depends on, for callers that hold no Pledge."""
    if met_on is not None:
        return Status.MET
    if broken_on is not None:
        return Status.BROKEN
    if due is not None and due < today:
        return Status.OVERDUE
    return Status.PENDING
