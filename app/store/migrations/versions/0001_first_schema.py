"""The first released schema: articles, pledges and their history.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables of the first release."""
    op.create_table(
        "article",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("published", sa.Date, nullable=False),
        sa.Column("published_how", sa.String, nullable=False),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_content_hash", "article", ["content_hash"], unique=True)
    op.create_table(
        "pledge",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("article.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("actor", sa.String, nullable=False),
        sa.Column("recipient", sa.String),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("condition", sa.String),
        sa.Column("quote", sa.String, nullable=False),
        sa.Column("quote_start", sa.Integer, nullable=False),
        sa.Column("quote_end", sa.Integer, nullable=False),
        sa.Column("deadline_text", sa.String),
        sa.Column("due", sa.Date),
        sa.Column("due_precision", sa.String),
        sa.Column("met_on", sa.Date),
        sa.Column("met_note", sa.String),
        sa.Column("met_evidence", sa.String),
        sa.Column("dismissed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_pledge_article_id", "pledge", ["article_id"])
    op.create_index("ix_pledge_due", "pledge", ["due"])
    op.create_index("ix_pledge_status", "pledge", ["dismissed", "met_on", "due"])
    op.create_table(
        "pledge_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "pledge_id", sa.Integer, sa.ForeignKey("pledge.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.String, nullable=False),
    )
    op.create_index("ix_pledge_event_pledge_id", "pledge_event", ["pledge_id"])


def downgrade() -> None:
    """Drop everything."""
    op.drop_table("pledge_event")
    op.drop_table("pledge")
    op.drop_table("article")
