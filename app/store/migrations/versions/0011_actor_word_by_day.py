"""Each actor_word entry keeps the day its pledge's article was published, indexed with the
word, so that a later article's search reads only the entries of pledges made before it, the
latest first."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    """Add actor_word.published, fill it from each pledge's article, make it required, and
    index it with the word in place of the word alone."""
    op.add_column("actor_word", sa.Column("published", sa.Date, nullable=True))
    filed = sa.table(
        "actor_word", sa.column("pledge_id", sa.Integer), sa.column("published", sa.Date)
    )
    pledge = sa.table("pledge", sa.column("id", sa.Integer), sa.column("article_id", sa.Integer))
    article = sa.table("article", sa.column("id", sa.Integer), sa.column("published", sa.Date))
    day = (
        sa.select(article.c.published)
        .join(pledge, pledge.c.article_id == article.c.id)
        .where(pledge.c.id == filed.c.pledge_id)
        .scalar_subquery()
    )
    op.execute(filed.update().values(published=day))
    op.drop_index("ix_actor_word_word", "actor_word")
    with op.batch_alter_table("actor_word") as batch:
        batch.alter_column("published", existing_type=sa.Date, nullable=False)
    op.create_index(
        "ix_actor_word_by_day", "actor_word", ["word", "published", "pledge_id"]
    )  # all a search reads: it never opens the table


def downgrade() -> None:
    """Back to the word alone."""
    op.drop_index("ix_actor_word_by_day", "actor_word")
    with op.batch_alter_table("actor_word") as batch:
        batch.drop_column("published")
    op.create_index("ix_actor_word_word", "actor_word", ["word"])
