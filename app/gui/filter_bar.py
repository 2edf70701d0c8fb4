"""The bar above the table: status chips with live counts, search, kind and due-date range."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import PledgeKind, Status
from app.gui import combos
from app.gui.qdates import date_edit, shown_date, to_date, to_qdate
from app.gui.style import STATUS_COLOURS, STATUS_WORDS, status_icon

if TYPE_CHECKING:
    from datetime import date

_CHIP_STYLE = """
QPushButton {{ border: 1px solid #b0b0b0; border-radius: 12px; padding: 3px 12px; }}
QPushButton:checked {{ background: {colour}; color: white; border-color: {colour}; }}
"""
_CHIPS: tuple[Status | None, ...] = (None, *Status)


class FilterBar(QWidget):
    """Emits what the analyst asks to see; knows nothing of the table."""

    status_chosen = Signal(object)
    """A Status, or None for all."""
    search_changed = Signal(str)
    """The words typed, as they are typed."""
    kind_chosen = Signal(object)
    """A PledgeKind, or None for all."""
    due_range_changed = Signal(object, object)
    """First and last due day (inclusive), or None and None when the range is off."""
    day_cleared = Signal()
    """The analyst removed the calendar's one-day filter."""
    group_cleared = Signal()
    """The analyst removed the side list's filter (one actor or one article)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chips: dict[Status | None, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 6, 6, 4)
        rows.setSpacing(4)
        layout = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(second)
        for status in _CHIPS:
            chip = QPushButton()
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            colour = "#455a64" if status is None else STATUS_COLOURS[status].name()
            chip.setStyleSheet(_CHIP_STYLE.format(colour=colour))
            if status is not None:
                chip.setIcon(status_icon(status))
            chip.setToolTip(
                "Show all pledges"
                if status is None
                else f"Show only {STATUS_WORDS[status].lower()} pledges"
            )
            chip.setProperty("status", "" if status is None else status.value)
            chip.clicked.connect(self._on_chip_clicked)
            group.addButton(chip)
            layout.addWidget(chip)
            self._chips[status] = chip
        self._chips[None].setChecked(True)
        self.set_counts({None: 0, **{s: 0 for s in Status}})

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search pledges  (Ctrl+F)")
        self.search.setToolTip("Filters as you type: actor, pledge, quote and article title")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.search.textChanged.connect(self.search_changed)
        self.kind = QComboBox()
        self.kind.addItem("All kinds", None)
        combos.fill(self.kind, PledgeKind)
        self.kind.setToolTip("Show one kind of pledge")
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.due_on = QCheckBox("&Due from")
        self.due_on.setToolTip("Show only pledges due between two days")
        self.due_from = date_edit(today)
        self.due_to = date_edit(today)
        self.due_to.setDate(to_qdate(today).addMonths(1))
        for widget in (self.due_on, self.due_from, self.due_to):
            signal = widget.toggled if isinstance(widget, QCheckBox) else widget.dateChanged
            signal.connect(self._on_range_edited)
        self.day_chip = QPushButton()
        self.day_chip.setToolTip("Showing one calendar day; click to show every day")
        self.day_chip.clicked.connect(self.day_cleared)
        self.day_chip.setVisible(False)
        self.group_chip = QPushButton()
        self.group_chip.setToolTip("Showing one actor's or one article's pledges; click for all")
        self.group_chip.clicked.connect(self.group_cleared)
        self.group_chip.setVisible(False)

        # The chips have the first row to themselves and the search takes what the second row
        # leaves, so the bar fits beside the details on a 1024-pixel screen.
        layout.addStretch(1)
        second.addWidget(self.kind)
        second.addSpacing(12)
        second.addWidget(self.due_on)
        second.addWidget(self.due_from)
        second.addWidget(QLabel("to"))
        second.addWidget(self.due_to)
        second.addSpacing(12)
        second.addWidget(self.day_chip)
        second.addWidget(self.group_chip)
        second.addSpacing(12)
        second.addWidget(self.search, stretch=1)
        self._on_range_edited()

    def set_counts(self, counts: dict[Status | None, int]) -> None:
        """Show the live count on each chip."""
        for status, chip in self._chips.items():
            word = "All" if status is None else STATUS_WORDS[status]
            chip.setText(f"{word}  {counts.get(status, 0)}")

    def choose_status(self, status: Status | None) -> None:
        """Check a chip as if clicked."""
        self._chips[status].click()

    def chip(self, status: Status | None) -> QPushButton:
        """The chip for a status (None: All)."""
        return self._chips[status]

    def show_day(self, day: date | None) -> None:
        """Show (or hide) the chip that says the table shows one day."""
        self.day_chip.setVisible(day is not None)
        if day is not None:
            self.day_chip.setText(f"Due {shown_date(day)}  ✕")

    def show_group(self, words: str | None) -> None:
        """Show (or hide) the chip that says the table shows one actor or one article."""
        self.group_chip.setVisible(words is not None)
        if words is not None:
            shown = words if len(words) <= 40 else words[:39] + "…"
            self.group_chip.setText(f"{shown}  ✕")

    def _on_chip_clicked(self) -> None:
        value = self.sender().property("status")
        self.status_chosen.emit(Status(value) if value else None)

    def _on_kind_changed(self, _index: int) -> None:
        self.kind_chosen.emit(combos.chosen(self.kind, PledgeKind))

    def _on_range_edited(self) -> None:
        on = self.due_on.isChecked()
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
        if on:
            self.due_range_changed.emit(to_date(self.due_from.date()), to_date(self.due_to.date()))
        else:
            self.due_range_changed.emit(None, None)
