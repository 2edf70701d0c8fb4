"""Starts the desktop app: the window first, then the pledges load in the background."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def run_app(*, db: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Open the main window on the database and run the Qt event loop."""
    from PySide6.QtWidgets import QApplication

    from app.gui.main_window import MainWindow
    from app.store.engine import make_engine

    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("PledgeWatch")
    app.setOrganizationName("PledgeWatch")
    window = MainWindow(make_engine(db))
    window.show()
    window.refresh(import_sample=True)
    return app.exec()


def main() -> int:
    """Entry point of the `pledgewatch-gui` script."""
    parser = argparse.ArgumentParser(prog="pledgewatch-gui", description="PledgeWatch desktop app")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="database file or SQLAlchemy URL")
    args, qt_args = parser.parse_known_args()
    return run_app(db=args.db, argv=[sys.argv[0], *qt_args])


if __name__ == "__main__":
    raise SystemExit(main())
