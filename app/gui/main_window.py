"""The main window: the pledge board, its filters, detail pane, calendar, menus and imports."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain import PledgeRecord, Status, Suggestion
from app.domain.errors import PledgeWatchError
from app.gui.banner import ReminderBanner
from app.gui.calendar_view import DueCalendar
from app.gui.clock import DayClock
from app.gui.database import Database
from app.gui.detail_pane import DetailPane
from app.gui.filter_bar import FilterBar
from app.gui.pledge_actions import PledgeActions
from app.gui.pledge_model import HEADERS, RECORD_ROLE, Column, PledgeTableModel
from app.gui.pledge_proxy import PledgeFilterProxy
from app.gui.qdates import to_qdate
from app.gui.reminder_service import KEEP_IN_TRAY_KEY, LEAD_DAYS_KEY, ReminderService, lead_days
from app.gui.suggestions_pane import SuggestionsPane
from app.gui.workers import Worker, start

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Engine

    from app.feeds import PollReport
    from app.gui.dialogs import MetAnswer
    from app.gui.feeds_dialog import FeedsDialog
    from app.gui.import_worker import ImportJob, ImportSummary, ImportWorker

FEED_MINUTES_KEY = "feeds/interval_minutes"
_FIRST_PAINT_WAIT_MS = 400  # a load held for the first paint starts by then in any case
HINT = (
    "Import more: File › Import articles (Ctrl+O), drop .txt files here, or paste (Ctrl+Shift+V)."
)
_COLUMN_WIDTHS = {
    Column.STATUS: 104,
    Column.DUE: 205,
    Column.ACTOR: 140,
    Column.ACTION: 280,
    Column.KIND: 90,
    Column.RECIPIENT: 130,
    Column.ARTICLE: 240,
    Column.PUBLISHED: 92,
}
# On a screen narrower than this, these columns start hidden (View > Columns shows them).
_WIDE_SCREEN = 1600
_HIDDEN_ON_NARROW = (Column.KIND, Column.RECIPIENT, Column.PUBLISHED)
_NARROW_WIDTHS = {Column.DUE: 190, Column.ACTOR: 130, Column.ACTION: 240}


def judge_suggestion(engine: Engine, suggestion_id: int, *, accept: bool) -> Suggestion:
    """Worker body: accept (the pledge marked as reported) or reject one suggestion."""
    from app.store.engine import open_session
    from app.store.suggestion_queries import accept_suggestion, reject_suggestion

    with open_session(engine) as session:
        if accept:
            return accept_suggestion(
                session=session, suggestion_id=suggestion_id, at=datetime.now(UTC)
            )
        return reject_suggestion(session=session, suggestion_id=suggestion_id)


def load_rows(
    target: Engine | str | None, *, at: datetime, import_sample: bool
) -> tuple[Engine, tuple[PledgeRecord, ...], list[Suggestion]]:
    """Worker body: open the database if need be, import the sample into an empty one if asked,
    then read every pledge. The heavy imports happen here, off the GUI thread, after the window
    is on screen."""
    from app.ingest import import_sample_if_empty
    from app.store.engine import make_engine
    from app.store.queries import list_pledges
    from app.store.suggestion_queries import list_suggestions

    engine = make_engine(target) if target is None or isinstance(target, str) else target
    if import_sample:
        import_sample_if_empty(engine, at=at)
    with engine.connect() as connection:
        rows = tuple(list_pledges(session=connection, today=at.date()))
        return engine, rows, list_suggestions(session=connection)


class MainWindow(QMainWindow):
    """The pledge board that analysts keep open all day."""

    loaded = Signal()
    """The pledges have been read from the database and are on screen."""
    import_finished = Signal(object)
    """An import ended; carries its ImportSummary."""

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
        self.pledge_actions.failed.connect(self._report)
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
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self.clock.start()

    # --- building ---------------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
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

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.import_action = self._action(
            "&Import articles…", self.choose_files, "Ctrl+O", "Import one or more .txt articles"
        )
        self.paste_action = self._action(
            "&Paste article…", self.paste_article, "Ctrl+Shift+V", "Paste an article's text"
        )
        self.url_action = self._action(
            "Import from &web address…",
            self.import_web_address,
            "Ctrl+L",
            "Fetch an article's page (or PDF) and import it",
        )
        file_menu.addActions([self.import_action, self.url_action, self.paste_action])
        file_menu.addAction(
            self._action(
                "&Feeds…", self.edit_feeds, "Ctrl+Shift+F", "Subscribe to RSS and Atom feeds"
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                "&Export…", self.export, "Ctrl+E", "Save pledges as CSV, iCalendar or JSON"
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("E&xit", self.quit, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        # These keys belong to the table: Space in the search box must still type a space.
        self.toggle_action = self._action(
            "Toggle &met",
            self.toggle_met_current,
            "Space",
            "Tick the selected pledge off, or untick it",
        )
        self.dismiss_action = self._action(
            "&Dismiss",
            self.dismiss_current,
            "Delete",
            "Not a pledge: hide it (undo brings it back)",
        )
        self.open_action = self._action(
            "&Open details", self.open_detail, "Return", "Show the selected pledge in full"
        )
        self.confirm_action = self._action(
            "&Confirm as a pledge",
            self.confirm_current,
            "Ctrl+Return",
            "The pledge found with less confidence is one: track it (in To review: Enter)",
        )
        for action in (self.toggle_action, self.dismiss_action, self.open_action,
                       self.confirm_action):  # fmt: skip
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
        self.open_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.broken_action = self._action(
            "Mark &broken…",
            self.mark_broken_current,
            "Ctrl+B",
            "Record that the selected pledge was broken: withdrawn, refused or cancelled",
        )
        edit_menu.addActions(
            [self.toggle_action, self.broken_action, self.confirm_action, self.dismiss_action,
             self.open_action]
        )  # fmt: skip
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action("&Find…", self.focus_search, QKeySequence.StandardKey.Find)
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Preferences…", self.edit_preferences, "Ctrl+,"))

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.detail_dock.toggleViewAction())
        view_menu.addAction(self.calendar_dock.toggleViewAction())
        view_menu.addAction(self.suggestions_dock.toggleViewAction())
        self.columns_menu = view_menu.addMenu("&Columns")
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        view_menu.addSeparator()
        view_menu.addAction(self._action("&Show all pledges", self.clear_filters, "Ctrl+Shift+A"))
        view_menu.addAction(self._action("&Reload", self.reload, "F5"))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About PledgeWatch", self.show_about))

    def _on_column_action_toggled(self, shown: bool) -> None:
        action = self.sender()
        assert isinstance(action, QAction)
        self.table.horizontalHeader().setSectionHidden(int(action.data()), not shown)

    def reload(self) -> None:
        """F5: read the pledges again (another program may have changed them)."""
        self.refresh()

    def show_every_day(self) -> None:
        """Remove the calendar's one-day filter."""
        self.show_day(None)

    def _on_table_context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        record = self.current_record()
        if record is not None:
            menu = self.row_menu(record)
            menu.exec(self.table.viewport().mapToGlobal(point))
            menu.deleteLater()

    def row_menu(self, record: PledgeRecord) -> QMenu:
        """What a right click on a pledge offers: the verdicts, a correction, dismissal."""
        menu = QMenu(self)
        menu.addAction("Mark &met…", self.mark_met_current)
        menu.addAction(self.broken_action)
        unmark = menu.addAction("&Unmark", self._unmark_current)
        unmark.setEnabled(bool(record.pledge.met_on or record.pledge.broken_on))
        menu.addSeparator()
        menu.addAction("&Edit…", self.edit_current)
        confirm = menu.addAction("&Confirm as a pledge", self.confirm_current)
        confirm.setEnabled(record.pledge.review)
        menu.addAction(self.dismiss_action)
        return menu

    def _on_header_context_menu(self, point: QPoint) -> None:
        self._fill_columns_menu()
        self.columns_menu.exec(self.table.horizontalHeader().mapToGlobal(point))

    def _fill_columns_menu(self) -> None:
        """One check item per column: show or hide it."""
        self.columns_menu.clear()
        header = self.table.horizontalHeader()
        for column in Column:
            action = self.columns_menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column not in (Column.STATUS, Column.ACTION))
            action.setData(int(column))
            action.toggled.connect(self._on_column_action_toggled)

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
        self.suggestions.accept_requested.connect(self.accept_suggestion)
        self.suggestions.reject_requested.connect(self.reject_suggestion)
        for signal in (
            self.filters.search_changed,
            self.filters.kind_chosen,
            self.filters.due_range_changed,
            self.filters.status_chosen,
        ):
            signal.connect(self._update_counts)
        self.model.modelReset.connect(self._on_model_changed)
        self.model.dataChanged.connect(self._on_model_changed)
        self.model.rowsRemoved.connect(self._on_model_changed)
        self.model.rowsInserted.connect(self._on_model_changed)
        self.model.met_toggled.connect(self._on_model_met_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self.open_detail)
        self.detail.mark_met_requested.connect(self.mark_met_current)
        self.detail.unmark_requested.connect(self._unmark_current)
        self.detail.mark_broken_requested.connect(self.mark_broken_current)
        self.detail.edit_requested.connect(self.edit_current)
        self.detail.dismiss_requested.connect(self.dismiss_current)
        self.clock.day_changed.connect(self._on_clock_day_changed)
        self.banner.show_clicked.connect(self.show_reminded)
        if self.reminders is not None:
            self.reminders.banner_requested.connect(self.banner.announce)
            self.reminders.show_requested.connect(self.show_reminded)
            self.reminders.quit_requested.connect(self.quit)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self, *, import_sample: bool = False) -> Worker:
        """Reload the pledges off the GUI thread; returns the worker so callers can wait on it."""
        today = self.clock.today()
        at = datetime.combine(today, datetime.now().time()).astimezone(UTC)
        target = self.database.engine or self.database.target  # no reference to the window
        worker = Worker(lambda: load_rows(target, at=at, import_sample=import_sample))
        worker.signals.result.connect(self._on_loader_result)
        worker.signals.error.connect(self._on_loader_error)
        if import_sample:
            self.summary.setText("Loading pledges (on first start, importing the sample)…")
        self._loader = worker
        if self.isVisible() and not self._painted:
            # Loading imports SQLAlchemy; on the GUI thread's heels it would hold the GIL while
            # the window paints for the first time, so it starts once the window is on screen.
            self._held_loader = worker
            QTimer.singleShot(_FIRST_PAINT_WAIT_MS, self._start_held_loader)  # no paint seen?
        else:
            start(worker)
        return worker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notice the first paint of the table, then start a load that waited for it."""
        if event.type() == QEvent.Type.Paint and watched is self.table:
            watched.removeEventFilter(self)
            self._painted = True
            QTimer.singleShot(0, self._start_held_loader)
        return super().eventFilter(watched, event)

    def _start_held_loader(self) -> None:
        self._painted = True  # held once at most: later loads start at once
        worker, self._held_loader = self._held_loader, None
        if worker is not None:
            start(worker)

    def _on_loader_result(
        self, result: tuple[Engine, tuple[PledgeRecord, ...], list[Suggestion]]
    ) -> None:
        engine, rows, suggestions = result
        self.suggestions.show_suggestions(suggestions)
        if self.database.engine is None:
            self.database.engine = engine
            self._plan_feed_polls()
        current = self.detail.record
        self.model.set_rows(rows)
        self.calendar.setSelectedDate(to_qdate(self.clock.today()))
        if current is not None:
            self.select_pledge(current.id)
        elif rows:
            self.table.selectRow(0)
        if self.reminders is not None and self.reminders.next_check_at is None:
            self.reminders.check()  # the first check, once the pledges are on screen
        self.loaded.emit()

    def _on_suggestions_count_changed(self, count: int) -> None:
        self.suggestions_dock.setWindowTitle(f"Suggestions ({count})" if count else "Suggestions")
        if count:
            self.suggestions_dock.raise_()

    def accept_suggestion(self, suggestion_id: int) -> None:
        """Enter in the Suggestions panel: the pledge is marked as the report says."""
        self._judge_suggestion(suggestion_id, accept=True)

    def reject_suggestion(self, suggestion_id: int) -> None:
        """Delete in the Suggestions panel: the report is set aside."""
        self._judge_suggestion(suggestion_id, accept=False)

    def _judge_suggestion(self, suggestion_id: int, *, accept: bool) -> Worker | None:
        """Accept or reject a suggestion off the GUI thread; a failure says why and offers to
        try again."""
        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self._report(str(exc))
            return None
        worker = Worker(lambda: judge_suggestion(engine, suggestion_id, accept=accept))

        def judged(done: Suggestion) -> None:
            verdict = done.verdict.words if accept else "suggestion rejected"
            self.statusBar().showMessage(f"{done.record.pledge.actor}: {verdict}", 10_000)
            self._reread(done.record.id)

        def failed(message: str) -> None:
            self._reread_suggestions()  # decided elsewhere meanwhile: show what is open now
            self._report(message, lambda: self._judge_suggestion(suggestion_id, accept=accept))

        worker.signals.result.connect(judged)
        worker.signals.error.connect(failed)
        worker.signals.finished.connect(self._on_judging_finished)
        self.judging = worker
        start(worker)
        return worker

    def _on_judging_finished(self) -> None:
        self.judging = None

    def _reread(self, pledge_id: int) -> None:
        """Show one pledge as stored now, and the suggestions still open (a cheap read, unlike
        reloading every pledge)."""
        from app.store.queries import get_pledge

        with self.database().connect() as connection:
            record = get_pledge(session=connection, pledge_id=pledge_id)
        self._on_record_saved(record)

    def _reread_suggestions(self) -> None:
        """The open suggestions as stored now: a pledge decided by hand takes its own away."""
        from app.store.suggestion_queries import list_suggestions

        with self.database().connect() as connection:
            self.suggestions.show_suggestions(list_suggestions(session=connection))

    def _on_loader_error(self, message: str) -> None:
        self.summary.setText(f"Could not load pledges: {message}")

    # --- the table, counts and detail -------------------------------------------------------

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

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.current_record() if current.isValid() else None
        if record is None or self.database.engine is None:
            self.detail.show_nothing()
            return
        from app.store.engine import open_session
        from app.store.queries import article_text, pledge_events, pledge_sources
        from app.store.suggestion_queries import accepted_evidence

        with open_session(self.database.engine) as session:
            text = article_text(session=session, article_id=record.article_id)
            events = pledge_events(session=session, pledge_id=record.id)
            sources = pledge_sources(session=session, record=record)
            evidence = accepted_evidence(session=session, pledge_id=record.id)
        self.detail.show_record(
            record, text, events, self.model.today, sources=sources, evidence=evidence
        )

    def _on_record_saved(self, record: PledgeRecord) -> None:
        chosen = self.current_record()
        self.model.replace(record)  # a dismissed pledge leaves: the table is laid out anew
        if chosen is not None and self.current_record() is None:
            self.select_pledge(chosen.id)  # the selection stays on the pledge it was on
        self._reread_suggestions()  # decided, or reopened: its suggestions go or come back
        current = self.current_record()
        if current is not None and current.id == record.id:
            self._on_table_current_changed(self.table.currentIndex(), QModelIndex())

    def confirm_current(self, *_: object) -> None:
        """Confirm the selected pledge to review; in To review, the next one is selected."""
        record = self.current_record()
        if record is None or not record.pledge.review:
            self.statusBar().showMessage("Only a pledge to review needs confirming.", 5_000)
            return
        if self.proxy.status is Status.REVIEW:  # the inbox: on to the next one now
            self._select_next()
        self.pledge_actions.confirm([record])

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

    def clear_filters(self) -> None:
        """Show every pledge again."""
        self.filters.search.clear()
        self.filters.kind.setCurrentIndex(0)
        self.filters.due_on.setChecked(False)
        self.filters.choose_status(None)
        self.show_day(None)

    # --- changing pledges -------------------------------------------------------------------

    def _on_model_met_toggled(self, pledge_id: int, met: bool) -> None:
        row = self.model.row_of(pledge_id)
        if row is None:
            return
        record = self.model.record(row)
        if met:
            self.pledge_actions.set_met([record], self.clock.today())
        else:
            self.pledge_actions.unset_met([record])

    def toggle_met_current(self) -> None:
        """Space: tick the selected pledge off today, or untick it."""
        record = self.current_record()
        if record is None:
            return
        if record.pledge.met_on is None:
            self.pledge_actions.set_met([record], self.clock.today())
        else:
            self.pledge_actions.unset_met([record])

    def mark_met_current(self, *_: object) -> None:
        """Open the dialog to mark the selected pledge met, with a date, note and evidence."""
        record = self.current_record()
        answer = self._ask_verdict(record, broken=False) if record else None
        if record and answer:
            self.pledge_actions.set_met([record], answer.on, answer.note, answer.evidence)

    def mark_broken_current(self, *_: object) -> None:
        """Open the dialog to mark the selected pledge broken, with a date and note."""
        record = self.current_record()
        answer = self._ask_verdict(record, broken=True) if record else None
        if record and answer:
            self.pledge_actions.set_broken([record], answer.on, answer.note)

    def _ask_verdict(self, record: PledgeRecord, *, broken: bool) -> MetAnswer | None:
        """The day (and note) the analyst gives for a met or broken mark; None if cancelled."""
        from app.gui.dialogs import MarkMetDialog

        dialog = MarkMetDialog(record, self.clock.today(), self, broken=broken)
        return dialog.answer() if dialog.exec() else None

    def _unmark_current(self, *_: object) -> None:
        record = self.current_record()
        if record is not None and (record.pledge.met_on or record.pledge.broken_on):
            self.pledge_actions.unset_met([record])

    def edit_current(self, *_: object) -> None:
        """Open the dialog to correct the selected pledge."""
        from app.gui.dialogs import EditPledgeDialog

        record = self.current_record()
        if record is None:
            return
        dialog = EditPledgeDialog(record, self.clock.today(), self)
        if dialog.exec():
            change = dialog.change()
            if not change.actor or not change.action:
                self._report("A pledge needs an actor and an action; nothing was changed.")
                return
            self.pledge_actions.edit(record, change)

    def dismiss_current(self, *_: object) -> None:
        """Delete: hide the selected pledge as a wrong extraction (undo brings it back); the
        next row is selected."""
        record = self.current_record()
        if record is not None:
            self._select_next()
            self.pledge_actions.dismiss([record])

    def _select_next(self) -> None:
        """Move the selection to the row after the current one (or before, at the end), so
        that it stays put when the current row leaves the view."""
        row = self.table.currentIndex().row()
        following = row + 1 if row + 1 < self.proxy.rowCount() else row - 1
        if following >= 0:
            self.table.selectRow(following)

    def _report(self, message: str, retry: Callable[[], object] | None = None) -> None:
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

    # --- importing --------------------------------------------------------------------------

    def choose_files(self) -> None:
        """File > Import articles: pick text, HTML or PDF files."""
        folder = str(self._settings.value("last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            folder,
            "Articles (*.txt *.html *.htm *.pdf);;Text (*.txt);;Web pages (*.html *.htm);;"
            "PDF (*.pdf);;All files (*)",
        )
        if paths:
            self._settings.setValue("last_folder", str(Path(paths[0]).parent))
            self.start_import([Path(p) for p in paths])

    def import_web_address(self) -> None:
        """File > Import from web address: fetch a page or PDF and import it."""
        from app.extract.fetch import is_web_address

        url, ok = QInputDialog.getText(
            self, "Import from web address", "Article address:", text="https://"
        )
        url = url.strip()
        if not ok or not url:
            return
        if not is_web_address(url):
            self._report(f"'{url}' is not an http or https address.")
            return
        self.start_import([url])

    def export(self) -> None:
        """File > Export: CSV for spreadsheets, iCalendar for calendars, or JSON."""
        from app.gui.dialogs import ExportDialog

        shown, total = self.proxy.rowCount(), self.model.rowCount()
        dialog = ExportDialog(shown, total, self)
        if not dialog.exec():
            return
        fmt = dialog.chosen_format()
        folder = str(self._settings.value("last_export_folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export pledges",
            str(Path(folder) / f"pledges.{fmt}"),
            f"{fmt.upper()} (*.{fmt});;All files (*)",
        )
        if not path:
            return
        self._settings.setValue("last_export_folder", str(Path(path).parent))
        records = self.shown_records() if dialog.only_shown.isChecked() else self.model.records()
        self.export_to(Path(path), fmt, records)

    def export_to(self, path: Path, fmt: str, records: Sequence[PledgeRecord]) -> None:
        """Write pledges to a file, saying how it went."""
        from app.export import export_pledges, write_atomically

        data = export_pledges(records, fmt, today=self.clock.today(), now=datetime.now(UTC))
        try:
            write_atomically(path, data)
        except PledgeWatchError as exc:
            self._report(str(exc))
            return
        self.statusBar().showMessage(f"Exported {len(records)} pledges to {path}", 10_000)

    def shown_records(self) -> list[PledgeRecord]:
        """The pledges the filters show, in the table's order."""
        return [self.proxy.index(row, 0).data(RECORD_ROLE) for row in range(self.proxy.rowCount())]

    def edit_feeds(self) -> None:
        """File > Feeds: subscribe, unsubscribe, poll now."""
        from app.gui.feeds_dialog import FeedsDialog

        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self._report(str(exc))
            return
        dialog = FeedsDialog(engine, self._feed_minutes(), self)
        dialog.poll_requested.connect(self.poll_feeds)
        self._feeds_dialog = dialog
        dialog.exec()
        self._settings.setValue(FEED_MINUTES_KEY, dialog.interval.value())
        self._feeds_dialog = None
        self._plan_feed_polls()

    def poll_feeds(self) -> Worker | None:
        """Read every subscribed feed off the GUI thread; new items are imported."""
        if self._feed_poll is not None or self.database.engine is None:
            return None
        from app.feeds import poll_feeds

        engine = self.database.engine  # the worker must hold no reference to the window
        worker = Worker(lambda: poll_feeds(engine, at=datetime.now(UTC)))
        worker.signals.result.connect(self._on_feed_poll_result)
        worker.signals.error.connect(self._report)
        worker.signals.finished.connect(self._on_feed_poll_finished)
        self._feed_poll = worker
        self.statusBar().showMessage("Reading the feeds…")
        start(worker)
        return worker

    def _on_feed_poll_result(self, report: PollReport) -> None:
        text = "\n".join(report.lines())
        self.statusBar().showMessage(report.lines()[-1], 10_000)
        if self._feeds_dialog is not None:
            self._feeds_dialog.show_message(text)
            self._feeds_dialog.reload()
        if report.added:
            self.refresh()

    def _on_feed_poll_finished(self) -> None:
        self._feed_poll = None

    def _feed_minutes(self) -> int:
        try:
            return max(5, int(str(self._settings.value(FEED_MINUTES_KEY, 30))))
        except ValueError:
            return 30

    def _plan_feed_polls(self) -> None:
        """Poll the feeds on the analyst's interval, when there are any."""
        from app.store.engine import open_session
        from app.store.feed_queries import list_feeds

        with open_session(self.database()) as session:
            has_feeds = bool(list_feeds(session=session))
        if has_feeds:
            self._feed_timer.start(self._feed_minutes() * 60_000)
        else:
            self._feed_timer.stop()

    def paste_article(self) -> None:
        """Ctrl+Shift+V: paste an article's text and confirm its publication date."""
        from app.gui.dialogs import PasteArticleDialog
        from app.gui.import_worker import PastedText

        dialog = PasteArticleDialog(self.clock.today(), self)
        if dialog.exec():
            pasted = dialog.article()
            self.start_import([PastedText(pasted.text, pasted.published)])

    def start_import(self, jobs: Sequence[ImportJob]) -> ImportWorker | None:
        """Import off the GUI thread with a progress bar and Cancel."""
        from app.gui.import_worker import ImportWorker

        if self._import is not None:
            self._report("An import is already running; wait for it or cancel it.")
            return None
        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self._report(str(exc))
            return None
        worker = ImportWorker(engine, jobs)
        worker.signals.progress.connect(self._on_import_progress)
        worker.signals.finished.connect(self._on_import_finished)
        self._import = worker
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.import_action.setEnabled(False)
        self.paste_action.setEnabled(False)
        start(worker)
        return worker

    def cancel_import(self) -> None:
        """Stop the running import after the file being read."""
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the current file…")

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        if name:
            self.statusBar().showMessage(f"Reading {name} ({done + 1} of {total})…")

    def _on_import_finished(self, summary: ImportSummary) -> None:
        self._import = None
        self.last_summary = summary
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.import_action.setEnabled(True)
        self.paste_action.setEnabled(True)
        self.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Import finished",
            summary.text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        if summary.failed:
            box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.import_finished.emit(summary)
        if summary.suggestions:  # the summary points to the panel: it must be there to see
            self.suggestions_dock.show()
            self.suggestions_dock.raise_()
        if summary.added:
            self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged from a file manager, and links dragged from a browser."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the files dropped on the window."""
        paths: list[ImportJob] = [
            Path(u.toLocalFile()) if u.isLocalFile() else u.toString()
            for u in event.mimeData().urls()
            if u.isLocalFile() or u.scheme() in {"http", "https"}
        ]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # --- the clock, settings, about ---------------------------------------------------------

    def _on_clock_day_changed(self, today: date) -> None:
        """A new day: statuses are judged again, without a restart."""
        self.model.set_today(today)  # the proxy judges every row again
        record = self.current_record()
        if record is not None:
            self._on_table_current_changed(self.table.currentIndex(), QModelIndex())

    def show_about(self) -> None:
        """Help > About: the version and where the database is."""
        url = self.database.describe()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About PledgeWatch",
            f"PledgeWatch {__version__}\n\nFinds the pledges in news articles and "
            f"tracks whether they were kept.\n\nDatabase: {url}",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _restore_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        state = self._settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        header = self._settings.value("table/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
            return
        screen = self.screen()
        if screen is not None and screen.availableGeometry().width() < _WIDE_SCREEN:
            for column in _HIDDEN_ON_NARROW:
                self.table.setColumnHidden(column, True)
            for column, width in _NARROW_WIDTHS.items():
                self.table.setColumnWidth(column, width)

    def _fit_to_screen(self) -> None:
        """On first start, take most of the screen, centred."""
        screen = self.screen()
        if screen is None:
            return
        space = screen.availableGeometry()
        width = min(1760, int(space.width() * 0.94))
        height = min(1040, int(space.height() * 0.94))
        self.resize(width, height)
        self.move(
            space.x() + (space.width() - width) // 2, space.y() + (space.height() - height) // 2
        )

    def save_settings(self) -> None:
        """Remember geometry, docks, column widths and order."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("table/header", self.table.horizontalHeader().saveState())
        self._settings.sync()

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

    def edit_preferences(self) -> None:
        """Edit > Preferences: reminder lead time, keep running in the tray."""
        from app.gui.dialogs import PreferencesDialog

        has_tray = self.reminders is not None and self.reminders.has_tray
        keep = self._settings.value(KEEP_IN_TRAY_KEY, False) in (True, "true")
        dialog = PreferencesDialog(lead_days(self._settings), keep, has_tray, self)
        if dialog.exec():
            self._settings.setValue(LEAD_DAYS_KEY, dialog.lead_days.value())
            self._settings.setValue(KEEP_IN_TRAY_KEY, dialog.keep_in_tray.isChecked())
            if self.reminders is not None:
                self.reminders.check()

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
        self.pledge_actions.wait()  # a change asked for is stored before the window goes
        super().closeEvent(event)


def wait_then(milliseconds: int, slot: Callable[[], None]) -> None:
    """Run a slot once the event loop has had time to paint."""
    QTimer.singleShot(milliseconds, slot)
