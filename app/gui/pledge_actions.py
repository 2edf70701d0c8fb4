"""Changes to pledges as undoable commands, written off the GUI thread, one at a time.

A change (to one pledge or to a selection of them) is written by a worker; only once it is
stored does it go on the undo stack, so that a change that failed leaves nothing to undo. When
the database cannot be written (another program holds it, the disk is full, the server has
gone), the analyst is told what failed and offered to try again."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain import PledgeEdit, PledgeKind, PledgeRecord
from app.domain import decisions as decided
from app.domain.errors import PledgeWatchError, StaleEditError
from app.domain.wording import plural
from app.gui.workers import Worker

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.domain.decisions import Decision, Rule

_log = logging.getLogger(__name__)
# Called to try a failed change again.
Retry = Callable[[], object]


@dataclass
class Step:
    """One pledge's part of a change, made on the version of it the analyst saw: the decision
    that makes it and the one that takes it back (domain/decisions.py)."""

    pledge_id: int
    version: int
    forward: Decision | Rule
    backward: Decision | Rule


@dataclass
class Written:
    """What one run of steps did, read back on the GUI thread."""

    saved: list[tuple[int, PledgeRecord]] = field(default_factory=list)  # step index, as stored
    refused: list[str] = field(default_factory=list)  # changed elsewhere, gone, not allowed
    reloaded: list[PledgeRecord] = field(default_factory=list)  # as another writer left them
    failed: str | None = None  # the database itself could not be written: the rest not tried


def write_steps(engine: Engine, steps: Sequence[Step], *, forward: bool) -> Written:
    """Worker body: make (or take back) each step in its own transaction, in order."""
    from sqlalchemy.exc import SQLAlchemyError  # here: the window paints before SQLAlchemy loads

    from app.services.verdicts import decide
    from app.store.engine import open_session
    from app.store.reads import get_pledge

    written = Written()
    stale: list[int] = []
    with open_session(engine) as session:
        for index, step in enumerate(steps):
            decision = step.forward if forward else step.backward
            try:
                record = decide(session=session, pledge_id=step.pledge_id, decision=decision,
                                at=datetime.now(UTC), expected_version=step.version)  # fmt: skip
                written.saved.append((index, record))
            except StaleEditError as exc:
                written.refused.append(str(exc))
                stale.append(step.pledge_id)
            except PledgeWatchError as exc:
                written.refused.append(str(exc))
            except (SQLAlchemyError, OSError) as exc:
                session.rollback()
                _log.warning("could not write a change", exc_info=True)
                written.failed = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                return written
        for pledge_id in stale:
            try:
                written.reloaded.append(get_pledge(session=session, pledge_id=pledge_id))
            except PledgeWatchError:
                continue  # gone: nothing to show
    return written


class PledgeCommand(QUndoCommand):
    """One change to one or more pledges, with what takes it back. Pushed once stored, so the
    stack's first call of redo() has nothing to do."""

    def __init__(self, text: str, actions: PledgeActions, steps: list[Step]) -> None:
        super().__init__(text)
        self.actions = actions
        self.steps = steps
        self.skip_next = True  # already written when pushed

    def redo(self) -> None:
        """Make the change again."""
        if not self._skipped():
            self.actions.rewrite(self, forward=True)

    def undo(self) -> None:
        """Take the change back."""
        if not self._skipped():
            self.actions.rewrite(self, forward=False)

    def _skipped(self) -> bool:
        skipped, self.skip_next = self.skip_next, False
        return skipped


