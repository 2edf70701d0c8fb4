"""The Suggestions panel: later reports that a pledge was kept or broken, to accept or reject."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import Status, Suggestion, Verdict
from app.gui.qdates import shown_date
from app.gui.qtext import quoted
from app.gui.style import status_icon

# The icon a suggestion shows: the status accepting it gives (partly kept leaves it open).
_SHOWN_AS = {Verdict.MET: Status.MET, Verdict.BROKEN: Status.BROKEN, Verdict.PARTLY: Status.PENDING}


class SuggestionsPane(QWidget):
    """Lists open suggestions; Enter accepts the selected one, Delete rejects it."""

    judged = Signal(int, bool)
    """The analyst accepts (True: Enter, Accept) or rejects (False: Delete, Reject) the
    suggestion with this id; an accepted one marks its pledge as the report says."""
    count_changed = Signal(int)
    """How many suggestions are open now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.empty = QLabel(
            "No suggestions. When a newer article reports that a pledge was kept or broken, it "
            "appears here."
        )
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip(
            "Mark the pledge met or broken on the reported day, as suggested (Enter)"
        )
        self.reject_button = QPushButton("&Reject")
        self.reject_button.setToolTip("The report does not say that (Delete)")
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        # Enter (or a double click) activates an item: that accepts it
        self.list.itemActivated.connect(self._on_list_item_activated)
        reject = QAction("Reject", self.list)
        reject.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        reject.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reject.triggered.connect(self._on_reject_button_clicked)
        self.list.addAction(reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(buttons)
        self.show_suggestions([])

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Show the open suggestions (text as plain text: QListWidget does not read markup)."""
        self.list.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(
                f"{suggestion.question(shown_date)}\n{quoted(suggestion.evidence)}\n"
                f"— {suggestion.article_title}, {shown_date(suggestion.article_published)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            item.setIcon(status_icon(_SHOWN_AS[suggestion.verdict]))
            self.list.addItem(item)
        if suggestions:
            self.list.setCurrentRow(0)
        self.empty.setVisible(not suggestions)
        self.accept_button.setEnabled(bool(suggestions))
        self.reject_button.setEnabled(bool(suggestions))
        self.count_changed.emit(len(suggestions))

    def shown_ids(self) -> list[int]:
        """The ids of the suggestions listed, in order."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]

    def _chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _on_list_item_activated(self, _item: QListWidgetItem) -> None:
        self._on_accept_button_clicked()

    def _on_accept_button_clicked(self) -> None:
        self._judge(accept=True)

    def _on_reject_button_clicked(self) -> None:
        self._judge(accept=False)

    def _judge(self, *, accept: bool) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.judged.emit(chosen, accept)
