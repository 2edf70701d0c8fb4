"""The analyst's decisions on pledges and suggestions, for the command line and the window alike:
mark met or broken, reopen, dismiss, confirm, correct, and accept or reject a suggestion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import Suggestion, SuggestionState, Verdict
from app.domain import decisions as decided
from app.domain.decisions import Decision
from app.store.queries import apply_decision
from app.store.reads import get_pledge
from app.store.suggestion_queries import close_suggestion, open_suggestion

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy import Engine
    from sqlmodel import Session

    from app.domain import PledgeRecord
    from app.domain.decisions import Rule


def decide(
    *,
    session: Session,
    pledge_id: int,
    decision: Decision | Rule,
    at: datetime,
    expected_version: int | None = None,
) -> PledgeRecord:
    """Apply a decision to a pledge, on the version the caller saw (`expected_version`) or the
    one stored now. A rule (domain/decisions.py) first reads the pledge as stored: "no longer
    marked broken" needs to know it was broken."""
    if not isinstance(decision, Decision):
        stored = get_pledge(session=session, pledge_id=pledge_id)
        if expected_version is None:
            expected_version = stored.version
        decision = decision(stored.pledge)
    return apply_decision(
        session=session, pledge_id=pledge_id, decision=decision, at=at,
        expected_version=expected_version,
    )  # fmt: skip


def accept_suggestion(*, session: Session, suggestion_id: int, at: datetime) -> Suggestion:
    """Mark the pledge met or broken on the reported day (or, partly kept, note it in its
    history), with the report as evidence, in one transaction."""
    found = open_suggestion(session=session, suggestion_id=suggestion_id)
    close_suggestion(session=session, suggestion_id=suggestion_id, state=SuggestionState.ACCEPTED)
    note = f"reported by “{found.article_title}” ({found.article_published.isoformat()}): " + (
        found.evidence
    )
    on = found.happened_on
    if found.verdict is Verdict.BROKEN:
        decision = decided.broken(on, note)
    elif found.verdict is Verdict.PARTLY:
        decision = decided.partly_kept(on, note)
    else:
        decision = decided.met(on, note, found.article_url or found.article_source)
    # the decision commits the suggestion's new state with the pledge's change
    apply_decision(session=session, pledge_id=found.record.id, decision=decision, at=at)
    return found


def reject_suggestion(*, session: Session, suggestion_id: int) -> Suggestion:
    """The report was wrong: the suggestion is closed and the pledge left as it was."""
    found = open_suggestion(session=session, suggestion_id=suggestion_id)
    close_suggestion(session=session, suggestion_id=suggestion_id, state=SuggestionState.REJECTED)
    session.commit()
    return found


def judge_suggestion(
    engine: Engine, suggestion_id: int, *, accept: bool, at: datetime
) -> Suggestion:
    """Accept (the pledge marked as reported) or reject one suggestion, in its own session."""
    from app.store.engine import open_session

    with open_session(engine) as session:
        if accept:
            return accept_suggestion(session=session, suggestion_id=suggestion_id, at=at)
        return reject_suggestion(session=session, suggestion_id=suggestion_id)
