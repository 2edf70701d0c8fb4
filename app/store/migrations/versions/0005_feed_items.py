"""Feed items already read, so that a poll handles only the new ones."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import MOMENT, belongs_to, key, required

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    """Add the feed_item table."""
    op.create_table(
        "feed_item", key(), belongs_to("feed"), *required(link=sa.String, seen_at=MOMENT)
    )
    op.create_index("ux_feed_item_once", "feed_item", ["feed_id", "link"], unique=True)


def downgrade() -> None:
    """Drop the feed_item table."""
    op.drop_table("feed_item")
