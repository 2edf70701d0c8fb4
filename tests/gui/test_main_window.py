"""The main window as an analyst uses it: first start, ticking off, undo, detail, clock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from app import __version__
from app.domain import PledgeEdit, PledgeKind, Status
from app.domain.decisions import met
from app.extract import nlp
from app.gui.clock import DayClock
from app.gui.main_window import MainWindow
from app.gui.pledge_model import RECORD_ROLE, Column
from app.logs import LOG_FILE, start_logging
from app.services.verdicts import decide
from app.store.engine import open_session
from app.store.reads import get_pledge
from tests.gui.conftest import FakeNow, open_window
from tests.gui.helpers import cell as _cell
from tests.gui.helpers import row_of_actor as _row_of_actor
from tests.gui.helpers import show_row, when_shown

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.modeltest import ModelTester
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.extract import Extraction


def _stored_met(engine: Engine, window: MainWindow, actor: str) -> date | None:
    row = _row_of_actor(window, actor)
    record = window.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    with open_session(engine) as session:
        return get_pledge(session=session, pledge_id=record.id).pledge.met_on


def test_first_start_imports_the_sample_and_shows_overdue_first(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow, qtmodeltester: ModelTester
) -> None:
    fake_now.set_day(date(2022, 2, 1))
    window = open_window(qtbot, engine, fake_now)
    qtmodeltester.check(window.model)
    assert window.proxy.rowCount() >= 5
    assert _cell(window, 0, Column.STATUS) == "Overdue"
    assert "United States" in _cell(window, 0, Column.ACTOR)
    assert _cell(window, 0, Column.DUE) == "30/01/2022 · 2 days overdue"
    statuses = [_cell(window, r, Column.STATUS) for r in range(1, window.proxy.rowCount())]
    assert statuses[0] == "Pending"
    assert set(statuses) == {"Pending", "To review"}
    assert statuses == sorted(statuses, key=["Pending", "To review"].index)  # the status order
    assert "1 overdue" in window.summary.text()
    assert "Import more" in window.summary.text()
    assert window.filters.chip(Status.OVERDUE).text() == "Overdue  1"
    review = statuses.count("To review")
    assert f"{review} to review" in window.summary.text()
    assert window.filters.chip(Status.REVIEW).text() == f"To review  {review}"


def _start_and_read_the_status_bar(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> tuple[MainWindow, list[str]]:
    """Open the window as `pledgewatch` does, noting every message its status bar shows."""
    window = MainWindow(engine, clock=DayClock(fake_now))
    qtbot.addWidget(window)
    said: list[str] = [window.summary.text()]
    window.statusBar().messageChanged.connect(said.append)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.refresh(import_sample=True)
    return window, [*said, window.statusBar().currentMessage()]


def test_a_second_start_does_not_import_again_nor_say_it_does(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> None:
    window, said = _start_and_read_the_status_bar(qtbot, engine, fake_now)
    first = window.model.rowCount()
    assert any(m.startswith("A new database: importing the bundled sample") for m in said), said
    assert said[-1] == f"Imported the bundled sample article: {first} pledges"
    again, said = _start_and_read_the_status_bar(qtbot, engine, fake_now)
    assert again.model.rowCount() == first
    assert not any("sample" in m for m in said), said


def test_tick_off_with_the_checkbox_then_undo_and_redo(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    row = _row_of_actor(window, "United States")
    index = window.proxy.index(row, Column.STATUS)
    assert (
        window.proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        is False
    )
    window.pledge_actions.wait()
    assert _stored_met(engine, window, "United States") == date(2022, 1, 25)
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) == "Met"

    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.pledge_actions.wait()
    assert _stored_met(engine, window, "United States") is None
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.table, Qt.Key.Key_Z, modifiers)
    window.pledge_actions.wait()
    assert _stored_met(engine, window, "United States") == date(2022, 1, 25)


def test_space_toggles_met_and_an_edit_repaints_only_its_row(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    window.table.setFocus()
    window.table.selectRow(_row_of_actor(window, "Lavrov"))
    record = window.current_record()
    assert record is not None
    changed: list[tuple[int, int]] = []
    window.model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.pledge_actions.wait()
    with open_session(engine) as session:
        ticked = get_pledge(session=session, pledge_id=record.id).pledge
    assert ticked.met_on == date(2022, 1, 25)
    assert not ticked.review
    assert len(changed) == 1
    assert changed[0][0] == changed[0][1]
    assert window.current_record() == get_pledge(session=open_session(engine), pledge_id=record.id)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    window.pledge_actions.wait()
    with open_session(engine) as session:
        assert get_pledge(session=session, pledge_id=record.id).pledge.met_on is None


def test_delete_dismisses_and_undo_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    rows = window.proxy.rowCount()
    window.table.setFocus()
    window.table.selectRow(_row_of_actor(window, "Ryabkov"))
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == rows - 1
    assert not any("Ryabkov" in _cell(window, r, Column.ACTOR) for r in range(rows - 1))
    window.undo_stack.undo()
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == rows


def test_the_detail_shows_the_sentence_highlighted_and_the_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_row(qtbot, window, _row_of_actor(window, "United States"))
    detail = window.detail
    record = detail.record
    assert record is not None
    assert "United States" in record.pledge.actor
    assert detail.highlighted_text() == record.pledge.quote
    assert detail.quote.textFormat() == Qt.TextFormat.PlainText
    assert "next week" in detail.deadline.text()
    assert "30/01/2022" in detail.deadline.text()
    assert "created" in detail.history.toPlainText()


def test_at_midnight_statuses_change_without_a_restart(
    window: MainWindow, fake_now: FakeNow
) -> None:
    fake_now.set_day(date(2022, 1, 30), time(23, 59, 59))
    window.clock.check()
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) == "Pending"
    fake_now.set_day(date(2022, 1, 31), time(0, 0, 1))
    window.clock.check()  # what the midnight timer and the wake-up heartbeat call
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) == "Overdue"
    assert window.filters.chip(Status.OVERDUE).text() == "Overdue  1"


def test_clicking_a_calendar_day_filters_the_table(window: MainWindow) -> None:
    marks = window.calendar.marks()
    assert marks[date(2022, 1, 30)][Status.PENDING] == 1  # the United States' response
    window.calendar.day_chosen.emit(date(2022, 1, 30))
    assert window.proxy.rowCount() == sum(marks[date(2022, 1, 30)].values())
    assert {window.current_record() is not None} == {True}
    assert all(
        window.proxy.index(row, 0).data(RECORD_ROLE).pledge.due == date(2022, 1, 30)
        for row in range(window.proxy.rowCount())
    )
    assert window.filters.day_chip.isVisibleTo(window.filters)
    window.filters.day_chip.click()
    assert window.proxy.rowCount() == window.model.rowCount()


def test_layout_and_columns_are_remembered(qtbot: QtBot, engine: Engine, fake_now: FakeNow) -> None:
    first = open_window(qtbot, engine, fake_now)
    first.table.setColumnHidden(Column.KIND, True)
    first.table.setColumnWidth(Column.ACTOR, 222)
    first.close()
    second = open_window(qtbot, engine, fake_now)
    assert second.table.isColumnHidden(Column.KIND)
    assert second.table.columnWidth(Column.ACTOR) == 222


def test_the_window_shows_before_spacy_loads_and_spacy_loads_off_the_gui_thread(
    qtbot: QtBot,
    engine: Engine,
    fake_now: FakeNow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['x', '-platform', 'offscreen'])\n"
        "from app.gui.main_window import MainWindow\n"
        "window = MainWindow(sys.argv[1], remember=False)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print([m for m in ('spacy', 'sqlalchemy', 'sqlmodel') if m in sys.modules])\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "w.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "[]"  # the window is up before the heavy libraries load

    threads: list[threading.Thread] = []
    original = nlp.load_nlp

    def recording() -> object:
        threads.append(threading.current_thread())
        return original()

    monkeypatch.setattr(nlp, "load_nlp", recording)
    open_window(qtbot, engine, fake_now)
    assert threads
    assert all(t is not threading.main_thread() for t in threads)


@pytest.mark.slow
def test_screenshot_option_saves_the_painted_window(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--db",
            str(tmp_path / "s.db"),
            "--screenshot",
            str(shot),
            "--now",
            "2022-02-01",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def test_dropping_files_on_the_window_imports_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    article = tmp_path / "dropped.txt"
    article.write_text("2022-03-01\nPlant to close\n\nAcme Corp will close the plant.\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    position = QPointF(window.rect().center())
    enter = QDragEnterEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.dropEvent(drop)
    assert finished.args[0].added == [("Plant to close", 1)]


def test_an_edit_is_saved_and_undone(window: MainWindow, engine: Engine) -> None:
    row = _row_of_actor(window, "Antony Blinken")
    record = window.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    change = PledgeEdit(
        actor="Antony J. Blinken",
        action="hold a follow-up meeting",
        kind=PledgeKind.PROMISE,
        due=date(2022, 2, 15),
        due_precision=None,
    )
    window.pledge_actions.edit(record, change)
    window.pledge_actions.wait()
    with open_session(engine) as session:
        stored = get_pledge(session=session, pledge_id=record.id).pledge
    assert (stored.actor, stored.due) == ("Antony J. Blinken", date(2022, 2, 15))
    window.undo_stack.undo()
    window.pledge_actions.wait()
    with open_session(engine) as session:
        stored = get_pledge(session=session, pledge_id=record.id).pledge
    assert (stored.actor, stored.due) == ("Antony Blinken", None)


def test_about_names_the_version_the_database_and_the_log(
    window: MainWindow, engine: Engine, log_folder: Path
) -> None:
    window.show_about()
    box = next(
        w for w in window.findChildren(QMessageBox) if w.windowTitle() == "About PledgeWatch"
    )
    assert f"PledgeWatch {__version__}" in box.text()
    assert str(engine.url.database) in box.text()
    assert f"Log: {log_folder / LOG_FILE}" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_a_fault_in_a_change_is_told_with_where_its_details_are_logged(
    qtbot: QtBot, window: MainWindow, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the index is corrupt")

    monkeypatch.setattr("app.gui.pledge_actions.write_steps", broken)
    start_logging()  # as the app's entry point does
    window.table.setFocus()
    window.table.selectRow(_row_of_actor(window, "United States"))
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10_000)
    log = log_folder / LOG_FILE
    assert window.last_error == (
        f"Internal error: RuntimeError: the index is corrupt. The details are in {log}."
    )
    assert not window.undo_stack.canUndo()
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) != "Met"
    logged = log.read_text("utf-8")
    assert "ERROR app.gui.workers: background work failed" in logged
    assert "RuntimeError: the index is corrupt" in logged
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert str(log) in box.text()
    box.close()


def test_a_stale_edit_is_refused_and_the_row_reloaded(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    row = _row_of_actor(window, "United States")
    record = window.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
    with open_session(engine) as session:  # another writer (the CLI) ticks it off first
        decide(
            session=session,
            pledge_id=record.id,
            decision=met(date(2022, 1, 24), "from the command line"),
            at=datetime.now(UTC),
        )
    window.table.setFocus()
    window.table.selectRow(_row_of_actor(window, "United States"))
    qtbot.keyClick(window.table, Qt.Key.Key_Space)  # the window still thinks it is open
    window.pledge_actions.wait()
    assert window.last_error is not None
    assert "changed elsewhere" in window.last_error
    shown = window.current_record()
    assert shown is not None
    assert shown.pledge.met_note == "from the command line"
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) == "Met"
    assert not window.undo_stack.canUndo()


def test_the_pledges_load_even_when_no_paint_reaches_the_table(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow, sample_extraction: Extraction
) -> None:
    window = MainWindow(engine, clock=DayClock(fake_now))
    qtbot.addWidget(window)
    window.table.setUpdatesEnabled(False)  # the first-paint signal that starts loading never comes
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.refresh(import_sample=True)
    assert window.model.rowCount() == len(sample_extraction.pledges)
    window.close()


def test_a_right_click_on_a_pledge_offers_its_verdicts(window: MainWindow) -> None:
    window.table.selectRow(_row_of_actor(window, "Sergei Lavrov"))
    record = window.current_record()
    assert record is not None
    menu = window.row_menu(record)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Mark &met…", "Mark &broken…", "Reope&n", "&Edit…", "Set &kind", "&Confirm as a pledge",
        "&Dismiss",
    ]  # fmt: skip
    assert not menu.actions()[2].isEnabled()  # nothing to take back yet
    confirm = next(a for a in menu.actions() if a.text() == "&Confirm as a pledge")
    assert confirm.isEnabled() is record.pledge.review
    window.pledge_actions.set_broken([record], date(2022, 1, 24), "talks called off")
    window.pledge_actions.wait()
    marked = window.current_record()
    assert marked is not None
    assert marked.pledge.broken_on == date(2022, 1, 24)
    assert window.row_menu(marked).actions()[2].isEnabled()
    assert _cell(window, window.table.currentIndex().row(), Column.STATUS) == "Broken"
    window.undo_stack.undo()
    window.pledge_actions.wait()
    reopened = window.current_record()
    assert reopened is not None
    assert reopened.pledge.broken_on is None


def test_the_detail_buttons_do_what_their_menu_items_do_on_the_pledge_shown(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    from app.gui.dialogs import VerdictDialog

    show_row(qtbot, window, _row_of_actor(window, "Sergei Lavrov"))
    record = window.current_record()
    assert record is not None
    detail = window.detail

    def mark_on_the_24th(dialog: VerdictDialog) -> None:
        dialog.on.edit.setText("24 January 2022")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    waiting = when_shown(VerdictDialog, mark_on_the_24th)
    detail.broken_button.click()
    window.pledge_actions.wait()
    assert not waiting.isActive(), "Mark broken in the details opened no dialog"
    with open_session(engine) as session:
        assert get_pledge(session=session, pledge_id=record.id).pledge.broken_on == date(
            2022, 1, 24
        )
    qtbot.waitUntil(lambda: detail.status_line.text().startswith("Broken"), timeout=5_000)
    assert detail.reopen_button.isEnabled()
    detail.reopen_button.click()
    window.pledge_actions.wait()
    with open_session(engine) as session:
        assert get_pledge(session=session, pledge_id=record.id).pledge.broken_on is None

    rows = window.proxy.rowCount()
    detail.dismiss_button.click()
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == rows - 1
    with open_session(engine) as session:
        assert get_pledge(session=session, pledge_id=record.id).pledge.dismissed
    assert window.undo_stack.undoText().startswith("Dismiss")


def test_the_edit_dialog_saves_what_was_changed_in_it(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    from app.gui.dialogs import EditPledgeDialog

    show_row(qtbot, window, _row_of_actor(window, "Sergei Lavrov"))  # the details pane too
    record = window.current_record()
    assert record is not None
    assert record.pledge.kind is not PledgeKind.THREAT

    def fill_in(dialog: EditPledgeDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findText("Threat"))
        dialog.has_due.setChecked(True)
        day = (record.pledge.due or date(2022, 1, 25)) + timedelta(3)
        dialog.due.edit.setText(f"{day.day} {day:%B %Y}")  # typed as people write it
        assert dialog.due.shown.text() == f"= {day:%A} {day:%d/%m/%Y}"
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    waiting = when_shown(EditPledgeDialog, fill_in)
    window.detail.edit_button.click()
    window.pledge_actions.wait()
    assert not waiting.isActive(), "the edit dialog never opened"
    with open_session(engine) as session:
        stored = get_pledge(session=session, pledge_id=record.id).pledge
    assert stored.kind is PledgeKind.THREAT
    assert stored.due == (record.pledge.due or date(2022, 1, 25)) + timedelta(3)
    assert _cell(window, window.table.currentIndex().row(), Column.KIND) == "Threat"
    assert window.undo_stack.undoText() == "Edit: Sergei Lavrov"
    window.undo_stack.undo()
    window.pledge_actions.wait()
    with open_session(engine) as session:
        assert get_pledge(session=session, pledge_id=record.id).pledge.kind is record.pledge.kind


def test_about_never_shows_the_database_password_even_before_it_opens(
    qtbot: QtBot, fake_now: FakeNow
) -> None:
    url = "postgresql+psycopg://analyst:s3cret-pw@db.invalid:5432/pledgewatch"
    window = MainWindow(url, clock=DayClock(fake_now), reminders=False, remember=False)
    qtbot.addWidget(window)
    window.show_about()  # the database has not been opened: nothing has tried to connect
    box = next(
        w for w in window.findChildren(QMessageBox) if w.windowTitle() == "About PledgeWatch"
    )
    assert "s3cret-pw" not in box.text()
    assert "postgresql+psycopg://analyst:***@db.invalid:5432/pledgewatch" in box.text()
    box.close()


def _initech_shown(qtbot: QtBot, window: MainWindow, tmp_path: Path, article: str) -> None:
    """Import an article with Initech's pledge and show that pledge in the detail pane."""
    from tests.gui.helpers import import_text

    import_text(qtbot, window, tmp_path, article)
    show_row(qtbot, window, _row_of_actor(window, "Initech"))


