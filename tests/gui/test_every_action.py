"""Every menu action, context-menu entry and button of the window, used as an analyst would.

Each is triggered on the sample with a pledge selected, first cancelling and then accepting the
dialogs it opens (file dialogs always cancelled). pytest-qt fails the test on any exception a
slot raises; the filters are checked not to empty a table the sample fills."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMenu,
    QTabBar,
)

from app.domain import PledgeKind, Status
from app.gui.pledge_model import RECORD_ROLE
from tests.gui.conftest import FakeNow, open_window
from tests.gui.dialog_answerer import DialogAnswerer
from tests.gui.helpers import AGAIN_AND_BROKEN, FOLLOW_UP, import_text

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from PySide6.QtGui import QAction
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow

_LAST = ("E&xit",)  # closes the window: triggered once, at the very end


def _menu_actions(menu: QMenu) -> list[QAction]:
    """The actions of a menu and its submenus, as a user reaches them by opening each."""
    menu.aboutToShow.emit()  # menus filled on opening (View > Columns) are filled now
    found: list[QAction] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += _menu_actions(submenu)
        elif not action.isSeparator():
            found.append(action)
    return found


def _window_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += _menu_actions(menu)
    record = window.current_record()
    assert record is not None
    found += _menu_actions(window.row_menu(record))
    return found


def _is_qt_internal(button: QAbstractButton) -> bool:
    """Buttons Qt adds by itself (tab scrolling, table corners, a line edit's clear button)."""
    parent = button.parentWidget()
    return button.objectName().startswith("qt_") or isinstance(parent, QTabBar | QLineEdit)


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let imports, loads and reads started by an action finish and be shown."""
    for _ in range(3):
        qtbot.waitUntil(lambda: window._import is None and window.judging is None, timeout=60_000)
        window.pledge_actions.wait()
        QThreadPool.globalInstance().waitForDone(60_000)
        QApplication.processEvents()
        qtbot.wait(20)


def _select_a_pledge(window: MainWindow) -> None:
    """Select an open pledge that no suggestion is about (so that buttons acting on the selection
    leave the suggestions for their own buttons), else any pledge."""
    window.clear_filters()
    asked = "\n".join(
        window.suggestions.list.item(i).text() for i in range(window.suggestions.list.count())
    )
    rows = range(window.proxy.rowCount())
    for row in rows:
        pledge = window.proxy.index(row, 0).data(RECORD_ROLE).pledge
        is_open = pledge.met_on is None and pledge.broken_on is None
        if is_open and f"{pledge.actor}: {pledge.action}" not in asked:
            window.table.selectRow(row)
            return
    window.table.selectRow(0)


def _window_buttons(window: MainWindow) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton) if b.window() is window]


def _show_button(button: QAbstractButton) -> None:
    """Bring forward the dock tab a button sits in, as a user clicks the tab to reach it."""
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    if isinstance(parent, QDockWidget):
        parent.show()
        parent.raise_()


def _trigger_everything(
    qtbot: QtBot, window: MainWindow, *, accept: bool
) -> tuple[list[str], list[QAbstractButton]]:
    done: list[str] = []
    clicked: list[QAbstractButton] = []
    with DialogAnswerer(accept=accept) as answerer:
        for button in _window_buttons(window):
            _select_a_pledge(window)
            _show_button(button)
            for row in range(window.proxy.rowCount()):
                if button.isEnabled():
                    break
                window.table.selectRow(row)  # a button for another state (Reopen): find a row
            if not button.isVisibleTo(window) or not button.isEnabled():
                continue
            button.click()
            _settle(qtbot, window)
            answerer.answer_open()
            clicked.append(button)
            done.append(button.text())
            for dock in window.findChildren(QDockWidget):
                dock.setFloating(False)  # its title bar's float button was clicked: dock it again
        for action in _window_actions(window):
            if action.text() in _LAST or not action.isEnabled():
                continue
            _select_a_pledge(window)
            action.trigger()
            _settle(qtbot, window)
            answerer.answer_open()
            done.append(action.text())
            if action.isCheckable():
                action.trigger()  # a column or dock toggled off is toggled back on
                _settle(qtbot, window)
    return done, clicked


def _assert_filters_keep_rows(window: MainWindow) -> None:
    """Every status chip and kind the sample has shows at least one row."""
    window.clear_filters()
    shown = (window.model.record(row) for row in range(window.model.rowCount()))
    records = [record for record in shown if not record.pledge.dismissed]
    assert records
    for status in Status:
        has = window.proxy.total_counts()[status] > 0
        window.filters.choose_status(status)
        assert (window.proxy.rowCount() > 0) == has, f"status chip {status.value}"
    window.filters.choose_status(None)
    for index in range(window.filters.kind.count()):
        window.filters.kind.setCurrentIndex(index)
        kind = window.filters.kind.itemData(index)
        has = kind is None or any(r.pledge.kind == kind for r in records)
        assert (window.proxy.rowCount() > 0) == has, f"kind {window.filters.kind.itemText(index)}"
        if kind is not None:
            assert all(
                window.proxy.index(row, 0).data(RECORD_ROLE).pledge.kind == kind
                for row in range(window.proxy.rowCount())
            )
    window.clear_filters()
    for actor in {r.pledge.actor for r in records}:  # the side list's choices
        window.show_actor(actor)
        assert window.proxy.rowCount() > 0, f"actor {actor}"
    for article in {r.article_id for r in records}:
        window.show_article(article)
        assert window.proxy.rowCount() > 0, f"article {article}"
    window.clear_filters()


def test_every_action_and_button_works_cancelled_and_accepted(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.extract import outcome_ranking

    # a ranker that keeps every other sentence as a less likely suggestion: "Show N more" is
    # there to click, whatever the shipped model makes of the sample
    model = outcome_ranking.OutcomeModel({"the rules' outcome": 8.0}, -2.0, shown=0.9, kept=0.05)
    monkeypatch.setattr(outcome_ranking, "shipped_outcome_model", lambda: model)
    fake_now.set_day(date(2022, 1, 31))  # the United States' response is overdue: a banner
    window = open_window(qtbot, engine, fake_now)
    assert window.reminders is not None
    window.reminders.check()
    # the window's own check at start may be the one that tells it: wait for the banner
    qtbot.waitUntil(lambda: window.banner.isVisibleTo(window), timeout=60_000)
    banner = window.banner.findChildren(QAbstractButton)
    import_text(qtbot, window, tmp_path / "a", FOLLOW_UP)  # suggestions: their buttons are live
    import_text(qtbot, window, tmp_path / "b", AGAIN_AND_BROKEN)
    assert window.suggestions.list.count() == 2
    assert {r.pledge.kind for r in map(window.model.record, range(8))} & set(PledgeKind)
    _assert_filters_keep_rows(window)
    window.table.selectRow(0)

    buttons = _window_buttons(window)
    cancelled, clicked_first = _trigger_everything(qtbot, window, accept=False)
    accepted, clicked_then = _trigger_everything(qtbot, window, accept=True)

    for used in (cancelled, accepted):
        assert {"&Import articles…", "&Feeds…", "&Export…", "&Edit…", "Mark &broken…"} <= set(used)
        assert "&Mark met…" in used
    # Every button was clicked in one pass or the other, but for those that need a state the
    # sample does not give: Cancel (only while an import runs) and the reminder banner's.
    clicked = clicked_first + clicked_then
    not_clicked = {b for b in buttons if b not in clicked and not _is_qt_internal(b)}
    # Shown only in a state the passes leave at once: Cancel while an import runs (clicked in
    # test_import_worker), the calendar-day and side-list chips (test_main_window,
    # test_browsing), and the banner's two buttons, of which the first clicked hides the other.
    chips = {window.filters.day_chip, window.filters.group_chip}
    assert not_clicked <= {window.cancel_button, *chips, *banner}, [
        b.text() or b.toolTip() for b in not_clicked
    ]
    assert any(b in clicked for b in banner)
    assert {"&Accept", "&Reject"} <= {b.text() for b in clicked_first}
    _assert_filters_keep_rows(window)
    _select_a_pledge(window)
    assert window.suggestions_dock.toggleViewAction() in _window_actions(window)
    exit_action = next(a for a in _window_actions(window) if a.text() == "E&xit")
    exit_action.trigger()
    assert not window.isVisible()
    QThreadPool.globalInstance().waitForDone(60_000)
