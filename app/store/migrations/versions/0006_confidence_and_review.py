"""Each pledge's confidence, and whether it waits for the analyst to confirm it."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    """Add pledge.confidence and pledge.review (every stored pledge stays tracked), as plain
    ADD COLUMNs, which SQLite makes in place."""
    op.add_column("pledge", sa.Column("confidence", sa.Float, nullable=True))
    op.add_column(
        "pledge", sa.Column("review", sa.Boolean, nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("pledge") as batch:
        batch.drop_column("review")
        batch.drop_column("confidence")
