"""Reminders in the desktop app: a tray icon with the overdue count, notifications, a banner."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.domain import Status
from app.domain.days import shift
from app.domain.errors import BadValueError
from app.domain.reminder_rule import DEFAULT_LEAD_DAYS, ReminderKind
from app.gui.qdates import shown_date
from app.gui.style import STATUS_COLOURS
from app.gui.timers import one_shot
from app.gui.workers import Worker, start
from app.preferences import (
    Preferences,
    lead_days_from,
    load_preferences,
    preferences_path,
    save_preferences,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Engine

    from app.gui.clock import DayClock
    from app.services.reminders import Notice

LEGACY_LEAD_DAYS_KEY = "reminders/lead_days"  # where the window kept it before preferences.json
KEEP_IN_TRAY_KEY = "tray/keep_running"
_log = logging.getLogger(__name__)
_MESSAGE_MS = 15_000
_MAX_WAIT_MS = 6 * 60 * 60 * 1000  # re-plan at least every six hours


def lead_days() -> int:
    """The reminder lead time the analyst chose, shared with `pledgewatch check`; the default
    when the preferences file cannot be read (said in the log)."""
    try:
        return load_preferences().lead_days
    except BadValueError as exc:
        _log.warning("%s; reminding %d days ahead", exc, DEFAULT_LEAD_DAYS)
        return DEFAULT_LEAD_DAYS


def move_legacy_lead_days(settings: QSettings) -> None:
    """A lead time the window kept in its own settings moves to the shared preferences once."""
    legacy = settings.value(LEGACY_LEAD_DAYS_KEY)
    if legacy is None:
        return
    try:
        if not preferences_path().exists():
            save_preferences(Preferences(lead_days=lead_days_from(legacy)))
    except (BadValueError, OSError) as exc:
        _log.warning("the old lead time %r was not kept: %s", legacy, exc)
    settings.remove(LEGACY_LEAD_DAYS_KEY)


def plain(text: str) -> str:
    """Notification servers may read markup: angle brackets are shown, never obeyed."""
    return text.replace("<", "‹").replace(">", "›")


def group_message(notices: Sequence[Notice]) -> tuple[str, str]:
    """A title and body for one notification about several reminders."""
    overdue = [n for n in notices if n.reminder.kind is ReminderKind.OVERDUE]
    soon = [n for n in notices if n.reminder.kind is ReminderKind.DUE_SOON]
    if len(notices) == 1:
        notice = notices[0]
        pledge = notice.record.pledge
        title = "Pledge overdue" if overdue else "Pledge due soon"
        body = f"{pledge.actor}: {pledge.action} (due {shown_date(notice.reminder.due)})"
        return title, plain(body)
    parts = []
    if overdue:
        parts.append(f"{len(overdue)} pledge{'s' if len(overdue) > 1 else ''} became overdue")
    if soon:
        parts.append(f"{len(soon)} pledge{'s' if len(soon) > 1 else ''} due soon")
    return "PledgeWatch reminders", plain("; ".join(parts) + ". Click to see them.")


def target_of(notices: Sequence[Notice]) -> int | Status | None:
    """What a reminder's Show brings up: its one pledge, or the status all its pledges share."""
    if len(notices) == 1:
        return notices[0].record.id
    if all(n.reminder.kind is ReminderKind.OVERDUE for n in notices):
        return Status.OVERDUE
    if all(n.reminder.kind is ReminderKind.DUE_SOON for n in notices):
        return Status.PENDING
    return None


