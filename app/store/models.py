"""The database tables, as SQLModel classes: articles, their pledges, and each pledge's history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer
from sqlmodel import Field, SQLModel

from app.domain import SuggestionState


def _belongs_to(table: str, *, index: bool = False) -> Any:
    """A required reference to a row of `table`; the row goes when the one it belongs to goes."""
    return Field(
        sa_column=Column(
            Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False, index=index
        )
    )


class ArticleRow(SQLModel, table=True):
    """One imported article; its content hash keeps the same text from being stored twice."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    source: str
    published: date
    published_how: str
    text: str
    content_hash: str = Field(unique=True, index=True)
    url: str | None = Field(default=None, index=True)
    # Written in the same transaction as the pledges: an article is whole when they agree.
    pledge_count: int = 0
    imported_at: datetime


class PledgeRow(SQLModel, table=True):
    """One pledge found in an article, with its due date and the analyst's verdict."""

    __tablename__ = "pledge"
    # Serves the status filters: met_on IS NULL, then a range on due.
    __table_args__ = (Index("ix_pledge_status", "dismissed", "met_on", "due"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = _belongs_to("article", index=True)
    actor: str
    recipient: str | None = None
    action: str
    # The action's first word (likeness.action_verb): finds the pledges a new report may repeat.
    verb: str = Field(default="", index=True)
    kind: str
    condition: str | None = None
    quote: str
    quote_start: int
    quote_end: int
    deadline_text: str | None = None
    due: date | None = Field(default=None, index=True)
    due_precision: str | None = None
    met_on: date | None = None
    met_note: str | None = None
    met_evidence: str | None = None
    broken_on: date | None = None
    broken_note: str | None = None
    dismissed: bool = False
    # Raised by every change; an edit made on an older version is refused, never lost.
    version: int = 1
    # The pledge model's confidence (None: entered by a person), and whether the pledge waits
    # for the analyst to confirm it (status "review": not counted, never reminded).
    confidence: float | None = None
    review: bool = False


class PledgeEventRow(SQLModel, table=True):
    """One entry in a pledge's audit trail: created, met, reopened, edited, dismissed, reminded."""

    __tablename__ = "pledge_event"

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge", index=True)
    kind: str
    at: datetime
    detail: str = ""


class ReminderRow(SQLModel, table=True):
    """A reminder given: once per pledge, kind and due date, whichever process (the window or
    `pledgewatch check`) gave it; a changed due date earns fresh reminders."""

    __tablename__ = "reminder"
    __table_args__ = (Index("ux_reminder_once", "pledge_id", "kind", "due", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge")
    kind: str  # a ReminderKind: "due soon" or "overdue"
    due: date  # the due date it was given for
    at: datetime


class PledgeQuoteRow(SQLModel, table=True):
    """A later sentence of the same article that states the same pledge again: evidence."""

    __tablename__ = "pledge_quote"

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge", index=True)
    text: str
    start: int
    end: int


class ActorWordRow(SQLModel, table=True):
    """A word a pledge's actor is filed under (domain/likeness.index_words): the index that
    finds the open pledges whose actor a later article may name without reading them all."""

    __tablename__ = "actor_word"
    __table_args__ = (Index("ix_actor_word_by_day", "word", "published", "pledge_id"),)

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge", index=True)
    word: str
    published: date  # the day the pledge's article was published: a later search reads earlier


class PledgeReportRow(SQLModel, table=True):
    """A later article that reports the same pledge again: a second source, not a new pledge."""

    __tablename__ = "pledge_report"
    __table_args__ = (Index("ux_pledge_report_once", "pledge_id", "article_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge")
    article_id: int = _belongs_to("article", index=True)
    quote: str
    quote_start: int
    quote_end: int


class FeedRow(SQLModel, table=True):
    """An RSS or Atom feed the analyst subscribed to, and how its last poll went."""

    __tablename__ = "feed"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True, index=True)
    title: str = ""
    added_at: datetime
    last_polled_at: datetime | None = None
    last_error: str | None = None


class SuggestionRow(SQLModel, table=True):
    """A later article's report that a pledge was kept or broken, waiting for the analyst."""

    __tablename__ = "suggestion"
    __table_args__ = (Index("ux_suggestion_once", "pledge_id", "article_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = _belongs_to("pledge", index=True)
    article_id: int = _belongs_to("article")
    verdict: str = "met"  # met, broken or partly
    happened_on: date
    evidence: str
    evidence_start: int
    evidence_end: int
    state: str = Field(default=SuggestionState.OPEN.value, index=True)  # a SuggestionState
    created_at: datetime
    confidence: float = 1.0  # how likely the evidence tells the verdict (0 to 1)
    likely: bool = True  # shown at once in the Suggestions panel, else behind "Show more"


class FeedItemRow(SQLModel, table=True):
    """A feed item already read (stored, a repeat, or refused): later polls pass it by."""

    __tablename__ = "feed_item"
    __table_args__ = (Index("ux_feed_item_once", "feed_id", "link", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = _belongs_to("feed")
    link: str
    seen_at: datetime
