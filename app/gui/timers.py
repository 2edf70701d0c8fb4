"""One-shot timers, each owned by the object it serves, so that it never fires after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable


def one_shot(owner: QObject, then: Callable[[], object], msecs: int | None = None) -> QTimer:
    """A single-shot timer that calls `then`; with `msecs`, started by start() alone."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    if msecs is not None:
        timer.setInterval(msecs)
    timer.timeout.connect(then)
    return timer
