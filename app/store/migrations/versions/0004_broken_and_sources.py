"""Broken pledges, and later articles that report the same pledge again.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the broken mark to pledges and the pledge_source table."""
    with op.batch_alter_table("pledge") as pledge:
        pledge.add_column(sa.Column("broken_on", sa.Date, nullable=True))
        pledge.add_column(sa.Column("broken_note", sa.String, nullable=True))
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
    with op.batch_alter_table("pledge") as pledge:
        pledge.drop_column("broken_note")
        pledge.drop_column("broken_on")
