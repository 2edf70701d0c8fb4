"""Polls subscribed RSS and Atom feeds and imports each new item once."""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from app.domain.errors import PledgeWatchError
from app.extract import Pipeline
from app.extract.fetch import fetch
from app.extract.load import RawText
from app.extract.sources import html_text, read_source
from app.ingest import IngestOutcome, store_extraction
from app.store.engine import open_session
from app.store.feed_queries import has_article_from, list_feeds, note_poll

if TYPE_CHECKING:
    from sqlalchemy import Engine


@dataclass
class PollReport:
    """What one round over the feeds did."""

    added: list[IngestOutcome] = field(default_factory=list)
    seen: int = 0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """A few lines for a terminal or the Feeds dialog."""
        out = [f"added: {o.article.title} ({_found(o)})" for o in self.added]
        out += [f"error: {message}" for message in self.errors]
        out.append(f"{len(self.added)} new articles; {self.seen} items seen before.")
        return out


def _found(outcome: IngestOutcome) -> str:
    """What one new article brought: "3 pledges, 1 reported again, 1 suggestions"."""
    parts = [f"{len(outcome.pledges)} pledges"]
    if outcome.again:
        parts.append(f"{len(outcome.again)} reported again")
    if outcome.suggestions:
        parts.append(f"{outcome.suggestions} suggestions")
    return ", ".join(parts)


Progress = Callable[[str], None]


def poll_feeds(
    engine: Engine,
    *,
    at: datetime,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> PollReport:
    """Read every subscribed feed and import the items not stored yet."""
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
        with open_session(engine) as session:
            note_poll(session=session, url=feed.url, at=at, title=title, error=error)
    return report


def _poll_one(
    engine: Engine,
    url: str,
    at: datetime,
    pipeline: Pipeline,
    report: PollReport,
    progress: Progress | None,
) -> str | None:
    import feedparser

    parsed = feedparser.parse(fetch(url).data)
    if parsed.bozo and not parsed.entries:
        raise PledgeWatchError(f"{url}: not an RSS or Atom feed ({parsed.bozo_exception})")
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        with open_session(engine) as session:
            if has_article_from(session=session, url=link):
                report.seen += 1
                continue
        if progress is not None:
            progress(link)
        try:
            raw = _entry_text(entry, link)
            extraction = pipeline.run_raw(raw, published=None)
            outcome = store_extraction(engine, extraction, at=at)
        except PledgeWatchError as exc:
            report.errors.append(str(exc))
            continue
        if outcome.added:
            report.added.append(outcome)
        else:
            report.seen += 1
    title = parsed.feed.get("title")
    return str(title) if title else None


def _entry_text(entry: Any, link: str) -> RawText:
    """The article behind a feed item; the item's own text when the page cannot be read."""
    try:
        return read_source(link)
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
