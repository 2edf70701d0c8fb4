"""A thin table model over immutable pledge records, with raw values for sorting and filtering."""

from __future__ import annotations

import html
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from app.domain import PledgeRecord, Status, status_of
from app.domain.wording import quoted, relative_due
from app.gui.qdates import shown_date
from app.gui.style import STATUS_COLOURS, STATUS_WORDS, status_icon

if TYPE_CHECKING:
    from collections.abc import Sequence

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
# Overdue first when sorted ascending on the status column; then by due date.
_NO_DATE = date.max.toordinal()


def plain_tooltip(text: str) -> str:
    """Tooltips render rich text; escaping keeps article text shown exactly as written."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class Column(IntEnum):
    """The table's columns, in display order."""

    STATUS = 0
    DUE = 1
    ACTOR = 2
    ACTION = 3
    KIND = 4
    RECIPIENT = 5
    ARTICLE = 6
    PUBLISHED = 7


HEADERS = {
    Column.STATUS: "Status",
    Column.DUE: "Due",
    Column.ACTOR: "Actor",
    Column.ACTION: "Pledge",
    Column.KIND: "Kind",
    Column.RECIPIENT: "Recipient",
    Column.ARTICLE: "Article",
    Column.PUBLISHED: "Published",
}
_TOOLTIPS = {
    Column.STATUS: "Tick the box (or press Space) when the pledge has been kept",
    Column.DUE: "The last day the deadline wording covers",
}


_TIPPED = (Column.ACTOR, Column.ACTION, Column.ARTICLE)


class PledgeTableModel(QAbstractTableModel):
    """Rows are PledgeRecords, judged on `today`; an edit replaces one row and repaints it only."""

    met_toggled = Signal(int, bool)
    """The user ticked (True) or unticked (False) the pledge with this id in the table."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PledgeRecord] = []
        self._row_of: dict[int, int] = {}
        self._today = today

    @property
    def today(self) -> date:
        """The day statuses are judged on."""
        return self._today

    def set_rows(self, rows: Sequence[PledgeRecord]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {record.id: row for row, record in enumerate(self._rows)}
        self.endResetModel()

    def replace(self, record: PledgeRecord) -> None:
        """Show a changed pledge (a dismissed one stays a row: the proxy hides it)."""
        row = self._row_of.get(record.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._row_of[record.id] = len(self._rows)
            self._rows.append(record)
            self.endInsertRows()
            return
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def set_today(self, today: date) -> None:
        """Re-judge statuses on a new day."""
        if today == self._today:
            return
        self._today = today
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def record(self, row: int) -> PledgeRecord:
        """The record shown in a row."""
        return self._rows[row]

    def records(self) -> list[PledgeRecord]:
        """Every record, in model order (a copy)."""
        return list(self._rows)

    def rows(self) -> Sequence[PledgeRecord]:
        """Every record, in model order, without copying (for bulk reading; do not change)."""
        return self._rows

    def text(self, record: PledgeRecord, column: Column) -> str:
        """A cell's display text."""
        return self._display(record, column)

    def row_of(self, pledge_id: int) -> int | None:
        """The row that shows a pledge, if it is in the table."""
        return self._row_of.get(pledge_id)

    def status(self, record: PledgeRecord) -> Status:
        """A record's status today."""
        return status_of(record.pledge, self._today)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of pledges (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles and their tooltips."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _TOOLTIPS.get(Column(section))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Every cell selectable; the status cell also checkable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.STATUS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Plain display text, status icon, colour and check box, and raw values for sorting."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SORT_ROLE:
            return self._sort_value(record, column)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole and column in _TIPPED:
            return plain_tooltip(self._tooltip(record, column))
        if column is Column.STATUS:
            status = self.status(record)
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(status)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(STATUS_COLOURS[status])
            if role == Qt.ItemDataRole.CheckStateRole:
                met = record.pledge.met_on is not None
                return Qt.CheckState.Checked if met else Qt.CheckState.Unchecked
        overdue_due = column is Column.DUE and self.status(record) is Status.OVERDUE
        if role == Qt.ItemDataRole.ForegroundRole and overdue_due:
            return QBrush(STATUS_COLOURS[Status.OVERDUE])
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on the check box asks for the pledge to be ticked off or unticked."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != Column.STATUS:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.met_toggled.emit(self._rows[index.row()].id, checked)
        return False  # the row changes when the change is saved, through replace()

    def _display(self, record: PledgeRecord, column: Column) -> str:
        pledge = record.pledge
        if column is Column.STATUS:
            return STATUS_WORDS[self.status(record)]
        if column is Column.DUE:
            words = relative_due(
                pledge.due,
                self._today,
                met_on=pledge.met_on,
                broken_on=pledge.broken_on,
                review=pledge.review,
                write_day=shown_date,
            )
            if pledge.due is None:
                return pledge.deadline_text or "—"
            return f"{shown_date(pledge.due)} · {words}"
        if column is Column.ACTOR:
            return pledge.actor
        if column is Column.ACTION:
            return pledge.action
        if column is Column.KIND:
            return pledge.kind.label
        if column is Column.RECIPIENT:
            return pledge.recipient or ""
        if column is Column.ARTICLE:
            return record.article_title
        return shown_date(record.article_published)

    def _tooltip(self, record: PledgeRecord, column: Column) -> str:
        if column is Column.ARTICLE:
            return f"{record.article_title}\npublished {shown_date(record.article_published)}"
        return f"{record.pledge.actor}: {record.pledge.action}\n\n{quoted(record.pledge.quote)}"

    def _sort_value(self, record: PledgeRecord, column: Column) -> Any:
        pledge = record.pledge
        due = pledge.due.toordinal() if pledge.due else _NO_DATE
        if column is Column.STATUS:
            return (self.status(record).rank, due, record.id)
        if column is Column.DUE:
            return (due, record.id)
        if column is Column.PUBLISHED:
            return (record.article_published.toordinal(), record.id)
        return (self._display(record, column).casefold(), record.id)
