"""Suggestions: later articles reporting that a pledge was kept.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the suggestion table."""
    op.create_table(
        "suggestion",
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
        sa.Column("outcome", sa.String, nullable=False),
        sa.Column("happened_on", sa.Date, nullable=False),
        sa.Column("evidence", sa.String, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("state", sa.String, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_suggestion_pledge_id", "suggestion", ["pledge_id"])
    op.create_index("ix_suggestion_state", "suggestion", ["state"])
    op.create_index("ux_suggestion_once", "suggestion", ["pledge_id", "article_id"], unique=True)


def downgrade() -> None:
    """Drop the suggestion table."""
    op.drop_table("suggestion")
