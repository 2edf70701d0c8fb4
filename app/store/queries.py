"""Keyword-only queries that change the store: save an article with its pledges, apply a decision
to a pledge (the rules are in domain/decisions.py), and the few reads that writing needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, CursorResult, Select, and_, delete, func, or_, true, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from app.domain import Article, EventKind, Pledge, PledgeEvent, PledgeRecord
from app.domain.decisions import Decision
from app.domain.errors import NotFoundError, StaleEditError
from app.domain.likeness import MatchKeys, action_verb, index_words, match_keys
from app.store.models import (
    ActorWordRow,
    ArticleRow,
    PledgeEventRow,
    PledgeQuoteRow,
    PledgeReportRow,
    PledgeRow,
)
from app.store.reads import get_pledge
from app.store.status_sql import is_open
from app.store.tables import article as article_table
from app.store.tables import pledge as pledge_table

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of storing one article: its id, and whether it was new."""

    article_id: int
    added: bool
    pledge_ids: tuple[int, ...]
    published: date  # as stored: an article stored before keeps its first publication date
    # Pledges of earlier articles that this one states again: it became a source of each.
    again_ids: tuple[int, ...] = ()


def save_extraction(
    *,
    session: Session,
    article: Article,
    pledges: Sequence[Pledge],
    at: datetime,
    reported: Callable[[], Mapping[int, tuple[int, Decision]]] | None = None,
) -> SaveResult:
    """Store an article and its pledges in one transaction; the same text again adds nothing.

    `reported`, asked only when the article is new, gives for a pledge (by index) that a stored
    pledge states already, that pledge's id and what the report does to it
    (services/importing.py finds them): it is not stored twice, the article becomes a source
    of the stored one.
    """
    existing = _stored_article_id(session, article.content_hash, article.url)
    if existing is not None:
        ids = session.exec(
            select(PledgeRow.id).where(PledgeRow.article_id == existing).order_by(col(PledgeRow.id))
        ).all()
        stored = session.get(ArticleRow, existing)
        assert stored is not None
        return SaveResult(
            article_id=existing, added=False, pledge_ids=_ids(ids), published=stored.published
        )
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
        repeats = reported() if reported is not None else {}
        for index, (pledge_id, decision) in repeats.items():
            _add_report(session, pledge_id, row.id, pledges[index], decision, at)
        pledges = [p for i, p in enumerate(pledges) if i not in repeats]
        pledge_rows = [_pledge_row(p, article_id=row.id) for p in pledges]
        session.add_all(pledge_rows)
        session.flush()
        created = Decision(EventKind.CREATED, f"from {article.source}")
        for pledge_row, pledge in zip(pledge_rows, pledges, strict=True):
            assert pledge_row.id is not None
            session.add(_event_row(pledge_row.id, created, at))
            _file_actor(session, pledge_row.id, pledge.actor, article.published)
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
    return SaveResult(
        article_id=row.id,
        added=True,
        pledge_ids=_ids([p.id for p in pledge_rows]),
        published=article.published,
        again_ids=tuple(pledge_id for pledge_id, _ in repeats.values()),
    )


def _add_report(
    session: Session,
    pledge_id: int,
    article_id: int,
    pledge: Pledge,
    decision: Decision,
    at: datetime,
) -> None:
    """Keep a later report of a stored pledge as its source, and apply what it decides."""
    session.add(PledgeReportRow(
        pledge_id=pledge_id, article_id=article_id, quote=pledge.quote,
        quote_start=pledge.quote_span.start, quote_end=pledge.quote_span.end,
    ))  # fmt: skip
    if decision.values:
        stored = _fresh_row(session, pledge_id)
        for name, value in decision.values.items():
            setattr(stored, name, value)
        stored.version += 1
        if "actor" in decision.values:
            _file_actor_again(session, pledge_id, str(decision.values["actor"]))
    session.add(_event_row(pledge_id, decision, at))


def _file_actor(session: Session, pledge_id: int, actor: str, published: date) -> None:
    """File a pledge under its actor's words, with the day its article was published."""
    session.add_all(
        ActorWordRow(pledge_id=pledge_id, word=word, published=published)
        for word in sorted(index_words(actor))
    )


