"""The window lists the pledges, imports the sample on first start, and sorts overdue first."""

from __future__ import annotations

from datetime import date

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

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
