"""Each suggestion's confidence, and whether the Suggestions panel shows it at once or behind
"Show more" (the suggestions stored before were the rules', shown at once)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    """Add suggestion.confidence and suggestion.likely as plain ADD COLUMNs."""
    op.add_column(
        "suggestion", sa.Column("confidence", sa.Float, nullable=False, server_default="1.0")
    )
    op.add_column(
        "suggestion", sa.Column("likely", sa.Boolean, nullable=False, server_default=sa.true())
    )


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("suggestion") as batch:
        batch.drop_column("likely")
        batch.drop_column("confidence")
