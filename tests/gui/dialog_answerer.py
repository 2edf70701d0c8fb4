"""Answers the dialogs a test opens as a user would: OK (when it is enabled) or Cancel."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)


def _shown_dialogs() -> list[QDialog]:
    """Every dialog on screen now, the modal one first."""
    modal = QApplication.activeModalWidget()
    found = [modal] if isinstance(modal, QDialog) and modal.isVisible() else []
    found += [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QDialog) and widget.isVisible() and widget not in found
    ]
    return found


def _ok_button(dialog: QDialog) -> QPushButton | None:
    """The button that says yes: the message box's default, or a button box's OK."""
    if isinstance(dialog, QMessageBox):
        button = dialog.defaultButton() or dialog.button(QMessageBox.StandardButton.Ok)
        return button if isinstance(button, QPushButton) else None
    for box in dialog.findChildren(QDialogButtonBox):
        for role in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save):
            button = box.button(role)
            if button is not None:
                return button
    return None


class DialogAnswerer(QObject):
    """Polls for dialogs and answers each one: accepted (OK clicked, if enabled), or cancelled.

    File dialogs are always cancelled: a test must not read or write the user's files."""

    def __init__(self, *, accept: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accept = accept
        self.answered: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._on_timer_timeout)

    def __enter__(self) -> DialogAnswerer:
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.stop()
        self.answer_open()

    def answer_open(self) -> None:
        """Answer every dialog on screen now."""
        for _ in range(10):  # a dialog may open another as it closes
            dialogs = _shown_dialogs()
            if not dialogs:
                return
            for dialog in dialogs:
                self._answer(dialog)
            QApplication.processEvents()

    def _on_timer_timeout(self) -> None:
        for dialog in _shown_dialogs()[:1]:
            self._answer(dialog)

    def _answer(self, dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        self.answered.append(dialog.windowTitle())
        button = None if isinstance(dialog, QFileDialog) else _ok_button(dialog)
        if self.accept and button is not None and button.isEnabled():
            button.click()
            if dialog.isVisible():  # OK that leaves it open (a form that refuses): give up
                dialog.reject()
        elif isinstance(dialog, QMessageBox):
            dialog.done(0)
        else:
            dialog.reject()
