"""Keeps the board true to the database: what other programs change appears without F5, and
the reminder banner drops a pledge once it is met, broken or dismissed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex

from app.domain import Status
from app.domain.status import status_of
from app.domain.wording import plural
from app.gui.change_watch import ChangeWatcher
from app.gui.reminder_service import group_message, target_of
from app.gui.timers import one_shot
from app.gui.window_parts import WindowParts

if TYPE_CHECKING:
    from app.domain import PledgeRecord
    from app.gui.change_watch import Changes
    from app.services.reminders import Notice

_CLOSED = (Status.MET, Status.BROKEN)
_FOLLOW_MS = 150  # the details follow a filter once the typing pauses this long


class StayingCurrent(WindowParts):
    """Mixin of MainWindow: the change watcher and the banner's reminders."""

    def _start_watching(self) -> None:
        self._reminded: list[Notice] = []  # what the banner tells of, as last announced
        database = self.database  # not the window: a closed window must not stay referenced
        self.watcher = ChangeWatcher(lambda: database.engine, self)
        self.watcher.changes_read.connect(self._on_watcher_changes_read)
        self.pledge_actions.saved.connect(self._refresh_banner)
        self.loaded.connect(self._refresh_banner)
        if self.reminders is not None:
            self.reminders.banner_requested.connect(self.show_reminders)
        self._following = one_shot(self, self._on_following_timeout, _FOLLOW_MS)
        for signal in (self.proxy.layoutChanged, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._follow_selection)
        self.watcher.start()

    def _on_watcher_changes_read(self, changes: Changes) -> None:
        """Show what changed in the database since the last look, pledge by pledge (the
        window's own changes come back too, already shown: they are not news)."""
        if changes.whole:
            self.statusBar().showMessage("Many pledges changed elsewhere: reading them all", 5_000)
            self.refresh()
            return
        news = [r for r in changes.records if not self._shows(r)]
        for record in news:
            self.model.replace(record)
        if [s.id for s in changes.suggestions] != self.suggestions.shown_ids():
            self.suggestions.show_suggestions(changes.suggestions)  # else the choice stays put
        if news:
            self.statusBar().showMessage(
                f"{plural(len(news), 'pledge')} changed by another program: shown", 10_000
            )
            current = self.current_record()
            if current is not None and any(r.id == current.id for r in news):
                self._on_table_current_changed(self.table.currentIndex(), QModelIndex())
            self._refresh_banner()

    def _shows(self, record: PledgeRecord) -> bool:
        """Whether the board already shows the pledge as stored."""
        row = self.model.row_of(record.id)
        return row is not None and self.model.record(row) == record

    def _follow_selection(self, *_: object) -> None:
        """A filter changed what is shown: once the typing pauses, the details follow."""
        self._following.start()

    def _on_following_timeout(self) -> None:
        """A filter hid the pledge in the details, or moved the selection: show what is
        selected now (or nothing). Qt moves the current row without a word in these cases."""
        shown, current = self.detail.record, self.current_record()
        if shown is None or (current is not None and current.id == shown.id):
            return
        self._on_table_current_changed(self.table.currentIndex(), QModelIndex())

    def show_reminders(self, notices: list[Notice]) -> None:
        """Show new reminders in the banner (where there is no system tray)."""
        self._reminded = notices
        self._refresh_banner(announce=True)

    def _refresh_banner(self, *_: object, announce: bool = False) -> None:
        """Say again what the banner's reminders are about, leaving out the pledges closed or
        dismissed since; hide it when none is left. A banner the analyst closed stays closed."""
        reminded = self._reminded
        if not reminded or not (announce or self.banner.isVisible()):
            return
        still = [notice for notice in reminded if self._still_open(notice.record.id)]
        self._reminded = still
        if not still:
            self.banner.hide()
            return
        title, body = group_message(still)
        self.banner.announce(f"{title}: {body}", target_of(still))

    def _still_open(self, pledge_id: int) -> bool:
        """Whether the board holds the pledge as neither dismissed, met nor broken."""
        row = self.model.row_of(pledge_id)
        if row is None:
            return False
        pledge = self.model.record(row).pledge
        return not pledge.dismissed and status_of(pledge, self.clock.today()) not in _CLOSED
