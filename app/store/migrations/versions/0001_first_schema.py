"""The first released schema: articles, pledges and their history."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import MOMENT, belongs_to, key, optional, required

revision = "0001"
down_revision = None


def upgrade() -> None:
    """Create the three tables of the first release."""
    text = sa.String
    op.create_table("article", key(), *required(
        title=text, source=text, published=sa.Date, published_how=text, text=text,
        content_hash=text, imported_at=MOMENT,
    ))  # fmt: skip
    op.create_index("ix_article_content_hash", "article", ["content_hash"], unique=True)
    op.create_table(
        "pledge", key(), belongs_to("article"), *required(actor=text),
        *optional(recipient=text), *required(action=text, kind=text), *optional(condition=text),
        *required(quote=text, quote_start=sa.Integer, quote_end=sa.Integer),
        *optional(deadline_text=text, due=sa.Date, due_precision=text, met_on=sa.Date,
                  met_note=text, met_evidence=text),
        *required(dismissed=sa.Boolean),
    )  # fmt: skip
    op.create_index("ix_pledge_article_id", "pledge", ["article_id"])
    op.create_index("ix_pledge_due", "pledge", ["due"])
    op.create_index("ix_pledge_status", "pledge", ["dismissed", "met_on", "due"])
    op.create_table(
        "pledge_event", key(), belongs_to("pledge"), *required(kind=text, at=MOMENT, detail=text)
    )
    op.create_index("ix_pledge_event_pledge_id", "pledge_event", ["pledge_id"])


def downgrade() -> None:
    """Drop everything."""
    op.drop_table("pledge_event")
    op.drop_table("pledge")
    op.drop_table("article")
