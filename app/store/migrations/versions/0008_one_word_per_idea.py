"""One word per idea: a later article that states a pledge again is a report (table
pledge_report, history kind "reported"), not a "source" (which is where an article was read
from); taking back a verdict is "reopened", not "unmet" (it takes back broken too); a
suggestion's met/broken/partly is its verdict, not its "outcome"."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"

# The history kinds renamed, old -> new.
_KINDS = {"unmet": "reopened", "source": "reported"}


def upgrade() -> None:
    """Rename the table, its indexes, the suggestion column and the history kinds."""
    _rename_reports("pledge_source", "pledge_report")
    with op.batch_alter_table("suggestion") as suggestion:
        suggestion.alter_column("outcome", new_column_name="verdict")
    _rename_kinds(_KINDS)


def downgrade() -> None:
    """Back to the words of 0007."""
    _rename_kinds({new: old for old, new in _KINDS.items()})
    with op.batch_alter_table("suggestion") as suggestion:
        suggestion.alter_column("verdict", new_column_name="outcome")
    _rename_reports("pledge_report", "pledge_source")


def _rename_reports(old: str, new: str) -> None:
    op.drop_index(f"ix_{old}_article_id", old)
    op.drop_index(f"ux_{old}_once", old)
    op.rename_table(old, new)
    op.create_index(f"ix_{new}_article_id", new, ["article_id"])
    op.create_index(f"ux_{new}_once", new, ["pledge_id", "article_id"], unique=True)


def _rename_kinds(names: dict[str, str]) -> None:
    event = sa.table("pledge_event", sa.column("kind", sa.String))
    for old, new in names.items():
        op.execute(event.update().where(event.c.kind == old).values(kind=new))
