"""Feed items already read, so that a poll handles only the new ones.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the feed_item table."""
    op.create_table(
        "feed_item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "feed_id", sa.Integer, sa.ForeignKey("feed.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("link", sa.String, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ux_feed_item_once", "feed_item", ["feed_id", "link"], unique=True)


def downgrade() -> None:
    """Drop the feed_item table."""
    op.drop_table("feed_item")
