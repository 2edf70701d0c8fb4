"""Feeds: each new item is imported once, by URL and by content; a broken page falls back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

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


def _feed(web: LocalWeb, items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Tue, 01 Mar 2022 09:00:00 GMT</pubDate><description>{summary}</description>"
        "</item>"
        for title, link, summary in ((t, lnk, s) for t, (lnk, s) in items)
    )
    rss = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local wire</title>'
        f"<link>{web.url('/')}</link>{entries}</channel></rss>"
    )
    return web.add("/feed.xml", rss, "application/rss+xml")


def _page(web: LocalWeb, path: str, day: int, actor: str, action: str) -> str:
    title = f"{actor} to {action}"
    return web.add(path, PAGE.format(title=title, day=day, actor=actor, action=action))


def test_watch_imports_new_items_once(cli: CliRunner, web: LocalWeb) -> None:
    first = _page(web, "/a.html", 1, "Acme Corp", "close the plant")
    second = _page(web, "/b.html", 2, "The city council", "repave the main road")
    feed = _feed(web, [("A", (first, "")), ("B", (second, ""))])
    result = cli("watch", feed, "--once")
    assert result.code == 0, result.err
    assert "subscribed to" in result.out and "2 new articles" in result.out
    again = cli("watch", "--once")
    assert "0 new articles; 2 items seen before." in again.out
    pledges = json.loads(cli("list", "--json").out)
    acme = next(p for p in pledges if p["actor"] == "Acme Corp")
    assert acme["due"] == "2022-04-30" and acme["article_url"] == first
    listing = cli("watch", "--list").out
    assert feed in listing and "Local wire" in listing


def test_a_page_that_cannot_be_read_is_taken_from_the_feed_item(
    cli: CliRunner, web: LocalWeb
) -> None:
    missing = web.url("/gone.html")
    summary = "&lt;p&gt;Globex will open a new factory within 30 days.&lt;/p&gt;"
    feed = _feed(web, [("Globex expands", (missing, summary))])
    result = cli("watch", feed, "--once")
    assert "1 new articles" in result.out
    [pledge] = json.loads(cli("list", "--json").out)
    assert (pledge["actor"], pledge["due"]) == ("Globex", "2022-03-31")


def test_a_feed_that_is_not_a_feed_says_so(cli: CliRunner, web: LocalWeb, tmp_path: Path) -> None:
    page = web.add("/not-a-feed", "this is plain text, not XML", "text/plain")
    result = cli("watch", page, "--once")
    assert result.code == 0
    assert "error:" in result.out and "not an RSS or Atom feed" in result.out
    assert cli("watch", "ftp://example.org/feed").err.startswith("pledgewatch: error:")


def test_ingest_takes_web_addresses(cli: CliRunner, web: LocalWeb, html_page: Path) -> None:
    url = web.add("/story.html", html_page.read_bytes())
    result = cli("ingest", url)
    assert result.code == 0, result.err
    assert "published 2022-01-21 (page-metadata)" in result.out
