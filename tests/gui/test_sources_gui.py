"""The window's File menu for real sources: web addresses, feeds, and exports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icalendar import Calendar

from app.extract.fetch import ALLOW_INTERNAL_ENV
from app.gui.feeds_dialog import FeedsDialog
from app.gui.pledge_model import Column

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.web import LocalWeb


def _actors(window: MainWindow) -> set[str]:
    return {str(window.proxy.index(r, Column.ACTOR).data()) for r in range(window.proxy.rowCount())}


def test_import_from_a_web_address(qtbot: QtBot, window: MainWindow, web: LocalWeb) -> None:
    url = web.add(
        "/plant.html",
        "<html><head><title>Plant</title><meta property='article:"
        "published_time' content='2022-03-01'></head><body><article><h1>Plant to close"
        "</h1><p>Initech will close the plant next month.</p></article></body></html>",
    )
    with qtbot.waitSignal(window.import_finished, timeout=60_000) as finished:
        window.start_import([url])
    assert finished.args[0].added == [("Plant to close", 1)]
    qtbot.waitUntil(lambda: "Initech" in _actors(window), timeout=10_000)


def test_feeds_dialog_subscribes_and_a_poll_imports(
    qtbot: QtBot,
    window: MainWindow,
    engine: Engine,
    web: LocalWeb,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ALLOW_INTERNAL_ENV, "1")  # the feed links to this machine's test server
    page = web.add(
        "/story.html",
        "<html><head><meta property='article:published_time' "
        "content='2022-03-01'></head><body><article><h1>Umbrella expands</h1><p>"
        "Umbrella Corp will hire 500 workers by June.</p></article></body></html>",
    )
    feed = web.add(
        "/feed.xml",
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire"
        f"</title><item><title>Umbrella</title><link>{page}</link></item></channel>"
        "</rss>",
        "application/rss+xml",
    )
    dialog = FeedsDialog(engine, 30, window)
    qtbot.addWidget(dialog)
    dialog.address.setText("not a feed")
    dialog.add_button.click()
    assert "http" in dialog.message.text()
    dialog.address.setText(web.url("/missing.xml"))
    dialog.add_button.click()  # read first: a feed that is not there is not subscribed
    qtbot.waitUntil(lambda: dialog.subscribing is None, timeout=30_000)
    assert dialog.message.text().startswith("Not subscribed:")
    assert "HTTP 404" in (dialog.message.text())
    assert dialog.feeds.count() == 0
    dialog.address.setText(feed)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.subscribing is None, timeout=30_000)
    assert dialog.feeds.count() == 1
    assert feed in dialog.feeds.item(0).text()
    worker = window.poll_feeds()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: "Umbrella Corp" in _actors(window), timeout=10_000)
    dialog.reload()
    assert "Wire" in dialog.feeds.item(0).text()


def test_export_to_calendar_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "pledges.ics"
    window.export_to(target, "ics", window.shown_records())
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    dated = [r for r in window.shown_records() if r.pledge.due is not None]
    assert dated
    days = sorted(r.pledge.due for r in dated if r.pledge.due is not None)
    assert sorted(e.decoded("dtstart") for e in events) == days
    assert any(str(e.get("summary")).startswith("[pending] United States") for e in events)
    window.export_to(tmp_path / "missing" / "x.csv", "csv", window.shown_records())
    assert window.last_error is not None
    assert "cannot write" in window.last_error
