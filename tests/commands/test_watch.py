"""Feeds: each new item is imported once, by URL and by content; a broken page falls back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import CliRunner
    from tests.web import LocalWeb

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="article:published_time" content="2022-03-0{day}T09:00:00Z"></head>
<body><nav>Home | World | Business</nav><article><h1>{title}</h1>
<p>{actor} will {action} next month, a spokesperson said on Tuesday.</p>
<p>Analysts were divided on whether the move would help.</p></article>
<footer>All rights reserved.</footer></body></html>"""


def _feed(web: LocalWeb, items: list[tuple[str, tuple[str, str]]]) -> str:
    """An RSS feed of (title, (link, summary)) items, served by `web`."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Tue, 01 Mar 2022 09:00:00 GMT</pubDate><description>{summary}</description>"
        "</item>"
        for title, (link, summary) in items
    )
    rss = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<link>{web.url('/')}</link>{entries}</channel></rss>"
    )
    return web.add("/feed.xml", rss, "application/rss+xml")


def _page(web: LocalWeb, path: str, day: int, actor: str, action: str) -> str:
    title = f"{actor} to {action}"
    return web.add(path, PAGE.format(title=title, day=day, actor=actor, action=action))


@pytest.mark.usefixtures("intranet")
def test_watch_imports_new_items_once(cli: CliRunner, web: LocalWeb) -> None:
    first = _page(web, "/a.html", 1, "Acme Corp", "close the plant")
    second = _page(web, "/b.html", 2, "The city council", "repave the main road")
    feed = _feed(web, [("A", (first, "")), ("B", (second, ""))])
    result = cli("watch", feed, "--once")
    assert result.code == 0, result.err
    assert "subscribed to" in result.out
    assert "2 new articles" in result.out
    web.requested.clear()
    again = cli("watch", "--once")
    assert "0 new articles; 2 items seen before." in again.out
    assert web.requested == ["/feed.xml"]  # items seen before are neither fetched nor read
    assert "added:" not in again.out  # items read before are not read again
    pledges = json.loads(cli("list", "--json").out)
    acme = next(p for p in pledges if p["actor"] == "Acme Corp")
    assert acme["due"] == "2022-04-30"
    assert acme["article_url"] == first
    listing = cli("watch", "--list").out
    assert feed in listing
    assert "Local wire" in listing


@pytest.mark.usefixtures("intranet")
def test_a_page_that_cannot_be_read_is_taken_from_the_feed_item(
    cli: CliRunner, web: LocalWeb
) -> None:
    missing = web.url("/gone.html")
    summary = "&lt;p&gt;Globex will open a new factory within 30 days.&lt;/p&gt;"
    feed = _feed(web, [("Globex expands", (missing, summary))])
    result = cli("watch", feed, "--once")
    assert "1 new article;" in result.out
    [pledge] = json.loads(cli("list", "--json").out)
    assert (pledge["actor"], pledge["due"]) == ("Globex", "2022-03-31")


def test_a_feed_that_is_not_a_feed_is_not_subscribed_and_cron_is_told(
    cli: CliRunner, web: LocalWeb
) -> None:
    page = web.add("/not-a-feed", "this is plain text, not XML", "text/plain")
    result = cli("watch", page, "--once")
    assert result.code == 1
    assert "not an RSS or Atom feed" in result.err
    assert "subscribed" not in result.out
    missing = cli("watch", web.url("/missing.xml"), "--once")
    assert missing.code == 1
    assert "HTTP 404" in missing.err
    assert cli("watch", "--list").out.startswith("No feeds.")
    assert cli("watch", "ftp://example.org/feed").err.startswith("pledgewatch: error:")


def test_a_feed_that_fails_later_fails_the_poll_and_keeps_its_last_good_poll(
    cli: CliRunner, web: LocalWeb
) -> None:
    feed = _feed(web, [])
    assert cli("watch", feed, "--once").code == 0
    polled = cli("watch", "--list").out
    web.routes.pop("/feed.xml")
    failed = cli("watch", "--once")
    assert failed.code == 1
    assert "HTTP 404" in failed.out
    listing = cli("watch", "--list").out
    assert listing.split("(problem")[0].strip() == polled.strip()  # last polled: unchanged
    assert "(problem:" in listing
    assert "HTTP 404" in listing


def test_a_feed_links_to_local_files_and_this_machine_store_nothing(
    cli: CliRunner, web: LocalWeb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile feed: its items point at a file beside where watch runs, at an absolute path,
    at file://, and at a page on 127.0.0.1; the item's own text is no way in either."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    diary = tmp_path / "notes" / "diary.txt"
    diary.write_text("Secret\n\nJanuary 3, 2022\n\nI will resign next week.\n", "utf-8")
    inside = _page(web, "/inside.html", 1, "Acme Corp", "close the plant")
    feed = _feed(
        web,
        [
            ("relative", ("notes/diary.txt", "Globex will open a plant within 30 days.")),
            ("absolute", (str(diary), "Globex will open a plant within 30 days.")),
            ("file", (diary.as_uri(), "Globex will open a plant within 30 days.")),
            ("inside", (inside, "Globex will open a plant within 30 days.")),
        ],
    )
    result = cli("watch", feed, "--once")
    assert result.code == 1  # the refused items are errors cron sees
    assert "0 new articles" in result.out
    assert result.out.count("error:") == 4
    assert "internal address (127.0.0.1)" in result.out
    assert "only http and https addresses" in result.out
    assert "resign" not in result.out
    assert json.loads(cli("list", "--json").out) == []
    again = cli("watch", "--once")  # refused once, not fetched again at every poll
    assert again.out.count("error:") == 0
    assert "4 items seen before" in again.out


def test_ingest_takes_web_addresses(cli: CliRunner, web: LocalWeb, html_page: Path) -> None:
    url = web.add("/story.html", html_page.read_bytes())
    result = cli("ingest", url)
    assert result.code == 0, result.err
    assert "published 2022-01-21 (page-metadata)" in result.out


@pytest.mark.usefixtures("intranet")
def test_a_huge_feed_is_read_a_slice_per_poll_and_each_item_is_told_as_it_goes(
    cli: CliRunner, web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More new items than one poll reads (MAX_ITEMS_PER_POLL, made small here to keep the test
    quick): one poll reads the newest slice and says how many wait; the next reads the rest,
    and nothing is read twice."""
    monkeypatch.setattr("app.services.feeds.MAX_ITEMS_PER_POLL", 6)
    items = [
        (f"Market note {n}", (web.url(f"/gone-{n}.html"), f"Shares of firm {n} were flat."))
        for n in range(10)
    ]
    feed = _feed(web, items)
    first = cli("watch", feed, "--once")
    assert first.code == 0, first.err
    assert first.out.count("added: Market note") == 6
    assert "6 new articles; 0 items seen before. 4 more new items at the next polls." in first.out
    second = cli("watch", "--once")
    assert second.out.count("added: Market note") == 4
    assert "4 new articles; 6 items seen before." in second.out
    assert "next polls" not in second.out
