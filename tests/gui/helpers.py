"""What GUI tests share: reading the table as a user reads it, and importing through the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.gui.pledge_model import RECORD_ROLE, Column

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from app.services.reminders import Notice
    from tests.gui.conftest import FakeNow

D = TypeVar("D", bound=QDialog)

# A later article that reports the sample's United States pledge kept (26 January 2022).
FOLLOW_UP = """U.S. Hands Russia Written Response on Security Demands

January 26, 2022

The United States on Wednesday delivered its written response to Russia's security demands,
Secretary of State Antony Blinken told reporters. <b>Officials</b> declined to say more.
"""

# A later article that restates that pledge and reports Lavrov's broken (27 January 2022).
AGAIN_AND_BROKEN = """Lavrov Calls Off Talks as Washington Restates Its Pledge

January 28, 2022

The United States will provide a written response to its European security demands, a State
Department spokesman said again on Friday.

Russian Foreign Minister Sergei Lavrov on Thursday called off the negotiations with Blinken.
"""


def cell(window: MainWindow, row: int, column: Column) -> str:
    """The text a table cell shows."""
    return str(window.proxy.index(row, column).data())


def row_of_actor(window: MainWindow, actor: str, action: str = "") -> int:
    """The first row shown whose actor names `actor` (and whose pledge holds `action`)."""
    for row in range(window.proxy.rowCount()):
        if actor in cell(window, row, Column.ACTOR) and action in cell(window, row, Column.ACTION):
            return row
    raise AssertionError(f"no row for {actor} {action}".strip())


def import_text(qtbot: QtBot, window: MainWindow, folder: Path, text: str) -> None:
    """Import an article through the window and wait until its pledges are on screen."""
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "later.txt"
    article.write_text(text, encoding="utf-8")
    with (
        qtbot.waitSignal(window.loaded, timeout=60_000),
        qtbot.waitSignal(window.import_finished, timeout=60_000),
    ):
        window.start_import([article])


def show_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Select a row as a click does, and wait until the detail pane shows that pledge in full
    (its article and history are read on a worker)."""
    record = window.proxy.index(row, 0).data(RECORD_ROLE)
    if window.detail.record is not None and window.detail.record.id == record.id:
        return
    with qtbot.waitSignal(window.detail_shown, timeout=30_000):
        window.table.selectRow(row)


def when_shown(kind: type[D], answer: Callable[[D], None]) -> QTimer:
    """Call `answer` with the first `kind` of dialog that comes on screen, however late it opens
    (a dialog opened after a database read through the worker may take a while on a busy
    machine). Keep the returned timer alive until the dialog has been answered."""
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                answer(widget)
                return

    timer.timeout.connect(poll)
    timer.start()
    return timer


def open_window_told(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> tuple[MainWindow, list[Notice]]:
    """Open the window on the sample and wait for its first reminders; the window and what
    it told."""
    from app.gui.clock import DayClock
    from app.gui.main_window import MainWindow

    window = MainWindow(engine, clock=DayClock(fake_now))
    qtbot.addWidget(window)
    assert window.reminders is not None
    with qtbot.waitSignal(window.reminders.notified, timeout=60_000) as told:
        window.show()
        window.refresh(import_sample=True)
    notices: list[Notice] = told.args[0]
    return window, notices
