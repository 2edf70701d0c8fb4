"""The window lists the pledges, imports the sample on first start, and sorts overdue first."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.extract import pledges
from app.gui.main_window import MainWindow
from app.gui.pledge_model import Column


def _window(qtbot: QtBot, engine: Engine, today: date) -> MainWindow:
    window = MainWindow(engine, today=lambda: today)
    qtbot.addWidget(window)
    window.show()
    worker = window.refresh(import_sample=True)
    with qtbot.waitSignal(worker.signals.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10_000)
    return window


def _cell(window: MainWindow, row: int, column: Column) -> str:
    return str(window.proxy.index(row, column).data())


def test_first_start_imports_the_sample_and_shows_overdue_first(
    qtbot: QtBot, engine: Engine, qtmodeltester: ModelTester
) -> None:
    window = _window(qtbot, engine, date(2022, 2, 1))
    qtmodeltester.check(window.model)
    rows = window.proxy.rowCount()
    assert rows >= 4
    assert _cell(window, 0, Column.STATUS) == "Overdue"
    assert "United States" in _cell(window, 0, Column.ACTOR)
    assert _cell(window, 0, Column.DUE) == "2022-01-30"
    assert {_cell(window, r, Column.STATUS) for r in range(1, rows)} == {"Pending"}
    assert "1 overdue" in window.summary_text()


def test_a_second_start_does_not_import_again(qtbot: QtBot, engine: Engine) -> None:
    first = _window(qtbot, engine, date(2022, 1, 25)).model.rowCount()
    assert _window(qtbot, engine, date(2022, 1, 25)).model.rowCount() == first


def test_the_window_shows_before_spacy_loads_and_spacy_loads_off_the_gui_thread(
    qtbot: QtBot, engine: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['x', '-platform', 'offscreen'])\n"
        "from app.gui.main_window import MainWindow\n"
        "from app.store.engine import make_engine\n"
        "window = MainWindow(make_engine(sys.argv[1]))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('spacy' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "w.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "False"

    threads: list[threading.Thread] = []
    original = pledges.load_nlp

    def recording() -> object:
        threads.append(threading.current_thread())
        return original()

    monkeypatch.setattr(pledges, "load_nlp", recording)
    _window(qtbot, engine, date(2022, 1, 25))
    assert threads and all(t is not threading.main_thread() for t in threads)
