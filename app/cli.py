"""The `pledgewatch` command: import articles, list pledges, tick them off, resolve deadlines."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from app import __version__
from app.domain import PledgeRecord, Status, status_of
from app.domain.errors import BadValueError, PledgeWatchError
from app.domain.serialize import article_fields, record_fields
from app.domain.wording import plural, printable
from app.logs import start_logging

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from app.ingest import IngestOutcome
    from app.store.reads import PledgeLine

_log = logging.getLogger(__name__)
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # as a program killed by SIGPIPE
EXIT_INTERNAL_ERROR = 70  # a fault of PledgeWatch's own (sysexits' EX_SOFTWARE), in the log


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with no usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def iso_date(value: str) -> date:
    """Parse YYYY-MM-DD for argparse, with a message that says what was wrong."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a valid date (expected YYYY-MM-DD, e.g. 2022-01-21)"
        ) from None


def _common_options() -> _Parser:
    """--db and --now, taken before or after the command alike."""
    common = _Parser(add_help=False)
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="also print the log (what is done, and any failure's details) on stderr",
    )
    common.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,  # given before the command, it is not reset after it
        help="database file or SQLAlchemy URL (default: $PLEDGEWATCH_DB, else the user data dir)",
    )
    common.add_argument(
        "--now",
        type=iso_date,
        metavar="DATE",
        default=argparse.SUPPRESS,
        help="the day to judge statuses on, YYYY-MM-DD (default: today)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The command line, with --help on every command."""
    common = _common_options()
    parser = _Parser(
        prog="pledgewatch",
        description="Find the pledges made in news articles and track whether they were kept. "
        "With no command, starts the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="open the window, save a screenshot of it once painted, and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    class _Commands:
        """Every command also takes --db and --now."""

        @staticmethod
        def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
            made: argparse.ArgumentParser = subparsers.add_parser(name, parents=[common], **kwargs)
            return made

    commands = _Commands()

    ingest = commands.add_parser("ingest", help="import articles and store their pledges")
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="PATH_OR_URL",
        help="text, HTML or PDF files, or http(s) addresses of articles",
    )
    ingest.add_argument("--published", type=iso_date, metavar="DATE", help=_PUBLISHED_HELP)
    ingest.set_defaults(run=_cmd_ingest)

    extract = commands.add_parser("extract", help="show the pledges in articles, storing nothing")
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH_OR_URL",
        help="text, HTML or PDF files, or http(s) addresses of articles",
    )
    extract.add_argument("--published", type=iso_date, metavar="DATE", help=_PUBLISHED_HELP)
    extract.add_argument("--json", action="store_true", help="print one JSON array (the default)")
    extract.add_argument(
        "--explain",
        action="store_true",
        help="with each pledge, the rule that found it and the features that weighed most",
    )
    extract.set_defaults(run=_cmd_extract)

    listing = commands.add_parser("list", help="list stored pledges with their status")
    listing.add_argument("--status", choices=[s.value for s in Status], help="only this status")
    listing.add_argument(
        "--review",
        action="store_const",
        const=Status.REVIEW.value,
        dest="status",
        help="only the pledges found with less confidence, waiting for you to confirm them",
    )
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=_cmd_list)

    confirm = commands.add_parser(
        "confirm", help="confirm pledges to review: they are tracked from now on"
    )
    confirm.add_argument("ids", type=int, nargs="+", metavar="ID", help="pledge ids")
    confirm.set_defaults(run=_cmd_confirm)

    met = commands.add_parser("met", help="tick a pledge off as met")
    met.add_argument("id", type=int, metavar="ID", help="pledge id, as `list` shows it")
    met.add_argument("--on", type=iso_date, metavar="DATE", help="day it was met (default today)")
    met.add_argument("--note", metavar="TEXT", help="how it was met")
    met.add_argument("--evidence", metavar="URL", help="link to the evidence")
    met.set_defaults(run=_cmd_met)

    broken = commands.add_parser("broken", help="mark a pledge broken (withdrawn, refused…)")
    broken.add_argument("id", type=int, metavar="ID", help="pledge id, as `list` shows it")
    broken.add_argument(
        "--on", type=iso_date, metavar="DATE", help="day it was broken (default today)"
    )
    broken.add_argument("--note", metavar="TEXT", help="how it was broken")
    broken.set_defaults(run=_cmd_broken)

    unmet = commands.add_parser("unmet", help="take back a met or broken mark")
    unmet.add_argument("id", type=int, metavar="ID", help="pledge id")
    unmet.set_defaults(run=_cmd_unmet)

    dismiss = commands.add_parser("dismiss", help="hide a wrong extraction")
    dismiss.add_argument("id", type=int, metavar="ID", help="pledge id")
    dismiss.set_defaults(run=_cmd_dismiss)

    export = commands.add_parser("export", help="write pledges to CSV, JSON or iCalendar")
    export.add_argument(
        "--format",
        choices=FORMATS_CHOICES,
        required=True,
        dest="fmt",
        help="csv (spreadsheets), json, or ics (calendars)",
    )
    export.add_argument("--status", choices=[s.value for s in Status], help="only this status")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write ('-' for standard output)",
    )
    export.set_defaults(run=_cmd_export)

    watch = commands.add_parser("watch", help="subscribe to RSS/Atom feeds and import new items")
    watch.add_argument("feeds", nargs="*", metavar="FEED_URL", help="feeds to subscribe to")
    watch.add_argument("--once", action="store_true", help="poll once and exit")
    watch.add_argument(
        "--interval",
        type=_minutes,
        default=30,
        metavar="MINUTES",
        help="minutes between polls (default 30)",
    )
    watch.add_argument("--list", action="store_true", help="list the subscriptions and exit")
    watch.add_argument("--remove", metavar="FEED_URL", help="unsubscribe from a feed and exit")
    watch.set_defaults(run=_cmd_watch)

    suggestions = commands.add_parser(
        "suggestions", help="pledges that later articles report kept or broken, for your verdict"
    )
    suggestions.add_argument("--json", action="store_true", help="print a JSON array")
    suggestions.set_defaults(run=_cmd_suggestions)
    accept = commands.add_parser("accept", help="accept a suggestion: the pledge is met")
    accept.add_argument("id", type=int, metavar="ID", help="suggestion id")
    accept.set_defaults(run=_cmd_accept)
    reject = commands.add_parser("reject", help="reject a suggestion: the pledge stays as it is")
    reject.add_argument("id", type=int, metavar="ID", help="suggestion id")
    reject.set_defaults(run=_cmd_reject)

    check = commands.add_parser(
        "check", help="print the reminders due now and record them (for cron or a timer)"
    )
    check.add_argument("--json", action="store_true", help="print a JSON array")
    check.add_argument("--dry-run", action="store_true", help="show, but record nothing")
    check.add_argument(
        "--lead-days",
        type=_lead_days,
        metavar="N",
        help="remind this many days before a due date (default: the lead time chosen in the "
        "window's Preferences, else 2)",
    )
    check.set_defaults(run=_cmd_check)

    launcher = commands.add_parser(
        "launcher", help="add PledgeWatch (with its icon) to the desktop's applications menu"
    )
    launcher.set_defaults(run=_cmd_launcher)

    due = commands.add_parser("due", help="resolve deadline wording to a due date")
    due.add_argument(
        "--published",
        type=iso_date,
        metavar="DATE",
        required=True,
        help="the publication date the wording is read from",
    )
    due.add_argument("expressions", nargs="+", metavar="EXPR", help='e.g. "next week"')
    due.add_argument("--json", action="store_true", help="print a JSON array")
    due.set_defaults(run=_cmd_due)
    return parser


