"""Broken pledges, later articles that report the same pledge again, and each action's verb."""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import belongs_to, key, required

revision = "0004"
down_revision = "0003"


def _verb(action: str) -> str:
    """The action's first word, lower-cased, as likeness.action_verb took it in this revision."""
    words = re.findall(r"[\w'’]+", action.lower())
    return words[0] if words else ""


def upgrade() -> None:
    """Add the broken mark and the verb to pledges, and the pledge_source table."""
    with op.batch_alter_table("pledge") as pledge:
        pledge.add_column(sa.Column("broken_on", sa.Date, nullable=True))
        pledge.add_column(sa.Column("broken_note", sa.String, nullable=True))
        pledge.add_column(sa.Column("verb", sa.String, nullable=False, server_default=""))
    table = sa.table("pledge", sa.column("id", sa.Integer), sa.column("action", sa.String),
                     sa.column("verb", sa.String))  # fmt: skip
    connection = op.get_bind()
    rows = connection.execute(sa.select(table.c.id, table.c.action)).all()
    for start in range(0, len(rows), 1000):
        connection.execute(
            sa.update(table).where(table.c.id == sa.bindparam("pledge_id")),
            [{"pledge_id": i, "verb": _verb(a)} for i, a in rows[start : start + 1000]],
        )
    op.create_index("ix_pledge_verb", "pledge", ["verb"])
    op.create_table(
        "pledge_source", key(), belongs_to("pledge"), belongs_to("article"),
        *required(quote=sa.String, quote_start=sa.Integer, quote_end=sa.Integer),
    )  # fmt: skip
    op.create_index("ix_pledge_source_article_id", "pledge_source", ["article_id"])
    op.create_index(
        "ux_pledge_source_once", "pledge_source", ["pledge_id", "article_id"], unique=True
    )


def downgrade() -> None:
    """Drop the pledge_source table and the broken mark."""
    op.drop_table("pledge_source")
    op.drop_index("ix_pledge_verb", "pledge")
    with op.batch_alter_table("pledge") as pledge:
        pledge.drop_column("verb")
        pledge.drop_column("broken_note")
        pledge.drop_column("broken_on")
