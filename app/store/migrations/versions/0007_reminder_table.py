"""Reminders get a table of their own, keyed by pledge, kind and due date, instead of being
found again by parsing the text of history entries."""

from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import MOMENT, belongs_to, create_reminded_once_index, key, required

revision = "0007"
down_revision = "0006"

# How 0002-0006 wrote a reminder into the history: "overdue (due 2022-01-30)" (frozen here).
_DETAIL = re.compile(r"^(due soon|overdue) \(due (\d{4}-\d{2}-\d{2})\)$")


def upgrade() -> None:
    """Make the table, fill it from the reminders recorded in the histories (the history
    entries stay, for the analyst to read), and drop the index that kept those entries unique."""
    reminder = op.create_table(
        "reminder", key(), belongs_to("pledge"), *required(kind=sa.String, due=sa.Date, at=MOMENT)
    )
    op.create_index("ux_reminder_once", "reminder", ["pledge_id", "kind", "due"], unique=True)
    events = sa.table(
        "pledge_event", sa.column("pledge_id", sa.Integer), sa.column("kind", sa.String),
        sa.column("at", MOMENT), sa.column("detail", sa.String),
    )  # fmt: skip
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
            once = (pledge_id, found[1], date.fromisoformat(found[2]))
            rows.setdefault(once, at)
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
    create_reminded_once_index()
    op.drop_index("ux_reminder_once", "reminder")
    op.drop_table("reminder")
