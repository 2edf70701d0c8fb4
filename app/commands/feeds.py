"""`watch`: subscribe to feeds, list them, poll them once or every so often."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.commands.common import EXIT_INPUT_ERROR, engine_of
from app.domain.errors import BadValueError

if TYPE_CHECKING:
    import argparse


def cmd_watch(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch watch`: subscribe to feeds, list them, or poll them."""
    import time

    from app.services.feeds import poll_feeds, subscribe_checked
    from app.store.engine import open_session
    from app.store.feed_queries import list_feeds, unsubscribe

    engine = engine_of(args)
    if args.remove:
        with open_session(engine) as session:
            unsubscribe(session=session, url=args.remove)
        print(f"unsubscribed from {args.remove}", file=out)
        return 0
    for url in args.feeds:
        if not url.startswith(("http://", "https://")):
            raise BadValueError(f"'{url}' is not an http or https feed address")
        added = subscribe_checked(engine, url, at=datetime.now(UTC))  # a feed that fails: no
        print(f"{'subscribed to' if added else 'already subscribed to'} {url}", file=out)
    with open_session(engine) as session:
        feeds = list_feeds(session=session)
    if args.list:
        if not feeds:
            print("No feeds. Subscribe with: pledgewatch watch FEED_URL", file=out)
        for feed in feeds:
            polled = (
                feed.last_polled_at.isoformat(" ", "minutes") if feed.last_polled_at else "never"
            )
            problem = f"  (problem: {feed.last_error})" if feed.last_error else ""
            print(f"{feed.url}  {feed.title}  (last polled: {polled}){problem}", file=out)
        return 0
    if not feeds:
        raise BadValueError("no feeds to watch: give one or more FEED_URL")

    def told(line: str) -> None:
        print(line, file=out)
        out.flush()

    while True:
        report = poll_feeds(engine, at=datetime.now(UTC), progress=told)
        told(report.summary())
        if args.once:
            return EXIT_INPUT_ERROR if report.errors else 0  # cron notices a failing feed
        time.sleep(args.interval * 60)
