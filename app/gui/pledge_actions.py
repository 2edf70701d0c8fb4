"""Changes to pledges as undoable commands: each is saved at once and shown in its row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain import PledgeEdit, PledgeRecord
from app.domain.errors import PledgeWatchError, StaleEditError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

# A change to one pledge, made on the version of it the analyst saw.
Change = Callable[["Session", datetime, int], PledgeRecord]


class PledgeCommand(QUndoCommand):
    """One change to one pledge, with the change that takes it back."""

    def __init__(
        self,
        text: str,
        actions: PledgeActions,
        record: PledgeRecord,
        forward: Change,
        backward: Change,
    ) -> None:
        super().__init__(text)
        self._actions = actions
        self._pledge_id = record.id
        self._version = record.version
        self._forward, self._backward = forward, backward

    def redo(self) -> None:
        """Make (or make again) the change."""
        self._apply(self._forward)

    def undo(self) -> None:
        """Take the change back."""
        self._apply(self._backward)

    def _apply(self, change: Change) -> None:
        saved = self._actions.run(self._pledge_id, change, self._version)
        if saved is None:
            self.setObsolete(True)  # refused or failed: nothing to undo or redo any more
        else:
            self._version = saved.version


class PledgeActions(QObject):
    """What the analyst can do to a pledge; every change goes through the undo stack."""

    saved = Signal(object)
    """A change was stored, or the pledge was reloaded; carries the PledgeRecord as stored."""
    failed = Signal(str)
    """A change could not be stored; says why."""

    def __init__(
        self, engine: Callable[[], Engine], stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine  # the open database, once it is open
        self.stack = stack

    def set_met(
        self, record: PledgeRecord, on: date, note: str | None = None, evidence: str | None = None
    ) -> None:
        """Tick a pledge off (or change its met date); undo restores what was there."""
        pledge_id = record.id

        def forward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import mark_met

            return mark_met(
                session=session,
                pledge_id=pledge_id,
                on=on,
                at=at,
                note=note,
                evidence=evidence,
                expected_version=version,
            )

        self._push(f"Mark met: {record.pledge.actor}", record, forward, _verdict_as_before(record))

    def set_broken(self, record: PledgeRecord, on: date, note: str | None = None) -> None:
        """Mark a pledge broken (or change the day); undo restores what was there."""
        pledge_id = record.id

        def forward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import mark_broken

            return mark_broken(
                session=session,
                pledge_id=pledge_id,
                on=on,
                at=at,
                note=note,
                expected_version=version,
            )

        self._push(
            f"Mark broken: {record.pledge.actor}", record, forward, _verdict_as_before(record)
        )

    def unset_met(self, record: PledgeRecord) -> None:
        """Take back a met or broken mark; undo puts it back as it was."""
        pledge_id = record.id

        def forward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import unmark_met

            return unmark_met(session=session, pledge_id=pledge_id, at=at, expected_version=version)

        self._push(f"Unmark: {record.pledge.actor}", record, forward, _verdict_as_before(record))

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

        def forward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import edit_pledge

            return edit_pledge(
                session=session, pledge_id=pledge_id, change=change, at=at, expected_version=version
            )

        def backward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import edit_pledge

            return edit_pledge(
                session=session, pledge_id=pledge_id, change=before, at=at, expected_version=version
            )

        self._push(f"Edit: {pledge.actor}", record, forward, backward)

    def dismiss(self, record: PledgeRecord) -> None:
        """Hide a wrong extraction; undo brings it back."""
        pledge_id = record.id

        def forward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import dismiss

            return dismiss(session=session, pledge_id=pledge_id, at=at, expected_version=version)

        def backward(session: Session, at: datetime, version: int) -> PledgeRecord:
            from app.store.queries import restore

            return restore(session=session, pledge_id=pledge_id, at=at, expected_version=version)

        self._push(f"Dismiss: {record.pledge.actor}", record, forward, backward)

    def run(self, pledge_id: int, change: Change, version: int) -> PledgeRecord | None:
        """Save one change at once and show the row as stored; None when it was refused."""
        from app.store.engine import open_session

        try:
            with open_session(self._engine()) as session:
                record = change(session, datetime.now(UTC), version)
        except StaleEditError as exc:
            self.failed.emit(str(exc))
            self._reload(pledge_id)
            return None
        except PledgeWatchError as exc:
            self.failed.emit(str(exc))
            return None
        self.saved.emit(record)
        return record

    def _reload(self, pledge_id: int) -> None:
        """Show a pledge as another writer left it."""
        from app.store.engine import open_session
        from app.store.queries import get_pledge

        try:
            with open_session(self._engine()) as session:
                self.saved.emit(get_pledge(session=session, pledge_id=pledge_id))
        except PledgeWatchError as exc:
            self.failed.emit(str(exc))

    def _push(self, text: str, record: PledgeRecord, forward: Change, backward: Change) -> None:
        self.stack.push(PledgeCommand(text, self, record, forward, backward))


def _verdict_as_before(record: PledgeRecord) -> Change:
    """The change that puts back the met or broken mark a record had (or none)."""
    pledge, pledge_id = record.pledge, record.id
    met_on, broken_on = pledge.met_on, pledge.broken_on

    def back(session: Session, at: datetime, version: int) -> PledgeRecord:
        from app.store.queries import mark_broken, mark_met, unmark_met

        if broken_on is not None:
            return mark_broken(
                session=session, pledge_id=pledge_id, on=broken_on, at=at,
                note=pledge.broken_note, expected_version=version,
            )  # fmt: skip
        if met_on is None:
            return unmark_met(session=session, pledge_id=pledge_id, at=at, expected_version=version)
        return mark_met(
            session=session,
            pledge_id=pledge_id,
            on=met_on,
            at=at,
            note=pledge.met_note,
            evidence=pledge.met_evidence,
            expected_version=version,
        )

    return back
