"""Imports into the window: files (dialog or drop), a web address, pasted text; each runs on a
worker with a progress bar and Cancel, and its summary says what came of it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app.domain.errors import PledgeWatchError
from app.gui.window_parts import WindowParts
from app.gui.workers import start

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from app.gui.import_worker import ImportJob, ImportSummary, ImportWorker


class Importing(WindowParts):
    """Mixin of MainWindow: bringing articles in."""

    def choose_files(self) -> None:
        """File > Import articles: pick text, HTML or PDF files."""
        folder = str(self._settings.value("last_folder", str(Path.home())))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            folder,
            "Articles (*.txt *.html *.htm *.pdf);;Text (*.txt);;Web pages (*.html *.htm);;"
            "PDF (*.pdf);;All files (*)",
        )
        if paths:
            self._settings.setValue("last_folder", str(Path(paths[0]).parent))
            self.start_import([Path(p) for p in paths])

    def import_web_address(self) -> None:
        """File > Import from web address: fetch a page or PDF and import it."""
        from app.extract.fetch import is_web_address

        url, ok = QInputDialog.getText(
            self, "Import from web address", "Article address:", text="https://"
        )
        url = url.strip()
        if not ok or not url:
            return
        if not is_web_address(url):
            self.report(f"'{url}' is not an http or https address.")
            return
        self.start_import([url])

    def paste_article(self) -> None:
        """Ctrl+Shift+V: paste an article's text and confirm its publication date."""
        from app.gui.dialogs import PasteArticleDialog
        from app.gui.import_worker import PastedText

        dialog = PasteArticleDialog(self.clock.today(), self)
        if dialog.exec():
            pasted = dialog.article()
            self.start_import([PastedText(pasted.text, pasted.published)])

    def start_import(self, jobs: Sequence[ImportJob]) -> ImportWorker | None:
        """Import off the GUI thread with a progress bar and Cancel."""
        from app.gui.import_worker import ImportWorker

        if self._import is not None:
            self.report("An import is already running; wait for it or cancel it.")
            return None
        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self.report(str(exc))
            return None
        worker = ImportWorker(engine, jobs)
        worker.signals.progress.connect(self._on_import_progress)
        worker.signals.finished.connect(self._on_import_finished)
        self._import = worker
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        for name in ("import", "web", "paste"):
            self.action_of[name].setEnabled(False)
        start(worker)
        return worker

    def cancel_import(self) -> None:
        """Stop the running import after the file being read."""
        if self._import is not None:
            self._import.cancel()
            self.cancel_button.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the current file…")

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        if name:
            self.statusBar().showMessage(f"Reading {name} ({done + 1} of {total})…")

    def _on_import_finished(self, summary: ImportSummary) -> None:
        self._import = None
        self.last_summary = summary
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        for name in ("import", "web", "paste"):
            self.action_of[name].setEnabled(True)
        self.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Import finished",
            summary.text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        if summary.failed:
            box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.import_finished.emit(summary)
        if summary.suggestions:  # the summary points to the panel: it must be there to see
            self.suggestions_dock.show()
            self.suggestions_dock.raise_()
        if summary.added:
            self.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files dragged from a file manager, and links dragged from a browser."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the files dropped on the window."""
        paths: list[ImportJob] = [
            Path(u.toLocalFile()) if u.isLocalFile() else u.toString()
            for u in event.mimeData().urls()
            if u.isLocalFile() or u.scheme() in {"http", "https"}
        ]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)
