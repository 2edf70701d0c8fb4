"""Every action of the window in one table (name, text, keys, tip, where it acts, which method
it calls), from which the menus, the pledge's context menu and the shortcut sheet are built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from app.domain import PledgeKind
from app.gui.pledge_model import HEADERS, Column
from app.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from app.domain import PledgeRecord


@dataclass(frozen=True)
class ActionSpec:
    """One action: its name in the table, menu text, keys, tip, and the window method it calls.
    `on_table` keys work only in the table (Space must still type a space in the search box)."""

    name: str
    text: str
    method: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    on_table: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("import", "&Import articles…", "choose_files", ("Ctrl+O",),
               "Import one or more articles: text, web pages, PDFs"),
    ActionSpec("web", "Import from &web address…", "import_web_address", ("Ctrl+L",),
               "Fetch an article's page (or PDF) and import it"),
    ActionSpec("paste", "&Paste article…", "paste_article", ("Ctrl+Shift+V",),
               "Paste an article's text"),
    ActionSpec("feeds", "&Feeds…", "edit_feeds", ("Ctrl+Shift+F",),
               "Subscribe to RSS and Atom feeds"),
    ActionSpec("export", "&Export…", "export", ("Ctrl+E",),
               "Save pledges as CSV, iCalendar or JSON"),
    ActionSpec("quit", "E&xit", "quit", ("Ctrl+Q",), "Close PledgeWatch"),
    ActionSpec("toggle", "Toggle &met", "toggle_met_current", ("Space",),
               "Tick the selected pledges off today, or untick them", on_table=True),
    ActionSpec("met", "Mark &met…", "mark_met_current", ("Shift+Space",),
               "Tick the selected pledges off on a day you give, with a note", on_table=True),
    ActionSpec("broken", "Mark &broken…", "mark_broken_current", ("Ctrl+B",),
               "Record that the selected pledges were broken: withdrawn, refused, cancelled"),
    ActionSpec("reopen", "Reope&n", "reopen_current", (),
               "Take back the met or broken marks of the selected pledges"),
    ActionSpec("confirm", "&Confirm as a pledge", "confirm_current", ("Ctrl+Return",),
               "The pledges found with less confidence are pledges: track them "
               "(in To review: Enter)", on_table=True),
    ActionSpec("dismiss", "&Dismiss", "dismiss_current", ("Delete",),
               "Not a pledge: hide the selected pledges (undo brings them back)", on_table=True),
    ActionSpec("edit", "&Edit…", "edit_current", ("Ctrl+Shift+E",),
               "Correct the pledge's actor, action, kind or due date"),
    ActionSpec("open", "&Open details", "open_detail", ("Return", "Enter"),
               "Show the selected pledge in full", on_table=True),
    ActionSpec("down", "Next pledge", "next_row", ("J",), "Select the next pledge",
               on_table=True),
    ActionSpec("up", "Previous pledge", "previous_row", ("K",), "Select the previous pledge",
               on_table=True),
    ActionSpec("find", "&Find…", "focus_search", ("Ctrl+F",), "Search the pledges"),
    ActionSpec("preferences", "&Preferences…", "edit_preferences", ("Ctrl+,",),
               "Reminder lead time; keep running in the tray"),
    ActionSpec("all", "&Show all pledges", "clear_filters", ("Ctrl+Shift+A",),
               "Clear every filter"),
    ActionSpec("save_search", "&Save search…", "save_search", ("Ctrl+Shift+S",),
               "Keep the filters in force under a name, to bring them back from Browse"),
    ActionSpec("dismissed", "&Dismissed pledges", "toggle_dismissed", ("Ctrl+Shift+D",),
               "Show the dismissed pledges, to restore one (Delete restores)"),
    ActionSpec("reload", "&Reload", "reload", ("F5",), "Read the pledges again"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", "show_shortcuts", ("F1", "Ctrl+/"),
               "Every key of the window"),
    ActionSpec(
        "about", "&About PledgeWatch", "show_about", (), "The version, the database and the log"
    ),
)  # fmt: skip
"""Every action, in menu order."""

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("import", "web", "paste", "feeds", "-", "export", "-", "quit")),
    ("&Edit", ("undo", "redo", "-", "toggle", "met", "broken", "reopen", "confirm", "dismiss",
               "edit", "open", "-", "find", "-", "preferences")),
    ("&View", ("docks", "columns", "-", "all", "save_search", "dismissed", "reload")),
    ("&Help", ("shortcuts", "about")),
)  # fmt: skip
"""The menu bar: names from ACTIONS, "-" a separator; undo, redo, docks and columns are made
by Qt from the undo stack, the docks and the table's columns."""

