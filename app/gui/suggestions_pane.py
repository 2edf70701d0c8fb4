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
from app.domain.wording import plural, quoted
from app.gui.qdates import shown_date
from app.gui.style import status_icon

# The icon a suggestion shows: the status accepting it gives (partly kept leaves it open).
_SHOWN_AS = {Verdict.MET: Status.MET, Verdict.BROKEN: Status.BROKEN, Verdict.PARTLY: Status.PENDING}


_EMPTY = (
    "No suggestions. When a newer article reports that a pledge was kept or broken, it "
    "appears here."
)
_EMPTY_WITH_MORE = (
    "No likely suggestions. Show more lists sentences of newer articles that may report a "
    "pledge's outcome."
)


def _item_text(suggestion: Suggestion) -> str:
    """The question, the sentence, and where it was read; a less likely one says how likely."""
    how = "" if suggestion.likely else f" · possible ({suggestion.confidence:.0%} likely)"
    return (
        f"{suggestion.question(shown_date)}\n{quoted(suggestion.evidence)}\n"
        f"— {suggestion.article_title}, {shown_date(suggestion.article_published)}{how}"
    )


class SuggestionsPane(QWidget):
    """Lists open suggestions, the likely ones at once and the less likely behind "Show more";
    Enter accepts the selected one, Delete rejects it."""

    judged = Signal(int, bool)
    """The analyst accepts (True: Enter, Accept) or rejects (False: Delete, Reject) the
    suggestion with this id; an accepted one marks its pledge as the report says."""
    count_changed = Signal(int)
    """How many likely suggestions are open now (the less likely wait behind "Show more")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.empty = QLabel(_EMPTY)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.more_button = QPushButton()
        self.more_button.setCheckable(True)
        self.more_button.toggled.connect(self._on_more_button_toggled)
        self._suggestions: list[Suggestion] = []
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
        buttons.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, stretch=1)
        layout.addLayout(buttons)
        self.show_suggestions([])

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Show the open suggestions in the order given (list_suggestions: the likely ones
        first, each kind by confidence), as plain text (QListWidget does not read markup); the
        less likely ones only while "Show more" is on."""
        self._suggestions = list(suggestions)
        self._fill()
        self.count_changed.emit(sum(s.likely for s in suggestions))

    def _fill(self) -> None:
        more = sum(not s.likely for s in self._suggestions)
        listed = [s for s in self._suggestions if s.likely or self.more_button.isChecked()]
        self.list.clear()
        for suggestion in listed:
            item = QListWidgetItem(_item_text(suggestion))
            item.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            item.setIcon(status_icon(_SHOWN_AS[suggestion.verdict]))
            self.list.addItem(item)
        if listed:
            self.list.setCurrentRow(0)
        if not more and self.more_button.isChecked():  # nothing more: the next ones wait too
            self.more_button.blockSignals(True)
            self.more_button.setChecked(False)
            self.more_button.blockSignals(False)
        self.more_button.setVisible(more > 0)
        # short, so the panel fits beside the table on a 1024-pixel screen; the tip says more
        self.more_button.setText("Show fewer" if self.more_button.isChecked() else
                                 f"Show {more} more")  # fmt: skip
        self.more_button.setToolTip(
            "List only the likely suggestions" if self.more_button.isChecked() else
            f"Also list {plural(more, 'sentence')} less likely to report an outcome, each with "
            "how likely the ranker finds it"
        )  # fmt: skip
        self.empty.setText(_EMPTY_WITH_MORE if more and not listed else _EMPTY)
        self.empty.setVisible(not listed)
        self.accept_button.setEnabled(bool(listed))
        self.reject_button.setEnabled(bool(listed))

    def _on_more_button_toggled(self, _checked: bool) -> None:
        self._fill()

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
