"""Broken pledges, later articles that report the same pledge again, and each action's verb.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


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
        "pledge_source",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "pledge_id", sa.Integer, sa.ForeignKey("pledge.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("quote", sa.String, nullable=False),
        sa.Column("quote_start", sa.Integer, nullable=False),
        sa.Column("quote_end", sa.Integer, nullable=False),
    )
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
