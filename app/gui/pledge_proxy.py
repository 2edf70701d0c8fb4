"""The one proxy that sorts on raw values and filters by status, text, kind and due date.

It works in bulk, in Python lists, rather than row by row through Qt callbacks: with a
hundred thousand pledges a keystroke, a status chip or the midnight rollover re-filters in
milliseconds, and sorting is one call to sorted() on precomputed keys.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain import PledgeKind, PledgeRecord, Status, status_of
from app.gui.pledge_model import Column, PledgeTableModel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_Index = QModelIndex | QPersistentModelIndex
# A row's status is kept as its rank in the status order (overdue first): Status's own order.
_CODES = tuple(Status)
_NO_DUE = date.max.toordinal()


def _status_code(record: PledgeRecord, today: date) -> int:
    return status_of(record.pledge, today).rank


def _haystack(record: PledgeRecord) -> str:
    pledge = record.pledge
    return f"{pledge.actor}\n{pledge.action}\n{pledge.quote}\n{record.article_title}".casefold()


def _due(record: PledgeRecord) -> int:
    return record.pledge.due.toordinal() if record.pledge.due else _NO_DUE


class PledgeFilterProxy(QAbstractProxyModel):
    """Filters with typed setters and sorts on raw values; status counts follow the filters."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: Status | None = None
        self._words: list[str] = []
        self._kind: PledgeKind | None = None
        self._due_from: date | None = None
        self._due_to: date | None = None
        self._day: date | None = None
        self._actor: str | None = None
        self._article: int | None = None
        self._sort_column = Column.STATUS
        self._descending = False
        # per source row, in bulk: status codes, search text, due ordinals
        self._codes: list[int] = []
        self._hay: list[str] = []
        self._dues: list[int] = []
        self._order: list[int] = []  # every source row, sorted
        self._keys: list[Any] = []  # the sort key of each source row
        self._view: list[int] = []  # the source rows shown, in order
        self._where: list[int] = []  # source row -> proxy row, or -1
        self._matching: list[int] = []  # rows passing every filter but status
        self._gone: set[int] = set()  # dismissed rows: shown only in the dismissed view
        self._dismissed_view = False

    # --- the source model -------------------------------------------------------------------

    def setSourceModel(self, model: Any) -> None:
        """Attach the table model and follow its changes."""
        super().setSourceModel(model)
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        model.rowsInserted.connect(self._on_source_reset)
        model.rowsRemoved.connect(self._on_source_reset)
        self._on_source_reset()

    def pledges(self) -> PledgeTableModel:
        """The source model."""
        source = self.sourceModel()
        assert isinstance(source, PledgeTableModel)
        return source

    def _records(self) -> Sequence[PledgeRecord]:
        return self.pledges().rows()

    def _on_source_reset(self, *_: object) -> None:
        self.beginResetModel()
        records = self._records()
        self._hay = [_haystack(r) for r in records]
        self._dues = [_due(r) for r in records]
        self._codes = self._status_codes(records)
        self._gone = {row for row, r in enumerate(records) if r.pledge.dismissed}
        self._resort()
        self._refilter()
        self.endResetModel()

    def _on_source_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_: object) -> None:
        records = self._records()
        if bottom.row() - top.row() > 50:  # many rows (a new day): judge them all again
            self._codes = self._status_codes(records)
            self._relayout(resort=True)
            return
        moved = False
        today = self.pledges().today
        for row in range(top.row(), bottom.row() + 1):
            record = records[row]
            self._hay[row], self._dues[row] = _haystack(record), _due(record)
            self._codes[row] = _status_code(record, today)
            if record.pledge.dismissed:
                self._gone.add(row)
            else:
                self._gone.discard(row)
            moved |= self._place(row)
        visible_before = [self._where[row] >= 0 for row in range(top.row(), bottom.row() + 1)]
        if moved or visible_before != [
            self._accepts(r) for r in range(top.row(), bottom.row() + 1)
        ]:
            self._relayout(resort=False)
            return
        for row in range(top.row(), bottom.row() + 1):
            where = self._where[row]
            if where >= 0:
                self.dataChanged.emit(self.index(where, 0), self.index(where, len(Column) - 1))

    def _status_codes(self, records: Sequence[PledgeRecord]) -> list[int]:
        today = self.pledges().today
        return [_status_code(r, today) for r in records]

    # --- typed filters ----------------------------------------------------------------------

    @property
    def status(self) -> Status | None:
        """The status shown (None: all)."""
        return self._status

    def set_status(self, status: Status | None) -> None:
        """Show one status, or all with None."""
        self._status = status
        self._relayout(resort=False)

    def set_search(self, text: str) -> None:
        """Show pledges whose actor, action, quote or article holds every word typed."""
        words = text.casefold().split()
        narrower = bool(self._words) and all(
            any(new.startswith(old) or old in new for new in words) for old in self._words
        )
        self._words = words
        self._relayout(resort=False, within_matching=narrower)

    def set_kind(self, kind: PledgeKind | None) -> None:
        """Show one kind of pledge, or all with None."""
        self._kind = kind
        self._relayout(resort=False)

    def set_due_range(self, first: date | None, last: date | None) -> None:
        """Show pledges due between two days (inclusive); None leaves that side open."""
        self._due_from, self._due_to = first, last
        self._relayout(resort=False)

    def set_day(self, day: date | None) -> None:
        """Show pledges due on one day (the calendar's choice), or None for any."""
        self._day = day
        self._relayout(resort=False)

    @property
    def day(self) -> date | None:
        """The calendar day filtered to, if any."""
        return self._day

    def set_scope(self, *, actor: str | None = None, article: int | None = None) -> None:
        """Show one actor's or one article's pledges (Browse's choice: one at a time, the other
        None), or with both None everyone's in every article; the table is laid out once."""
        self._actor, self._article = actor, article
        self._relayout(resort=False)

    @property
    def actor(self) -> str | None:
        """The actor filtered to, if any."""
        return self._actor

    @property
    def article(self) -> int | None:
        """The article (its id) filtered to, if any."""
        return self._article

    def counts(self) -> dict[Status | None, int]:
        """How many pledges each status chip would show under the other filters (None: all)."""
        tally = [0] * len(_CODES)
        codes = self._codes
        for row in self._matching:
            tally[codes[row]] += 1
        return {None: len(self._matching), **dict(zip(_CODES, tally, strict=True))}

    def due_marks(self) -> dict[date, Counter[Status]]:
        """For the calendar: how many pledges of each status fall due on each day."""
        tallies: dict[int, list[int]] = {}
        for row, (due, code) in enumerate(zip(self._dues, self._codes, strict=True)):
            if due != _NO_DUE and row not in self._gone:
                tallies.setdefault(due, [0] * len(_CODES))[code] += 1
        return {
            date.fromordinal(due): Counter(dict(zip(_CODES, tally, strict=True)))
            for due, tally in tallies.items()
        }

    def total_counts(self) -> dict[Status, int]:
        """How many pledges (dismissed ones aside) have each status, whatever the filters."""
        counts = {status: self._codes.count(code) for code, status in enumerate(_CODES)}
        for row in self._gone:
            counts[_CODES[self._codes[row]]] -= 1
        return counts

    @property
    def dismissed(self) -> bool:
        """Whether the dismissed pledges are shown (and only they)."""
        return self._dismissed_view

    def set_dismissed_view(self, on: bool) -> None:
        """Show the dismissed pledges only (to restore one), or every other one."""
        self._dismissed_view = on
        self._relayout(resort=False)

    # --- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's raw value (dates as dates, overdue first), never its text."""
        self._sort_column = Column(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._relayout(resort=True)

    def _key_function(self) -> Callable[[int], Any]:
        """The raw sort value of a source row for the sort column."""
        records, column = self._records(), self._sort_column
        if column is Column.STATUS:
            codes, dues = self._codes, self._dues
            return lambda row: codes[row] * 10_000_000 + dues[row]
        if column is Column.DUE:
            return self._dues.__getitem__
        if column is Column.PUBLISHED:
            return lambda row: records[row].article_published.toordinal()
        model = self.pledges()
        return lambda row: model.text(records[row], column).casefold()

    def _resort(self) -> None:
        key = self._key_function()
        self._keys = [key(row) for row in range(len(self._records()))]
        # stable: rows with equal keys keep the store's order (by due date, then id)
        self._order = sorted(range(len(self._keys)), key=self._keys.__getitem__)

    def _place(self, row: int) -> bool:
        """Move one source row to where its new key sorts; whether it moved."""
        key = self._key_function()(row)
        if key == self._keys[row]:
            return False
        self._order.remove(row)
        self._keys[row] = key
        bisect.insort(self._order, row, key=self._keys.__getitem__)
        return True

    # --- filtering --------------------------------------------------------------------------

    def _accepts(self, row: int) -> bool:
        if self._status is not None and _CODES[self._codes[row]] is not self._status:
            return False
        return self._matches(row)

    def _matches(self, row: int) -> bool:
        """Every filter but status, for one row."""
        return bool(self._filtered([row]))

    def _filtered(self, rows: Sequence[int]) -> list[int]:
        """The rows passing every filter but status, each filter one pass over the survivors."""
        found = list(rows)
        records = self._records()
        gone = self._gone
        if self._dismissed_view:
            found = [r for r in found if r in gone]
        elif gone:
            found = [r for r in found if r not in gone]
        if self._kind is not None:
            kind = self._kind
            found = [r for r in found if records[r].pledge.kind == kind]
        if self._actor is not None:
            actor = self._actor
            found = [r for r in found if records[r].pledge.actor == actor]
        if self._article is not None:
            article = self._article
            found = [r for r in found if records[r].article_id == article]
        dues = self._dues
        if self._day is not None:
            day = self._day.toordinal()
            found = [r for r in found if dues[r] == day]
        if self._due_from is not None:
            first = self._due_from.toordinal()
            found = [r for r in found if first <= dues[r] != _NO_DUE]
        if self._due_to is not None:
            last = self._due_to.toordinal()
            found = [r for r in found if dues[r] <= last]
        hay = self._hay
        for word in self._words:
            found = [r for r in found if word in hay[r]]
        return found

    def _refilter(self, within_matching: bool = False) -> None:
        source = self._matching if within_matching else self._order
        self._matching = self._filtered(source)
        if self._status is None:
            view = self._matching
        else:
            code, codes = _CODES.index(self._status), self._codes
            view = [r for r in self._matching if codes[r] == code]
        self._view = view[::-1] if self._descending else list(view)
        self._where = [-1] * len(self._records())
        for position, row in enumerate(self._view):
            self._where[row] = position

    def _relayout(self, *, resort: bool, within_matching: bool = False) -> None:
        """Recompute what is shown, keeping the selection and current row on their pledges."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        rows = [self._view[i.row()] if 0 <= i.row() < len(self._view) else -1 for i in persistent]
        if resort:
            self._resort()
        self._refilter(within_matching=within_matching and not resort)
        moved = [
            self.index(self._where[row], old.column())
            if row >= 0 and self._where[row] >= 0
            else QModelIndex()
            for old, row in zip(persistent, rows, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- QAbstractProxyModel ----------------------------------------------------------------

    def mapToSource(self, proxy_index: _Index) -> QModelIndex:
        """The table model's cell behind a shown cell."""
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < len(self._view):
            return QModelIndex()
        return self.pledges().index(self._view[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: _Index) -> QModelIndex:
        """Where a table model cell is shown, if it is."""
        if not source_index.isValid() or not 0 <= source_index.row() < len(self._where):
            return QModelIndex()
        row = self._where[source_index.row()]
        return QModelIndex() if row < 0 else self.index(row, source_index.column())

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The shown cell at a row and column."""
        if parent.isValid() or not (0 <= row < len(self._view) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """A flat table: no cell has a parent."""
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """How many pledges are shown."""
        return 0 if parent.isValid() else len(self._view)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The table model's columns."""
        return self.pledges().columnCount(parent)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles come from the table model; rows have none."""
        if orientation == Qt.Orientation.Horizontal:
            return self.pledges().headerData(section, orientation, role)
        return None
