"""Imports articles off the GUI thread, one file at a time, with progress and cancel."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from app.domain.errors import PledgeWatchError
from app.domain.wording import plural

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Engine

    from app.extract import Extraction, Pipeline

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PastedText:
    """An article pasted into the app, with the publication date the analyst confirmed."""

    text: str
    published: date
    source: str = "pasted article"


ImportJob = Path | str | PastedText  # a file, a web address, or pasted text


@dataclass
class ImportSummary:
    """What an import did, file by file."""

    added: list[tuple[str, int]] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cancelled: bool = False
    again: int = 0  # earlier pledges the new articles state again (kept as sources)
    suggestions: int = 0  # earlier pledges the new articles report kept or broken

    def text(self) -> str:
        """A few lines for the analyst."""
        pledges = sum(count for _, count in self.added)
        lines = [f"Added {plural(len(self.added), 'article')} with {plural(pledges, 'pledge')}."]
        if self.again:
            lines.append(f"{plural(self.again, 'earlier pledge')} reported again (a new source).")
        if self.suggestions:
            lines.append(
                f"{plural(self.suggestions, 'suggestion')} that an earlier pledge was kept or "
                "broken: see the Suggestions panel."
            )
        if self.already:
            lines.append(f"{plural(len(self.already), 'article')} already stored, skipped.")
        if self.failed:
            lines.append(f"{plural(len(self.failed), 'file')} could not be imported:")
            lines.extend(f"  {message}" for message in self.failed)
        if self.cancelled:
            lines.append("Cancelled before the end; what was imported is kept.")
        return "\n".join(lines)


class ImportSignals(QObject):
    """What the import worker reports; delivered on the GUI thread."""

    progress = Signal(int, int, str)
    """Files done, files in all, and the name of the one being read now."""
    finished = Signal(object)
    """The ImportSummary, emitted once at the end (also after cancel or failure)."""


class ImportWorker(QRunnable):
    """Runs the pipeline and stores each article in its own transaction; touches no widget."""

    def __init__(
        self, engine: Engine, jobs: Sequence[ImportJob], pipeline: Pipeline | None = None
    ) -> None:
        super().__init__()
        self.signals = ImportSignals()
        self._engine = engine
        self._jobs = list(jobs)
        self._pipeline = pipeline
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop now: a page being fetched is let go, a file being read is finished; what is
        stored stays stored."""
        self._cancel.set()

    def run(self) -> None:
        """Import every job, reporting progress; a failing one is noted and the rest go on."""
        from app.services.importing import prepare_follow_up_search

        summary = ImportSummary()
        total = len(self._jobs)
        prepare_follow_up_search()
        try:
            for done, job in enumerate(self._jobs):
                if self._cancel.is_set():
                    break
                self.signals.progress.emit(done, total, _name(job))
                self._import_one(job, summary)
            summary.cancelled = self._cancel.is_set()
            self.signals.progress.emit(total, total, "")
            self.signals.finished.emit(summary)
        except RuntimeError:
            pass  # the app quit during the import: what was stored stays stored

    def _import_one(self, job: ImportJob, summary: ImportSummary) -> None:
        from app.services.importing import store_extraction

        try:
            extraction = self._extract(job)
            outcome = store_extraction(self._engine, extraction, at=datetime.now(UTC))
        except PledgeWatchError as exc:
            if not self._cancel.is_set():  # a fetch let go on Cancel is no failure
                _log.warning("%s", exc)
                summary.failed.append(str(exc))
            return
        except Exception as exc:  # a broken file must not stop the others, nor the app
            _log.exception("importing %s failed", _name(job))
            summary.failed.append(f"{_name(job)}: {type(exc).__name__}: {exc}")
            return
        if outcome.added:
            summary.added.append((outcome.article.title, len(outcome.pledges)))
            summary.again += len(outcome.again)
            summary.suggestions += outcome.suggestions
        else:
            summary.already.append(outcome.article.title)

    def _extract(self, job: ImportJob) -> Extraction:
        if self._pipeline is None:  # made here, off the GUI thread: it loads every stage
            from app.extract import Pipeline

            self._pipeline = Pipeline()
        if isinstance(job, PastedText):
            return self._pipeline.run_text(job.text, source=job.source, published=job.published)
        return self._pipeline.run_file(job, cancelled=self._cancel)  # Cancel stops a fetch


def _name(job: ImportJob) -> str:
    if isinstance(job, PastedText):
        return job.source
    return job if isinstance(job, str) else job.name
