"""Subscribed feeds, and whether an article from an address is already stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.domain.errors import NotFoundError
from app.store.models import ArticleRow, FeedRow

if TYPE_CHECKING:
    from datetime import datetime


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription as the views show it."""

    url: str
    title: str
    last_polled_at: datetime | None
    last_error: str | None


def subscribe(*, session: Session, url: str, at: datetime) -> bool:
    """Add a feed; False when it was subscribed already."""
    if session.exec(select(FeedRow.id).where(FeedRow.url == url)).first() is not None:
        return False
    session.add(FeedRow(url=url, added_at=at))
    session.commit()
    return True


def unsubscribe(*, session: Session, url: str) -> None:
    """Remove a feed; the articles it brought stay."""
    row = session.exec(select(FeedRow).where(FeedRow.url == url)).first()
    if row is None:
        raise NotFoundError(f"not subscribed to {url}")
    session.delete(row)
    session.commit()


def list_feeds(*, session: Session) -> list[Feed]:
    """Every subscription, oldest first."""
    rows = session.exec(select(FeedRow).order_by(col(FeedRow.id))).all()
    return [Feed(r.url, r.title, r.last_polled_at, r.last_error) for r in rows]


def note_poll(
    *, session: Session, url: str, at: datetime, title: str | None, error: str | None
) -> None:
    """Record when a feed was polled, its title, and what went wrong if anything."""
    row = session.exec(select(FeedRow).where(FeedRow.url == url)).first()
    if row is None:
        return
    row.last_polled_at, row.last_error = at, error
    if title:
        row.title = title
    session.add(row)
    session.commit()


def has_article_from(*, session: Session, url: str) -> bool:
    """Whether an article from this address is stored already."""
    return session.exec(select(ArticleRow.id).where(ArticleRow.url == url)).first() is not None