ROW_MENU = ("met", "broken", "reopen", "-", "edit", "kind", "confirm", "dismiss")
"""What a right click on a pledge offers."""


class WindowActions(WindowParts):
    """Mixin of MainWindow: builds the actions, menus and context menus from the tables."""

    def build_actions(self) -> None:
        """Make one QAction per ActionSpec, and the menu bar."""
        self.action_of = {}
        for spec in ACTIONS:
            action = QAction(spec.text, self)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setToolTip(spec.tip or spec.text.replace("&", "").rstrip("…"))
            action.setStatusTip(action.toolTip())
            action.triggered.connect(getattr(self, spec.method))
            if spec.on_table:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.table.addAction(action)
            self.action_of[spec.name] = action
        self.action_of["dismissed"].setCheckable(True)
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.action_of["undo"], self.action_of["redo"] = undo, redo
        bar = self.menuBar()
        for title, names in MENUS:
            menu = bar.addMenu(title)
            for name in names:
                if name == "-":
                    menu.addSeparator()
                elif name == "docks":
                    docks = (self.browse_dock, self.detail_dock, self.calendar_dock,
                             self.suggestions_dock)  # fmt: skip
                    for dock in docks:
                        menu.addAction(dock.toggleViewAction())
                elif name == "columns":
                    self.columns_menu = menu.addMenu("&Columns")
                    self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
                else:
                    menu.addAction(self.action_of[name])
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)

    def row_menu(self, record: PledgeRecord) -> QMenu:
        """What a right click on a pledge offers, each entry enabled where it applies."""
        menu = QMenu(self)
        for name in ROW_MENU:
            if name == "-":
                menu.addSeparator()
            elif name == "kind":
                kinds = menu.addMenu("Set &kind")
                for kind in PledgeKind:
                    chosen = kinds.addAction(kind.label)
                    chosen.setCheckable(True)
                    chosen.setChecked(kind is record.pledge.kind)
                    chosen.triggered.connect(lambda _=False, k=kind: self.set_kind_current(k))
            else:
                menu.addAction(self.action_of[name])
        self.action_of["reopen"].setEnabled(bool(record.pledge.met_on or record.pledge.broken_on))
        self.action_of["confirm"].setEnabled(record.pledge.review)
        return menu

    def _on_table_context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())  # a click outside the selection selects anew
        record = self.current_record()
        if record is not None:
            menu = self.row_menu(record)
            menu.exec(self.table.viewport().mapToGlobal(point))
            menu.deleteLater()
            self._enable_for_any()

    def _enable_for_any(self) -> None:
        """Outside a context menu, Reopen and Confirm apply to whichever rows are selected."""
        self.action_of["reopen"].setEnabled(True)
        self.action_of["confirm"].setEnabled(True)

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

    def _on_column_action_toggled(self, shown: bool) -> None:
        action = self.sender()
        assert isinstance(action, QAction)
        self.table.horizontalHeader().setSectionHidden(int(action.data()), not shown)

    def next_row(self) -> None:
        """J: select the next pledge."""
        self._move_by(1)

    def previous_row(self) -> None:
        """K: select the previous pledge."""
        self._move_by(-1)

    def _move_by(self, step: int) -> None:
        row = self.table.currentIndex().row()
        target = min(max(row + step, 0), self.proxy.rowCount() - 1)
        if target >= 0:
            self.table.selectRow(target)

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts (F1): every key and what it does."""
        from app.gui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_sheet(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """Help > About: the version, where the database is and where the log is written."""
        from app import __version__
        from app.logs import log_path

        url = self.database.describe()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About PledgeWatch",
            f"PledgeWatch {__version__}\n\nFinds the pledges in news articles and "
            f"tracks whether they were kept.\n\nDatabase: {url}\nLog: {log_path()}",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def shortcut_sheet(self) -> list[tuple[str, str]]:
        """Every key of the window and what it does, in menu order."""
        native = QKeySequence.SequenceFormat.NativeText
        rows = [("Ctrl+Z", "Undo"), ("Ctrl+Shift+Z, Ctrl+Y", "Redo")]
        for spec in ACTIONS:
            if spec.keys:
                keys = ", ".join(QKeySequence(key).toString(native) for key in spec.keys)
                rows.append((keys, spec.text.replace("&", "").rstrip("…")))
        rows.append(("Shift+Click, Shift+↓, Ctrl+Click", "Select several pledges"))
        rows.append(("Enter (in To review)", "Confirm as a pledge"))
        return rows
