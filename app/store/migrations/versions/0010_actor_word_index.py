"""The actor_word index: each pledge filed under the words of its actor, so that a later
article finds the open pledges whose actor it may name without reading every pledge."""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

from app.store.migrations.parts import belongs_to, key, required

revision = "0010"
down_revision = "0009"

# The words of 0010 (domain/likeness.index_words as this revision made them; frozen here).
_STOP = {"a", "an", "the", "its", "their", "his", "her", "to", "of", "for", "with", "on", "in",
         "and", "further", "new", "own", "all", "some", "more", "this", "that", "these",
         "those", "any"}  # fmt: skip


def _words(actor: str) -> set[str]:
    tokens = [re.sub(r"['’]s$", "", w.lower().strip(".")) for w in re.findall(r"[\w.'’-]+", actor)]
    words = {w for w in tokens if len(w) > 1 and w not in _STOP}
    return words | {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}


def upgrade() -> None:
    """Make the table and its indexes, and file every stored pledge."""
    filed = op.create_table("actor_word", key(), belongs_to("pledge"), *required(word=sa.String))
    op.create_index("ix_actor_word_pledge_id", "actor_word", ["pledge_id"])
    op.create_index("ix_actor_word_word", "actor_word", ["word"])
    pledge = sa.table("pledge", sa.column("id", sa.Integer), sa.column("actor", sa.String))
    rows = op.get_bind().execute(sa.select(pledge.c.id, pledge.c.actor)).all()
    words = [{"pledge_id": i, "word": w} for i, actor in rows for w in sorted(_words(actor))]
    if words:
        op.bulk_insert(filed, words)


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_actor_word_word", "actor_word")
    op.drop_index("ix_actor_word_pledge_id", "actor_word")
    op.drop_table("actor_word")
