"""The window's commands on pledges: each works on every selected row as one undoable step
(Space, Mark met…, Mark broken…, Reopen, Confirm, Dismiss, Restore, Set kind), or on the current
one (Edit…); in the review inbox and after a dismissal the next row is selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain import PledgeKind, PledgeRecord, Status
from app.gui.pledge_model import RECORD_ROLE
from app.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from app.gui.dialogs import VerdictAnswer


class PledgeCommands(WindowParts):
    """Mixin of MainWindow: what the analyst does to the selected pledges."""

    def _count_selection(self) -> None:
        """Say in the status bar how many pledges are selected, when more than one is."""
        self.selected_count = QLabel()
        self.selected_count.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.selected_count)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.proxy.layoutChanged.connect(self._on_selection_changed)

    def _on_selection_changed(self, *_: object) -> None:
        rows = len(self.table.selectionModel().selectedRows())
        self.selected_count.setText(f"{rows:,} selected" if rows > 1 else "")

    def selected_records(self) -> list[PledgeRecord]:
        """The pledges of the selected rows, in the table's order (the current one if none)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.proxy.index(row, 0).data(RECORD_ROLE) for row in rows]
        records = [r for r in found if isinstance(r, PledgeRecord)]
        if not records:
            current = self.current_record()
            return [] if current is None else [current]
        return records

    def toggle_met_current(self) -> None:
        """Space: tick the selected pledges off today; when all are ticked, untick them."""
        records = self.selected_records()
        if not records:
            return
        if all(r.pledge.met_on is not None for r in records):
            self.pledge_actions.reopen(records)
        else:
            open_ones = [r for r in records if r.pledge.met_on is None]
            self.pledge_actions.set_met(open_ones, self.clock.today())

    def mark_met_current(self, *_: object) -> None:
        """Shift+Space, Mark met…: the day (typed as people write it), a note, evidence."""
        records = self.selected_records()
        answer = self._ask_verdict(records, broken=False) if records else None
        if answer is not None:
            self.pledge_actions.set_met(records, answer.on, answer.note, answer.evidence)

    def mark_broken_current(self, *_: object) -> None:
        """Mark broken…: the day and how (withdrawn, refused, cancelled)."""
        records = self.selected_records()
        answer = self._ask_verdict(records, broken=True) if records else None
        if answer is not None:
            self.pledge_actions.set_broken(records, answer.on, answer.note)

    def _ask_verdict(self, records: list[PledgeRecord], *, broken: bool) -> VerdictAnswer | None:
        """The day (and note) the analyst gives for a met or broken mark; None if cancelled."""
        from app.gui.dialogs import VerdictDialog

        dialog = VerdictDialog(records, self.clock.today(), self, broken=broken)
        return dialog.answer() if dialog.exec() else None

    def reopen_current(self, *_: object) -> None:
        """Take back the met or broken marks of the selected pledges."""
        marked = [r for r in self.selected_records() if r.pledge.met_on or r.pledge.broken_on]
        if marked:
            self.pledge_actions.reopen(marked)

    def confirm_current(self, *_: object) -> None:
        """Confirm the selected pledges to review; in To review, the next one is selected."""
        waiting = [r for r in self.selected_records() if r.pledge.review]
        if not waiting:
            self.statusBar().showMessage("Only a pledge to review needs confirming.", 5_000)
            return
        if self.proxy.status is Status.REVIEW:  # the inbox: on to the next one now
            self.select_next()
        self.pledge_actions.confirm(waiting)

    def dismiss_current(self, *_: object) -> None:
        """Delete: hide the selected pledges as wrong extractions (undo brings them back); the
        next row is selected. Among the dismissed, Delete restores them instead."""
        records = self.selected_records()
        if not records:
            return
        self.select_next()
        if self.proxy.dismissed:
            self.pledge_actions.restore(records)
        else:
            self.pledge_actions.dismiss(records)

    def toggle_dismissed(self) -> None:
        """View > Dismissed pledges: show them alone (Delete restores the selected), or go back
        to the others."""
        on = not self.proxy.dismissed
        self.proxy.set_dismissed_view(on)
        self.action_of["dismissed"].setChecked(on)
        self.action_of["dismiss"].setText("&Restore" if on else "&Dismiss")
        message = "Dismissed pledges: Delete restores the selected ones" if on else ""
        self.statusBar().showMessage(message, 10_000)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def set_kind_current(self, kind: PledgeKind) -> None:
        """Give the selected pledges another kind."""
        records = [r for r in self.selected_records() if r.pledge.kind is not kind]
        if records:
            self.pledge_actions.set_kind(records, kind)

    def edit_current(self, *_: object) -> None:
        """Open the dialog to correct the current pledge."""
        from app.gui.dialogs import EditPledgeDialog

        record = self.current_record()
        if record is None:
            return
        dialog = EditPledgeDialog(record, self.clock.today(), self)
        if dialog.exec():
            change = dialog.change()
            if not change.actor or not change.action:
                self.report("A pledge needs an actor and an action; nothing was changed.")
                return
            self.pledge_actions.edit(record, change)

    def select_next(self) -> None:
        """Move the selection past the selected rows (or before them, at the end), so that it
        stays on a row when they leave the view."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            rows = [self.table.currentIndex().row()]
        following = rows[-1] + 1 if rows[-1] + 1 < self.proxy.rowCount() else rows[0] - 1
        if following >= 0:
            self.table.selectRow(following)

    def _on_model_met_toggled(self, pledge_id: int, met: bool) -> None:
        row = self.model.row_of(pledge_id)
        if row is None:
            return
        record = self.model.record(row)
        if met:
            self.pledge_actions.set_met([record], self.clock.today())
        else:
            self.pledge_actions.reopen([record])
