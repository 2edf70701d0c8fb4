"""An in-window banner for reminders, where the desktop has no system tray."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ReminderBanner(QFrame):
    """A strip above the table: the reminder, a Show button and a close button."""

    show_clicked = Signal(object)
    """What the reminder is about: a pledge id, a Status, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: object = None
        self.setObjectName("reminderBanner")
        self.setStyleSheet(
            "#reminderBanner { background: #fdecea; border-bottom: 1px solid #e0b4b0; }"
        )
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.show_button = QPushButton("&Show")
        self.show_button.setToolTip("Show the pledges this reminder is about")
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip("Hide this reminder")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, stretch=1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self.hide()

    def announce(self, text: str, target: object) -> None:
        """Show a reminder."""
        self.text.setText(text)
        self._target = target
        self.show()

    def _on_show_button_clicked(self) -> None:
        self.show_clicked.emit(self._target)
        self.hide()
