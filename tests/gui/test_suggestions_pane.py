"""The Suggestions panel: a follow-up article's report, accepted with one key."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.domain import Status
from app.gui.pledge_model import RECORD_ROLE
from tests.gui.helpers import AGAIN_AND_BROKEN, FOLLOW_UP, show_row
from tests.gui.helpers import import_text as _import
from tests.gui.helpers import row_of_actor as _row_of_actor

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from pytestqt.qtbot import QtBot

    from app.gui.main_window import MainWindow


def test_a_follow_up_is_suggested_and_enter_accepts_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _import(qtbot, window, tmp_path, FOLLOW_UP)
    pane = window.suggestions
    assert pane.list.count() == 1
    text = pane.list.item(0).text()
    assert text.startswith("Mark 'United States: provide a written response")
    assert "as met on 26/01/2022?" in text
    assert "delivered its written response" in text
    assert window.suggestions_dock.windowTitle() == "Suggestions (1)"
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)  # the pledge and the panel are read again
    qtbot.waitUntil(lambda: window.judging is None, timeout=30_000)
    row = _row_of_actor(window, "United States")
    record = window.proxy.index(row, 0).data(RECORD_ROLE)
    assert record.pledge.met_on == date(2022, 1, 26)
    assert pane.list.count() == 0
    assert window.suggestions_dock.windowTitle() == "Suggestions"


def test_reject_sets_the_suggestion_aside_and_leaves_the_pledge_pending(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _import(qtbot, window, tmp_path, FOLLOW_UP)
    pane = window.suggestions
    pane.list.setCurrentRow(0)
    pane.reject_button.click()
    qtbot.waitUntil(lambda: window.judging is None, timeout=30_000)
    assert pane.list.count() == 0
    record = window.proxy.index(_row_of_actor(window, "United States"), 0).data(RECORD_ROLE)
    assert record.pledge.met_on is None
    assert record.pledge.broken_on is None


def test_a_broken_report_and_a_second_source_show_in_the_details(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _import(qtbot, window, tmp_path, AGAIN_AND_BROKEN)
    summary = window.last_summary
    assert summary is not None
    assert "1 earlier pledge reported again" in summary.text()
    [text] = [
        window.suggestions.list.item(i).text() for i in range(window.suggestions.list.count())
    ]
    assert text.startswith("Mark 'Sergei Lavrov: hold further negotiations with Blinken'")
    assert "as broken on 27/01/2022?" in text
    window.suggestions.list.setFocus()
    qtbot.keyClick(window.suggestions.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.judging is None, timeout=30_000)
    assert window.filters.chip(Status.BROKEN).text() == "Broken  1"
    assert window.statusBar().currentMessage() == "Sergei Lavrov: broken"

    show_row(qtbot, window, _row_of_actor(window, "Sergei Lavrov", "hold further negotiations"))
    detail = window.detail
    assert detail.status_line.text().startswith("Broken · broken 27/01/2022")
    assert detail.verdict.text().startswith("broken 27/01/2022 · reported by")
    assert "Broken, as Lavrov Calls Off Talks" in detail.reports.toPlainText()
    assert "called off the negotiations with Blinken" in detail.reports.toPlainText()

    show_row(qtbot, window, _row_of_actor(window, "United States"))
    sources = detail.reports.toPlainText()
    assert detail.tabs.tabText(1) == "&Reports (2)"
    assert "first reported by Russia, U.S. Agree to Talk Security Demands" in sources
    assert "28/01/2022 · reported again by Lavrov Calls Off Talks" in sources


def test_ticking_the_pledge_off_by_hand_takes_its_suggestion_away(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _import(qtbot, window, tmp_path, FOLLOW_UP)
    assert window.suggestions.list.count() == 1
    window.table.selectRow(_row_of_actor(window, "United States"))
    window.toggle_met_current()
    window.pledge_actions.wait()
    assert window.suggestions.list.count() == 0
    window.undo_stack.undo()  # open again: the report is worth asking about again
    window.pledge_actions.wait()
    assert window.suggestions.list.count() == 1


def test_a_closed_suggestions_panel_comes_back_from_the_view_menu_and_with_new_reports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.suggestions_dock.close()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert isinstance(view, QMenu)
    entry = next(a for a in view.actions() if a.text().startswith("Suggestions"))
    entry.trigger()
    assert window.suggestions_dock.isVisible()
    window.suggestions_dock.close()
    _import(qtbot, window, tmp_path, FOLLOW_UP)  # the summary points to the panel: it is there
    assert window.last_summary is not None
    assert "Suggestions panel" in window.last_summary.text()
    assert window.suggestions_dock.isVisible()
    assert entry.text() == "Suggestions (1)"
    assert entry.isChecked()


def test_show_more_lists_the_less_likely_suggestions_and_show_fewer_hides_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.extract import outcome_ranking

    model = outcome_ranking.OutcomeModel({"the rules' outcome": 8.0}, -2.0, shown=0.9, kept=0.05)
    monkeypatch.setattr(outcome_ranking, "shipped_outcome_model", lambda: model)
    _import(qtbot, window, tmp_path, FOLLOW_UP)
    pane = window.suggestions
    assert pane.list.count() == 1
    assert window.suggestions_dock.windowTitle() == "Suggestions (1)"  # the likely one
    assert pane.more_button.isVisible()
    more = pane.more_button.text()
    assert more.startswith("Show ")
    assert more.endswith(" more")
    assert "less likely to report an outcome" in pane.more_button.toolTip()
    hidden = int(more.split()[1])
    pane.more_button.click()
    assert pane.list.count() == 1 + hidden
    assert pane.more_button.text() == "Show fewer"
    assert "possible (12% likely)" in pane.list.item(1).text()
    assert "possible" not in pane.list.item(0).text()
    pane.list.setCurrentRow(1)
    pane.reject_button.click()  # a less likely one is judged like any other
    qtbot.waitUntil(lambda: window.judging is None, timeout=30_000)
    assert pane.list.count() == hidden  # still showing more, one fewer
    pane.more_button.click()
    assert pane.list.count() == 1
    assert pane.more_button.text() == f"Show {hidden - 1} more"
