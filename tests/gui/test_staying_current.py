"""The board stays true without F5: changes by the command line or cron appear, the window's
own changes do not reload it, the banner drops a pledge once met, and the details follow the
selection when a filter hides their pledge."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from app.cli import main as cli
from app.domain import Status
from app.gui.pledge_model import RECORD_ROLE, Column
from tests.gui.helpers import AGAIN_AND_BROKEN, cell, open_window_told, row_of_actor, show_row

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.gui.conftest import FakeNow

FAST_MS = 50  # the watcher's interval in these tests (3 s in the app)


def _command_line(engine: Engine, *argv: str) -> str:
    """Run a `pledgewatch` command on the window's database, as the analyst does in a shell."""
    out = io.StringIO()
    code = cli(["--db", engine.url.render_as_string(hide_password=False), *argv], out=out)
    assert code == 0, out.getvalue()
    return out.getvalue()


def _status_of(window: MainWindow, actor: str) -> str:
    return cell(window, row_of_actor(window, actor), Column.STATUS)


def test_a_pledge_marked_met_on_the_command_line_shows_met_without_f5(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    window.watcher.timer.setInterval(FAST_MS)
    record = window.proxy.index(row_of_actor(window, "United States"), 0).data(RECORD_ROLE)
    assert _status_of(window, "United States") == "Pending"
    _command_line(engine, "met", str(record.id), "--on", "2022-01-24")
    qtbot.waitUntil(lambda: _status_of(window, "United States") == "Met", timeout=10_000)
    assert "another program" in window.statusBar().currentMessage()


def test_a_closed_window_stops_asking_the_database_for_changes(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    window.watcher.timer.setInterval(FAST_MS)
    assert window.watcher.timer.isActive()
    window.close()
    assert not window.watcher.timer.isActive()
    record = window.proxy.index(row_of_actor(window, "United States"), 0).data(RECORD_ROLE)
    _command_line(engine, "met", str(record.id), "--on", "2022-01-24")
    qtbot.wait(4 * FAST_MS)
    assert _status_of(window, "United States") == "Pending"  # no longer read


def test_the_window_s_own_change_does_not_reload_the_board(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.watcher.timer.setInterval(FAST_MS)
    show_row(qtbot, window, row_of_actor(window, "United States"))
    with qtbot.assertNotEmitted(window.loaded, wait=1_000):
        qtbot.keyClick(window.table, Qt.Key.Key_Space)  # met today
        window.pledge_actions.wait()
    assert _status_of(window, "United States") == "Met"
    assert "another program" not in window.statusBar().currentMessage()


def test_an_article_ingested_on_the_command_line_shows_without_f5(
    qtbot: QtBot, window: MainWindow, engine: Engine, tmp_path: Path
) -> None:
    window.watcher.timer.setInterval(FAST_MS)
    before = window.model.rowCount()
    later = tmp_path / "later.txt"  # a new pledge, and Lavrov's broken (a suggestion)
    later.write_text(
        AGAIN_AND_BROKEN + "\nAcme Corp will close its Leeds plant by the end of March.\n",
        encoding="utf-8",
    )
    with qtbot.assertNotEmitted(window.loaded, wait=0):  # pledge by pledge, not reloaded whole
        _command_line(engine, "ingest", str(later))
        qtbot.waitUntil(lambda: window.model.rowCount() > before, timeout=10_000)
    assert any(r.pledge.actor == "Acme Corp" for r in window.model.records())
    assert window.suggestions.list.count() > 0
    assert "Lavrov" in window.suggestions.list.item(0).text()
    assert "changed by another program" in window.statusBar().currentMessage()


def test_the_banner_drops_a_pledge_once_it_is_met(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> None:
    fake_now.set_day(date(2022, 1, 31))  # the United States' response is overdue
    window, notices = open_window_told(qtbot, engine, fake_now)
    assert len(notices) == 1
    assert window.banner.isVisibleTo(window)
    show_row(qtbot, window, row_of_actor(window, "United States"))
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.pledge_actions.wait()
    qtbot.waitUntil(lambda: not window.banner.isVisibleTo(window), timeout=5_000)
    window.undo_stack.undo()  # open again: but a banner the change closed stays closed
    window.pledge_actions.wait()
    assert not window.banner.isVisibleTo(window)


def test_the_details_follow_the_selection_when_a_filter_hides_their_pledge(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_row(qtbot, window, row_of_actor(window, "Sergei Lavrov"))
    assert window.detail.record is not None
    qtbot.keyClicks(window.filters.search, "United States")
    qtbot.waitUntil(
        lambda: window.detail.record is None or window.detail.record == window.current_record(),
        timeout=5_000,
    )
    shown = window.detail.record
    assert shown is None or shown.pledge.actor == "United States"
    window.filters.choose_status(Status.BROKEN)  # nothing broken: an empty table
    qtbot.waitUntil(lambda: window.detail.record is None, timeout=5_000)
    assert window.detail.heading.text() == "Select a pledge to see it in full"
