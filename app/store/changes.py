"""A cheap mark of what the database holds, to notice changes that other programs made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.domain import SuggestionState
from app.store.tables import pledge_event, suggestion

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

ChangeMark = tuple[int, int, int]


def change_mark(session: Session | Connection) -> ChangeMark:
    """What changes whenever a pledge or a suggestion does: every change of a pledge writes its
    history (pledge_event), a new suggestion takes a new id and a decided one leaves the open
    ones. Three index lookups: cheap enough to ask every few seconds."""
    last_event = select(func.coalesce(func.max(pledge_event.c.id), 0)).scalar_subquery()
    last_suggestion = select(func.coalesce(func.max(suggestion.c.id), 0)).scalar_subquery()
    still_open = (
        select(func.count())
        .select_from(suggestion)
        .where(suggestion.c.state == SuggestionState.OPEN.value)
    ).scalar_subquery()
    row = session.execute(select(last_event.label("event"), last_suggestion.label("suggestion"),
                                 still_open.label("still_open"))).one()  # fmt: skip
    return int(row.event), int(row.suggestion), int(row.still_open)


def changed_pledges(session: Session | Connection, *, after_event: int, limit: int) -> list[int]:
    """The pledges whose history grew after event `after_event` (made, changed or reminded),
    at most `limit` + 1 of them: more than `limit` says "read them all again"."""
    query = (
        select(pledge_event.c.pledge_id)
        .where(pledge_event.c.id > after_event)
        .group_by(pledge_event.c.pledge_id)
        .limit(limit + 1)
    )
    return [int(pledge_id) for pledge_id in session.execute(query).scalars()]
