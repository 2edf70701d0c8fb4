"""Suggestions that a pledge was kept or broken: stored once, listed, accepted or rejected."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, CursorResult, insert, select, update

from app.domain import Evidence, Outcome, Suggestion, SuggestionState, Verdict
from app.domain.errors import BadValueError, NotFoundError
from app.store.reads import Executor, get_pledges, in_chunks
from app.store.status_sql import is_open
from app.store.tables import article, pledge, suggestion

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlmodel import Session

# "Show more" lists a pledge's likeliest few less likely suggestions, not one from every later
# article that names its actor: a government's pledge can have a hundred, most about other acts.
LESS_LIKELY_PER_PLEDGE = 3


def save_suggestions(
    *, session: Connection, article_id: int, outcomes: Sequence[Outcome], at: datetime
) -> list[Outcome]:
    """Store new suggestions (once per pledge and article), in one statement; the outcomes
    that were new."""
    asked = sorted({outcome.pledge_id for outcome in outcomes})
    made = {
        row[0]
        for some in in_chunks(asked)
        for row in session.execute(
            select(suggestion.c.pledge_id).where(
                suggestion.c.pledge_id.in_(some),
                suggestion.c.article_id == article_id,
            )
        )
    }
    added: list[Outcome] = []
    for outcome in outcomes:
        if outcome.pledge_id not in made:
            made.add(outcome.pledge_id)
            added.append(outcome)
    if added:
        session.execute(
            insert(suggestion),
            [
                {
                    "pledge_id": outcome.pledge_id,
                    "article_id": article_id,
                    "verdict": outcome.verdict.value,
                    "happened_on": outcome.happened_on,
                    "evidence": outcome.evidence,
                    "evidence_start": outcome.start,
                    "evidence_end": outcome.end,
                    "state": SuggestionState.OPEN.value,
                    "created_at": at.astimezone(UTC),
                    "confidence": outcome.confidence,
                    "likely": outcome.likely,
                }
                for outcome in added
            ],
        )
    return added


def list_suggestions(
    *,
    session: Executor,
    state: SuggestionState = SuggestionState.OPEN,
    likely_only: bool = False,
    less_likely_per_pledge: int | None = LESS_LIKELY_PER_PLEDGE,
) -> list[Suggestion]:
    """The suggestions in a state (open by default), the likely ones first, each kind by
    confidence, then newest report first (`likely_only`: not those behind "Show more"); an
    open one only while its pledge is still open and not dismissed (the analyst has decided it
    otherwise), and of a pledge's open less likely ones only the `less_likely_per_pledge`
    likeliest (None: all). Rejecting one lets the next come up."""
    still = [suggestion.c.state == state.value]
    if likely_only:
        still.append(suggestion.c.likely.is_(True))
    if state is SuggestionState.OPEN:
        waiting = select(pledge.c.id).where(is_open(), pledge.c.dismissed.is_(False))
        still.append(suggestion.c.pledge_id.in_(waiting))
    rows = session.execute(
        select(
            suggestion.c.id,
            suggestion.c.pledge_id,
            suggestion.c.happened_on,
            suggestion.c.evidence,
            suggestion.c.verdict,
            suggestion.c.confidence,
            suggestion.c.likely,
            article.c.title,
            article.c.published,
            article.c.url,
            article.c.source,
        )
        .join_from(suggestion, article, article.c.id == suggestion.c.article_id)
        .where(*still)
        .order_by(
            suggestion.c.likely.desc(),
            suggestion.c.confidence.desc(),
            article.c.published.desc(),
            suggestion.c.id,
        )
    ).all()
    if state is SuggestionState.OPEN and less_likely_per_pledge is not None:
        rows = _likeliest_per_pledge(rows, less_likely_per_pledge)
    records = get_pledges(session=session, pledge_ids=[row.pledge_id for row in rows])
    return [
        Suggestion(
            id=row.id,
            record=records[row.pledge_id],
            happened_on=row.happened_on,
            evidence=row.evidence,
            verdict=Verdict(row.verdict),
            article_title=row.title,
            article_published=row.published,
            article_url=row.url,
            article_source=row.source,
            confidence=row.confidence,
            likely=row.likely,
        )
        for row in rows
        if row.pledge_id in records
    ]


def _likeliest_per_pledge(rows: Sequence[Any], most: int) -> list[Any]:
    """Every likely row, and the first `most` less likely rows of each pledge (the rows come
    likeliest first)."""
    seen: Counter[int] = Counter()
    kept = []
    for row in rows:
        if not row.likely:
            seen[row.pledge_id] += 1
            if seen[row.pledge_id] > most:
                continue
        kept.append(row)
    return kept


def open_suggestion(*, session: Session, suggestion_id: int) -> Suggestion:
    """An open suggestion; BadValueError when it was decided already, NotFoundError when gone."""
    for candidate in list_suggestions(session=session, less_likely_per_pledge=None):
        if candidate.id == suggestion_id:
            return candidate
    if session.execute(select(suggestion.c.id).where(suggestion.c.id == suggestion_id)).first():
        raise BadValueError(f"suggestion {suggestion_id} was already accepted or rejected")
    raise NotFoundError(f"no suggestion with id {suggestion_id}")


def accepted_evidence(*, session: Executor, pledge_id: int) -> list[Evidence]:
    """The reports the analyst accepted about a pledge, in the order things happened."""
    rows = session.execute(
        select(suggestion.c.verdict, suggestion.c.happened_on, suggestion.c.evidence,
               article.c.title, article.c.published)
        .join_from(suggestion, article, article.c.id == suggestion.c.article_id)
        .where(suggestion.c.pledge_id == pledge_id,
               suggestion.c.state == SuggestionState.ACCEPTED.value)
        .order_by(suggestion.c.happened_on, suggestion.c.id)
    )  # fmt: skip
    return [
        Evidence(Verdict(row.verdict), row.happened_on, row.evidence, row.title, row.published)
        for row in rows
    ]


def close_suggestion(*, session: Session, suggestion_id: int, state: SuggestionState) -> None:
    """Close an open suggestion, uncommitted; a decision applies once: when another process
    (or window) decided it since it was read, nothing changes and the loser is told."""
    closed = session.execute(
        update(suggestion)
        .where(suggestion.c.id == suggestion_id, suggestion.c.state == SuggestionState.OPEN.value)
        .values(state=state.value)
    )
    assert isinstance(closed, CursorResult)  # an UPDATE's result counts the rows it matched
    if closed.rowcount != 1:
        session.rollback()
        now = session.execute(
            select(suggestion.c.state).where(suggestion.c.id == suggestion_id)
        ).scalar()
        raise BadValueError(f"suggestion {suggestion_id} was already {now} elsewhere")
