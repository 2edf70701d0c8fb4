"""Keyword-only queries over the store; each takes the session to work in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, update
from sqlmodel import Session, col, select

from app.domain import (
    Article,
    DuePrecision,
    EventKind,
    Pledge,
    PledgeEvent,
    PledgeKind,
    PledgeRecord,
    Quote,
    Span,
    Status,
)
from app.domain.errors import NotFoundError, StaleEditError
from app.store.models import ArticleRow, PledgeEventRow, PledgeQuoteRow, PledgeRow
from app.store.status_sql import status_filter


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of storing one article: its id, and whether it was new."""

    article_id: int
    added: bool
    pledge_ids: tuple[int, ...]


def save_extraction(
    *, session: Session, article: Article, pledges: Sequence[Pledge], at: datetime
) -> SaveResult:
    """Store an article and its pledges in one transaction; the same text again adds nothing."""
    existing = _stored_article_id(session, article.content_hash, article.url)
    if existing is not None:
        ids = session.exec(
            select(PledgeRow.id).where(PledgeRow.article_id == existing).order_by(col(PledgeRow.id))
        ).all()
        return SaveResult(article_id=existing, added=False, pledge_ids=_ids(ids))
    try:
        row = ArticleRow(
            title=article.title,
            source=article.source,
            published=article.published,
            published_how=article.published_how.value,
            text=article.text,
            content_hash=article.content_hash,
            url=article.url,
            pledge_count=len(pledges),
            imported_at=at,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        pledge_rows = [_pledge_row(p, article_id=row.id) for p in pledges]
        session.add_all(pledge_rows)
        session.flush()
        for pledge_row, pledge in zip(pledge_rows, pledges, strict=True):
            assert pledge_row.id is not None
            session.add(_event_row(pledge_row.id, EventKind.CREATED, at, f"from {article.source}"))
            session.add_all(
                PledgeQuoteRow(
                    pledge_id=pledge_row.id, text=q.text, start=q.span.start, end=q.span.end
                )
                for q in pledge.more_quotes
            )
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return SaveResult(article_id=row.id, added=True, pledge_ids=_ids([p.id for p in pledge_rows]))


def has_article(*, session: Session, content_hash: str, url: str | None = None) -> bool:
    """Whether an article with this text (or from this address) is stored already."""
    return _stored_article_id(session, content_hash, url) is not None


def _stored_article_id(session: Session, content_hash: str, url: str | None) -> int | None:
    same = col(ArticleRow.content_hash) == content_hash
    if url is not None:
        same = same | (col(ArticleRow.url) == url)
    return session.exec(select(ArticleRow.id).where(same)).first()


def list_pledges(
    *,
    session: Session,
    today: date,
    status: Status | None = None,
    include_dismissed: bool = False,
) -> list[PledgeRecord]:
    """The stored pledges, optionally of one status on `today`, ordered by due date then id."""
    query = select(PledgeRow, ArticleRow).join(ArticleRow)
    if not include_dismissed:
        query = query.where(col(PledgeRow.dismissed).is_(False))
    if status is not None:
        query = query.where(status_filter(status, today))
    query = query.order_by(col(PledgeRow.due).is_(None), col(PledgeRow.due), col(PledgeRow.id))
    rows = session.exec(query).all()
    quotes = _more_quotes(session, [p.id for p, _ in rows if p.id is not None])
    return [_record(p, a, quotes.get(p.id or 0, ())) for p, a in rows]


def get_pledge(*, session: Session, pledge_id: int) -> PledgeRecord:
    """One stored pledge by id; raises NotFoundError naming the id when there is none."""
    row = _pledge_row_by_id(session, pledge_id)
    article = session.get(ArticleRow, row.article_id)
    assert article is not None
    return _record(row, article, _more_quotes(session, [pledge_id]).get(pledge_id, ()))


def get_pledges(*, session: Session, pledge_ids: Sequence[int]) -> dict[int, PledgeRecord]:
    """Many stored pledges by id, in a few queries; ids not stored are left out."""
    found: dict[int, PledgeRecord] = {}
    for start in range(0, len(pledge_ids), 500):
        chunk = list(pledge_ids[start : start + 500])
        rows = session.exec(
            select(PledgeRow, ArticleRow).join(ArticleRow).where(col(PledgeRow.id).in_(chunk))
        ).all()
        quotes = _more_quotes(session, chunk)
        for row, article in rows:
            assert row.id is not None
            found[row.id] = _record(row, article, quotes.get(row.id, ()))
    return found


def mark_met(
    *,
    session: Session,
    pledge_id: int,
    on: date,
    at: datetime,
    note: str | None = None,
    evidence: str | None = None,
    expected_version: int | None = None,
) -> PledgeRecord:
    """Tick a pledge off as met on a day, with an optional note and evidence link."""
    detail = f"met on {on.isoformat()}" + (f": {note}" if note else "")
    values = {"met_on": on, "met_note": note, "met_evidence": evidence}
    return _change(session, pledge_id, values, EventKind.MET, at, detail, expected_version)


def unmark_met(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """Take back a tick: the pledge is pending or overdue again."""
    values = {"met_on": None, "met_note": None, "met_evidence": None}
    return _change(
        session, pledge_id, values, EventKind.UNMET, at, "no longer marked met", expected_version
    )


def dismiss(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """Hide a wrong extraction from every view, keeping it and its history in the store."""
    return _change(
        session,
        pledge_id,
        {"dismissed": True},
        EventKind.DISMISSED,
        at,
        "dismissed as not a pledge",
        expected_version,
    )


def restore(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """Bring a dismissed pledge back (the undo of dismiss)."""
    return _change(
        session,
        pledge_id,
        {"dismissed": False},
        EventKind.EDITED,
        at,
        "restored after dismissal",
        expected_version,
    )


@dataclass(frozen=True, slots=True)
class PledgeEdit:
    """The fields an analyst may correct."""

    actor: str
    action: str
    kind: PledgeKind
    due: date | None
    due_precision: DuePrecision | None


def edit_pledge(
    *,
    session: Session,
    pledge_id: int,
    change: PledgeEdit,
    at: datetime,
    expected_version: int | None = None,
) -> PledgeRecord:
    """Correct a pledge's actor, action, kind and due date, recording what changed."""
    row = _fresh_row(session, pledge_id)
    before = {"actor": row.actor, "action": row.action, "kind": row.kind, "due": row.due}
    after = {
        "actor": change.actor,
        "action": change.action,
        "kind": change.kind.value,
        "due": change.due,
    }
    changed = [
        f"{name}: {before[name]!s} -> {after[name]!s}"
        for name in before
        if before[name] != after[name]
    ]
    precision = None if change.due_precision is None else change.due_precision.value
    values = {**after, "due_precision": precision}
    return _change(
        session,
        pledge_id,
        values,
        EventKind.EDITED,
        at,
        "; ".join(changed) or "no change",
        expected_version,
    )


def article_text(*, session: Session, article_id: int) -> str:
    """The cleaned text of a stored article."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    return row.text


def pledge_events(*, session: Session, pledge_id: int) -> list[PledgeEvent]:
    """A pledge's history, oldest first."""
    rows = session.exec(
        select(PledgeEventRow)
        .where(PledgeEventRow.pledge_id == pledge_id)
        .order_by(col(PledgeEventRow.at), col(PledgeEventRow.id))
    ).all()
    return [PledgeEvent(kind=EventKind(r.kind), at=r.at, detail=r.detail) for r in rows]


def count_articles(*, session: Session) -> int:
    """How many articles are stored."""
    return session.exec(select(func.count()).select_from(ArticleRow)).one()


def _pledge_row_by_id(session: Session, pledge_id: int) -> PledgeRow:
    row = session.get(PledgeRow, pledge_id)
    if row is None:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    return row


def _fresh_row(session: Session, pledge_id: int) -> PledgeRow:
    """A pledge as stored now, not as this session last saw it."""
    row = session.exec(
        select(PledgeRow).where(PledgeRow.id == pledge_id).execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    return row


def _change(
    session: Session,
    pledge_id: int,
    values: dict[str, Any],
    kind: EventKind,
    at: datetime,
    detail: str,
    expected_version: int | None,
) -> PledgeRecord:
    """Change a pledge and add its history entry in one transaction, if nobody changed it first.

    The update only applies to the version the caller saw (or, with no expected version, the
    one just read); when another writer got there first nothing is written and
    StaleEditError says so, so that no edit silently overwrites another.
    """
    version = expected_version
    if version is None:
        version = _fresh_row(session, pledge_id).version
    try:
        result = cast(
            CursorResult[Any],
            session.execute(
                update(PledgeRow)
                .where(col(PledgeRow.id) == pledge_id, col(PledgeRow.version) == version)
                .values(**values, version=version + 1)
            ),
        )
        if result.rowcount == 0:
            session.rollback()
            current = _fresh_row(session, pledge_id)  # NotFoundError if it is gone
            raise StaleEditError(
                f"pledge #{pledge_id} was changed elsewhere (version {current.version}, you "
                f"saw {version}); it is shown as it is now, so make your change again"
            )
        session.add(_event_row(pledge_id, kind, at, detail))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    session.expire_all()
    return get_pledge(session=session, pledge_id=pledge_id)


def _pledge_row(pledge: Pledge, *, article_id: int) -> PledgeRow:
    return PledgeRow(
        article_id=article_id,
        actor=pledge.actor,
        recipient=pledge.recipient,
        action=pledge.action,
        kind=pledge.kind.value,
        condition=pledge.condition,
        quote=pledge.quote,
        quote_start=pledge.quote_span.start,
        quote_end=pledge.quote_span.end,
        deadline_text=pledge.deadline_text,
        due=pledge.due,
        due_precision=None if pledge.due_precision is None else pledge.due_precision.value,
        met_on=pledge.met_on,
        met_note=pledge.met_note,
        met_evidence=pledge.met_evidence,
        dismissed=pledge.dismissed,
    )


def _event_row(pledge_id: int, kind: EventKind, at: datetime, detail: str) -> PledgeEventRow:
    return PledgeEventRow(pledge_id=pledge_id, kind=kind.value, at=at, detail=detail)


def _more_quotes(session: Session, pledge_ids: list[int]) -> dict[int, tuple[Quote, ...]]:
    """The later quotes of each of some pledges, in the order they stand in the article."""
    found: dict[int, tuple[Quote, ...]] = {}
    for start in range(0, len(pledge_ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = pledge_ids[start : start + 500]
        rows = session.exec(
            select(PledgeQuoteRow)
            .where(col(PledgeQuoteRow.pledge_id).in_(chunk))
            .order_by(col(PledgeQuoteRow.pledge_id), col(PledgeQuoteRow.start))
        ).all()
        for row in rows:
            quote = Quote(row.text, Span(row.start, row.end))
            found[row.pledge_id] = (*found.get(row.pledge_id, ()), quote)
    return found


def _record(row: PledgeRow, article: ArticleRow, more_quotes: tuple[Quote, ...]) -> PledgeRecord:
    assert row.id is not None and article.id is not None
    pledge = Pledge(
        actor=row.actor,
        action=row.action,
        kind=PledgeKind(row.kind),
        quote=row.quote,
        quote_span=Span(row.quote_start, row.quote_end),
        recipient=row.recipient,
        condition=row.condition,
        deadline_text=row.deadline_text,
        due=row.due,
        due_precision=None if row.due_precision is None else DuePrecision(row.due_precision),
        met_on=row.met_on,
        met_note=row.met_note,
        met_evidence=row.met_evidence,
        dismissed=row.dismissed,
        more_quotes=more_quotes,
    )
    return PledgeRecord(
        id=row.id,
        pledge=pledge,
        article_id=article.id,
        article_title=article.title,
        article_published=article.published,
        article_source=article.source,
        article_url=article.url,
        version=row.version,
    )


def _ids(values: Sequence[int | None]) -> tuple[int, ...]:
    return tuple(v for v in values if v is not None)
