"""GUI fixtures: settings kept out of the user's, a clock tests can move, a loaded window."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale, QSettings, QThreadPool

from app.gui.clock import DayClock
from app.gui.main_window import MainWindow
from tests.conftest import close_and_finish

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings write under the test's folder, never to the user's configuration; the test's
    background work is done before the next test starts."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    QThreadPool.globalInstance().waitForDone(60_000)  # no worker outlives its test
    gc.collect()  # windows closed by the test are freed here, on the GUI thread


@pytest.fixture(autouse=True)
def british_dates() -> Iterator[None]:
    """The window writes days in the locale's short form: the tests read them as a British
    analyst would ('30/01/2022'), whatever the machine's locale."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@dataclass
class FakeNow:
    """A wall clock the test sets."""

    moment: datetime

    def __call__(self) -> datetime:
        return self.moment

    def set_day(self, day: date, at: time = time(12, 0)) -> None:
        self.moment = datetime.combine(day, at)


@pytest.fixture
def fake_now() -> FakeNow:
    """Noon on 25 January 2022: the sample's United States pledge is pending."""
    return FakeNow(datetime(2022, 1, 25, 12, 0))


def open_window(qtbot: QtBot, engine: Engine, fake_now: FakeNow) -> MainWindow:
    """A shown window on the database, its pledges loaded (the sample on first start)."""
    window = MainWindow(engine, clock=DayClock(fake_now))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.refresh(import_sample=True)
    return window


@pytest.fixture
def window(qtbot: QtBot, engine: Engine, fake_now: FakeNow) -> Iterator[MainWindow]:
    """The main window with the sample loaded, judged on 25 January 2022; closed, its workers
    done and their results delivered before the database goes."""
    shown = open_window(qtbot, engine, fake_now)
    yield shown
    close_and_finish([shown])
