"""Plain dict forms of pledges and articles, shared by the JSON outputs and the exports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.status import status_of

if TYPE_CHECKING:
    from datetime import date

    from app.domain.records import Article, Pledge, PledgeRecord


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def pledge_fields(pledge: Pledge) -> dict[str, Any]:
    """The extracted fields of a pledge, dates as ISO strings and None where absent."""
    return {
        "actor": pledge.actor,
        "recipient": pledge.recipient,
        "action": pledge.action,
        "kind": pledge.kind.value,
        "condition": pledge.condition,
        "quote": pledge.quote,
        "deadline_text": pledge.deadline_text,
        "due": _iso(pledge.due),
        "due_precision": None if pledge.due_precision is None else pledge.due_precision.value,
        "more_quotes": [quote.text for quote in pledge.more_quotes],
        "confidence": pledge.confidence,
        "review": pledge.review,
    }


def article_fields(article: Article, pledges: tuple[Pledge, ...]) -> dict[str, Any]:
    """An article and its pledges as `extract --json` prints them."""
    return {
        "source": article.source,
        "title": article.title,
        "published": _iso(article.published),
        "pledges": [pledge_fields(p) for p in pledges],
    }


def record_fields(record: PledgeRecord, today: date) -> dict[str, Any]:
    """A stored pledge with its id, its status on `today`, the analyst's verdict and its article."""
    pledge = record.pledge
    return {
        "id": record.id,
        "status": status_of(pledge, today).value,
        **pledge_fields(pledge),
        "quote_start": pledge.quote_span.start,
        "quote_end": pledge.quote_span.end,
        "met_on": _iso(pledge.met_on),
        "met_note": pledge.met_note,
        "met_evidence": pledge.met_evidence,
        "broken_on": _iso(pledge.broken_on),
        "broken_note": pledge.broken_note,
        "dismissed": pledge.dismissed,
        "article_id": record.article_id,
        "article_title": record.article_title,
        "article_published": _iso(record.article_published),
        "article_source": record.article_source,
        "article_url": record.article_url,
    }
