"""A field for a day typed as people write it ("yesterday", "31 Oct 2019", "last Friday"),
with the day it reads as shown beside it, so that nothing is turned into another day unseen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.gui.qdates import shown_weekday_date

# Reads a text as a day; None when it names none.
DayReader = Callable[[str], date | None]


class DayField(QWidget):
    """A line to type a day in, and the day it is read as (or why it is none)."""

    changed = Signal()
    """The text changed; day() may have changed with it."""

    def __init__(
        self, day: date | None, read: DayReader, hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._hint = hint
        self.edit = QLineEdit("" if day is None else f"{day.day} {day:%b %Y}")
        self.edit.setPlaceholderText(hint)
        self.edit.setClearButtonEnabled(True)
        self.shown = QLabel()
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.shown)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self._on_edit_text_changed(self.edit.text())

    def day(self) -> date | None:
        """The day the text names; None when it names none."""
        text = self.edit.text().strip()
        return self._read(text) if text else None

    def setEnabled(self, enabled: bool) -> None:
        """Enable or disable the field with its reading."""
        super().setEnabled(enabled)
        self._on_edit_text_changed(self.edit.text())

    def _on_edit_text_changed(self, _text: str) -> None:
        day = self.day()
        if not self.isEnabled():
            self.shown.setText("")
        elif day is not None:
            self.shown.setText(f"= {shown_weekday_date(day)}")
        elif self.edit.text().strip():
            self.shown.setText(f"Not a day I can read; try {self._hint}")
        else:
            self.shown.setText("")
        self.changed.emit()
