"""Working on several pledges at once, the dismissed view, and the keys an analyst learns:
Shift+↓ to select, Delete, Space, Shift+Space, J and K, F1."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from app.domain import PledgeKind, Status
from app.gui.dialogs import VerdictDialog
from app.gui.shortcuts_dialog import ShortcutsDialog
from app.store.engine import open_session
from app.store.reads import get_pledge
from tests.gui.helpers import when_shown

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.domain import Pledge
    from app.gui.main_window import MainWindow


def _stored(engine: Engine, pledge_id: int) -> Pledge:
    with open_session(engine) as session:
        return get_pledge(session=session, pledge_id=pledge_id).pledge


def _select_three_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> list[int]:
    """Click the first row, then Shift+↓ twice: the ids of the three rows selected."""
    window.table.setFocus()
    window.table.selectRow(0)
    for _ in range(2):
        qtbot.keyClick(window.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = [r.id for r in window.selected_records()]
    assert len(chosen) == 3
    assert window.selected_count.text() == "3 selected"  # the status bar says so
    return chosen


def test_three_pledges_dismissed_with_one_delete_come_back_with_one_undo(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    rows = window.proxy.rowCount()
    chosen = _select_three_with_the_keyboard(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == rows - 3
    assert all(_stored(engine, pledge_id).dismissed for pledge_id in chosen)
    assert window.statusBar().currentMessage() == "Dismissed 3 pledges — Ctrl+Z to undo"
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Dismiss: 3 pledges"
    assert window.current_record() is not None  # the selection moved on to a row still shown

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == rows
    assert not any(_stored(engine, pledge_id).dismissed for pledge_id in chosen)


def test_space_ticks_off_every_selected_pledge_and_again_unticks_them(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    chosen = _select_three_with_the_keyboard(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.pledge_actions.wait()
    assert {_stored(engine, pledge_id).met_on for pledge_id in chosen} == {date(2022, 1, 25)}
    assert window.statusBar().currentMessage() == "Marked met 3 pledges — Ctrl+Z to undo"
    assert len(window.selected_records()) == 3  # the selection stays on the ticked rows
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.pledge_actions.wait()
    assert {_stored(engine, pledge_id).met_on for pledge_id in chosen} == {None}


def test_the_dismissed_view_shows_them_alone_and_delete_restores(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    rows = window.proxy.rowCount()
    window.table.setFocus()
    window.table.selectRow(0)
    dismissed = window.current_record()
    assert dismissed is not None
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.pledge_actions.wait()

    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.action_of["dismissed"].isChecked()
    assert window.proxy.rowCount() == 1
    assert window.current_record() == _stored_record(window, dismissed.id)
    assert window.action_of["dismiss"].text() == "&Restore"
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == 0
    assert not _stored(engine, dismissed.id).dismissed
    assert window.statusBar().currentMessage().startswith("Restored: ")

    window.action_of["dismissed"].trigger()  # back to the pledges
    assert not window.action_of["dismissed"].isChecked()
    assert window.proxy.rowCount() == rows
    assert window.action_of["dismiss"].text() == "&Dismiss"


def _stored_record(window: MainWindow, pledge_id: int) -> object:
    row = window.model.row_of(pledge_id)
    assert row is not None
    return window.model.record(row)


def test_shift_space_marks_the_selected_met_on_a_day_typed_as_people_say_it(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    chosen = _select_three_with_the_keyboard(qtbot, window)
    answered: list[str] = []

    def answer(dialog: VerdictDialog) -> None:
        answered.append(dialog.windowTitle())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.on.edit.clear()
        qtbot.keyClicks(dialog.on.edit, "next year")  # not a day that has come: refused
        answered.append(dialog.on.shown.text())
        assert not ok.isEnabled()
        dialog.on.edit.clear()
        qtbot.keyClicks(dialog.on.edit, "yesterday")
        answered.append(dialog.on.shown.text())
        qtbot.keyClicks(dialog.note, "announced in Geneva")
        ok.click()

    waiting = when_shown(VerdictDialog, answer)
    qtbot.keyClick(window.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    window.pledge_actions.wait()
    assert not waiting.isActive(), "Shift+Space opened no dialog"
    assert answered[0] == "Mark 3 pledges as met"
    assert answered[1].startswith("Not a day I can read")
    assert answered[2] == "= Monday 24/01/2022"
    for pledge_id in chosen:
        stored = _stored(engine, pledge_id)
        assert (stored.met_on, stored.met_note) == (date(2022, 1, 24), "announced in Geneva")


def test_j_and_k_move_through_the_pledges(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    qtbot.keyClick(window.table, Qt.Key.Key_J)
    assert window.table.currentIndex().row() == 2
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert window.table.currentIndex().row() == 1
    assert [r.id for r in window.selected_records()] == [window.current_record().id]  # type: ignore[union-attr]
    window.filters.search.setFocus()
    qtbot.keyClicks(window.filters.search, "jk")  # in the search box they are letters
    assert window.filters.search.text() == "jk"


def test_f1_lists_every_key_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(isinstance(w, ShortcutsDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog)]
    rows = dict(dialog.rows())
    assert rows["Space"] == "Toggle met"
    assert rows["Shift+Space"] == "Mark met"
    assert rows["Del"] == "Dismiss"
    assert rows["J"] == "Next pledge"
    assert rows["F1, Ctrl+/"] == "Keyboard shortcuts"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_set_kind_from_the_right_click_changes_every_selected_pledge(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    chosen = _select_three_with_the_keyboard(qtbot, window)
    before = {pledge_id: _stored(engine, pledge_id).kind for pledge_id in chosen}
    assert set(before.values()) != {PledgeKind.THREAT}
    record = window.current_record()
    assert record is not None
    menu = window.row_menu(record)
    [kinds] = [a.menu() for a in menu.actions() if a.text() == "Set &kind"]
    assert isinstance(kinds, QMenu)
    [threat] = [a for a in kinds.actions() if a.text() == PledgeKind.THREAT.label]
    threat.trigger()
    window.pledge_actions.wait()
    assert {_stored(engine, pledge_id).kind for pledge_id in chosen} == {PledgeKind.THREAT}
    window.undo_stack.undo()
    window.pledge_actions.wait()
    assert {pledge_id: _stored(engine, pledge_id).kind for pledge_id in chosen} == before


def test_three_to_review_confirmed_with_one_enter_and_taken_back_with_one_undo(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    window.filters.chip(Status.REVIEW).click()
    count = window.proxy.rowCount()
    chosen = _select_three_with_the_keyboard(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter confirms, in the inbox
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == count - 3
    assert not any(_stored(engine, pledge_id).review for pledge_id in chosen)
    assert window.undo_stack.count() == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == count
    assert all(_stored(engine, pledge_id).review for pledge_id in chosen)


def test_three_marked_broken_with_ctrl_b_on_a_day_typed(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    chosen = _select_three_with_the_keyboard(qtbot, window)

    def answer(dialog: VerdictDialog) -> None:
        dialog.on.edit.clear()
        qtbot.keyClicks(dialog.on.edit, "2022-01-24")
        qtbot.keyClicks(dialog.note, "talks called off")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    waiting = when_shown(VerdictDialog, answer)
    qtbot.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    window.pledge_actions.wait()
    assert not waiting.isActive(), "Ctrl+B opened no dialog"
    for pledge_id in chosen:
        stored = _stored(engine, pledge_id)
        assert (stored.broken_on, stored.broken_note) == (date(2022, 1, 24), "talks called off")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    window.pledge_actions.wait()
    assert all(_stored(engine, pledge_id).broken_on is None for pledge_id in chosen)
