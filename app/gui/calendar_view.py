"""A month calendar with each day's due pledges marked by dots in their status colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from app.domain import Status
from app.gui.qdates import to_date
from app.gui.style import STATUS_COLOURS

if TYPE_CHECKING:
    from collections import Counter
    from datetime import date

_ORDER = tuple(Status)


class DueCalendar(QCalendarWidget):
    """Clicking a day asks the table to show the pledges due on it."""

    day_chosen = Signal(object)
    """The date clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[date, Counter[Status]] = {}
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.clicked.connect(self._on_calendar_clicked)
        self.setToolTip("Days with pledges due are marked; click one to see its pledges")

    def set_marks(self, marks: dict[date, Counter[Status]]) -> None:
        """Which statuses are due on which days."""
        self._marks = marks
        self.updateCells()

    def marks(self) -> dict[date, Counter[Status]]:
        """The marks shown."""
        return dict(self._marks)

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        """The day as usual, with one dot per status of the pledges due that day."""
        super().paintCell(painter, rect, qdate)
        counts = self._marks.get(to_date(qdate))
        if not counts:
            return
        present = [status for status in _ORDER if counts[status]]
        radius = max(1.8, min(3.0, rect.height() / 10))
        spacing = radius * 2.8
        left = rect.right() - 3 - radius - spacing * (len(present) - 1)
        y = rect.top() + radius + 3
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        tint = QColor(STATUS_COLOURS[present[0]])
        tint.setAlpha(38)  # the most urgent status tints the day, the dots say which are there
        painter.fillRect(rect.adjusted(1, 1, -1, -1), tint)
        for offset, status in enumerate(present):
            painter.setBrush(STATUS_COLOURS[status])
            painter.drawEllipse(QPointF(left + offset * spacing, y), radius, radius)
        painter.restore()

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.day_chosen.emit(to_date(qdate))