def test_the_sentence_is_highlighted_right_after_emoji_in_the_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _initech_shown(qtbot, window, tmp_path,
        "Party Time 🎉🎉\n\nJanuary 21, 2022\n\nFans cheered 🎉🎉🎉 all night 😀.\n\n"
        "Initech will close the plant next month, its chief said.\n",
    )  # fmt: skip
    assert window.detail.highlighted_text() == (
        "Initech will close the plant next month, its chief said."
    )


def test_a_change_while_another_program_holds_the_database_is_not_lost_silently(
    qtbot: QtBot, fake_now: FakeNow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3
    import time as clock

    from app.store import engine as engines

    monkeypatch.setattr(engines, "BUSY_TIMEOUT_MS", 300)  # the wait for the lock, shortened
    path = tmp_path / "held.db"
    window = open_window(qtbot, engines.make_engine(str(path)), fake_now)
    window.table.setFocus()
    window.table.selectRow(_row_of_actor(window, "United States"))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, and holding on

    started = clock.monotonic()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert clock.monotonic() - started < 0.25  # the window does not wait for the lock
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10_000)
    assert window.last_error is not None
    assert window.last_error.startswith("Could not save “Mark met: United States”: database is")
    assert "Nothing of it was stored." in window.last_error
    assert not window.undo_stack.canUndo()  # nothing to undo: nothing was stored
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) != "Met"
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    retry = box.button(QMessageBox.StandardButton.Retry)
    assert retry is not None

    other.execute("COMMIT")  # the other program is done
    other.close()
    retry.click()
    window.pledge_actions.wait()
    assert _cell(window, _row_of_actor(window, "United States"), Column.STATUS) == "Met"
    assert window.undo_stack.undoText() == "Mark met: United States"
    assert window.statusBar().currentMessage() == "Marked met: United States — Ctrl+Z to undo"
    window.close()


