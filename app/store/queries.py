"""Keyword-only queries over the store; each takes the session to work in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
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
from app.domain.errors import NotFoundError
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
    same = col(ArticleRow.content_hash) == article.content_hash
    if article.url is not None:
        same = same | (col(ArticleRow.url) == article.url)
    existing = session.exec(select(ArticleRow.id).where(same)).first()
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
) -> PledgeRecord:
    """Tick a pledge off as met on a day, with an optional note and evidence link."""
    row = _pledge_row_by_id(session, pledge_id)
    row.met_on, row.met_note, row.met_evidence = on, note, evidence
    detail = f"met on {on.isoformat()}" + (f": {note}" if note else "")
    return _commit_change(session, row, EventKind.MET, at, detail)


def unmark_met(*, session: Session, pledge_id: int, at: datetime) -> PledgeRecord:
    """Take back a tick: the pledge is pending or overdue again."""
    row = _pledge_row_by_id(session, pledge_id)
    row.met_on = row.met_note = row.met_evidence = None
    return _commit_change(session, row, EventKind.UNMET, at, "no longer marked met")


def dismiss(*, session: Session, pledge_id: int, at: datetime) -> PledgeRecord:
    """Hide a wrong extraction from every view, keeping it and its history in the store."""
    row = _pledge_row_by_id(session, pledge_id)
    row.dismissed = True
    return _commit_change(session, row, EventKind.DISMISSED, at, "dismissed as not a pledge")


def restore(*, session: Session, pledge_id: int, at: datetime) -> PledgeRecord:
    """Bring a dismissed pledge back (the undo of dismiss)."""
    row = _pledge_row_by_id(session, pledge_id)
    row.dismissed = False
    return _commit_change(session, row, EventKind.EDITED, at, "restored after dismissal")


@dataclass(frozen=True, slots=True)
class PledgeEdit:
    """The fields an analyst may correct; due is only changed when `set_due` is true."""

    actor: str
    action: str
    kind: PledgeKind
    due: date | None
    due_precision: DuePrecision | None


def edit_pledge(
    *, session: Session, pledge_id: int, change: PledgeEdit, at: datetime
) -> PledgeRecord:
    """Correct a pledge's actor, action, kind and due date, recording what changed."""
    row = _pledge_row_by_id(session, pledge_id)
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
    row.actor, row.action, row.kind = change.actor, change.action, change.kind.value
    row.due = change.due
    row.due_precision = None if change.due_precision is None else change.due_precision.value
    return _commit_change(session, row, EventKind.EDITED, at, "; ".join(changed) or "no change")


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


def _commit_change(
    session: Session, row: PledgeRow, kind: EventKind, at: datetime, detail: str
) -> PledgeRecord:
    """Save a changed pledge and its history entry together."""
    assert row.id is not None
    try:
        session.add(row)
        session.add(_event_row(row.id, kind, at, detail))
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return get_pledge(session=session, pledge_id=row.id)


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
    )


def _ids(values: Sequence[int | None]) -> tuple[int, ...]:
    return tuple(v for v in values if v is not None)
