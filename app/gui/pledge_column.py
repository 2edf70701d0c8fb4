"""Gives the Pledge column the table's spare width, as the window or another column resizes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from app.gui.timers import one_shot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

MINIMUM = 200  # pixels: below this a pledge cannot be read, and the table scrolls sideways


class SpareWidthToColumn(QObject):
    """Watches a table and keeps one column as wide as the others leave room for (at least
    MINIMUM). A column the analyst resizes by hand keeps its width; only that one follows."""

    def __init__(self, table: QTableView, column: int) -> None:
        super().__init__(table)
        self._table = table
        self._column = column
        self._fitting = False
        self._timer = one_shot(self, self.fit, 0)
        header = table.horizontalHeader()
        header.sectionResized.connect(self._on_section_resized)
        header.sectionCountChanged.connect(self.fit_later)
        table.installEventFilter(self)  # the frame, not the viewport: far fewer events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A resized table gives its spare width to the column (once the viewport has it)."""
        if watched is self._table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit_later()
        return False

    def fit_later(self, *_: object) -> None:
        """Fit once the layout has settled."""
        self._timer.start()

    def fit(self) -> None:
        """Give the column what the other shown columns leave of the viewport."""
        if self._fitting:
            return
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(section)
            for section in range(header.count())
            if section != self._column and not header.isSectionHidden(section)
        )
        room = self._table.viewport().width()
        scroll = self._table.verticalScrollBar()
        if not scroll.isVisible():  # room for it kept: rows added later must not push the
            room -= scroll.sizeHint().width()  # last column out of view
        width = max(MINIMUM, room - others)
        self._fitting = True
        try:
            header.resizeSection(self._column, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self._column and not self._fitting:
            self.fit_later()  # another column resized or hidden (a hidden one becomes 0)
