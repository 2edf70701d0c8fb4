"""What the window's parts share: the widgets and helpers that each part (commands on pledges,
imports, exports, feeds, window state, the action table) reads from the main window.

The parts are mixins of MainWindow, one module a job; this base only names, for the type
checker, what MainWindow provides them. At run time it is a plain object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings, QTimer, SignalInstance
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import (
        QDockWidget,
        QLabel,
        QMainWindow,
        QProgressBar,
        QPushButton,
        QTableView,
    )

    from app.domain import PledgeKind, PledgeRecord
    from app.gui.banner import ReminderBanner
    from app.gui.calendar_view import DueCalendar
    from app.gui.change_watch import ChangeWatcher
    from app.gui.clock import DayClock
    from app.gui.database import Database
    from app.gui.detail_pane import DetailPane
    from app.gui.feeds_dialog import FeedsDialog
    from app.gui.filter_bar import FilterBar
    from app.gui.import_worker import ImportSummary, ImportWorker
    from app.gui.pledge_actions import PledgeActions
    from app.gui.pledge_model import PledgeTableModel
    from app.gui.pledge_proxy import PledgeFilterProxy
    from app.gui.reminder_service import ReminderService
    from app.gui.suggestions_pane import SuggestionsPane
    from app.gui.workers import Worker

    _Base = QMainWindow
else:
    _Base = object


class WindowParts(_Base):
    """The main window as its parts see it."""

    if TYPE_CHECKING:
        database: Database
        clock: DayClock
        model: PledgeTableModel
        proxy: PledgeFilterProxy
        table: QTableView
        undo_stack: QUndoStack
        pledge_actions: PledgeActions
        filters: FilterBar
        detail: DetailPane
        calendar: DueCalendar
        suggestions: SuggestionsPane
        banner: ReminderBanner
        reminders: ReminderService | None
        detail_dock: QDockWidget
        calendar_dock: QDockWidget
        suggestions_dock: QDockWidget
        browse_dock: QDockWidget
        summary: QLabel
        progress: QProgressBar
        cancel_button: QPushButton
        action_of: dict[str, QAction]
        last_summary: ImportSummary | None
        last_error: str | None
        import_finished: SignalInstance
        loaded: SignalInstance
        detail_shown: SignalInstance
        judging: Worker | None
        watcher: ChangeWatcher
        _loader: Worker | None
        _painted: bool
        _held_loader: Worker | None
        _settings: QSettings
        _import: ImportWorker | None
        _feed_poll: Worker | None
        _feeds_dialog: FeedsDialog | None
        _feed_timer: QTimer
        _remember: bool
        _quitting: bool

        def current_record(self) -> PledgeRecord | None: ...
        def select_pledge(self, pledge_id: int) -> bool: ...
        def refresh(self, *, import_sample: bool = False) -> Worker: ...
        def report(self, message: str, retry: Callable[[], object] | None = None) -> None: ...
        def clear_filters(self) -> None: ...
        def show_day(self, day: Any) -> None: ...
        def quit(self) -> None: ...
        def _on_record_saved(self, record: PledgeRecord) -> None: ...
        def _on_table_current_changed(self, current: Any, previous: Any) -> None: ...
        def _plan_feed_polls(self) -> None: ...
        def set_kind_current(self, kind: PledgeKind) -> None: ...
        def mark_met_current(self, *_: object) -> None: ...