def test_the_review_inbox_confirms_with_enter_and_dismisses_with_delete(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    window.filters.chip(Status.REVIEW).click()
    count = window.proxy.rowCount()
    assert count >= 3
    assert {_cell(window, r, Column.STATUS) for r in range(count)} == {"To review"}
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.current_record()
    assert first is not None
    assert first.pledge.review
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter confirms in the inbox
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == count - 1
    assert window.filters.chip(Status.REVIEW).text() == f"To review  {count - 1}"
    with open_session(engine) as session:
        stored = get_pledge(session=session, pledge_id=first.id).pledge
    assert not stored.review
    following = window.current_record()
    assert following is not None
    assert following.id != first.id
    assert following.pledge.review
    assert window.statusBar().currentMessage().startswith("Confirmed: ")

    qtbot.keyClick(window.table, Qt.Key.Key_Delete)  # Delete dismisses; the next row follows
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == count - 2
    assert window.current_record() is not None
    assert window.current_record().id != following.id  # type: ignore[union-attr]
    window.undo_stack.undo()
    window.pledge_actions.wait()
    assert window.proxy.rowCount() == count - 1


def test_the_detail_panes_confirm_button_tracks_a_pledge_to_review_and_only_such(
    qtbot: QtBot, window: MainWindow, engine: Engine
) -> None:
    waiting = next(r for r in range(window.proxy.rowCount())
                   if window.proxy.index(r, 0).data(RECORD_ROLE).pledge.review)  # fmt: skip
    show_row(qtbot, window, waiting)
    record = window.current_record()
    assert record is not None
    detail = window.detail
    assert detail.status_line.text().startswith("To review")
    assert detail.confirm_button.isEnabled()
    detail.confirm_button.click()
    window.pledge_actions.wait()
    with open_session(engine) as session:
        assert not get_pledge(session=session, pledge_id=record.id).pledge.review
    # the row stays in All, and the pane shows the pledge as it now is
    qtbot.waitUntil(lambda: not detail.confirm_button.isEnabled(), timeout=10_000)
    assert detail.record is not None
    assert detail.record.id == record.id
    assert not detail.status_line.text().startswith("To review")


def test_the_pledge_column_takes_the_spare_width(qtbot: QtBot, window: MainWindow) -> None:
    from app.gui.pledge_column import MINIMUM

    header = window.table.horizontalHeader()

    def others() -> int:
        return sum(
            header.sectionSize(c)
            for c in Column
            if c is not Column.ACTION and not header.isSectionHidden(c)
        )

    window.resize(1400, 800)
    qtbot.waitUntil(lambda: header.sectionSize(Column.ACTION) > MINIMUM, timeout=5_000)
    room = window.table.viewport().width()
    assert abs(header.sectionSize(Column.ACTION) + others() - room) <= 20  # a scroll bar's room
    before = header.sectionSize(Column.ACTION)
    shown = next(c for c in (Column.ARTICLE, Column.DUE) if not header.isSectionHidden(c))
    freed = header.sectionSize(shown)
    window.table.setColumnHidden(shown, True)  # View > Columns: one column fewer
    qtbot.waitUntil(lambda: header.sectionSize(Column.ACTION) == before + freed, timeout=5_000)
    header.resizeSection(Column.ACTOR, 2_000)  # dragged wide: the pledge keeps a readable width
    qtbot.waitUntil(lambda: header.sectionSize(Column.ACTION) == MINIMUM, timeout=5_000)


def test_everything_fits_a_1024_by_700_screen_with_no_detail_row_cut(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.browse_dock.hide()  # as it starts on a screen under 1,920 pixels
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= 1024, needed
    assert needed.height() <= 700, needed
    window.resize(1024, 700)
    show_row(qtbot, window, _row_of_actor(window, "United States"))
    detail = window.detail
    qtbot.waitUntil(lambda: detail.deadline.height() > 0, timeout=5_000)
    for label in (detail.heading, detail.quote, detail.kind, detail.deadline, detail.article):
        # a wrapped row gets the height its width needs (it may scroll, never be cut)
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert detail.mark_button.isVisible()
    assert not detail.mark_button.visibleRegion().isEmpty()


def test_a_sentence_that_opens_a_quotation_is_shown_with_one_opening_mark(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _initech_shown(qtbot, window, tmp_path,
        "Plant to close\n\nJanuary 21, 2022\n\n"
        "“Initech will close the plant next month,” its chief said.\n",
    )  # fmt: skip
    shown = window.detail.quote.text()
    assert shown == "“Initech will close the plant next month,” its chief said."
    assert shown.count("“") == 1
