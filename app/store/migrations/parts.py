"""The parts of tables the migrations declare, each written once.

Frozen like the migrations that use them: what a revision made must come out the same in every
later release, so nothing here changes; a new kind of part gets a new function.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

MOMENT = sa.DateTime(timezone=True)  # every stored instant keeps its time zone


def key() -> sa.Column[Any]:
    """The table's own id."""
    return sa.Column("id", sa.Integer, primary_key=True)


def belongs_to(table: str) -> sa.Column[Any]:
    """`<table>_id`: a required reference to a row of `table`, deleted with that row."""
    reference = sa.ForeignKey(f"{table}.id", ondelete="CASCADE")
    return sa.Column(f"{table}_id", sa.Integer, reference, nullable=False)


def required(**types: Any) -> list[sa.Column[Any]]:
    """Columns that must hold a value, by name and type, in this order."""
    return [sa.Column(name, kind, nullable=False) for name, kind in types.items()]


def optional(**types: Any) -> list[sa.Column[Any]]:
    """Columns that may be empty, by name and type, in this order."""
    return [sa.Column(name, kind) for name, kind in types.items()]


def create_reminded_once_index() -> None:
    """The index of 0002 to 0006 that kept one "reminded" history entry per pledge and detail."""
    op.create_index(
        "ux_reminded_once", "pledge_event", ["pledge_id", "detail"], unique=True,
        sqlite_where=sa.text("kind = 'reminded'"), postgresql_where=sa.text("kind = 'reminded'"),
    )  # fmt: skip
