"""The Browse side list as an analyst uses it: one actor's or one article's pledges with a
click, a name typed to find an entry, and searches saved, brought back and deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.domain import Status
from app.gui.pledge_model import Column
from tests.gui.conftest import open_window
from tests.gui.helpers import cell, import_text, when_shown

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QTreeWidgetItem
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.gui.conftest import FakeNow

ACME = "Acme Plans Closure\n\nMarch 1, 2022\n\nAcme Corp will close its Leeds plant by June.\n"


def _open_browse(qtbot: QtBot, window: MainWindow) -> None:
    """View > Browse, as the analyst shows the side list (hidden at first on a small screen)."""
    if not window.browse_dock.isVisible():
        window.browse_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.browse.actors.childCount() > 0, timeout=5_000)


def _click(qtbot: QtBot, window: MainWindow, item: QTreeWidgetItem) -> None:
    tree = window.browse.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )


def _actors_shown(window: MainWindow) -> set[str]:
    return {cell(window, row, Column.ACTOR) for row in range(window.proxy.rowCount())}


def test_a_click_on_an_actor_shows_only_their_pledges_and_the_chip_shows_all_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_browse(qtbot, window)
    total = window.proxy.rowCount()
    lavrov = window.browse.item_for("actor", "Sergei Lavrov")
    assert lavrov is not None
    count = int(lavrov.text(1))
    assert count == sum(r.pledge.actor == "Sergei Lavrov" for r in window.model.records())
    _click(qtbot, window, lavrov)
    assert _actors_shown(window) == {"Sergei Lavrov"}
    assert window.proxy.rowCount() == count
    chip = window.filters.group_chip
    assert chip.isVisible()
    assert chip.text().startswith("Actor: Sergei Lavrov")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == total
    assert not chip.isVisible()


def test_a_click_on_an_article_shows_its_pledges_and_typing_finds_an_entry(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import_text(qtbot, window, tmp_path, ACME)
    _open_browse(qtbot, window)
    qtbot.waitUntil(lambda: window.browse.articles.childCount() == 2, timeout=5_000)
    qtbot.keyClicks(window.browse.finder, "acme")
    articles = window.browse.articles
    shown = [articles.child(i) for i in range(articles.childCount())]
    assert all(item is not None for item in shown)
    assert [item.text(0) for item in shown if item is not None] == ["Acme Plans Closure"]
    assert shown[0] is not None
    _click(qtbot, window, shown[0])
    assert _actors_shown(window) == {"Acme Corp"}
    assert window.filters.group_chip.text().startswith("Article: Acme Plans Closure")
    window.action_of["all"].trigger()  # Show all pledges clears it too
    assert len(_actors_shown(window)) > 1
    assert not window.filters.group_chip.isVisible()


def _save_search(window: MainWindow, name: str | None) -> None:
    """Ctrl+Shift+S, then type a name and press OK (None: Cancel)."""

    def answer(dialog: QInputDialog) -> None:
        if name is None:
            dialog.reject()
            return
        dialog.setTextValue(name)
        dialog.accept()

    waiting = when_shown(QInputDialog, answer)
    window.action_of["save_search"].trigger()
    assert not waiting.isActive()


def test_a_search_saved_comes_back_from_the_side_list_and_delete_removes_it(
    qtbot: QtBot, window: MainWindow, engine: Engine, fake_now: FakeNow
) -> None:
    _open_browse(qtbot, window)
    qtbot.keyClicks(window.filters.search, "written")
    window.filters.choose_status(Status.PENDING)
    wanted = _actors_shown(window)
    rows = window.proxy.rowCount()
    assert 0 < rows < window.model.rowCount()
    _save_search(window, None)  # cancelled: nothing saved
    assert window.browse.saved.childCount() == 0
    _save_search(window, "  ")  # no name: said, nothing saved
    assert window.last_error is not None
    assert "needs a name" in window.last_error
    _save_search(window, "Written answers")
    assert window.browse.saved.childCount() == 1
    window.action_of["all"].trigger()
    assert window.proxy.rowCount() == window.model.rowCount()

    saved = window.browse.item_for("saved", "Written answers")
    assert saved is not None
    _click(qtbot, window, saved)
    assert window.filters.search.text() == "written"
    assert window.filters.chip(Status.PENDING).isChecked()
    assert (window.proxy.rowCount(), _actors_shown(window)) == (rows, wanted)

    again = open_window(qtbot, engine, fake_now)  # kept for the next start
    assert again.browse.item_for("saved", "Written answers") is not None
    again.close()

    window.activateWindow()
    saved = window.browse.item_for("saved", "Written answers")
    assert saved is not None
    _click(qtbot, window, saved)
    qtbot.waitUntil(window.browse.tree.hasFocus, timeout=5_000)
    qtbot.keyClick(window.browse.tree, Qt.Key.Key_Delete)
    assert window.browse.saved.childCount() == 0
    assert "Deleted the saved search" in window.statusBar().currentMessage()
