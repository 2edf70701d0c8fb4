"""The store keeps articles whole, never twice, and filters statuses in SQL as the rule says."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from app.domain import (
    Article,
    EventKind,
    Pledge,
    PledgeKind,
    PublishedHow,
    Span,
    Status,
    decisions,
    status_of,
)
from app.domain.errors import NotFoundError
from app.services.verdicts import decide
from app.store import queries, reads
from app.store.engine import open_session
from app.store.models import ArticleRow, PledgeRow
from app.store.status_sql import status_expression
from app.store.tables import pledge

AT = datetime(2022, 1, 21, 12, tzinfo=UTC)


def _article(body: str = "The ministry will publish the report next week.") -> Article:
    return Article("Title", "test.txt", date(2022, 1, 21), PublishedHow.DATELINE, body)


def _pledge(due: date | None = None, actor: str = "Ministry") -> Pledge:
    return Pledge(
        actor=actor,
        action="publish the report",
        kind=PledgeKind.PROMISE,
        quote="The ministry will publish the report.",
        quote_span=Span(0, 37),
        due=due,
    )


def test_an_article_and_its_pledges_are_stored_once(engine: Engine) -> None:
    with open_session(engine) as session:
        first = queries.save_extraction(
            session=session, article=_article(), at=AT, pledges=[_pledge(), _pledge(actor="Agency")]
        )
        again = queries.save_extraction(
            session=session, article=_article(), at=AT, pledges=[_pledge()]
        )
        assert first.added
        assert not again.added
        assert again.article_id == first.article_id
        assert again.pledge_ids == first.pledge_ids
        assert len(reads.list_pledges(session=session, today=date(2022, 1, 22))) == 2
        assert queries.pledge_events(session=session, pledge_id=first.pledge_ids[0])[0].kind is (
            EventKind.CREATED
        )


def test_a_failure_midway_stores_nothing(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(queries, "_event_row", fail)
    with open_session(engine) as session, pytest.raises(RuntimeError):
        queries.save_extraction(session=session, article=_article(), pledges=[_pledge()], at=AT)
    with open_session(engine) as session:
        assert session.exec(select(ArticleRow)).all() == []
        assert session.exec(select(PledgeRow)).all() == []


def test_status_in_sql_agrees_with_the_pure_rule(engine: Engine) -> None:
    base = date(2022, 1, 30)
    dues = [None, base - timedelta(days=1), base, base + timedelta(days=1)]
    marks = [None, decisions.met, decisions.broken]
    days = [base - timedelta(days=5), base + timedelta(days=5)]
    verdicts = [(None, base)] + [(mark, day) for mark in marks[1:] for day in days]
    with open_session(engine) as session:
        saved = queries.save_extraction(
            session=session,
            article=_article(),
            at=AT,
            pledges=[_pledge(due=d, actor=f"A{i}") for i, d in enumerate(dues * len(verdicts))],
        )
        for pledge_id, (mark, day) in zip(
            saved.pledge_ids,
            itertools.chain.from_iterable([v] * len(dues) for v in verdicts),
            strict=True,
        ):
            if mark is not None:
                decide(session=session, pledge_id=pledge_id, decision=mark(day), at=AT)
        for today in (base - timedelta(days=1), base, base + timedelta(days=1)):
            records = reads.list_pledges(session=session, today=today)
            expected = {r.id: status_of(r.pledge, today) for r in records}
            sql = dict(session.execute(select(pledge.c.id, status_expression(today))).all())
            assert {k: Status(v) for k, v in sql.items()} == expected
            for status in Status:
                filtered = reads.list_pledges(session=session, today=today, status=status)
                assert {r.id for r in filtered} == {k for k, v in expected.items() if v is status}


def test_the_overdue_filter_uses_an_index(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by table statistics")
    from app.store.status_sql import status_filter

    query = select(pledge.c.id).where(status_filter(Status.OVERDUE, date(2022, 2, 1)))
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        plan = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    assert any("USING INDEX" in str(row) or "USING COVERING INDEX" in str(row) for row in plan)


def test_looking_for_a_repeated_pledge_reads_only_the_same_verb_through_its_index(
    engine: Engine,
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by table statistics")
    query = queries.repeat_candidates([_pledge(actor="Finance Ministry")], date(2022, 2, 1))
    assert query is not None
    compiled = query.compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as connection:
        plan = " ".join(str(r) for r in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_pledge_verb" in plan


def test_met_unmet_and_dismiss_are_recorded(engine: Engine) -> None:
    with open_session(engine) as session:
        saved = queries.save_extraction(
            session=session, article=_article(), at=AT, pledges=[_pledge(due=date(2022, 1, 30))]
        )
        pledge_id = saved.pledge_ids[0]
        met = decide(
            session=session,
            pledge_id=pledge_id,
            decision=decisions.met(date(2022, 1, 26), "delivered", "https://example.org/a"),
            at=AT,
        )
        assert status_of(met.pledge, date(2022, 2, 1)) is Status.MET
        assert (met.pledge.met_note, met.pledge.met_evidence) == (
            "delivered",
            "https://example.org/a",
        )
        unmet = decide(session=session, pledge_id=pledge_id, decision=decisions.reopened, at=AT)
        assert status_of(unmet.pledge, date(2022, 2, 1)) is Status.OVERDUE
        decide(session=session, pledge_id=pledge_id, decision=decisions.DISMISSED, at=AT)
        assert reads.list_pledges(session=session, today=date(2022, 2, 1)) == []
        kinds = [e.kind for e in queries.pledge_events(session=session, pledge_id=pledge_id)]
        assert kinds == [EventKind.CREATED, EventKind.MET, EventKind.REOPENED, EventKind.DISMISSED]


def test_unknown_pledge_id_is_a_clear_error(engine: Engine) -> None:
    with (
        open_session(engine) as session,
        pytest.raises(NotFoundError, match="no pledge with id 42"),
    ):
        decide(session=session, pledge_id=42, decision=decisions.met(date(2022, 1, 1)), at=AT)


def test_the_follow_up_search_finds_the_latest_open_pledges_of_a_named_actor(
    engine: Engine,
) -> None:
    """Filed under their actor's words: a later article's words find them, the latest first,
    no more than asked, never one published after the article, nor one met or dismissed."""
    days = [date(2022, 1, d) for d in (2, 3, 10, 17, 24)]
    ids = []
    with open_session(engine) as session:
        for n, day in enumerate(days):
            article = Article("T", f"{n}.txt", day, PublishedHow.DATELINE, f"Body {n}.")
            saved = queries.save_extraction(
                session=session, article=article, at=AT, pledges=[_pledge(actor="Acme Corp")]
            )
            ids.append(saved.pledge_ids[0])
        decide(session=session, pledge_id=ids[3], decision=decisions.met(date(2022, 1, 20)), at=AT)
        decide(session=session, pledge_id=ids[0], decision=decisions.DISMISSED, at=AT)
    with engine.connect() as connection:
        found = reads.open_pledges_filed_under(
            session=connection, words={"acme", "said"}, published_by=date(2022, 1, 20), most=5
        )
        latest = reads.open_pledges_filed_under(
            session=connection, words={"corp"}, published_by=date(2022, 1, 20), most=1
        )
        other = reads.open_pledges_filed_under(
            session=connection, words={"globex"}, published_by=date(2022, 1, 31), most=9
        )
    # the 17th is met, the 24th later, the 2nd dismissed
    assert [row[0] for row in found] == [ids[2], ids[1]]
    assert [row[0] for row in latest] == [ids[2]]
    assert other == []


def test_a_suggestion_is_stored_once_per_pledge_and_article(engine: Engine) -> None:
    """An article read again for follow-ups (or one that tells the same outcome twice) adds
    no second suggestion of its pledge; the first stays as it was."""
    from app.domain import Outcome
    from app.store.suggestion_queries import list_suggestions, save_suggestions

    with open_session(engine) as session:
        first = queries.save_extraction(
            session=session, article=_article(), at=AT, pledges=[_pledge(), _pledge(actor="Acme")]
        )
        later = queries.save_extraction(
            session=session, article=_article("The ministry published the report."), at=AT,
            pledges=[],
        )  # fmt: skip
    one, two = first.pledge_ids
    told = Outcome(one, date(2022, 1, 26), "The ministry published the report.", 0, 35)
    again = Outcome(one, date(2022, 1, 27), "It did.", 36, 43, confidence=0.5)
    other = Outcome(two, date(2022, 1, 26), "The ministry published the report.", 0, 35)
    with engine.begin() as connection:
        article_id = later.article_id
        added = save_suggestions(
            session=connection, article_id=article_id, outcomes=[told, again], at=AT
        )
        repeated = save_suggestions(
            session=connection, article_id=article_id, outcomes=[again, other], at=AT
        )
    with engine.connect() as connection:
        stored = list_suggestions(session=connection)
    assert added == [told]
    assert repeated == [other]
    assert sorted((s.record.id, s.happened_on) for s in stored) == [
        (one, date(2022, 1, 26)), (two, date(2022, 1, 26))
    ]  # fmt: skip
