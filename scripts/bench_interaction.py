"""Times the window's interactions over a large database (run by scripts/bench.py).

Prints lines "measure|figure|target".
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, datetime
from datetime import time as clock_time

from PySide6.QtWidgets import QApplication

from app.domain import Status
from app.gui.clock import DayClock
from app.gui.main_window import MainWindow
from app.store.engine import make_engine


def main() -> None:
    """Open the window on the database, wait for the pledges, then time what an analyst does."""
    app = QApplication(["bench"])
    moment = [datetime(2022, 2, 1, 12, 0)]
    window = MainWindow(
        make_engine(sys.argv[1]), clock=DayClock(lambda: moment[0]), remember=False, reminders=False
    )
    window.show()
    done = []
    window.loaded.connect(lambda: done.append(True))
    window.refresh()
    while not done:
        app.processEvents()
        time.sleep(0.01)
    # The load's tail (the first row's details read on a worker, the columns fitted, the first
    # look for changes) settles within a second, before an analyst starts typing: the
    # keystrokes are timed after it, each alone.
    settled = time.perf_counter() + 1.0
    while time.perf_counter() < settled:
        app.processEvents()
        time.sleep(0.01)
    rows = window.model.rowCount()

    def timed(action: object) -> float:
        app.processEvents()
        start = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()  # includes the repaint of the table
        return (time.perf_counter() - start) * 1000

    keys = [
        timed(lambda p=prefix: window.filters.search.setText(p))
        for prefix in ("u", "un", "uni", "unit", "unite", "united", "unite", "")
    ]
    chips = [
        timed(lambda s=status: window.filters.choose_status(s))
        for status in (Status.OVERDUE, Status.PENDING, Status.MET, None)
    ]

    def rollover() -> None:
        moment[0] = datetime.combine(date(2022, 2, 2), clock_time(0, 0, 1))
        window.clock.check()

    midnight = timed(rollover)
    print(
        f"gui: search keystroke over {rows:,} pledges (median / worst)|"
        f"{statistics.median(keys):.0f} / {max(keys):.0f} ms|<= 50 ms"
    )
    print(
        f"gui: status chip switch (median / worst)|{statistics.median(chips):.0f} / "
        f"{max(chips):.0f} ms|<= 50 ms"
    )
    print(f"gui: midnight status recompute|{midnight:.0f} ms|<= 100 ms")


if __name__ == "__main__":
    main()
