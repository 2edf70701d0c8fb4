"""Changes to pledges as undoable commands: each is saved at once and shown in its row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy import Engine
from sqlmodel import Session

from app.domain import PledgeRecord
from app.domain.errors import PledgeWatchError
from app.store.engine import open_session
from app.store.queries import PledgeEdit, dismiss, edit_pledge, mark_met, restore, unmark_met

Change = Callable[[Session, datetime], PledgeRecord]


class PledgeCommand(QUndoCommand):
    """One change to one pledge, with the change that takes it back."""

    def __init__(
        self, text: str, run: Callable[[Change], None], forward: Change, backward: Change
    ) -> None:
        super().__init__(text)
        self._run, self._forward, self._backward = run, forward, backward

    def redo(self) -> None:
        """Make (or make again) the change."""
        self._run(self._forward)

    def undo(self) -> None:
        """Take the change back."""
        self._run(self._backward)


class PledgeActions(QObject):
    """What the analyst can do to a pledge; every change goes through the undo stack."""

    saved = Signal(object)
    """A change was stored; carries the PledgeRecord as it now stands."""
    failed = Signal(str)
    """A change could not be stored; says why."""

    def __init__(self, engine: Engine, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.stack = stack

    def set_met(
        self, record: PledgeRecord, on: date, note: str | None = None, evidence: str | None = None
    ) -> None:
        """Tick a pledge off (or change its met date); undo restores what was there."""
        pledge, pledge_id = record.pledge, record.id

        def forward(session: Session, at: datetime) -> PledgeRecord:
            return mark_met(
                session=session, pledge_id=pledge_id, on=on, at=at, note=note, evidence=evidence
            )

        self._push(f"Mark met: {pledge.actor}", forward, self._met_as_before(record))

    def unset_met(self, record: PledgeRecord) -> None:
        """Take back a tick; undo ticks it again as it was."""
        pledge_id = record.id

        def forward(session: Session, at: datetime) -> PledgeRecord:
            return unmark_met(session=session, pledge_id=pledge_id, at=at)

        self._push(f"Unmark: {record.pledge.actor}", forward, self._met_as_before(record))

    def edit(self, record: PledgeRecord, change: PledgeEdit) -> None:
        """Correct a pledge; undo restores the fields it had."""
        pledge, pledge_id = record.pledge, record.id
        before = PledgeEdit(
            actor=pledge.actor,
            action=pledge.action,
            kind=pledge.kind,
            due=pledge.due,
            due_precision=pledge.due_precision,
        )

        def forward(session: Session, at: datetime) -> PledgeRecord:
            return edit_pledge(session=session, pledge_id=pledge_id, change=change, at=at)

        def backward(session: Session, at: datetime) -> PledgeRecord:
            return edit_pledge(session=session, pledge_id=pledge_id, change=before, at=at)

        self._push(f"Edit: {pledge.actor}", forward, backward)

    def dismiss(self, record: PledgeRecord) -> None:
        """Hide a wrong extraction; undo brings it back."""
        pledge_id = record.id

        def forward(session: Session, at: datetime) -> PledgeRecord:
            return dismiss(session=session, pledge_id=pledge_id, at=at)

        def backward(session: Session, at: datetime) -> PledgeRecord:
            return restore(session=session, pledge_id=pledge_id, at=at)

        self._push(f"Dismiss: {record.pledge.actor}", forward, backward)

    def _met_as_before(self, record: PledgeRecord) -> Change:
        """The change that puts back the met state a record had."""
        pledge, pledge_id = record.pledge, record.id
        if pledge.met_on is None:
            return lambda session, at: unmark_met(session=session, pledge_id=pledge_id, at=at)
        met_on = pledge.met_on
        return lambda session, at: mark_met(
            session=session,
            pledge_id=pledge_id,
            on=met_on,
            at=at,
            note=pledge.met_note,
            evidence=pledge.met_evidence,
        )

    def _push(self, text: str, forward: Change, backward: Change) -> None:
        self.stack.push(PledgeCommand(text, self._run, forward, backward))

    def _run(self, change: Change) -> None:
        """Save one change at once and show the row as stored."""
        try:
            with open_session(self._engine) as session:
                record = change(session, datetime.now(UTC))
        except PledgeWatchError as exc:
            self.failed.emit(str(exc))
            return
        self.saved.emit(record)