def tray_icon(overdue: int) -> QIcon:
    """The app's mark, with the overdue count on a red badge when there are any."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#37474f"))
    painter.drawRoundedRect(4, 4, 56, 56, 12, 12)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(38)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "P")
    if overdue:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLOURS[Status.OVERDUE])
        painter.drawEllipse(30, 0, 34, 34)
        painter.setPen(QColor("white"))
        font.setPixelSize(20 if overdue < 100 else 14)
        painter.setFont(font)
        painter.drawText(30, 0, 34, 34, Qt.AlignmentFlag.AlignCenter, str(min(overdue, 999)))
    painter.end()
    return QIcon(pixmap)


class ReminderService(QObject):
    """Checks for reminders when something can change and tells the analyst once per reminder."""

    notified = Signal(object)
    """The notices shown by the last check (an empty list when there was nothing new)."""
    show_requested = Signal(object)
    """The analyst clicked a notification: a pledge id, or a Status to filter to."""
    quit_requested = Signal()
    """The analyst chose Quit in the tray menu."""
    banner_requested = Signal(object)
    """Where there is no tray: the notices (a list of Notice) for the in-window banner."""

    def __init__(
        self,
        engine: Callable[[], Engine],
        clock: DayClock,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine  # the open database, once it is open
        self._clock = clock
        move_legacy_lead_days(settings)
        self._target: int | Status | None = None
        self._worker: Worker | None = None
        self.next_check_at: datetime | None = None
        self._timer = one_shot(self, self.check)
        clock.day_changed.connect(self._on_clock_day_changed)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(tray_icon(0), self)
            self.tray.setToolTip("PledgeWatch")
            menu = QMenu()
            menu.addAction("Show PledgeWatch", self._on_tray_show)
            menu.addAction("Check reminders now", self.check)
            menu.addSeparator()
            menu.addAction("Quit", self.quit_requested.emit)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray.activated.connect(self._on_tray_activated)
            self.tray.show()

    @property
    def has_tray(self) -> bool:
        """Whether notifications go to the system tray (else to the in-window banner)."""
        return self.tray is not None

    def set_overdue_count(self, count: int) -> None:
        """Show the overdue count on the tray icon and in its tooltip."""
        if self.tray is not None:
            self.tray.setIcon(tray_icon(count))
            self.tray.setToolTip(f"PledgeWatch: {count} overdue" if count else "PledgeWatch")

    def check(self) -> Worker:
        """Look for reminders off the GUI thread; record and show the new ones."""
        engine, today, lead = self._engine(), self._clock.today(), lead_days()
        local = self._clock.now()

        def work() -> tuple[list[Notice], datetime | None]:
            from app.services.reminders import check_reminders, next_reminder_moment

            at = local.astimezone(UTC)
            notices = check_reminders(engine, today=today, at=at, lead_days=lead)
            return notices, next_reminder_moment(engine, now=local, lead_days=lead)

        worker = Worker(work)
        worker.signals.result.connect(self._on_check_result)
        self._worker = worker
        start(worker)
        return worker

    def _on_check_result(self, result: tuple[list[Notice], datetime | None]) -> None:
        notices, next_moment = result
        if notices:
            self._tell(notices)
        self.notified.emit(notices)
        self._schedule(next_moment)

    def _tell(self, notices: list[Notice]) -> None:
        self._target = target_of(notices)
        if self.tray is not None:
            title, body = group_message(notices)
            icon = QSystemTrayIcon.MessageIcon.Warning
            self.tray.showMessage(title, body, icon, _MESSAGE_MS)
        else:
            self.banner_requested.emit(notices)

    def _schedule(self, next_moment: datetime | None) -> None:
        """Wake at the next moment a reminder can fall due, or at midnight, not by polling."""
        now = self._clock.now()
        midnight = datetime.combine(shift(self._clock.today(), 1), time.min)
        wake = min(m for m in (next_moment, midnight) if m is not None)
        self.next_check_at = wake
        milliseconds = int((wake - now).total_seconds() * 1000) + 1000
        self._timer.start(max(1000, min(milliseconds, _MAX_WAIT_MS)))

    def _on_clock_day_changed(self, _today: date) -> None:
        self.check()

    def _on_tray_message_clicked(self) -> None:
        self.show_requested.emit(self._target)

    def _on_tray_show(self) -> None:
        self.show_requested.emit(None)

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_requested.emit(None)
