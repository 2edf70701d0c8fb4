"""The columns that read queries use, as light SQLAlchemy Core tables.

The tables themselves are defined once, in models.py (SQLModel). These light descriptions of
some of their columns let the reading queries run without importing SQLModel and the ORM, which
takes longer than the queries themselves in a command-line call; a test checks that every
column here matches models.py.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, column, table

pledge = table(
    "pledge",
    column("id", Integer), column("article_id", Integer), column("actor", String),
    column("recipient", String), column("action", String), column("verb", String),
    column("kind", String),
    column("condition", String), column("quote", String), column("quote_start", Integer),
    column("quote_end", Integer), column("deadline_text", String), column("due", Date),
    column("due_precision", String), column("met_on", Date), column("met_note", String),
    column("met_evidence", String), column("broken_on", Date), column("broken_note", String),
    column("dismissed", Boolean), column("version", Integer), column("confidence", Float),
    column("review", Boolean),
)  # fmt: skip
article = table(
    "article",
    column("id", Integer), column("title", String), column("published", Date),
    column("source", String), column("url", String),
)  # fmt: skip
pledge_quote = table(
    "pledge_quote",
    column("pledge_id", Integer), column("text", String), column("start", Integer),
    column("end", Integer),
)  # fmt: skip
actor_word = table(
    "actor_word", column("pledge_id", Integer), column("word", String), column("published", Date)
)
pledge_report = table(
    "pledge_report",
    column("pledge_id", Integer), column("article_id", Integer), column("quote", String),
    column("quote_start", Integer), column("quote_end", Integer),
)  # fmt: skip
pledge_event = table(
    "pledge_event",
    column("id", Integer), column("pledge_id", Integer), column("kind", String),
    column("at", DateTime(timezone=True)), column("detail", String),
)  # fmt: skip
reminder = table(
    "reminder",
    column("id", Integer), column("pledge_id", Integer), column("kind", String),
    column("due", Date), column("at", DateTime(timezone=True)),
)  # fmt: skip
suggestion = table(
    "suggestion",
    column("id", Integer), column("pledge_id", Integer), column("article_id", Integer),
    column("verdict", String), column("happened_on", Date), column("evidence", String),
    column("evidence_start", Integer), column("evidence_end", Integer), column("state", String),
    column("created_at", DateTime(timezone=True)), column("confidence", Float),
    column("likely", Boolean),
)  # fmt: skip
