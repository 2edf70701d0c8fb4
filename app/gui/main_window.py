"""The main window: the pledge board, with its filters, details, calendar and suggestions.

Each job of the window lives in a part of its own (a mixin): the board's database round trips
(board_data.py), commands on the selected pledges (pledge_commands.py), the action table and
menus (window_actions.py), imports, exports, feeds and the window's remembered state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import PledgeRecord, Status
from app.gui.banner import ReminderBanner
from app.gui.board_data import BoardData
from app.gui.browsing import Browsing
from app.gui.calendar_view import DueCalendar
from app.gui.clock import DayClock
from app.gui.database import Database
from app.gui.detail_pane import DetailPane
from app.gui.exporting import Exporting
from app.gui.feeding import Feeding
from app.gui.filter_bar import FilterBar
from app.gui.importing import Importing
from app.gui.pledge_actions import PledgeActions
from app.gui.pledge_column import SpareWidthToColumn
from app.gui.pledge_commands import PledgeCommands
from app.gui.pledge_model import RECORD_ROLE, Column, PledgeTableModel
from app.gui.pledge_proxy import PledgeFilterProxy
from app.gui.reminder_service import KEEP_IN_TRAY_KEY, ReminderService
from app.gui.staying_current import StayingCurrent
from app.gui.suggestions_pane import SuggestionsPane
from app.gui.window_actions import WindowActions
from app.gui.window_state import WindowState

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from PySide6.QtGui import QCloseEvent
    from sqlalchemy import Engine

    from app.gui.feeds_dialog import FeedsDialog
    from app.gui.import_worker import ImportSummary, ImportWorker
    from app.gui.workers import Worker

HINT = "Import more: Ctrl+O, drop files here, or paste (Ctrl+Shift+V)."
_COLUMN_WIDTHS = {
    Column.STATUS: 118,  # 'To review' with its icon and box
    Column.DUE: 205,
    Column.ACTOR: 140,
    Column.ACTION: 280,
    Column.KIND: 90,
    Column.RECIPIENT: 130,
    Column.ARTICLE: 240,
    Column.PUBLISHED: 92,
}


class MainWindow(
    BoardData, PledgeCommands, WindowActions, Importing, Exporting, Feeding, WindowState,
    StayingCurrent, Browsing, QMainWindow,
):  # fmt: skip
    """The pledge board that analysts keep open all day."""

    loaded = Signal()
    """The pledges have been read from the database and are on screen."""
    import_finished = Signal(object)
    """An import ended; carries its ImportSummary."""
    detail_shown = Signal(int)
    """The detail pane shows this pledge in full (its article and history read)."""

    def __init__(
        self,
        engine: Engine | str | None,
        *,
        clock: DayClock | None = None,
        settings: QSettings | None = None,
        remember: bool = True,
        reminders: bool = True,
    ) -> None:
        super().__init__()
        # An Engine, or a path or URL to open off the GUI thread at the first refresh().
        self.database = Database(engine)
        self.clock = clock or DayClock(parent=self)
        self._settings = settings or QSettings()
        self._remember = remember
        self._quitting = False
        self._import: ImportWorker | None = None
        self._feed_poll: Worker | None = None
        self.judging: Worker | None = None  # the suggestion being accepted or rejected
        self._feeds_dialog: FeedsDialog | None = None
        self._feed_timer = QTimer(self)
        self._feed_timer.timeout.connect(self.poll_feeds)
        self._loader: Worker | None = None
        self._painted = False  # a load asked for before the first paint waits for it
        self._held_loader: Worker | None = None
        self.last_summary: ImportSummary | None = None
        self.last_error: str | None = None
        self.setWindowTitle("PledgeWatch")
        self.setAcceptDrops(True)
        self.resize(1240, 760)

        today = self.clock.today()
        self.model = PledgeTableModel(today, self)
        self.proxy = PledgeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.undo_stack = QUndoStack(self)
        self.pledge_actions = PledgeActions(self.database, self.undo_stack, self)
        self.pledge_actions.saved.connect(self._on_record_saved)
        self.pledge_actions.failed.connect(self.report)
        self.pledge_actions.done.connect(self._on_pledge_actions_done)
        self.filters = FilterBar(today)
        self.table = self._make_table()
        # (the table's frame, not its viewport: wrapping the viewport costs the start ~6 ms)
        self.table.installEventFilter(self)
        self.detail = DetailPane()
        self.calendar = DueCalendar()
        self.suggestions = SuggestionsPane()
        self.banner = ReminderBanner()
        self.reminders = (
            ReminderService(self.database, self.clock, self._settings, self) if reminders else None
        )
        self._build_layout()
        self._build_browsing()
        self.build_actions()
        self._build_status_bar()
        self._count_selection()
        self._connect()
        self._restore_settings()
        self._start_watching()
        self.clock.start()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self._pledge_width = SpareWidthToColumn(table, Column.ACTION)
        for column, width in _COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.sortByColumn(Column.STATUS, Qt.SortOrder.AscendingOrder)
        return table

    def _build_layout(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, stretch=1)
        self.setCentralWidget(central)
        self.detail_dock = QDockWidget("Details", self)
        self.detail_dock.setObjectName("details")
        self.detail_dock.setWidget(self.detail)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        self.calendar_dock = QDockWidget("Calendar", self)
        self.calendar_dock.setObjectName("calendar")
        self.calendar_dock.setWidget(self.calendar)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.calendar_dock)
        self.suggestions_dock = QDockWidget("Suggestions", self)
        self.suggestions_dock.setObjectName("suggestions")
        self.suggestions_dock.setWidget(self.suggestions)
        self.tabifyDockWidget(self.calendar_dock, self.suggestions_dock)
        self.calendar_dock.raise_()
        self.resizeDocks([self.detail_dock], [400], Qt.Orientation.Horizontal)
        # Most of the column goes to the details, so their fields are never squeezed; the calendar
        # or the suggestions below get the rest (a whole month still shows).
        column = [self.detail_dock, self.calendar_dock]
        self.resizeDocks(column, [500, 260], Qt.Orientation.Vertical)

    def _build_status_bar(self) -> None:
        self.summary = QLabel("Loading pledges…")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("%v of %m")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop importing after the current file")
        self.cancel_button.clicked.connect(self.cancel_import)
        bar = self.statusBar()
        bar.addWidget(self.summary, stretch=1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _connect(self) -> None:
        self.filters.status_chosen.connect(self.proxy.set_status)
        self.filters.search_changed.connect(self.proxy.set_search)
        self.filters.kind_chosen.connect(self.proxy.set_kind)
        self.filters.due_range_changed.connect(self.proxy.set_due_range)
        self.filters.day_cleared.connect(self.show_every_day)
        self.calendar.day_chosen.connect(self.show_day)
        self.suggestions.count_changed.connect(self._on_suggestions_count_changed)
        self.suggestions.judged.connect(self.judge_suggestion)
        for signal in (
            self.filters.search_changed,
            self.filters.kind_chosen,
            self.filters.due_range_changed,
            self.filters.status_chosen,
        ):
            signal.connect(self._update_counts)
        model = self.model
        for changed in (model.modelReset, model.dataChanged, model.rowsRemoved, model.rowsInserted):
            changed.connect(self._on_model_changed)
        self.model.met_toggled.connect(self._on_model_met_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self.open_detail)
        self.detail.action_requested.connect(self._on_detail_action_requested)
        self.clock.day_changed.connect(self._on_clock_day_changed)
        self.banner.show_clicked.connect(self.show_reminded)
        if self.reminders is not None:
            self.reminders.show_requested.connect(self.show_reminded)
            self.reminders.quit_requested.connect(self.quit)

    def reload(self) -> None:
        """F5: read the pledges again (another program may have changed them)."""
        self.refresh()

    def show_every_day(self) -> None:
        """Remove the calendar's one-day filter."""
        self.show_day(None)

    def _on_suggestions_count_changed(self, count: int) -> None:
        self.suggestions_dock.setWindowTitle(f"Suggestions ({count})" if count else "Suggestions")
        if count:
            self.suggestions_dock.raise_()

    def _on_detail_action_requested(self, name: str) -> None:
        self.action_of[name].trigger()

    def _on_model_changed(self, *_: object) -> None:
        self._update_counts()
        self.calendar.set_marks(self.proxy.due_marks())

    def _update_counts(self, *_: object) -> None:
        counts = self.proxy.counts()
        if self.reminders is not None:
            self.reminders.set_overdue_count(self.proxy.total_counts()[Status.OVERDUE])
        self.filters.set_counts(counts)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        showing = f"{shown} of {total} pledges shown" if shown != total else f"{total} pledges"
        broken = f", {counts[Status.BROKEN]} broken" if counts[Status.BROKEN] else ""
        review = f", {counts[Status.REVIEW]} to review" if counts[Status.REVIEW] else ""
        self.summary.setText(
            f"{showing} · {counts[Status.OVERDUE]} overdue, {counts[Status.PENDING]} pending, "
            f"{counts[Status.MET]} met{broken}{review}.   {HINT}"
        )

    def current_record(self) -> PledgeRecord | None:
        """The pledge selected in the table."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        record = index.siblingAtColumn(0).data(RECORD_ROLE)
        return record if isinstance(record, PledgeRecord) else None

    def select_pledge(self, pledge_id: int) -> bool:
        """Select a pledge's row if it is shown."""
        row = self.model.row_of(pledge_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_record_saved(self, record: PledgeRecord) -> None:
        chosen = self.current_record()
        self.model.replace(record)  # a dismissed pledge leaves: the table is laid out anew
        if chosen is not None and self.current_record() is None:
            self.select_pledge(chosen.id)  # the selection stays on the pledge it was on
        self._reread_suggestions()  # decided, or reopened: its suggestions go or come back
        current = self.current_record()
        if current is not None and current.id == record.id:
            self._on_table_current_changed(self.table.currentIndex(), QModelIndex())

    def open_detail(self, *_: object) -> None:
        """Show the detail pane for the selected pledge and move the focus there;
        in To review, Enter confirms instead."""
        if self.proxy.status is Status.REVIEW:
            self.confirm_current()
            return
        self.detail_dock.show()
        self.detail_dock.raise_()
        self.detail.mark_button.setFocus()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def show_day(self, day: date | None) -> None:
        """Filter the table to the pledges due on one day (None: every day)."""
        self.proxy.set_day(day)
        self.filters.show_day(day)
        self._update_counts()

    def report(self, message: str, retry: Callable[[], object] | None = None) -> None:
        """Say what went wrong; with `retry`, offer to try again."""
        self.last_error = message
        self.statusBar().showMessage(message.splitlines()[0], 10_000)
        buttons = QMessageBox.StandardButton.Ok
        if retry is not None:
            buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Warning, "PledgeWatch", message, buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if retry is not None:
            box.setDefaultButton(QMessageBox.StandardButton.Retry)
            box.button(QMessageBox.StandardButton.Retry).clicked.connect(retry)
        box.open()

    def _on_pledge_actions_done(self, words: str) -> None:
        self.statusBar().showMessage(words, 10_000)

    def _on_clock_day_changed(self, today: date) -> None:
        """A new day: statuses are judged again, without a restart."""
        self.model.set_today(today)  # the proxy judges every row again
        record = self.current_record()
        if record is not None:
            self._on_table_current_changed(self.table.currentIndex(), QModelIndex())

    def show_reminded(self, target: object) -> None:
        """Bring the window forward on what a reminder is about: a pledge, or a status."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if isinstance(target, int):
            if not self.select_pledge(target):
                self.clear_filters()
                self.select_pledge(target)
        elif isinstance(target, Status):
            self.show_day(None)
            self.filters.choose_status(target)

    def quit(self) -> None:
        """File > Exit (and the tray's Quit): close for good, even when the tray would keep us."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout; keep running in the tray if asked; else stop any import."""
        if self._remember:
            self.save_settings()
        keep = self._settings.value(KEEP_IN_TRAY_KEY, False) in (True, "true")
        if keep and not self._quitting and self.reminders is not None and self.reminders.has_tray:
            QApplication.setQuitOnLastWindowClosed(False)
            self.hide()
            event.ignore()
            return
        if self._import is not None:
            self._import.cancel()
        self.watcher.stop()  # a closed window no longer asks the database for changes
        self.pledge_actions.wait()  # a change asked for is stored before the window goes
        super().closeEvent(event)
