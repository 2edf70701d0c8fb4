"""Subscribed feeds, and whether an article from an address is already stored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.domain.errors import NotFoundError
from app.store.models import ArticleRow, FeedItemRow, FeedRow
from app.store.reads import in_chunks

if TYPE_CHECKING:
    from collections.abc import Sequence
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
    """Record a poll: when the feed was last read (a failed poll leaves that as it was), its
    title, and what went wrong if anything."""
    row = session.exec(select(FeedRow).where(FeedRow.url == url)).first()
    if row is None:
        return
    row.last_error = error
    if error is None:
        row.last_polled_at = at
    if title:
        row.title = title
    session.add(row)
    session.commit()


def unseen_links(*, session: Session, url: str, links: Sequence[str]) -> list[str]:
    """Those of a feed's item links that no earlier poll has read, in the order given."""
    feed_id = _feed_id(session, url)
    seen: set[str] = set()
    for chunk in in_chunks(links):
        seen.update(
            session.exec(
                select(FeedItemRow.link).where(
                    FeedItemRow.feed_id == feed_id, col(FeedItemRow.link).in_(chunk)
                )
            ).all()
        )
    return [link for link in links if link not in seen]


def note_seen(*, session: Session, url: str, link: str, at: datetime) -> None:
    """Remember that a feed's item was read, whatever came of it."""
    feed_id = _feed_id(session, url)
    session.add(FeedItemRow(feed_id=feed_id, link=link, seen_at=at))
    try:
        session.commit()
    except IntegrityError:  # another poll read it at the same time
        session.rollback()


def _feed_id(session: Session, url: str) -> int:
    feed_id = session.exec(select(FeedRow.id).where(FeedRow.url == url)).first()
    if feed_id is None:
        raise NotFoundError(f"not subscribed to {url}")
    return feed_id


def has_article_from(*, session: Session, url: str) -> bool:
    """Whether an article from this address is stored already."""
    return session.exec(select(ArticleRow.id).where(ArticleRow.url == url)).first() is not None
