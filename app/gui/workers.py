"""Runs long work off the GUI thread: a QRunnable on the global pool with a signals object."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import PledgeWatchError

if TYPE_CHECKING:
    from collections.abc import Callable

_log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """What a worker reports back; delivered on the GUI thread through queued connections."""

    started = Signal()
    """The work has begun."""
    result = Signal(object)
    """The work's return value."""
    note = Signal(str)
    """What the work is doing now, in words for the status bar (sent by the work itself)."""
    error = Signal(str)
    """A one-line message saying what went wrong."""
    finished = Signal()
    """Emitted last, after result or error."""


class Worker(QRunnable):
    """Calls one function on a pool thread; it must touch no widget and open its own session."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = WorkerSignals()

    def run(self) -> None:
        """Run the work and report its outcome through the signals."""
        try:
            self.signals.started.emit()
            try:
                value = self._work()
            except PledgeWatchError as exc:  # bad input or a refusal: the message says it all
                _log.warning("%s", exc)
                self.signals.error.emit(str(exc))
            except Exception as exc:  # a fault of ours; the GUI must not die with the worker
                _log.exception("background work failed")  # the traceback, for whoever fixes it
                self.signals.error.emit(internal_error_message(exc))
            else:
                self.signals.result.emit(value)
            self.signals.finished.emit()
        except RuntimeError:
            pass  # the app quit while the work ran: nobody is left to tell


def internal_error_message(exc: BaseException) -> str:
    """What to tell the analyst of a fault of PledgeWatch's own: what it was, and where the
    details are for whoever fixes it."""
    from app.logs import log_path

    return f"Internal error: {type(exc).__name__}: {exc}. The details are in {log_path()}."


def start(worker: QRunnable) -> None:
    """Queue a worker on the application's global thread pool."""
    QThreadPool.globalInstance().start(worker)
