"""Imports off the GUI thread: progress, a failing file that stops nothing, cancel, paste."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.gui.dialogs import PasteArticleDialog
from app.gui.import_worker import ImportSummary, ImportWorker, PastedText
from app.gui.pledge_model import Column

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.web import LocalWeb

ARTICLE = "2022-03-01\nPlant to close\n\nAcme Corp will close the plant next month.\n"


def _files(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(ARTICLE.replace("the plant", f"plant number {n}"), encoding="utf-8")
        paths.append(path)
    return paths


def _run(worker: ImportWorker) -> tuple[ImportSummary, list[tuple[int, int, str]]]:
    progress: list[tuple[int, int, str]] = []
    summaries: list[ImportSummary] = []
    worker.signals.progress.connect(lambda d, t, n: progress.append((d, t, n)))
    worker.signals.finished.connect(summaries.append)
    worker.run()  # on this thread, so that the test sees every signal in order
    return summaries[0], progress


def test_progress_and_a_failing_file_that_stops_nothing(engine: Engine, tmp_path: Path) -> None:
    good = _files(tmp_path, 2)
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02")
    summary, progress = _run(ImportWorker(engine, [good[0], bad, good[1]]))
    assert [p[:2] for p in progress] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert progress[1][2] == "binary.txt"
    assert [count for _, count in summary.added] == [1, 1]
    assert len(summary.failed) == 1
    assert "binary.txt" in summary.failed[0]
    assert "Added 2 articles with 2 pledges." in summary.text()
    assert "1 file could not be imported" in summary.text()


def test_cancel_stops_after_the_current_file_and_keeps_what_was_stored(
    engine: Engine, tmp_path: Path
) -> None:
    worker = ImportWorker(engine, _files(tmp_path, 4))

    def cancel_after_the_first(done: int, _total: int, _name: str) -> None:
        if done == 1:
            worker.cancel()

    worker.signals.progress.connect(cancel_after_the_first)
    summary, _ = _run(worker)
    assert summary.cancelled
    assert len(summary.added) == 2
    assert "Cancelled" in summary.text()


def test_pasted_text_is_imported_with_the_date_given(engine: Engine) -> None:
    text = "Plant to close\n\nAcme Corp will close the plant next month."
    summary, _ = _run(ImportWorker(engine, [PastedText(text, date(2022, 3, 1))]))
    assert summary.added == [("Plant to close", 1)]


def test_the_window_imports_without_blocking_and_shows_the_new_pledges(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    before = window.model.rowCount()
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.start_import(_files(tmp_path, 3))
        assert window.progress.isVisible()
        assert window.cancel_button.isVisible()
    assert len(finished.args[0].added) == 3
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 3, timeout=10_000)
    assert not window.progress.isVisible()
    actors = {window.proxy.index(r, Column.ACTOR).data() for r in range(window.proxy.rowCount())}
    assert "Acme Corp" in actors


def test_paste_dialog_reads_the_date_from_the_text(qtbot: QtBot) -> None:
    dialog = PasteArticleDialog(date(2026, 11, 27))
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Talks to resume\n\nJanuary 21, 2022\n\nBoth sides will meet again.")
    assert dialog.article().published == date(2022, 1, 21)
    assert "21/01/2022" in dialog.found.text()
    assert dialog.found.textFormat() == Qt.TextFormat.PlainText


def test_cancel_lets_go_of_a_page_that_is_still_arriving(
    qtbot: QtBot, window: MainWindow, web: LocalWeb
) -> None:
    import time

    slow = web.add("/drip.html", b"<html><body><p>" + b"x" * 400, "text/html", drip=0.05)
    started = time.monotonic()
    with qtbot.waitSignal(window.import_finished, timeout=30_000) as finished:
        window.start_import([slow])
        qtbot.wait(300)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 3.0  # not the 20 s the page would take
    summary = finished.args[0]
    assert summary.cancelled
    assert summary.failed == []
    assert summary.added == []