_PUBLISHED_HELP = "publication date YYYY-MM-DD; overrides the one found in the text"


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status. Input errors are one line, no traceback;
    nothing printed carries a control character (an article's title may hold an ESC)."""
    stdout = cast("TextIO", PrintableText(out or sys.stdout))
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    args.now = getattr(args, "now", None)
    log_file = start_logging(verbose=getattr(args, "verbose", False))
    _log.debug("pledgewatch %s", " ".join(argv if argv is not None else sys.argv[1:]))
    run: Callable[[argparse.Namespace, TextIO], int] | None = getattr(args, "run", None)
    try:
        if run is None:
            from app.gui.main import run_app

            return run_app(db=args.db, screenshot=args.screenshot, now=args.now)
        return run(args, stdout)
    except PledgeWatchError as exc:
        say_error(str(exc))
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `pledgewatch list | head`: the reader has gone; nothing to say
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a fault of ours: one line here, the traceback in the log
        _log.exception("internal error")
        where = f"; the details are in {log_file}" if log_file else ""
        say_error(f"internal error: {type(exc).__name__}: {exc}{where}")
        return EXIT_INTERNAL_ERROR


class PrintableText(io.TextIOBase):
    """A text stream that drops control characters (but newlines and tabs) from what is written
    to it: article titles, feed titles and server messages come from strangers."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self._inner = inner

    def write(self, text: str) -> int:
        """Write the text without its control characters."""
        self._inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream beneath."""
        self._inner.flush()

    def isatty(self) -> bool:
        """Whether the stream beneath is a terminal."""
        return self._inner.isatty()


def say_error(message: str) -> None:
    """One line on standard error: what was wrong (and the same in the log)."""
    _log.warning("%s", message)
    print(printable(f"pledgewatch: error: {message}"), file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe, Python would complain once more as it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _engine(args: argparse.Namespace) -> Any:
    from app.store.engine import make_engine

    return make_engine(args.db)


def _today(args: argparse.Namespace) -> date:
    return args.now if getattr(args, "now", None) else date.today()


def _cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    from app.ingest import ingest_each

    engine = _engine(args)
    today, failures, total = _today(args), 0, len(args.paths)
    progress = ProgressLine(total)
    outcomes = ingest_each(engine, args.paths, at=datetime.now(UTC), published=args.published)
    for done, (target, outcome) in enumerate(outcomes, start=1):
        progress.clear()
        if isinstance(outcome, PledgeWatchError):
            say_error(str(outcome))
            failures += 1
        else:
            _print_ingested(outcome, args.published, today, out)
            out.flush()
        progress.show(done, str(target))
    progress.clear()
    return EXIT_INPUT_ERROR if failures else 0


def _print_ingested(
    outcome: IngestOutcome, published: date | None, today: date, out: TextIO
) -> None:
    article = outcome.article
    verdict = "added" if outcome.added else "already stored, nothing added"
    if not outcome.added and published is not None and published != article.published:
        verdict += f" (its publication date stays as stored; --published {published} not used)"
    parts = [
        f"published {article.published.isoformat()} ({article.published_how.value})",
        verdict,
        plural(len(outcome.pledges), "pledge"),
    ]
    if outcome.again:
        parts.append(f"{len(outcome.again)} reported again")
    if outcome.suggestions:
        parts.append(f"{plural(outcome.suggestions, 'suggestion')} (see: pledgewatch suggestions)")
    print(article.title, file=out)
    print("  " + "; ".join(parts), file=out)
    for record in outcome.pledges:
        print(f"  {_one_line(record, today)}", file=out)
    for record in outcome.again:
        print(f"  {_one_line(record, today)}  (reported again)", file=out)


class ProgressLine:
    """ "[12/10,000] reading file.txt" on standard error, only when it is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total > 1 and sys.stderr.isatty()

    def show(self, done: int, name: str) -> None:
        """Say how far along the work is."""
        if self.shown and done < self.total:
            line = printable(f"[{done:,}/{self.total:,}] {name}")[:100]
            sys.stderr.write(f"\r{line}\x1b[K")
            sys.stderr.flush()

    def clear(self) -> None:
        """Take the line away before other output."""
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from app.extract import Pipeline

    pipeline = Pipeline()
    results = [pipeline.run_file(path, published=args.published) for path in args.paths]
    rows = [article_fields(r.article, r.pledges) for r in results]
    if args.explain:
        from app.extract.explain import explain

        for row, result in zip(rows, results, strict=True):
            reasons = explain(result.article)
            for pledge in row["pledges"]:
                pledge["explain"] = reasons.get((pledge["quote"], pledge["action"]))
    json.dump(rows, out, indent=2, ensure_ascii=False)
    print(file=out)
    return 0


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.reads import list_lines, list_pledges

    today = _today(args)
    status = None if args.status is None else Status(args.status)
    with _engine(args).connect() as connection:  # Core reads: no ORM to import
        if args.json:
            records = list_pledges(session=connection, today=today, status=status)
            rows = [record_fields(r, today) for r in records]
            json.dump(rows, out, indent=2, ensure_ascii=False)
            print(file=out)
        else:
            lines = list_lines(session=connection, today=today, status=status)
            if lines or status is None:
                _print_table(lines, out)
            else:
                print(f"No {status.value} pledges on {today.isoformat()}.", file=out)
    return 0


def _cmd_met(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.queries import mark_met

    on = args.on or _today(args)
    with open_session(_engine(args)) as session:
        record = mark_met(
            session=session,
            pledge_id=args.id,
            on=on,
            at=datetime.now(UTC),
            note=args.note,
            evidence=args.evidence,
        )
    print(_one_line(record, _today(args)), file=out)
    return 0


def _cmd_broken(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.queries import mark_broken

    on = args.on or _today(args)
    with open_session(_engine(args)) as session:
        record = mark_broken(
            session=session, pledge_id=args.id, on=on, at=datetime.now(UTC), note=args.note
        )
    print(_one_line(record, _today(args)), file=out)
    return 0


def _cmd_unmet(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.queries import unmark_met

    with open_session(_engine(args)) as session:
        record = unmark_met(session=session, pledge_id=args.id, at=datetime.now(UTC))
    print(_one_line(record, _today(args)), file=out)
    return 0


def _cmd_confirm(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.queries import confirm

    with open_session(_engine(args)) as session:
        for pledge_id in args.ids:
            record = confirm(session=session, pledge_id=pledge_id, at=datetime.now(UTC))
            print(f"confirmed: {_one_line(record, _today(args))}", file=out)
    return 0


def _cmd_dismiss(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.queries import dismiss

    with open_session(_engine(args)) as session:
        record = dismiss(session=session, pledge_id=args.id, at=datetime.now(UTC))
    print(f"dismissed: {_one_line(record, _today(args))}", file=out)
    return 0


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    from app.extract.deadlines import resolve_deadline

    rows = []
    for expression in args.expressions:
        deadline = resolve_deadline(expression, args.published)
        rows.append(
            {
                "expression": expression,
                "due": None if deadline.due is None else deadline.due.isoformat(),
                "precision": None if deadline.precision is None else deadline.precision.value,
            }
        )
    if args.json:
        json.dump(rows, out, indent=2, ensure_ascii=False)
        print(file=out)
    else:
        for row in rows:
            print(f"{row['expression']}: {row['due'] or 'no due date'}", file=out)
    return 0


FORMATS_CHOICES = ("csv", "json", "ics")


def _minutes(value: str) -> int:
    """A number of minutes from 1 to 1440, for argparse."""
    if not value.isdigit() or not 1 <= int(value) <= 1440:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of minutes from 1 to 1440")
    return int(value)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from app.export import export_pledges, write_atomically
    from app.store.engine import open_session
    from app.store.reads import list_pledges

    today = _today(args)
    status = None if args.status is None else Status(args.status)
    with open_session(_engine(args)) as session:
        records = list_pledges(session=session, today=today, status=status)
    data = export_pledges(records, args.fmt, today=today, now=datetime.now(UTC))
    if args.output == "-":
        out.write(data.decode("utf-8-sig"))
        return 0
    target = Path(args.output)
    write_atomically(target, data)
    dated = sum(1 for r in records if r.pledge.due is not None)
    what = f"{dated} dated pledges as events" if args.fmt == "ics" else f"{len(records)} pledges"
    print(f"wrote {what} to {target}", file=out)
    return 0


def _cmd_launcher(_args: argparse.Namespace, out: TextIO) -> int:
    from app.launcher import data_home, install_launcher, program

    for path in install_launcher(data_home(), program()):
        print(f"wrote {path}", file=out)
    print("PledgeWatch is in the applications menu (log out and in if it does not show)", file=out)
    return 0


def _cmd_watch(args: argparse.Namespace, out: TextIO) -> int:
    import time

    from app.feeds import poll_feeds, subscribe_checked
    from app.store.engine import open_session
    from app.store.feed_queries import list_feeds, unsubscribe

    engine = _engine(args)
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


def _cmd_suggestions(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.suggestion_queries import list_suggestions

    with _engine(args).connect() as connection:
        found = list_suggestions(session=connection)
    if args.json:
        rows = [
            {
                "id": s.id,
                "pledge_id": s.record.id,
                "actor": s.record.pledge.actor,
                "action": s.record.pledge.action,
                "outcome": s.verdict.value,
                "happened_on": s.happened_on.isoformat(),
                "evidence": s.evidence,
                "article_title": s.article_title,
                "article_published": s.article_published.isoformat(),
            }
            for s in found
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    if not found:
        print("No suggestions.", file=out)
    for item in found:
        print(
            f"#{item.id} {item.question()}\n    “{item.evidence}”\n"
            f"    ({item.article_title}, {item.article_published.isoformat()})",
            file=out,
        )
    return 0


def _cmd_accept(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.suggestion_queries import accept_suggestion

    with open_session(_engine(args)) as session:
        item = accept_suggestion(session=session, suggestion_id=args.id, at=datetime.now(UTC))
    pledge = item.record.pledge
    print(
        f"#{item.record.id} {pledge.actor}: {pledge.action} — {item.verdict.words} on "
        f"{item.happened_on.isoformat()}",
        file=out,
    )
    return 0


def _cmd_reject(args: argparse.Namespace, out: TextIO) -> int:
    from app.store.engine import open_session
    from app.store.suggestion_queries import reject_suggestion

    with open_session(_engine(args)) as session:
        item = reject_suggestion(session=session, suggestion_id=args.id)
    print(f"rejected suggestion #{item.id}", file=out)
    return 0


def _lead_days(value: str) -> int:
    """A lead time in days, for argparse."""
    from app.preferences import lead_days_from

    try:
        return lead_days_from(value)
    except BadValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from app.preferences import load_preferences
    from app.reminding import check_reminders

    now = datetime.now(UTC)
    today = _today(args)
    lead = args.lead_days if args.lead_days is not None else load_preferences().lead_days
    notices = check_reminders(
        _engine(args), today=today, at=now, lead_days=lead, record=not args.dry_run
    )
    if args.json:
        rows = [
            {
                "id": n.record.id,
                "reminder": n.reminder.kind.value,
                "due": n.reminder.due.isoformat(),
                "actor": n.record.pledge.actor,
                "action": n.record.pledge.action,
                "article_title": n.record.article_title,
            }
            for n in notices
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        print(file=out)
    else:
        for notice in notices:
            print(notice.line(), file=out)
    return 0


def _one_line(record: PledgeRecord, today: date) -> str:
    pledge = record.pledge
    due = f" (due {pledge.due.isoformat()})" if pledge.due else ""
    return f"#{record.id} [{status_of(pledge, today).value}] {pledge.actor}: {pledge.action}{due}"


def _print_table(lines: list[PledgeLine], out: TextIO) -> None:
    if not lines:
        print("No pledges. Import articles with: pledgewatch ingest FILE...", file=out)
        return
    rows = [f"{'ID':>5}  {'STATUS':<8}  {'DUE':<10}  {'ACTOR':<24}  PLEDGE"]
    for line in lines:
        due = line.due or "-"
        rows.append(
            f"{line.id:>5}  {line.status:<8}  {due:<10}  {_clip(line.actor, 24):<24}  "
            f"{_clip(line.action, 60)}"
        )
    out.write("\n".join(rows) + "\n")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    raise SystemExit(main())
