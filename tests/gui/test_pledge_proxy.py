"""The table model and its proxy: filters an analyst combines, counts, sorting by value."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from app.domain import Pledge, PledgeKind, PledgeRecord, Span, Status
from app.gui.pledge_model import Column, PledgeTableModel
from app.gui.pledge_proxy import PledgeFilterProxy

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

TODAY = date(2022, 1, 25)


def _record(
    pledge_id: int,
    actor: str,
    action: str,
    due: date | None,
    *,
    kind: PledgeKind = PledgeKind.PROMISE,
    met_on: date | None = None,
    broken_on: date | None = None,
    title: str = "Talks in Geneva",
) -> PledgeRecord:
    quote = f"{actor} will {action}."
    pledge = Pledge(
        actor=actor,
        action=action,
        kind=kind,
        quote=quote,
        quote_span=Span(0, len(quote)),
        due=due,
        met_on=met_on,
        broken_on=broken_on,
    )
    return PledgeRecord(
        id=pledge_id,
        pledge=pledge,
        article_id=1,
        article_title=title,
        article_published=date(2022, 1, 21),
        article_source="test",
    )


@pytest.fixture
def proxy(qapp: object, qtmodeltester: ModelTester) -> PledgeFilterProxy:  # noqa: ARG001 (Qt first)
    """Five pledges, one of each status and an offer, behind the filter proxy."""
    model = PledgeTableModel(TODAY)
    model.set_rows(
        [
            _record(1, "United States", "provide a written response", date(2022, 1, 30)),
            _record(2, "Russia", "issue its own response", date(2022, 1, 5)),
            _record(3, "Joe Biden", "hold further talks", None, kind=PledgeKind.OFFER),
            _record(
                4,
                "Sergei Lavrov",
                "hold negotiations",
                date(2022, 1, 20),
                met_on=date(2022, 1, 19),
                title="Lavrov in Moscow",
            ),
            _record(
                5,
                "Sergei Ryabkov",
                "hold consultations",
                date(2022, 1, 10),
                broken_on=date(2022, 1, 12),
            ),
        ]
    )
    qtmodeltester.check(model)
    proxy = PledgeFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    return proxy


def _actors(proxy: PledgeFilterProxy) -> list[str]:
    return [str(proxy.index(r, Column.ACTOR).data()) for r in range(proxy.rowCount())]


def test_status_chip_counts_follow_the_other_filters(proxy: PledgeFilterProxy) -> None:
    assert proxy.counts() == {
        None: 5, Status.OVERDUE: 1, Status.PENDING: 2, Status.REVIEW: 0, Status.MET: 1,
        Status.BROKEN: 1,
    }  # fmt: skip
    proxy.set_status(Status.OVERDUE)
    assert _actors(proxy) == ["Russia"]  # a broken pledge past its due date is not overdue
    proxy.set_status(Status.BROKEN)
    assert _actors(proxy) == ["Sergei Ryabkov"]
    proxy.set_status(None)
    proxy.set_search("hold")
    assert proxy.counts() == {
        None: 3, Status.OVERDUE: 0, Status.PENDING: 1, Status.REVIEW: 0, Status.MET: 1,
        Status.BROKEN: 1,
    }  # fmt: skip


def test_search_needs_every_word_in_actor_action_quote_or_article(proxy: PledgeFilterProxy) -> None:
    proxy.set_search("HOLD moscow")
    assert _actors(proxy) == ["Sergei Lavrov"]
    proxy.set_search("geneva written")
    assert _actors(proxy) == ["United States"]
    proxy.set_search("")
    assert len(_actors(proxy)) == 5


def test_kind_due_range_and_day(proxy: PledgeFilterProxy) -> None:
    proxy.set_kind(PledgeKind.OFFER)
    assert _actors(proxy) == ["Joe Biden"]
    proxy.set_kind(None)
    proxy.set_due_range(date(2022, 1, 1), date(2022, 1, 25))
    assert sorted(_actors(proxy)) == ["Russia", "Sergei Lavrov", "Sergei Ryabkov"]
    proxy.set_due_range(None, None)
    proxy.set_day(date(2022, 1, 30))
    assert _actors(proxy) == ["United States"]


def test_sorting_uses_values_not_display_text(proxy: PledgeFilterProxy) -> None:
    proxy.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    # "5 Jan" sorts after "30 Jan" as text; by date it comes first; undated pledges last.
    assert _actors(proxy) == [
        "Russia", "Sergei Ryabkov", "Sergei Lavrov", "United States", "Joe Biden",
    ]  # fmt: skip
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert _actors(proxy)[0] == "Russia"  # overdue first
    assert _actors(proxy)[-2:] == ["Sergei Lavrov", "Sergei Ryabkov"]  # then met, broken last


def test_due_column_says_how_far_off(proxy: PledgeFilterProxy) -> None:
    proxy.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    due = [str(proxy.index(r, Column.DUE).data()) for r in range(proxy.rowCount())]
    assert due == [
        "05/01/2022 · 20 days overdue",
        "10/01/2022 · broken 12/01/2022",
        "20/01/2022 · met 19/01/2022",
        "30/01/2022 · in 5 days",
        "—",
    ]


def test_status_is_icon_word_and_check_box(proxy: PledgeFilterProxy) -> None:
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    first = proxy.index(0, Column.STATUS)
    assert first.data() == "Overdue"
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    met, broken = (proxy.index(proxy.rowCount() - n, Column.STATUS) for n in (2, 1))
    assert met.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert (broken.data(), broken.data(Qt.ItemDataRole.CheckStateRole)) == (
        "Broken", Qt.CheckState.Unchecked,
    )  # fmt: skip


def test_text_from_articles_stays_plain_in_tooltips(proxy: PledgeFilterProxy) -> None:
    model = proxy.sourceModel()
    assert isinstance(model, PledgeTableModel)
    model.replace(_record(1, "<b>Mallory</b>", "run <script>x</script>", None))
    tip = str(model.index(model.row_of(1) or 0, Column.ACTOR).data(Qt.ItemDataRole.ToolTipRole))
    assert "<b>Mallory</b>" not in tip
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in tip
    assert model.index(model.row_of(1) or 0, Column.ACTOR).data() == "<b>Mallory</b>"
