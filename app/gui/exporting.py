"""Exports from the window: the pledges shown (or all) as CSV, iCalendar or JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from app.domain.errors import PledgeWatchError
from app.gui.pledge_model import RECORD_ROLE
from app.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.domain import PledgeRecord


class Exporting(WindowParts):
    """Mixin of MainWindow: writing pledges out."""

    def export(self) -> None:
        """File > Export: CSV for spreadsheets, iCalendar for calendars, or JSON."""
        from app.gui.dialogs import ExportDialog

        shown, total = self.proxy.rowCount(), self.model.rowCount()
        dialog = ExportDialog(shown, total, self)
        if not dialog.exec():
            return
        fmt = dialog.chosen_format()
        folder = str(self._settings.value("last_export_folder", str(Path.home())))
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export pledges",
            str(Path(folder) / f"pledges.{fmt}"),
            f"{fmt.upper()} (*.{fmt});;All files (*)",
        )
        if not path:
            return
        self._settings.setValue("last_export_folder", str(Path(path).parent))
        records = self.shown_records() if dialog.only_shown.isChecked() else self.model.records()
        self.export_to(Path(path), fmt, records)

    def export_to(self, path: Path, fmt: str, records: Sequence[PledgeRecord]) -> None:
        """Write pledges to a file, saying how it went."""
        from app.export import export_pledges, write_atomically

        data = export_pledges(records, fmt, today=self.clock.today(), now=datetime.now(UTC))
        try:
            write_atomically(path, data)
        except PledgeWatchError as exc:
            self.report(str(exc))
            return
        self.statusBar().showMessage(f"Exported {len(records)} pledges to {path}", 10_000)

    def shown_records(self) -> list[PledgeRecord]:
        """The pledges the filters show, in the table's order."""
        return [self.proxy.index(row, 0).data(RECORD_ROLE) for row in range(self.proxy.rowCount())]