def _file_actor_again(session: Session, pledge_id: int, actor: str) -> None:
    """File a pledge whose actor changed under the new actor's words instead of the old."""
    published: date = session.execute(
        select_core(article_table.c.published)
        .join_from(pledge_table, article_table, article_table.c.id == pledge_table.c.article_id)
        .where(pledge_table.c.id == pledge_id)
    ).scalar_one()
    session.execute(delete(ActorWordRow).where(col(ActorWordRow.pledge_id) == pledge_id))
    _file_actor(session, pledge_id, actor, published)


def repeat_candidates(pledges: Sequence[Pledge], published: date) -> Select[Any] | None:
    """The query for open pledges of articles published by a day with the verb of one of these
    pledges (through the verb's index), a name word of its actor and a word of what its action
    is about: (id, actor, action). None when no pledge has both a verb and a named actor."""
    keys = [match_keys(p.actor, p.action) for p in pledges]
    alike = [_alike(k) for k in keys if k is not None and k.names]
    if not alike:
        return None
    verbs = {k.verb for k in keys if k is not None}
    return (
        select_core(pledge_table.c.id, pledge_table.c.actor, pledge_table.c.action)
        .join_from(pledge_table, article_table, article_table.c.id == pledge_table.c.article_id)
        .where(pledge_table.c.verb.in_(verbs), is_open(), or_(*alike))
        .where(article_table.c.published <= published)
        .order_by(pledge_table.c.id)
    )


def _alike(keys: MatchKeys) -> ColumnElement[bool]:
    """SQL for a stored pledge that may be the same as one with these keys (run on the few
    with the same verb, which the verb's index finds)."""
    actor, action = func.lower(pledge_table.c.actor), func.lower(pledge_table.c.action)
    named = or_(*(actor.contains(word, autoescape=True) for word in keys.names))
    about = [action.contains(word, autoescape=True) for word in keys.about]
    return and_(pledge_table.c.verb == keys.verb, named, or_(*about) if about else true())


def has_article(*, session: Session, content_hash: str, url: str | None = None) -> bool:
    """Whether an article with this text (or from this address) is stored already."""
    return _stored_article_id(session, content_hash, url) is not None


def _stored_article_id(session: Session, content_hash: str, url: str | None) -> int | None:
    same = col(ArticleRow.content_hash) == content_hash
    if url is not None:
        same = same | (col(ArticleRow.url) == url)
    return session.exec(select(ArticleRow.id).where(same)).first()


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


def _fresh_row(session: Session, pledge_id: int) -> PledgeRow:
    """A pledge as stored now, not as this session last saw it."""
    row = session.exec(
        select(PledgeRow).where(PledgeRow.id == pledge_id).execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise NotFoundError(f"no pledge with id {pledge_id}")
    return row


def apply_decision(
    *,
    session: Session,
    pledge_id: int,
    decision: Decision,
    at: datetime,
    expected_version: int | None = None,
) -> PledgeRecord:
    """Change a pledge as decided and add its history entry in one transaction, if nobody
    changed it first.

    The update only applies to the version the caller saw (or, with no expected version, the
    one just read); when another writer got there first nothing is written and
    StaleEditError says so, so that no edit silently overwrites another.
    """
    version = expected_version
    if version is None:
        version = _fresh_row(session, pledge_id).version
    try:
        result = cast(
            "CursorResult[Any]",
            session.execute(
                update(PledgeRow)
                .where(col(PledgeRow.id) == pledge_id, col(PledgeRow.version) == version)
                .values(**decision.values, version=version + 1)
            ),
        )
        if result.rowcount == 0:
            session.rollback()
            current = _fresh_row(session, pledge_id)  # NotFoundError if it is gone
            raise StaleEditError(
                f"pledge #{pledge_id} was changed elsewhere (version {current.version}, you "
                f"saw {version}); it is shown as it is now, so make your change again"
            )
        if "actor" in decision.values:
            _file_actor_again(session, pledge_id, str(decision.values["actor"]))
        session.add(_event_row(pledge_id, decision, at))
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
        verb=action_verb(pledge.action),
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
        broken_on=pledge.broken_on,
        broken_note=pledge.broken_note,
        dismissed=pledge.dismissed,
        confidence=pledge.confidence,
        review=pledge.review,
    )


def _event_row(pledge_id: int, decision: Decision, at: datetime) -> PledgeEventRow:
    return PledgeEventRow(
        pledge_id=pledge_id, kind=decision.kind.value, at=at, detail=decision.detail
    )


def _ids(values: Sequence[int | None]) -> tuple[int, ...]:
    return tuple(v for v in values if v is not None)
