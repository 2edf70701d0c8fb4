"""Keyword-only queries that change the store (the reads are in reads.py, imported from there)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, CursorResult, Select, and_, func, or_, true, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from app.domain import (
    Article,
    EventKind,
    Pledge,
    PledgeEdit,
    PledgeEvent,
    PledgeRecord,
    Source,
)
from app.domain.errors import NotFoundError, StaleEditError
from app.domain.likeness import MatchKeys, action_verb, match_keys, match_repeats, takes_deadline
from app.store.models import (
    ArticleRow,
    PledgeEventRow,
    PledgeQuoteRow,
    PledgeRow,
    PledgeSourceRow,
)
from app.store.reads import get_pledge
from app.store.status_sql import is_open
from app.store.tables import article as article_table
from app.store.tables import pledge as pledge_table

if TYPE_CHECKING:
    from collections.abc import Sequence
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
    find_repeats: bool = True,
) -> SaveResult:
    """Store an article and its pledges in one transaction; the same text again adds nothing.

    A pledge that an open pledge of an earlier article already states (the same actor and act)
    is not stored twice: the article becomes a second source of the stored one. Without
    `find_repeats` every pledge is stored as new (for generated data, known to be distinct).
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
        earlier = reported_before(session, article, pledges) if find_repeats else {}
        again = {earlier[i]: p for i, p in enumerate(pledges) if i in earlier}
        for pledge_id, pledge in again.items():
            _add_source(session, pledge_id, row.id, pledge, article, at)
        pledges = [p for i, p in enumerate(pledges) if i not in earlier]
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
    return SaveResult(
        article_id=row.id,
        added=True,
        pledge_ids=_ids([p.id for p in pledge_rows]),
        published=article.published,
        again_ids=tuple(again),
    )


def _add_source(
    session: Session,
    pledge_id: int,
    article_id: int,
    pledge: Pledge,
    article: Article,
    at: datetime,
) -> None:
    """Keep a later report of a stored pledge as its source; a deadline it gives where the
    stored pledge had none becomes the pledge's (the history says so)."""
    session.add(PledgeSourceRow(
        pledge_id=pledge_id, article_id=article_id, quote=pledge.quote,
        quote_start=pledge.quote_span.start, quote_end=pledge.quote_span.end,
    ))  # fmt: skip
    detail = f"reported again by {article.source}"
    stored = _fresh_row(session, pledge_id)
    if takes_deadline(stored.due, pledge):
        stored.due, stored.deadline_text = pledge.due, pledge.deadline_text
        stored.due_precision = None if pledge.due_precision is None else pledge.due_precision.value
        stored.version += 1
        detail += f", which gives the deadline “{pledge.deadline_text}” → due {pledge.due}"
    session.add(_event_row(pledge_id, EventKind.SOURCE, at, detail))


_REPEAT_CHUNK = 100  # pledges looked up in one query (SQLite caps an expression's depth)


def reported_before(
    session: Session, article: Article, pledges: Sequence[Pledge]
) -> dict[int, int]:
    """For the pledges (by index) that an open pledge of an earlier article states already,
    that pledge's id: repeat_candidates finds the few that may be, match_repeats decides
    (domain/likeness.py). A dismissed pledge counts too: what the analyst called no pledge
    does not return."""
    rows: list[Any] = []
    for start in range(0, len(pledges), _REPEAT_CHUNK):  # each query's SQL stays small
        query = repeat_candidates(pledges[start : start + _REPEAT_CHUNK], article.published)
        rows += [] if query is None else session.execute(query).all()
    return match_repeats(pledges, sorted({(row[0], row[1], row[2]) for row in rows}))


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
    values = {**_REOPENED, "met_on": on, "met_note": note, "met_evidence": evidence}
    values["review"] = False  # a verdict is a confirmation
    return _change(session, pledge_id, values, EventKind.MET, at, detail, expected_version)


def mark_broken(
    *,
    session: Session,
    pledge_id: int,
    on: date,
    at: datetime,
    note: str | None = None,
    expected_version: int | None = None,
) -> PledgeRecord:
    """Mark a pledge broken on a day (withdrawn, refused, cancelled), with an optional note."""
    detail = f"broken on {on.isoformat()}" + (f": {note}" if note else "")
    values = {**_REOPENED, "broken_on": on, "broken_note": note, "review": False}
    return _change(session, pledge_id, values, EventKind.BROKEN, at, detail, expected_version)


def unmark_met(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """Take back a met or broken mark: the pledge is pending or overdue again."""
    was = "broken" if _fresh_row(session, pledge_id).broken_on else "met"
    return _change(
        session, pledge_id, _REOPENED, EventKind.UNMET, at, f"no longer marked {was}",
        expected_version,
    )  # fmt: skip


def note_partly_kept(
    *, session: Session, pledge_id: int, on: date, at: datetime, note: str
) -> PledgeRecord:
    """Record in the history that a pledge was partly kept; its status stays as it is."""
    detail = f"partly kept on {on.isoformat()}: {note}"
    return _change(session, pledge_id, {}, EventKind.PARTLY, at, detail, None)


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


def confirm(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """The analyst says a pledge found with less confidence is one: it is tracked from now."""
    return _change(
        session, pledge_id, {"review": False}, EventKind.CONFIRMED, at,
        "confirmed as a pledge", expected_version,
    )  # fmt: skip


def unconfirm(
    *, session: Session, pledge_id: int, at: datetime, expected_version: int | None = None
) -> PledgeRecord:
    """Put a pledge back to review (the undo of confirm)."""
    return _change(
        session, pledge_id, {"review": True}, EventKind.EDITED, at, "back to review",
        expected_version,
    )  # fmt: skip


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
    values = {**after, "due_precision": precision, "verb": action_verb(change.action)}
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
            "CursorResult[Any]",
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


_REOPENED: dict[str, Any] = {
    "met_on": None, "met_note": None, "met_evidence": None, "broken_on": None, "broken_note": None,
}  # fmt: skip


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


def _event_row(pledge_id: int, kind: EventKind, at: datetime, detail: str) -> PledgeEventRow:
    return PledgeEventRow(pledge_id=pledge_id, kind=kind.value, at=at, detail=detail)


def _ids(values: Sequence[int | None]) -> tuple[int, ...]:
    return tuple(v for v in values if v is not None)


__all__ = [
    "PledgeEdit", "SaveResult", "Source", "article_text", "count_articles", "dismiss",
    "edit_pledge", "has_article", "mark_broken", "mark_met", "note_partly_kept", "pledge_events",
    "repeat_candidates", "reported_before", "restore", "save_extraction", "unmark_met",
]  # fmt: skip
