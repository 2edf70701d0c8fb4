"""Reminders get a table of their own, keyed by pledge, kind and due date, instead of being
found again by parsing the text of history entries.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# How 0002-0006 wrote a reminder into the history: "overdue (due 2022-01-30)" (frozen here).
_DETAIL = re.compile(r"^(due soon|overdue) \(due (\d{4}-\d{2}-\d{2})\)$")


def upgrade() -> None:
    """Make the table, fill it from the reminders recorded in the histories (the history
    entries stay, for the analyst to read), and drop the index that kept those entries unique."""
    reminder = op.create_table(
        "reminder",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "pledge_id",
            sa.Integer,
            sa.ForeignKey("pledge.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ux_reminder_once", "reminder", ["pledge_id", "kind", "due"], unique=True)
    events = sa.table(
        "pledge_event",
        sa.column("pledge_id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("at", sa.DateTime(timezone=True)),
        sa.column("detail", sa.String),
    )
    connection = op.get_bind()
    given = connection.execute(
        sa.select(events.c.pledge_id, events.c.at, events.c.detail)
        .where(events.c.kind == "reminded")
        .order_by(events.c.at)
    )
    rows: dict[tuple[int, str, date], object] = {}
    for pledge_id, at, detail in given:
        found = _DETAIL.match(detail or "")
        if found is not None:
            key = (pledge_id, found[1], date.fromisoformat(found[2]))
            rows.setdefault(key, at)
    if rows:
        op.bulk_insert(
            reminder,
            [
                {"pledge_id": pledge_id, "kind": kind, "due": due, "at": at}
                for (pledge_id, kind, due), at in rows.items()
            ],
        )
    op.drop_index("ux_reminded_once", "pledge_event")


def downgrade() -> None:
    """Back to the index on the history entries (the table's rows are in the histories)."""
    op.create_index(
        "ux_reminded_once",
        "pledge_event",
        ["pledge_id", "detail"],
        unique=True,
        sqlite_where=sa.text("kind = 'reminded'"),
        postgresql_where=sa.text("kind = 'reminded'"),
    )
    op.drop_index("ux_reminder_once", "reminder")
    op.drop_table("reminder")
