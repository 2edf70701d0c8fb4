"""Tells the app when the day changes: at midnight, and on waking from sleep."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.days import shift
from app.gui.timers import one_shot

if TYPE_CHECKING:
    from collections.abc import Callable

_HEARTBEAT_MS = 60_000  # catches a wake from sleep, when the midnight timer was frozen


class DayClock(QObject):
    """Emits day_changed once per new day; `now` is injectable so tests can move time."""

    day_changed = Signal(object)
    """The new date, emitted when the local date has changed since the last check."""

    def __init__(
        self, now: Callable[[], datetime] = datetime.now, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._today = now().date()
        self._midnight = one_shot(self, self.check)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(_HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.check)

    def start(self) -> None:
        """Arm the midnight timer and the wake-up heartbeat."""
        self._arm()
        self._heartbeat.start()

    def today(self) -> date:
        """The day as last checked."""
        return self._today

    def now(self) -> datetime:
        """This moment on the day as last checked: what the window stamps its work with (a clock
        a test moved keeps its day; the time of day is the real one)."""
        return datetime.combine(self._today, datetime.now().time())

    def check(self) -> None:
        """Compare the clock with the day we think it is; announce a change."""
        today = self._now().date()
        if today != self._today:
            self._today = today
            self.day_changed.emit(today)
        self._arm()

    def _arm(self) -> None:
        now = self._now()
        midnight = datetime.combine(shift(now.date(), 1), datetime.min.time())
        milliseconds = int((midnight - now).total_seconds() * 1000) + 500
        self._midnight.start(max(milliseconds, 1000))
