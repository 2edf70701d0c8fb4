"""The window's state between runs: geometry, docks and columns (QSettings), the first
start's size on a small screen, and the preferences dialog."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox

from app.gui.pledge_model import Column
from app.gui.reminder_service import KEEP_IN_TRAY_KEY, lead_days
from app.gui.window_parts import WindowParts

# On a screen narrower than the width, these columns start hidden (View > Columns shows them),
# so that the Pledge column keeps room to be read.
_WIDE_SCREEN = 1600
_BROWSE_SCREEN = 1920  # narrower: the Browse dock starts hidden, the table keeps the width
_HIDDEN_BELOW = {
    2400: (Column.RECIPIENT, Column.PUBLISHED),  # often empty; the details show both
    _WIDE_SCREEN: (Column.KIND,),
    1280: (Column.ARTICLE,),
}
_NARROW_WIDTHS = {Column.DUE: 205, Column.ACTOR: 120}


class WindowState(WindowParts):
    """Mixin of MainWindow: what the window remembers."""

    def _restore_settings(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        state = self._settings.value("window/state")
        screen = self.screen()
        width = 0 if screen is None else screen.availableGeometry().width()
        if isinstance(state, QByteArray):
            self.restoreState(state)
        elif screen is not None and width < _BROWSE_SCREEN:
            self.browse_dock.hide()  # the table keeps the width; View > Browse shows the list
        header = self._settings.value("table/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
            return
        for below, columns in _HIDDEN_BELOW.items():
            for column in columns if screen is not None and width < below else ():
                self.table.setColumnHidden(column, True)
        if screen is not None and width < _WIDE_SCREEN:
            for column, pixels in _NARROW_WIDTHS.items():
                self.table.setColumnWidth(column, pixels)

    def _fit_to_screen(self) -> None:
        """On first start, take most of the screen, centred."""
        screen = self.screen()
        if screen is None:
            return
        space = screen.availableGeometry()
        width = min(1760, int(space.width() * 0.94))
        height = min(1040, int(space.height() * 0.94))
        self.resize(width, height)
        self.move(
            space.x() + (space.width() - width) // 2, space.y() + (space.height() - height) // 2
        )

    def save_settings(self) -> None:
        """Remember geometry, docks, column widths and order."""
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("table/header", self.table.horizontalHeader().saveState())
        self._settings.sync()

    def edit_preferences(self) -> None:
        """Edit > Preferences: reminder lead time, keep running in the tray."""
        from app.gui.dialogs import PreferencesDialog

        has_tray = self.reminders is not None and self.reminders.has_tray
        keep = self._settings.value(KEEP_IN_TRAY_KEY, False) in (True, "true")
        dialog = PreferencesDialog(lead_days(), keep, has_tray, self)
        if dialog.exec():
            from app.preferences import Preferences, save_preferences

            try:
                save_preferences(Preferences(lead_days=dialog.lead_days.value()))
            except OSError as exc:
                QMessageBox.warning(
                    self, "Preferences not saved", f"Could not save the preferences: {exc}"
                )
            self._settings.setValue(KEEP_IN_TRAY_KEY, dialog.keep_in_tray.isChecked())
            if self.reminders is not None:
                self.reminders.check()
