"""The status rule, in one place: whether a pledge is met, broken, to review, overdue or pending.

The rule is a table (RULE): the first clause that holds names the status, else PENDING. Every
form of it is made from that table: `status_of` here (compiled once into plain Python, for
speed over 100,000 rows), the SQL CASE and WHERE clauses (app/store/status_sql.py), and the
order the views sort and count by (Status's own order). One hand-written truth table checks
every form (tests/gui/test_status_everywhere.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from app.domain.records import Pledge


class Status(StrEnum):
    """Where a pledge stands on a given day, in the order the views show them (overdue first)."""

    OVERDUE = "overdue"
    PENDING = "pending"
    REVIEW = "review"  # found with less confidence: the analyst confirms or dismisses it
    MET = "met"
    BROKEN = "broken"  # set only by the analyst (by hand or by accepting a suggestion)

    @property
    def rank(self) -> int:
        """The status's place in the views' order: 0 for overdue."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """How the status reads in the views: "Overdue", "To review"."""
        return "To review" if self is Status.REVIEW else self.value.capitalize()


_RANKS = {status: rank for rank, status in enumerate(Status)}

Test = Literal["set", "true", "before_today"]


@dataclass(frozen=True, slots=True)
class Clause:
    """One line of the rule: a status, and the test on a pledge field that gives it."""

    status: Status
    field: str
    test: Test


RULE: tuple[Clause, ...] = (
    Clause(Status.MET, "met_on", "set"),
    Clause(Status.BROKEN, "broken_on", "set"),
    Clause(Status.REVIEW, "review", "true"),
    Clause(Status.OVERDUE, "due", "before_today"),
)
"""The status rule: the first clause whose test holds names the status."""
OTHERWISE = Status.PENDING
"""The status when no clause holds."""

OPEN = (Status.PENDING, Status.OVERDUE)
"""The statuses of a tracked pledge still waiting to be kept."""


def _compile(rule: tuple[Clause, ...]) -> Callable[[Pledge, date], Status]:
    """Turn the rule into one plain function (a loop over the table is 6x slower)."""
    tests = {
        "set": "pledge.{field} is not None",
        "true": "pledge.{field}",
        "before_today": "pledge.{field} is not None and pledge.{field} < today",
    }
    lines = ["def status_of(pledge, today):"]
    for clause in rule:
        condition = tests[clause.test].format(field=clause.field)
        lines.append(f"    if {condition}:\n        return Status.{clause.status.name}")
    lines.append(f"    return Status.{OTHERWISE.name}")
    namespace: dict[str, object] = {"Status": Status}
    exec("\n".join(lines), namespace)  # the source is made above from the table, nothing else
    compiled = namespace["status_of"]
    assert callable(compiled)
    return compiled


status_of: Callable[[Pledge, date], Status] = _compile(RULE)
"""Where a pledge stands on `today`, by the rule: met, broken, to review, overdue, pending."""
