"""Feeds in the window: the Feeds dialog, and polling the subscriptions on the analyst's
interval off the GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.domain.errors import PledgeWatchError
from app.gui.window_parts import WindowParts
from app.gui.workers import Worker, start

if TYPE_CHECKING:
    from app.services.feeds import PollReport

FEED_MINUTES_KEY = "feeds/interval_minutes"


class Feeding(WindowParts):
    """Mixin of MainWindow: subscriptions and polls."""

    def edit_feeds(self) -> None:
        """File > Feeds: subscribe, unsubscribe, poll now."""
        from app.gui.feeds_dialog import FeedsDialog

        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self.report(str(exc))
            return
        dialog = FeedsDialog(engine, self._feed_minutes(), self)
        dialog.poll_requested.connect(self.poll_feeds)
        self._feeds_dialog = dialog
        dialog.exec()
        self._settings.setValue(FEED_MINUTES_KEY, dialog.interval.value())
        self._feeds_dialog = None
        self._plan_feed_polls()

    def poll_feeds(self) -> Worker | None:
        """Read every subscribed feed off the GUI thread; new items are imported."""
        if self._feed_poll is not None or self.database.engine is None:
            return None
        from app.services.feeds import poll_feeds

        engine = self.database.engine  # the worker must hold no reference to the window
        worker = Worker(lambda: poll_feeds(engine, at=datetime.now(UTC)))
        worker.signals.result.connect(self._on_feed_poll_result)
        worker.signals.error.connect(self.report)
        worker.signals.finished.connect(self._on_feed_poll_finished)
        self._feed_poll = worker
        self.statusBar().showMessage("Reading the feeds…")
        start(worker)
        return worker

    def _on_feed_poll_result(self, report: PollReport) -> None:
        text = "\n".join(report.lines())
        self.statusBar().showMessage(report.lines()[-1], 10_000)
        if self._feeds_dialog is not None:
            self._feeds_dialog.show_message(text)
            self._feeds_dialog.reload()
        if report.added:
            self.refresh()

    def _on_feed_poll_finished(self) -> None:
        self._feed_poll = None

    def _feed_minutes(self) -> int:
        try:
            return max(5, int(str(self._settings.value(FEED_MINUTES_KEY, 30))))
        except ValueError:
            return 30

    def _plan_feed_polls(self) -> None:
        """Poll the feeds on the analyst's interval, when there are any."""
        from app.store.engine import open_session
        from app.store.feed_queries import list_feeds

        with open_session(self.database()) as session:
            has_feeds = bool(list_feeds(session=session))
        if has_feeds:
            self._feed_timer.start(self._feed_minutes() * 60_000)
        else:
            self._feed_timer.stop()
