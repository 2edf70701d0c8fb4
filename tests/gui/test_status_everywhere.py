"""One truth table for the status rule, checked against every form of it: the domain's
status_of, the SQL CASE and WHERE the store filters with, `list --status`, and the window's
status chips and counts (the proxy's codes)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from app.domain import Article, Pledge, PledgeKind, PublishedHow, Span, Status, status_of
from app.gui.pledge_model import Column, PledgeTableModel
from app.gui.pledge_proxy import PledgeFilterProxy
from app.store import queries, reads
from app.store.engine import open_session
from app.store.status_sql import status_expression, status_filter
from app.store.tables import pledge as pledge_table

if TYPE_CHECKING:
    from sqlalchemy import Engine

TODAY = date(2022, 1, 30)
DAY = timedelta(days=1)
MET, BROKEN = date(2022, 1, 20), date(2022, 1, 21)
AT = datetime(2022, 1, 21, 12, tzinfo=UTC)

# met_on, broken_on, to review, due  ->  the status on TODAY. Written out by hand, not computed.
TRUTH: list[tuple[date | None, date | None, bool, date | None, Status]] = [
    (None, None, False, None, Status.PENDING),
    (None, None, False, TODAY + DAY, Status.PENDING),
    (None, None, False, TODAY, Status.PENDING),  # the due day itself is not overdue
    (None, None, False, TODAY - DAY, Status.OVERDUE),
    (None, None, True, None, Status.REVIEW),
    (None, None, True, TODAY + DAY, Status.REVIEW),
    (None, None, True, TODAY - DAY, Status.REVIEW),  # never overdue before it is confirmed
    (MET, None, False, None, Status.MET),
    (MET, None, False, TODAY - DAY, Status.MET),  # met wins over overdue
    (MET, None, True, TODAY - DAY, Status.MET),
    (None, BROKEN, False, None, Status.BROKEN),
    (None, BROKEN, False, TODAY - DAY, Status.BROKEN),
    (None, BROKEN, True, TODAY + DAY, Status.BROKEN),
    (MET, BROKEN, False, TODAY - DAY, Status.MET),  # met is read before broken
]


def _stored(engine: Engine) -> dict[int, Status]:
    """Store one pledge per line of the table; the expected status by pledge id."""
    article = Article("Title", "test.txt", date(2022, 1, 21), PublishedHow.DATELINE, "Text.")
    quote = "The ministry will publish the report."
    pledges = [
        Pledge(
            actor=f"Ministry {n}",
            action="publish the report",
            kind=PledgeKind.PROMISE,
            quote=quote,
            quote_span=Span(0, len(quote)),
            due=due,
        )
        for n, (_met, _broken, _review, due, _status) in enumerate(TRUTH)
    ]
    with open_session(engine) as session:
        ids = queries.save_extraction(session=session, article=article, at=AT, pledges=pledges)
        for pledge_id, (met, broken, review, _due, _status) in zip(
            ids.pledge_ids, TRUTH, strict=True
        ):
            session.execute(
                update(pledge_table)
                .where(pledge_table.c.id == pledge_id)
                .values(met_on=met, broken_on=broken, review=review)
            )
        session.commit()
    return {pledge_id: line[-1] for pledge_id, line in zip(ids.pledge_ids, TRUTH, strict=True)}


def test_every_form_of_the_status_rule_agrees_with_the_truth_table(
    engine: Engine,
    qapp: object,  # noqa: ARG001 (the proxy is a Qt object)
) -> None:
    expected = _stored(engine)
    with open_session(engine) as session:
        records = reads.list_pledges(session=session, today=TODAY)
        assert {r.id: status_of(r.pledge, TODAY) for r in records} == expected
        case = dict(session.execute(select(pledge_table.c.id, status_expression(TODAY))).all())
        assert {pledge_id: Status(value) for pledge_id, value in case.items()} == expected
        for status in Status:
            wanted = {pledge_id for pledge_id, s in expected.items() if s is status}
            where = select(pledge_table.c.id).where(status_filter(status, TODAY))
            assert set(session.scalars(where)) == wanted, status
            listed = reads.list_pledges(session=session, today=TODAY, status=status)
            assert {r.id for r in listed} == wanted, status

    model = PledgeTableModel(TODAY)
    model.set_rows(records)
    proxy = PledgeFilterProxy()
    proxy.setSourceModel(model)
    counts = proxy.counts()
    assert counts[None] == len(TRUTH)
    for status in Status:
        wanted = {pledge_id for pledge_id, s in expected.items() if s is status}
        assert counts[status] == len(wanted), status
        proxy.set_status(status)
        rows = range(proxy.rowCount())
        shown = {model.record(proxy.mapToSource(proxy.index(row, 0)).row()).id for row in rows}
        assert shown == wanted, status
        assert {proxy.index(row, Column.STATUS).data() for row in rows} <= {status.label}
