"""Web sources, repeated quotes, feeds, reminders recorded once, and edit versions.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


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
        "pledge_quote",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "pledge_id", sa.Integer, sa.ForeignKey("pledge.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_pledge_quote_pledge_id", "pledge_quote", ["pledge_id"])
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.String),
    )
    op.create_index("ix_feed_url", "feed", ["url"], unique=True)
    op.create_index(
        "ux_reminded_once",
        "pledge_event",
        ["pledge_id", "detail"],
        unique=True,
        sqlite_where=sa.text("kind = 'reminded'"),
        postgresql_where=sa.text("kind = 'reminded'"),
    )


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
