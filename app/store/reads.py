"""Reading pledges: keyword-only queries on light Core tables, for a session or a connection.

Reads need neither the ORM nor SQLModel (see tables.py), so a command-line listing starts
faster; a hundred thousand pledges load as column queries, not ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, String, and_, cast, select

from app.domain import (
    DuePrecision,
    Pledge,
    PledgeKind,
    PledgeRecord,
    Quote,
    Report,
    Span,
    Status,
)
from app.domain.errors import NotFoundError
from app.store.status_sql import is_open, status_expression, status_filter
from app.store.tables import actor_word, article, pledge, pledge_quote, pledge_report

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Sequence
    from datetime import date

_IN_CHUNK = 500  # stay under SQLite's limit of bound parameters
_T = TypeVar("_T")


def in_chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    """The items in runs short enough for one SQL IN list on every backend."""
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]


class Executor(Protocol):
    """A session or a connection: anything that runs a statement."""

    def execute(self, statement: Any, /) -> Any:
        """Run a statement; its result."""


def list_pledges(
    *,
    session: Executor,
    today: date,
    status: Status | None = None,
    include_dismissed: bool = False,
) -> list[PledgeRecord]:
    """The stored pledges, optionally of one status on `today`, ordered by due date then id."""
    conditions: list[ColumnElement[bool]] = []
    if not include_dismissed:
        conditions.append(pledge.c.dismissed.is_(False))
    if status is not None:
        conditions.append(status_filter(status, today))
    order = (pledge.c.due.is_(None), pledge.c.due, pledge.c.id)
    return _records(session, conditions, order)


@dataclass(frozen=True, slots=True)
class PledgeLine:
    """The few fields a one-line listing shows; the due date as ISO text, as it is printed."""

    id: int
    actor: str
    action: str
    due: str | None
    status: str  # a Status value, judged by the database (status_sql)


def list_lines(*, session: Executor, today: date, status: Status | None = None) -> list[PledgeLine]:
    """What `pledgewatch list` prints, in the order of list_pledges, in one lean query.

    The status comes from the database's status rule and the due date stays ISO text, so a
    hundred thousand rows need no date parsing.
    """
    conditions: list[ColumnElement[bool]] = [pledge.c.dismissed.is_(False)]
    if status is not None:
        conditions.append(status_filter(status, today))
    query = (
        select(pledge.c.id, pledge.c.actor, pledge.c.action, cast(pledge.c.due, String),
               status_expression(today))
        .where(*conditions)
        .order_by(pledge.c.due.is_(None), pledge.c.due, pledge.c.id)
    )  # fmt: skip
    return [PledgeLine(*r) for r in session.execute(query)]


def open_pledges_filed_under(
    *, session: Executor, words: Collection[str], published_by: date, most: int
) -> list[tuple[int, str, int]]:
    """(id, actor, article id) of the `most` latest open pledges from articles
    published by a day whose actor is filed under one of the words, latest first. The
    actor_word index (word, day, pledge) gives the latest entries of each word without opening
    a table; only those pledges are read."""
    filed: set[tuple[date, int]] = set()
    listed = sorted(words)
    for some in in_chunks(listed):
        entries = (
            select(actor_word.c.published, actor_word.c.pledge_id)
            .where(actor_word.c.word.in_(some),
                   actor_word.c.published <= published_by)
            .order_by(actor_word.c.published.desc(), actor_word.c.pledge_id.desc())
            .limit(most * _OPEN_OR_NOT)
        )  # fmt: skip
        filed.update((r[0], r[1]) for r in session.execute(entries))
    latest = [pledge_id for _day, pledge_id in sorted(filed, reverse=True)]
    found: list[tuple[int, str, int]] = []
    for chunk in in_chunks(latest):
        # whether each is open is read as a column, not a condition: as a condition, SQLite
        # walks the index of open pledges (all 100,000 may be) instead of the ids asked
        waiting = and_(is_open(), pledge.c.dismissed.is_(False))
        rows = session.execute(
            select(pledge.c.id, pledge.c.actor, pledge.c.article_id, waiting)
            .where(pledge.c.id.in_(chunk))
        )  # fmt: skip
        order = {pledge_id: n for n, pledge_id in enumerate(chunk)}
        found += sorted(((r[0], r[1], r[2]) for r in rows if r[3]), key=lambda r: order[r[0]])
        if len(found) >= most:
            break
    return found[:most]


# The entries read per pledge wanted: some of the latest pledges are met, broken or dismissed.
_OPEN_OR_NOT = 2


def pledge_reports(*, session: Executor, record: PledgeRecord) -> list[Report]:
    """Every article that reports a pledge: the one it was found in, then later ones by date."""
    first = Report(record.article_id, record.article_title, record.article_published,
                   record.article_url, record.pledge.quote)  # fmt: skip
    rows = session.execute(
        select(article.c.id, article.c.title, article.c.published, article.c.url,
               pledge_report.c.quote)
        .join_from(pledge_report, article, article.c.id == pledge_report.c.article_id)
        .where(pledge_report.c.pledge_id == record.id)
        .order_by(article.c.published, article.c.id)
    )  # fmt: skip
    return [first, *(Report(*row) for row in rows)]


def get_pledge(*, session: Executor, pledge_id: int) -> PledgeRecord:
    """One stored pledge by id; raises NotFoundError naming the id when there is none."""
    found = get_pledges(session=session, pledge_ids=[pledge_id])
    if pledge_id not in found:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    return found[pledge_id]


def get_pledges(*, session: Executor, pledge_ids: Sequence[int]) -> dict[int, PledgeRecord]:
    """Many stored pledges by id, in a few queries; ids not stored are left out."""
    found: dict[int, PledgeRecord] = {}
    for chunk in in_chunks(pledge_ids):
        for record in _records(session, [pledge.c.id.in_(list(chunk))], ()):
            found[record.id] = record
    return found


_RECORD_COLUMNS = (
    *(pledge.c[name] for name in (
        "id", "actor", "action", "kind", "quote", "quote_start", "quote_end", "recipient",
        "condition", "deadline_text", "due", "due_precision", "met_on", "met_note",
        "met_evidence", "broken_on", "broken_note", "dismissed", "version", "confidence",
        "review",
    )),
    article.c.id.label("article_id"), article.c.title.label("article_title"),
    article.c.published.label("article_published"), article.c.source.label("article_source"),
    article.c.url.label("article_url"),
)  # fmt: skip


def _records(
    session: Executor, conditions: Sequence[ColumnElement[bool]], order: Sequence[Any]
) -> list[PledgeRecord]:
    """Pledges and their articles as records, with their repeated quotes."""
    query = select(*_RECORD_COLUMNS).join_from(pledge, article, article.c.id == pledge.c.article_id)
    rows = session.execute(query.where(*conditions).order_by(*order)).all()
    quotes_query = (
        select(pledge_quote.c.pledge_id, pledge_quote.c.text, pledge_quote.c.start,
               pledge_quote.c.end)
        .join_from(pledge_quote, pledge, pledge.c.id == pledge_quote.c.pledge_id)
        .where(*conditions)
        .order_by(pledge_quote.c.pledge_id, pledge_quote.c.start)
    )  # fmt: skip
    quotes: dict[int, tuple[Quote, ...]] = {}
    for pledge_id, text, start, end in session.execute(quotes_query):
        quotes[pledge_id] = (*quotes.get(pledge_id, ()), Quote(text, Span(start, end)))
    return [_record_from(row, quotes.get(row.id, ())) for row in rows]


# Stored values to their enum members, looked up directly: PledgeKind(value) costs as much
# as the rest of a record (the follow-up search reads a few hundred per article).
_KINDS = {kind.value: kind for kind in PledgeKind}
_PRECISIONS = {precision.value: precision for precision in DuePrecision}


def _record_from(row: Any, more_quotes: tuple[Quote, ...]) -> PledgeRecord:
    """A row of _RECORD_COLUMNS, unpacked in their order (reading a row by column name costs
    as much again as making the record), as a record."""
    (pledge_id, actor, action, kind, quote, quote_start, quote_end, recipient, condition,
     deadline_text, due, due_precision, met_on, met_note, met_evidence, broken_on, broken_note,
     dismissed, version, confidence, review,
     article_id, article_title, article_published, article_source, article_url) = row  # fmt: skip
    record_pledge = Pledge(
        actor=actor, action=action, kind=_KINDS[kind], quote=quote,
        quote_span=Span(quote_start, quote_end), recipient=recipient, condition=condition,
        deadline_text=deadline_text, due=due,
        due_precision=None if due_precision is None else _PRECISIONS[due_precision],
        met_on=met_on, met_note=met_note, met_evidence=met_evidence, broken_on=broken_on,
        broken_note=broken_note, dismissed=bool(dismissed), more_quotes=more_quotes,
        confidence=confidence, review=bool(review),
    )  # fmt: skip
    return PledgeRecord(
        id=pledge_id, pledge=record_pledge, article_id=article_id, article_title=article_title,
        article_published=article_published, article_source=article_source,
        article_url=article_url, version=version,
    )  # fmt: skip
