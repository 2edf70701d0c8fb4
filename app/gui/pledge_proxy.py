"""The one proxy that sorts on raw values and filters by status, text, kind and due date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from app.domain import PledgeKind, PledgeRecord, Status
from app.gui.pledge_model import SORT_ROLE, PledgeTableModel

_Index = QModelIndex | QPersistentModelIndex


class PledgeFilterProxy(QSortFilterProxyModel):
    """Filters with typed setters; status counts are live for the other filters in force."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: Status | None = None
        self._words: list[str] = []
        self._kind: PledgeKind | None = None
        self._due_from: date | None = None
        self._due_to: date | None = None
        self._day: date | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def pledges(self) -> PledgeTableModel:
        """The source model."""
        source = self.sourceModel()
        assert isinstance(source, PledgeTableModel)
        return source

    def set_status(self, status: Status | None) -> None:
        """Show one status, or all with None."""
        self.beginFilterChange()
        self._status = status
        self._rows_changed()

    def set_search(self, text: str) -> None:
        """Show pledges whose actor, action, quote or article holds every word typed."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self._rows_changed()

    def set_kind(self, kind: PledgeKind | None) -> None:
        """Show one kind of pledge, or all with None."""
        self.beginFilterChange()
        self._kind = kind
        self._rows_changed()

    def set_due_range(self, first: date | None, last: date | None) -> None:
        """Show pledges due between two days (inclusive); None leaves that side open."""
        self.beginFilterChange()
        self._due_from, self._due_to = first, last
        self._rows_changed()

    def set_day(self, day: date | None) -> None:
        """Show pledges due on one day (the calendar's choice), or None for any."""
        self.beginFilterChange()
        self._day = day
        self._rows_changed()

    def refilter(self) -> None:
        """Judge every row again (statuses change at midnight)."""
        self.beginFilterChange()
        self._rows_changed()

    def _rows_changed(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def day(self) -> date | None:
        """The calendar day filtered to, if any."""
        return self._day

    def counts(self) -> dict[Status | None, int]:
        """How many pledges each status chip would show under the other filters (None: all)."""
        counts: dict[Status | None, int] = {None: 0, **{s: 0 for s in Status}}
        model = self.pledges()
        for row in range(model.rowCount()):
            record = model.record(row)
            if self._matches(record):
                counts[None] += 1
                counts[model.status(record)] += 1
        return counts

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Whether a pledge passes every filter in force."""
        model = self.pledges()
        record = model.record(source_row)
        if self._status is not None and model.status(record) is not self._status:
            return False
        return self._matches(record)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        """Compare the raw values under SORT_ROLE, never the display text."""
        a: Any = left.data(SORT_ROLE)
        b: Any = right.data(SORT_ROLE)
        return bool(a < b)

    def _matches(self, record: PledgeRecord) -> bool:
        """Every filter but status."""
        pledge = record.pledge
        if self._kind is not None and pledge.kind is not self._kind:
            return False
        if self._day is not None and pledge.due != self._day:
            return False
        if self._due_from is not None and (pledge.due is None or pledge.due < self._due_from):
            return False
        if self._due_to is not None and (pledge.due is None or pledge.due > self._due_to):
            return False
        if self._words:
            haystack = " ".join(
                (pledge.actor, pledge.action, pledge.quote, record.article_title)
            ).casefold()
            return all(word in haystack for word in self._words)
        return True
