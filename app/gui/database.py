"""The database a window works on: named at start, opened off the GUI thread at first load."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.errors import PledgeWatchError

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Database:
    """Holds the engine once it is open; calling it returns the engine or says it is not yet.

    The window's helpers (undoable changes, reminders) hold this, never the window itself, so
    that no reference cycle keeps a closed window's Qt objects alive.
    """

    def __init__(self, target: Engine | str | None) -> None:
        self.target: Engine | str | None = target
        self.engine: Engine | None = None if target is None or isinstance(target, str) else target

    def __call__(self) -> Engine:
        """The open engine."""
        if self.engine is None:
            raise PledgeWatchError("the database is still being opened; try again in a moment")
        return self.engine

    def describe(self) -> str:
        """Where the database is, for people (passwords hidden, whether open yet or not)."""
        from app.store.urls import shown_url

        if self.engine is not None:
            return shown_url(self.engine.url)
        if isinstance(self.target, str):
            return shown_url(self.target)
        return "the default database (still opening)"
