"""The main window: the pledge table, loaded off the GUI thread, with a first-start sample."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView
from sqlalchemy import Engine

from app.domain import PledgeRecord, Status, status_of
from app.gui.pledge_model import SORT_ROLE, Column, PledgeTableModel
from app.gui.workers import Worker, start
from app.ingest import import_sample_if_empty
from app.store.engine import open_session
from app.store.queries import list_pledges

HINT = "Import more articles with: pledgewatch ingest FILE..."


def load_rows(engine: Engine, *, at: datetime, import_sample: bool) -> tuple[PledgeRecord, ...]:
    """Worker body: import the sample into an empty database if asked, then read every pledge."""
    if import_sample:
        import_sample_if_empty(engine, at=at)
    with open_session(engine) as session:
        return tuple(list_pledges(session=session, today=at.date()))


class MainWindow(QMainWindow):
    """Lists every pledge with its status; sorting on raw values, overdue first."""

    def __init__(self, engine: Engine, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._engine = engine
        self._today = today
        self.setWindowTitle("PledgeWatch")
        self.resize(1100, 600)

        self.model = PledgeTableModel(today(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.ACTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.STATUS, 90),
            (Column.DUE, 100),
            (Column.ACTOR, 180),
            (Column.KIND, 100),
            (Column.ARTICLE, 260),
            (Column.PUBLISHED, 95),
        ):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(Column.STATUS, Qt.SortOrder.AscendingOrder)
        self.setCentralWidget(self.table)
        self._summary = QLabel("Loading pledges…")
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self._summary)

    def refresh(self, *, import_sample: bool = False) -> Worker:
        """Reload the pledges off the GUI thread; returns the worker so callers can wait on it."""
        worker = Worker(
            lambda: load_rows(self._engine, at=datetime.now(UTC), import_sample=import_sample)
        )
        worker.signals.result.connect(self._on_loader_result)
        worker.signals.error.connect(self._on_loader_error)
        start(worker)
        return worker

    def summary_text(self) -> str:
        """The status bar's summary line: counts by status and a hint."""
        return self._summary.text()

    def _on_loader_result(self, rows: tuple[PledgeRecord, ...]) -> None:
        today = self._today()
        self.model.set_today(today)
        self.model.set_rows(rows)
        counts = {s: 0 for s in Status}
        for record in rows:
            counts[status_of(record.pledge, today)] += 1
        self._summary.setText(
            f"{len(rows)} pledges: {counts[Status.OVERDUE]} overdue, "
            f"{counts[Status.PENDING]} pending, {counts[Status.MET]} met.  {HINT}"
        )

    def _on_loader_error(self, message: str) -> None:
        self._summary.setText(f"Could not load pledges: {message}")