class PledgeActions(QObject):
    """What the analyst can do to pledges; every change goes through the undo stack."""

    saved = Signal(object)
    """A change was stored, or the pledge was reloaded; carries the PledgeRecord as stored."""
    failed = Signal(str, object)
    """A change could not be stored: why, and a Retry callable (None when retrying is no use)."""
    done = Signal(str)
    """A change was stored: what was done, in words for the status bar."""

    def __init__(
        self, engine: Callable[[], Engine], stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine  # the open database, once it is open
        self.stack = stack
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # one write at a time, in the order they were asked
        self._running: set[Worker] = set()

    # --- the changes ------------------------------------------------------------------------

    def set_met(
        self,
        records: Sequence[PledgeRecord],
        on: date,
        note: str | None = None,
        evidence: str | None = None,
    ) -> None:
        """Tick pledges off (or change their met day); undo restores what each had."""
        met = decided.met(on, note, evidence)
        self.perform("Mark met", records, lambda _r: met, _verdict_before)

    def set_broken(
        self, records: Sequence[PledgeRecord], on: date, note: str | None = None
    ) -> None:
        """Mark pledges broken (or change the day); undo restores what each had."""
        broken = decided.broken(on, note)
        self.perform("Mark broken", records, lambda _r: broken, _verdict_before)

    def reopen(self, records: Sequence[PledgeRecord]) -> None:
        """Take back met or broken marks; undo puts each back as it was."""
        self.perform("Reopen", records, lambda _r: decided.reopened, _verdict_before)

    def edit(self, record: PledgeRecord, change: PledgeEdit) -> None:
        """Correct a pledge; undo restores the fields it had."""
        self.perform("Edit", [record], lambda _r: decided.edited(change), _fields_before)

    def set_kind(self, records: Sequence[PledgeRecord], kind: PledgeKind) -> None:
        """Give pledges another kind; undo restores each one's own."""

        def forward(record: PledgeRecord) -> Rule:
            return decided.edited(replace(PledgeEdit.of(record.pledge), kind=kind))

        self.perform(f"Set kind to {kind.label}", records, forward, _fields_before)

    def dismiss(self, records: Sequence[PledgeRecord]) -> None:
        """Hide wrong extractions; undo brings them back."""
        self.perform("Dismiss", records, lambda _r: decided.DISMISSED,
                     lambda _r: decided.RESTORED)  # fmt: skip

    def confirm(self, records: Sequence[PledgeRecord]) -> None:
        """Confirm pledges to review: they are tracked from now; undo puts them back."""
        self.perform("Confirm", [r for r in records if r.pledge.review],
                     lambda _r: decided.CONFIRMED, lambda _r: decided.BACK_TO_REVIEW)  # fmt: skip

    def restore(self, records: Sequence[PledgeRecord]) -> None:
        """Bring dismissed pledges back; undo dismisses them again."""
        self.perform("Restore", records, lambda _r: decided.RESTORED,
                     lambda _r: decided.DISMISSED)  # fmt: skip

    # --- writing ----------------------------------------------------------------------------

    def perform(
        self,
        verb: str,
        records: Sequence[PledgeRecord],
        forward: Callable[[PledgeRecord], Decision | Rule],
        backward: Callable[[PledgeRecord], Decision | Rule],
    ) -> None:
        """Write a change to each pledge off the GUI thread; once stored, it can be undone."""
        if not records:
            return
        steps = [Step(r.id, r.version, forward(r), backward(r)) for r in records]
        text = f"{verb}: {records[0].pledge.actor}" if len(records) == 1 else (
            f"{verb}: {plural(len(records), 'pledge')}"
        )  # fmt: skip

        def stored(written: Written) -> None:
            kept = self._show(written, steps)
            if kept:
                self.stack.push(PledgeCommand(text, self, kept))
                actors = {r.id: r.pledge.actor for r in records}
                self.done.emit(
                    f"{_done_words(verb, [actors[s.pledge_id] for s in kept])} — Ctrl+Z to undo"
                )
            self._tell(written, text, retry=lambda: self.perform(verb, records, forward, backward))

        self._write(steps, forward=True, then=stored)

    def rewrite(self, command: PledgeCommand, *, forward: bool) -> None:
        """Undo or redo a stored change; when nothing of it could be written, the stack goes
        back to where it was, so that what it shows is what is stored."""

        def stored(written: Written) -> None:
            kept = self._show(written, command.steps)
            if not kept:
                command.skip_next = True  # the stack steps back over it without writing
                (self.stack.redo if not forward else self.stack.undo)()
            else:
                command.steps = kept  # a pledge that could not follow is no longer part of it
            self._tell(written, command.text(), retry=None)

        self._write(command.steps, forward=forward, then=stored)

    def _write(self, steps: list[Step], *, forward: bool, then: Callable[[Written], None]) -> None:
        try:
            engine = self._engine()
        except PledgeWatchError as exc:
            self.failed.emit(str(exc), None)
            return
        worker = Worker(lambda: write_steps(engine, steps, forward=forward))
        worker.signals.result.connect(then)
        worker.signals.error.connect(lambda message: self.failed.emit(message, None))
        worker.signals.finished.connect(lambda: self._running.discard(worker))
        self._running.add(worker)
        self._writes.start(worker)

    def _show(self, written: Written, steps: list[Step]) -> list[Step]:
        """Show each pledge as stored; the steps that were written, with their new versions."""
        kept = []
        for index, record in written.saved:
            steps[index].version = record.version
            kept.append(steps[index])
            self.saved.emit(record)
        for record in written.reloaded:
            self.saved.emit(record)
        return kept

    def _tell(self, written: Written, text: str, *, retry: Retry | None) -> None:
        if written.failed is not None:
            self.failed.emit(
                f"Could not save “{text}”: {written.failed}. "
                + ("Nothing of it was stored." if not written.saved else "Part of it was stored."),
                retry if not written.saved else None,
            )
        elif written.refused:
            self.failed.emit("\n".join(written.refused), None)

    def wait(self, msecs: int = 60_000) -> bool:
        """Let the writes asked for finish and their results be shown (before closing, in tests);
        False if they did not finish in time."""
        finished = self._writes.waitForDone(msecs)
        QCoreApplication.processEvents()
        return finished

    @property
    def writing(self) -> bool:
        """Whether a change is being written now."""
        return bool(self._running)


def _done_words(verb: str, actors: list[str]) -> str:
    """ "Dismissed 3 pledges", "Marked met: United States": the status bar's line after a
    change."""
    past = {"Mark met": "Marked met", "Mark broken": "Marked broken", "Reopen": "Reopened",
            "Edit": "Edited", "Dismiss": "Dismissed", "Restore": "Restored",
            "Confirm": "Confirmed"}.get(verb, verb)  # fmt: skip
    return f"{past}: {actors[0]}" if len(actors) == 1 else f"{past} {plural(len(actors), 'pledge')}"


def _verdict_before(record: PledgeRecord) -> Rule:
    """What puts back the verdict a pledge had: the undo of a verdict."""
    return decided.verdict_of(record.pledge)


def _fields_before(record: PledgeRecord) -> Rule:
    """What puts back the fields a pledge had: the undo of an edit."""
    return decided.edited(PledgeEdit.of(record.pledge))
