"""Starts the desktop app: the window first, then the pledges load in the background."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.domain.errors import PledgeWatchError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from types import TracebackType

SCREENSHOT_SETTLE_MS = 300


def run_app(
    *,
    db: str | None = None,
    argv: Sequence[str] | None = None,
    screenshot: Path | None = None,
    now: date | None = None,
) -> int:
    """Open the main window on the database and run the Qt event loop.

    With `screenshot`, wait until the pledges are on screen, save the window as a PNG and exit.
    With `now`, judge statuses on that day instead of today.
    """
    _require_display()
    _log_unhandled_errors()
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("PledgeWatch")
    QCoreApplication.setApplicationName("PledgeWatch")
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)
    from app.gui.icons import app_icon

    app.setWindowIcon(app_icon())  # every window's, and the taskbar's
    app.setDesktopFileName("pledgewatch")  # the launcher's entry (Wayland finds the icon there)

    from app.gui.clock import DayClock
    from app.gui.main_window import MainWindow

    clock = DayClock(_fixed_day(now)) if now is not None else DayClock()
    quiet = screenshot is not None  # a picture changes nothing: no layout saved, no reminders sent
    # The database opens off the GUI thread, after the window is on screen (a fast start).
    window = MainWindow(db, clock=clock, remember=not quiet, reminders=not quiet)
    window.show()
    window.refresh(import_sample=True)
    if screenshot is not None:

        def save() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()

        window.loaded.connect(lambda: QTimer.singleShot(SCREENSHOT_SETTLE_MS, save))
    return app.exec()


def _require_display() -> None:
    """On Linux without a display, say so in one line rather than let Qt abort with six."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise PledgeWatchError(
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set): the desktop app needs one; "
        "the commands work without it (pledgewatch --help)"
    )


def _fixed_day(day: date) -> Callable[[], datetime]:
    """A clock that keeps the time of day but stays on one date."""
    return lambda: datetime.combine(day, datetime.now().time())


def _log_unhandled_errors() -> None:
    """An error no slot caught goes to the log with its traceback, then as before to stderr
    (Qt carries on after a failed slot: the window stays open)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        logging.getLogger(__name__).error("unhandled error", exc_info=(kind, value, trace))
        previous(kind, value, trace)

    sys.excepthook = hook


def main() -> int:
    """Entry point of the `pledgewatch-gui` script."""
    from app import __version__

    parser = argparse.ArgumentParser(prog="pledgewatch-gui", description="PledgeWatch desktop app")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    args, qt_args = parser.parse_known_args()
    from app.logs import start_logging

    start_logging()
    try:
        return run_app(db=args.db, argv=[sys.argv[0], *qt_args])
    except PledgeWatchError as exc:
        print(f"pledgewatch-gui: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
