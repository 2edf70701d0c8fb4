"""Reminders in the window: told once, grouped when many, and a click shows the pledge."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain import Status
from app.domain.reminder_rule import Reminder, ReminderKind
from app.gui.reminder_service import group_message, tray_icon
from app.services.reminders import Notice
from tests.gui.helpers import open_window_told
from tests.gui.helpers import row_of_actor as _row_of_actor

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.gui.conftest import FakeNow


def test_an_overdue_pledge_is_announced_once_and_show_selects_it(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> None:
    fake_now.set_day(date(2022, 1, 31))
    window, notices = open_window_told(qtbot, engine, fake_now)
    assert [n.reminder.kind for n in notices] == [ReminderKind.OVERDUE]
    assert window.reminders is not None
    assert not window.reminders.has_tray
    assert window.banner.isVisibleTo(window)
    assert window.banner.text.text().startswith("Pledge overdue: United States: provide")
    window.table.selectRow(_row_of_actor(window, "Lavrov"))
    window.banner.show_button.click()
    record = window.current_record()
    assert record is not None
    assert record.pledge.actor == "United States"
    assert not window.banner.isVisibleTo(window)

    with qtbot.waitSignal(window.reminders.notified, timeout=60_000) as again:
        window.reminders.check()
    assert again.args[0] == []
    assert not window.banner.isVisibleTo(window)


def test_the_next_check_is_planned_not_polled(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow
) -> None:
    window, notices = open_window_told(qtbot, engine, fake_now)
    assert notices == []
    assert window.reminders is not None
    assert window.reminders.next_check_at == datetime(2022, 1, 26, 0, 0)


def test_many_reminders_make_one_grouped_message(window: MainWindow) -> None:
    record = window.model.record(0)
    notices = [
        Notice(Reminder(record.id, ReminderKind.OVERDUE, date(2022, 1, d)), record)
        for d in (20, 21, 22, 23, 24)
    ]
    title, body = group_message(notices)
    assert (title, body) == (
        "PledgeWatch reminders",
        "5 pledges became overdue. Click to see them.",
    )
    mixed = [
        *notices[:2],
        Notice(Reminder(record.id, ReminderKind.DUE_SOON, date(2022, 1, 27)), record),
    ]
    assert group_message(mixed)[1].startswith("2 pledges became overdue; 1 pledge due soon")
    window.show_reminded(Status.OVERDUE)
    assert window.filters.chip(Status.OVERDUE).isChecked()


def test_notification_text_is_never_markup(window: MainWindow) -> None:
    from dataclasses import replace

    record = window.model.record(0)
    odd = replace(record, pledge=replace(record.pledge, actor="<b>Mallory</b>"))
    _, body = group_message([Notice(Reminder(1, ReminderKind.OVERDUE, date(2022, 1, 20)), odd)])
    assert "<b>" not in body
    assert "‹b›Mallory‹/b›" in body


def test_the_tray_icon_carries_the_overdue_count() -> None:
    assert not tray_icon(3).isNull()
    assert tray_icon(3).pixmap(64, 64).toImage() != tray_icon(0).pixmap(64, 64).toImage()
