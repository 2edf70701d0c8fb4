"""Polls subscribed RSS and Atom feeds and imports each new item once."""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import BadValueError, PledgeWatchError
from app.domain.wording import plural
from app.extract import Pipeline
from app.extract.fetch import RefusedAddressError, fetch
from app.extract.load import RawText
from app.extract.readers import html_text, read_address
from app.services.importing import ImportResult, store_extraction
from app.store.engine import open_session
from app.store.feed_queries import (
    has_article_from,
    list_feeds,
    note_poll,
    note_seen,
    subscribe,
    unseen_links,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

# A poll reads at most this many new items of one feed, newest first; the rest wait for the
# next polls, so that one poll of a huge feed ends in minutes, not hours.
MAX_ITEMS_PER_POLL = 200


@dataclass
class PollReport:
    """What one round over the feeds did."""

    added: list[ImportResult] = field(default_factory=list)
    seen: int = 0
    errors: list[str] = field(default_factory=list)
    waiting: int = 0  # new items left for the next polls

    def lines(self) -> list[str]:
        """A few lines for a terminal or the Feeds dialog."""
        out = [added_line(o) for o in self.added]
        out += [f"error: {message}" for message in self.errors]
        out.append(self.summary())
        return out

    def summary(self) -> str:
        """One line: what the round brought."""
        line = f"{plural(len(self.added), 'new article')}; {plural(self.seen, 'item')} seen before."
        if self.waiting:
            line += f" {plural(self.waiting, 'more new item')} at the next polls."
        return line


def added_line(outcome: ImportResult) -> str:
    """One line for an item stored: "added: Title (3 pledges, 1 reported again)"."""
    parts = [plural(len(outcome.pledges), "pledge")]
    if outcome.again:
        parts.append(f"{len(outcome.again)} reported again")
    if outcome.suggestions:
        parts.append(plural(outcome.suggestions, "suggestion"))
    return f"added: {outcome.article.title} ({', '.join(parts)})"


# Told of each item as it is handled: the line to show (added: …, error: …).
Progress = Callable[[str], None]


def check_feed(url: str) -> str | None:
    """Read a feed once to see that it is one; its title. Raises PledgeWatchError saying why
    not (not found, not a feed), so that nothing is subscribed that cannot be polled."""
    return _read_feed(url)[1]


def subscribe_checked(engine: Engine, url: str, *, at: datetime) -> bool:
    """Subscribe to a feed once it has been read as one; False if subscribed already."""
    check_feed(url)
    with open_session(engine) as session:
        return subscribe(session=session, url=url, at=at)


def poll_feeds(
    engine: Engine,
    *,
    at: datetime,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> PollReport:
    """Read every subscribed feed and import the items not read before."""
    with open_session(engine) as session:
        feeds = list_feeds(session=session)
    report = PollReport()
    for feed in feeds:
        title, error = None, None
        try:
            title = _poll_one(engine, feed.url, at, pipeline or Pipeline(), report, progress)
        except PledgeWatchError as exc:
            error = str(exc)
            report.errors.append(error)
            if progress is not None:
                progress(f"error: {error}")
        with open_session(engine) as session:
            note_poll(session=session, url=feed.url, at=at, title=title, error=error)
    return report


def _read_feed(url: str) -> tuple[list[Any], str | None]:
    """A feed's entries and title, its relative links read against its own address."""
    import feedparser

    fetched = fetch(url)
    headers = {"content-location": fetched.url, "content-type": fetched.content_type}
    parsed = feedparser.parse(fetched.data, response_headers=headers)
    if not parsed.version and not parsed.entries:  # an empty feed is still a feed
        why = f" ({parsed.bozo_exception})" if parsed.bozo else ""
        raise BadValueError(f"{url}: not an RSS or Atom feed{why}")
    title = parsed.feed.get("title")
    return list(parsed.entries), str(title) if title else None


def _poll_one(
    engine: Engine,
    url: str,
    at: datetime,
    pipeline: Pipeline,
    report: PollReport,
    progress: Progress | None,
) -> str | None:
    entries, title = _read_feed(url)
    links = {str(e["link"]): e for e in entries if e.get("link")}
    with open_session(engine) as session:
        new = unseen_links(session=session, url=url, links=list(links))
    report.seen += len(links) - len(new)
    report.waiting += max(0, len(new) - MAX_ITEMS_PER_POLL)
    for link in new[:MAX_ITEMS_PER_POLL]:  # feeds list their newest items first
        line = _import_item(engine, links[link], link, at, pipeline, report)
        with open_session(engine) as session:
            note_seen(session=session, url=url, link=link, at=at)
        if progress is not None and line:
            progress(line)
    return title


def _import_item(
    engine: Engine, entry: Any, link: str, at: datetime, pipeline: Pipeline, report: PollReport
) -> str | None:
    """Store one item's article; the line that says what came of it (None: known already)."""
    with open_session(engine) as session:
        if has_article_from(session=session, url=link):
            report.seen += 1
            return None
    try:
        raw = _entry_text(entry, link)
        extraction = pipeline.run_raw(raw, published=None)
        outcome = store_extraction(engine, extraction, at=at)
    except PledgeWatchError as exc:
        report.errors.append(str(exc))
        return f"error: {exc}"
    if not outcome.added:
        report.seen += 1
        return None
    report.added.append(outcome)
    return added_line(outcome)


def _entry_text(entry: Any, link: str) -> RawText:
    """The article behind a feed item; the item's own text when the page cannot be read.

    A feed is a third party: its links are fetched over http(s) only, and only from public
    addresses (never a local file, never this machine or its network); such an item is
    refused whole."""
    try:
        return read_address(link, trusted=False)
    except RefusedAddressError:
        raise
    except PledgeWatchError:
        content = entry.get("content") or [{"value": entry.get("summary", "")}]
        title = html.escape(str(entry.get("title", "")))
        page = f"<html><body><article><h1>{title}</h1>{content[0]['value']}</article></body></html>"
        raw = html_text(page.encode("utf-8"), source=link, url=link)
        published = _entry_date(entry) or raw.published
        return RawText(source=raw.source, text=raw.text, url=link, published=published)


def _entry_date(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC).date()
