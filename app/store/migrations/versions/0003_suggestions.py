"""Suggestions: later articles reporting that a pledge was kept."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import MOMENT, belongs_to, key, required

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    """Add the suggestion table."""
    op.create_table("suggestion", key(), belongs_to("pledge"), belongs_to("article"), *required(
        outcome=sa.String, happened_on=sa.Date, evidence=sa.String, evidence_start=sa.Integer,
        evidence_end=sa.Integer, state=sa.String, created_at=MOMENT,
    ))  # fmt: skip
    op.create_index("ix_suggestion_pledge_id", "suggestion", ["pledge_id"])
    op.create_index("ix_suggestion_state", "suggestion", ["state"])
    op.create_index("ux_suggestion_once", "suggestion", ["pledge_id", "article_id"], unique=True)


def downgrade() -> None:
    """Drop the suggestion table."""
    op.drop_table("suggestion")
