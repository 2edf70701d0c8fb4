"""A thin table model over immutable pledge records, with raw values for sorting."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain import PledgeRecord, Status, status_of

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    Status.OVERDUE: QColor("#c62828"),
    Status.PENDING: QColor("#ef6c00"),
    Status.MET: QColor("#2e7d32"),
}
# Overdue first when sorted ascending on the status column.
_STATUS_ORDER = {Status.OVERDUE: 0, Status.PENDING: 1, Status.MET: 2}


class Column(IntEnum):
    """The table's columns, in display order."""

    STATUS = 0
    DUE = 1
    ACTOR = 2
    ACTION = 3
    KIND = 4
    ARTICLE = 5
    PUBLISHED = 6


_HEADERS = {
    Column.STATUS: "Status",
    Column.DUE: "Due",
    Column.ACTOR: "Actor",
    Column.ACTION: "Pledge",
    Column.KIND: "Kind",
    Column.ARTICLE: "Article",
    Column.PUBLISHED: "Published",
}


class PledgeTableModel(QAbstractTableModel):
    """Rows are PledgeRecords; statuses are judged on `today`, which the window sets."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PledgeRecord, ...] = ()
        self._today = today

    def set_rows(self, rows: tuple[PledgeRecord, ...]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_today(self, today: date) -> None:
        """Re-judge statuses on a new day."""
        self._today = today
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def record(self, row: int) -> PledgeRecord:
        """The record shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of pledges (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _HEADERS[Column(section)]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text (always plain), status colour and raw sort values."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_value(record, column)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return QBrush(STATUS_COLOURS[status_of(record.pledge, self._today)])
        return None

    def _display(self, record: PledgeRecord, column: Column) -> str:
        pledge = record.pledge
        if column is Column.STATUS:
            return status_of(pledge, self._today).value.capitalize()
        if column is Column.DUE:
            return pledge.due.isoformat() if pledge.due else (pledge.deadline_text or "—")
        if column is Column.ACTOR:
            return pledge.actor
        if column is Column.ACTION:
            return pledge.action
        if column is Column.KIND:
            return pledge.kind.value
        if column is Column.ARTICLE:
            return record.article_title
        return record.article_published.isoformat()

    def _sort_value(self, record: PledgeRecord, column: Column) -> Any:
        pledge = record.pledge
        if column is Column.STATUS:
            return _STATUS_ORDER[status_of(pledge, self._today)]
        if column is Column.DUE:
            return (pledge.due or date.max).toordinal()
        if column is Column.PUBLISHED:
            return record.article_published.toordinal()
        return self._display(record, column).casefold()
