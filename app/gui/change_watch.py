"""Notices changes made to the database by other programs (the command line, cron's
`pledgewatch check`, a teammate on a shared database), so that the board stays true without F5."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.gui.workers import Worker, start

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from app.domain import PledgeRecord, Suggestion
    from app.store.changes import ChangeMark

POLL_MS = 3_000
MOST_READ_ONE_BY_ONE = 500  # more changed pledges than this: the board is read again whole


@dataclass(frozen=True)
class Changes:
    """What changed since a mark: the pledges as stored now, and the open suggestions; `whole`
    when too much changed to read it pledge by pledge."""

    records: tuple[PledgeRecord, ...]
    suggestions: list[Suggestion]
    mark: ChangeMark
    whole: bool = False


def read_changes(engine: Engine, since: ChangeMark) -> Changes | None:
    """Worker body: None when the database's change mark is still `since`; else the pledges
    changed since, and the open suggestions, read on the same connection as the new mark."""
    from app.store.changes import change_mark, changed_pledges
    from app.store.reads import get_pledges
    from app.store.suggestion_queries import list_suggestions

    with engine.connect() as connection:
        mark = change_mark(connection)
        if mark == since:
            return None
        ids = changed_pledges(connection, after_event=since[0], limit=MOST_READ_ONE_BY_ONE)
        if len(ids) > MOST_READ_ONE_BY_ONE:
            return Changes((), [], mark, whole=True)
        records = tuple(get_pledges(session=connection, pledge_ids=ids).values())
        return Changes(records, list_suggestions(session=connection), mark)


class ChangeWatcher(QObject):
    """Asks the database for its change mark every few seconds, on a worker, and when it moved
    reads what changed since the mark last seen (the window's own changes come back too, and
    are found already shown)."""

    changes_read = Signal(object)
    """A Changes: what changed since the last look."""

    def __init__(self, engine: Callable[[], Engine | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine  # the open database, once it is open
        self._seen: ChangeMark | None = None
        self._asking: Worker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Begin watching."""
        self.timer.start()

    def stop(self) -> None:
        """Stop watching: the window has closed."""
        self.timer.stop()

    def saw(self, mark: ChangeMark) -> None:
        """The window shows the database as it was at `mark` (it has just read it whole)."""
        self._seen = mark

    def poll(self) -> None:
        """Look for changes, unless a look is under way or nothing has been read yet."""
        engine, seen = self._engine(), self._seen
        if engine is None or seen is None or self._asking is not None:
            return

        worker = Worker(lambda: read_changes(engine, seen))
        worker.signals.result.connect(self._on_look_result)
        worker.signals.finished.connect(self._on_look_finished)
        self._asking = worker
        start(worker)

    def _on_look_result(self, changes: Changes | None) -> None:
        if changes is not None:
            self._seen = changes.mark
            self.changes_read.emit(changes)

    def _on_look_finished(self) -> None:
        self._asking = None
