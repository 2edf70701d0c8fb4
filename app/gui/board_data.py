"""The board's round trips to the database, each on a worker: loading every pledge (after the
first paint), reading one pledge's article, history and reports when it is selected, reading
one pledge again after a change, and accepting or rejecting a suggestion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer

from app.domain.errors import PledgeWatchError
from app.domain.wording import plural
from app.gui.qdates import to_qdate
from app.gui.window_parts import WindowParts
from app.gui.workers import Worker, start

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from app.domain import Evidence, PledgeEvent, PledgeRecord, Report, Suggestion
    from app.services.importing import ImportResult
    from app.store.changes import ChangeMark

_FIRST_PAINT_WAIT_MS = 400  # a load held for the first paint starts by then in any case


@dataclass(frozen=True)
class Loaded:
    """The board as read: every pledge, the open suggestions, and the change mark read first."""

    engine: Engine
    rows: tuple[PledgeRecord, ...]
    suggestions: list[Suggestion]
    mark: ChangeMark
    sample: ImportResult | None = None  # the sample, when this load imported it


def load_rows(
    target: Engine | str | None,
    *,
    at: datetime,
    import_sample: bool,
    tell: Callable[[str], object] | None = None,
) -> Loaded:
    """Worker body: open the database if need be, import the sample into an empty one if asked
    (saying so through `tell` only then), then read every pledge (the dismissed too: the
    Dismissed view shows them). The heavy imports happen here, off the GUI thread, after the
    window is on screen. The change mark is read before the rows: a change made while they are
    read shows on the next look."""
    from app.services.importing import import_sample_if_empty
    from app.store.changes import change_mark
    from app.store.engine import make_engine
    from app.store.reads import list_pledges
    from app.store.suggestion_queries import list_suggestions

    engine = make_engine(target) if target is None or isinstance(target, str) else target
    sample = None
    if import_sample:
        first = "A new database: importing the bundled sample article to start with…"
        sample = import_sample_if_empty(
            engine, at=at, starting=None if tell is None else lambda: tell(first)
        )
    with engine.connect() as connection:
        mark = change_mark(connection)
        rows = tuple(list_pledges(session=connection, today=at.date(), include_dismissed=True))
        return Loaded(engine, rows, list_suggestions(session=connection), mark, sample)


@dataclass(frozen=True)
class Details:
    """What the detail pane shows of a pledge beyond its row."""

    record: PledgeRecord
    text: str
    events: list[PledgeEvent]
    reports: list[Report]
    evidence: list[Evidence]


def read_details(engine: Engine, record: PledgeRecord) -> Details:
    """Worker body: a pledge's article text, history, the articles that report it and the
    accepted suggestions."""
    from app.store.engine import open_session
    from app.store.queries import article_text, pledge_events
    from app.store.reads import pledge_reports
    from app.store.suggestion_queries import accepted_evidence

    with open_session(engine) as session:
        return Details(
            record,
            article_text(session=session, article_id=record.article_id),
            pledge_events(session=session, pledge_id=record.id),
            pledge_reports(session=session, record=record),
            accepted_evidence(session=session, pledge_id=record.id),
        )


class BoardData(WindowParts):
    """Mixin of MainWindow: the board's reads and the suggestions' decisions."""

    def refresh(self, *, import_sample: bool = False) -> Worker:
        """Reload the pledges off the GUI thread; returns the worker so callers can wait on it."""
        at = self.clock.now().astimezone(UTC)
        target = self.database.engine or self.database.target  # no reference to the window

        def work() -> Loaded:
            tell = worker.signals.note.emit
            return load_rows(target, at=at, import_sample=import_sample, tell=tell)

        worker = Worker(work)
        worker.signals.result.connect(self._on_loader_result)
        worker.signals.error.connect(self._on_loader_error)
        worker.signals.note.connect(self.statusBar().showMessage)
        if self.database.engine is None:
            self.summary.setText("Opening the database…")
        self._loader = worker
        if self.isVisible() and not self._painted:
            # Loading imports SQLAlchemy; on the GUI thread's heels it would hold the GIL while
            # the window paints for the first time, so it starts once the window is on screen.
            self._held_loader = worker
            QTimer.singleShot(_FIRST_PAINT_WAIT_MS, self._start_held_loader)  # no paint seen?
        else:
            start(worker)
        return worker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notice the first paint of the table, then start a load that waited for it."""
        if event.type() == QEvent.Type.Paint and watched is self.table:
            watched.removeEventFilter(self)
            self._painted = True
            QTimer.singleShot(0, self._start_held_loader)
        return super().eventFilter(watched, event)

    def _start_held_loader(self) -> None:
        self._painted = True  # held once at most: later loads start at once
        worker, self._held_loader = self._held_loader, None
        if worker is not None:
            start(worker)

    def _on_loader_result(self, loaded: Loaded) -> None:
        self.suggestions.show_suggestions(loaded.suggestions)
        if self.database.engine is None:
            self.database.engine = loaded.engine
            self._plan_feed_polls()
        self.watcher.saw(loaded.mark)
        if loaded.sample is not None:
            count = plural(len(loaded.sample.pledges), "pledge")
            self.statusBar().showMessage(f"Imported the bundled sample article: {count}", 30_000)
        current = self.detail.record
        self.model.set_rows(loaded.rows)
        self.calendar.setSelectedDate(to_qdate(self.clock.today()))
        if current is not None:
            self.select_pledge(current.id)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        if self.reminders is not None and self.reminders.next_check_at is None:
            self.reminders.check()  # the first check, once the pledges are on screen
        self.loaded.emit()

    def _on_loader_error(self, message: str) -> None:
        self.summary.setText(f"Could not load pledges: {message}")

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Show the selected pledge at once, and read its article and history on a worker."""
        record = self.current_record() if current.isValid() else None
        engine = self.database.engine
        if record is None or engine is None:
            self.detail.show_nothing()
            return
        worker = Worker(lambda: read_details(engine, record))
        worker.signals.result.connect(self._on_details_result)
        worker.signals.error.connect(self.report)
        start(worker)

    def _on_details_result(self, details: Details) -> None:
        current = self.current_record()
        if current is None or current.id != details.record.id:
            return  # the selection moved on meanwhile
        self.detail.show_record(current, details.text, details.events, self.model.today,
                                reports=details.reports, evidence=details.evidence)  # fmt: skip
        self.detail_shown.emit(current.id)

    def _reread(self, pledge_id: int) -> None:
        """Show one pledge as stored now, and the suggestions still open."""
        from app.store.reads import get_pledge

        with self.database().connect() as connection:
            record = get_pledge(session=connection, pledge_id=pledge_id)
        self._on_record_saved(record)

    def _reread_suggestions(self) -> None:
        """The open suggestions as stored now: a pledge decided by hand takes its own away."""
        from app.store.suggestion_queries import list_suggestions

        with self.database().connect() as connection:
            self.suggestions.show_suggestions(list_suggestions(session=connection))

    def judge_suggestion(self, suggestion_id: int, accept: bool) -> Worker | None:
        """Enter or Delete in the Suggestions panel: accept the suggestion (its pledge is marked
        as the report says) or set it aside, off the GUI thread; a failure says why and offers
        to try again."""
        try:
            engine = self.database()
        except PledgeWatchError as exc:
            self.report(str(exc))
            return None
        from app.services.verdicts import judge_suggestion

        worker = Worker(
            lambda: judge_suggestion(engine, suggestion_id, accept=accept, at=datetime.now(UTC))
        )

        def judged(done: Suggestion) -> None:
            verdict = done.verdict.words if accept else "suggestion rejected"
            self.statusBar().showMessage(f"{done.record.pledge.actor}: {verdict}", 10_000)
            self._reread(done.record.id)

        def failed(message: str) -> None:
            self._reread_suggestions()  # decided elsewhere meanwhile: show what is open now
            self.report(message, lambda: self.judge_suggestion(suggestion_id, accept))

        worker.signals.result.connect(judged)
        worker.signals.error.connect(failed)
        worker.signals.finished.connect(self._on_judging_finished)
        self.judging = worker
        start(worker)
        return worker

    def _on_judging_finished(self) -> None:
        self.judging = None
