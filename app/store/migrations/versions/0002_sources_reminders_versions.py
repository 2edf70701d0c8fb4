"""Web sources, repeated quotes, feeds, reminders recorded once, and edit versions."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import (
    MOMENT,
    belongs_to,
    create_reminded_once_index,
    key,
    optional,
    required,
)

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Add the columns and tables of the second schema, keeping every row."""
    with op.batch_alter_table("article") as article:
        article.add_column(sa.Column("url", sa.String, nullable=True))
        article.add_column(
            sa.Column("pledge_count", sa.Integer, nullable=False, server_default="0")
        )
        article.create_index("ix_article_url", ["url"])
    op.execute(
        "UPDATE article SET pledge_count = "
        "(SELECT COUNT(*) FROM pledge WHERE pledge.article_id = article.id)"
    )
    with op.batch_alter_table("pledge") as pledge:
        pledge.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_table(
        "pledge_quote", key(), belongs_to("pledge"),
        *required(text=sa.String, start=sa.Integer, end=sa.Integer),
    )  # fmt: skip
    op.create_index("ix_pledge_quote_pledge_id", "pledge_quote", ["pledge_id"])
    op.create_table(
        "feed", key(), *required(url=sa.String, title=sa.String, added_at=MOMENT),
        *optional(last_polled_at=MOMENT, last_error=sa.String),
    )  # fmt: skip
    op.create_index("ix_feed_url", "feed", ["url"], unique=True)
    create_reminded_once_index()


def downgrade() -> None:
    """Back to the first schema (the new columns and tables are lost)."""
    op.drop_index("ux_reminded_once", "pledge_event")
    op.drop_table("feed")
    op.drop_table("pledge_quote")
    with op.batch_alter_table("pledge") as pledge:
        pledge.drop_column("version")
    with op.batch_alter_table("article") as article:
        article.drop_index("ix_article_url")
        article.drop_column("pledge_count")
        article.drop_column("url")
