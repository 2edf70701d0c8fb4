"""Which pledges need a reminder now: "due soon" once, "overdue" once. Pure: takes `today`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

from app.domain.days import shift

if TYPE_CHECKING:
    from collections.abc import Iterable

DEFAULT_LEAD_DAYS = 2


class ReminderKind(StrEnum):
    """The two moments an analyst is told about."""

    DUE_SOON = "due soon"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the policy needs to know of an open pledge, and the reminders already sent for it."""

    pledge_id: int
    due: date | None
    met: bool = False
    dismissed: bool = False
    # (kind, due date it was sent for): a changed due date earns fresh reminders
    sent: frozenset[tuple[ReminderKind, date]] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder to give now."""

    pledge_id: int
    kind: ReminderKind
    due: date

    @property
    def detail(self) -> str:
        """How the reminder is written in the pledge's history: "overdue (due 2022-01-30)"."""
        return f"{self.kind.value} (due {self.due.isoformat()})"


def reminders_due(
    candidates: Iterable[Candidate], *, today: date, lead_days: int = DEFAULT_LEAD_DAYS
) -> list[Reminder]:
    """The reminders to give on `today`, none of them given before.

    Overdue once the due date has passed; due soon once it is within `lead_days`. A pledge
    that became overdue unnoticed gets only the overdue reminder. Met, dismissed and undated
    pledges get none.
    """
    found: list[Reminder] = []
    for candidate in candidates:
        due = candidate.due
        if due is None or candidate.met or candidate.dismissed:
            continue
        if today > due:
            if (ReminderKind.OVERDUE, due) not in candidate.sent:
                found.append(Reminder(candidate.pledge_id, ReminderKind.OVERDUE, due))
        elif (due - today).days <= lead_days:
            already = {(ReminderKind.DUE_SOON, due), (ReminderKind.OVERDUE, due)} & candidate.sent
            if not already:
                found.append(Reminder(candidate.pledge_id, ReminderKind.DUE_SOON, due))
    return found


def next_change(
    candidates: Iterable[Candidate], *, now: datetime, lead_days: int = DEFAULT_LEAD_DAYS
) -> datetime | None:
    """The next moment a reminder can fall due: the start of a lead window or of an overdue day."""
    moments = []
    for candidate in candidates:
        if candidate.due is None or candidate.met or candidate.dismissed:
            continue
        for day in (shift(candidate.due, -lead_days), shift(candidate.due, 1)):
            moment = datetime.combine(day, time.min, tzinfo=now.tzinfo)
            if moment > now:
                moments.append(moment)
    return min(moments, default=None)
