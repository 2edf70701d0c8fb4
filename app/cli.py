"""The `pledgewatch` command: import articles, list pledges, tick them off, resolve deadlines."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

from app import __version__
from app.commands.common import EXIT_INPUT_ERROR, say_error
from app.commands.deadlines import cmd_due
from app.commands.exporting import FORMATS_CHOICES, cmd_export, cmd_launcher, minutes_arg
from app.commands.feeds import cmd_watch
from app.commands.importing import cmd_extract, cmd_ingest
from app.commands.pledges import (
    cmd_broken,
    cmd_confirm,
    cmd_dismiss,
    cmd_list,
    cmd_met,
    cmd_reopen,
)
from app.commands.reminders import cmd_check, lead_days_arg
from app.commands.suggestions import cmd_accept, cmd_reject, cmd_suggestions
from app.domain import Status
from app.domain.errors import PledgeWatchError
from app.domain.wording import printable
from app.logs import start_logging

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


_log = logging.getLogger(__name__)
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # as a program killed by SIGPIPE
EXIT_INTERNAL_ERROR = 70  # a fault of PledgeWatch's own (sysexits' EX_SOFTWARE), in the log


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with no usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_inputs(command: argparse.ArgumentParser) -> None:
    """The articles a command reads, and the publication date to give them."""
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH_OR_URL",
        help="text, HTML or PDF files, or http(s) addresses of articles",
    )
    command.add_argument("--published", type=iso_date, metavar="DATE", help=_PUBLISHED_HELP)


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
    _add_inputs(ingest)
    ingest.set_defaults(run=cmd_ingest)

    extract = commands.add_parser("extract", help="show the pledges in articles, storing nothing")
    _add_inputs(extract)
    extract.add_argument("--json", action="store_true", help="print one JSON array (the default)")
    extract.add_argument(
        "--explain",
        action="store_true",
        help="with each pledge, the rule that found it and the features that weighed most",
    )
    extract.set_defaults(run=cmd_extract)

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
    listing.set_defaults(run=cmd_list)

    confirm = commands.add_parser(
        "confirm", help="confirm pledges to review: they are tracked from now on"
    )
    confirm.add_argument("ids", type=int, nargs="+", metavar="ID", help="pledge ids")
    confirm.set_defaults(run=cmd_confirm)

    met = commands.add_parser("met", help="tick a pledge off as met")
    met.add_argument("id", type=int, metavar="ID", help="pledge id, as `list` shows it")
    met.add_argument("--on", type=iso_date, metavar="DATE", help="day it was met (default today)")
    met.add_argument("--note", metavar="TEXT", help="how it was met")
    met.add_argument("--evidence", metavar="URL", help="link to the evidence")
    met.set_defaults(run=cmd_met)

    broken = commands.add_parser("broken", help="mark a pledge broken (withdrawn, refused…)")
    broken.add_argument("id", type=int, metavar="ID", help="pledge id, as `list` shows it")
    broken.add_argument(
        "--on", type=iso_date, metavar="DATE", help="day it was broken (default today)"
    )
    broken.add_argument("--note", metavar="TEXT", help="how it was broken")
    broken.set_defaults(run=cmd_broken)

    reopen = commands.add_parser(
        "reopen", aliases=["unmet"], help="take back a met or broken mark (also: unmet)"
    )
    reopen.add_argument("id", type=int, metavar="ID", help="pledge id")
    reopen.set_defaults(run=cmd_reopen)

    dismiss = commands.add_parser("dismiss", help="hide a wrong extraction")
    dismiss.add_argument("id", type=int, metavar="ID", help="pledge id")
    dismiss.set_defaults(run=cmd_dismiss)

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
    export.set_defaults(run=cmd_export)

    watch = commands.add_parser("watch", help="subscribe to RSS/Atom feeds and import new items")
    watch.add_argument("feeds", nargs="*", metavar="FEED_URL", help="feeds to subscribe to")
    watch.add_argument("--once", action="store_true", help="poll once and exit")
    watch.add_argument(
        "--interval",
        type=minutes_arg,
        default=30,
        metavar="MINUTES",
        help="minutes between polls (default 30)",
    )
    watch.add_argument("--list", action="store_true", help="list the subscriptions and exit")
    watch.add_argument("--remove", metavar="FEED_URL", help="unsubscribe from a feed and exit")
    watch.set_defaults(run=cmd_watch)

    suggestions = commands.add_parser(
        "suggestions", help="pledges that later articles report kept or broken, for your verdict"
    )
    suggestions.add_argument("--json", action="store_true", help="print a JSON array")
    suggestions.add_argument(
        "--more",
        action="store_true",
        help="also list the less likely ones (the Suggestions panel's Show more)",
    )
    suggestions.set_defaults(run=cmd_suggestions)
    accept = commands.add_parser("accept", help="accept a suggestion: the pledge is met")
    accept.add_argument("id", type=int, metavar="ID", help="suggestion id")
    accept.set_defaults(run=cmd_accept)
    reject = commands.add_parser("reject", help="reject a suggestion: the pledge stays as it is")
    reject.add_argument("id", type=int, metavar="ID", help="suggestion id")
    reject.set_defaults(run=cmd_reject)

    check = commands.add_parser(
        "check", help="print the reminders due now and record them (for cron or a timer)"
    )
    check.add_argument("--json", action="store_true", help="print a JSON array")
    check.add_argument("--dry-run", action="store_true", help="show, but record nothing")
    check.add_argument(
        "--lead-days",
        type=lead_days_arg,
        metavar="N",
        help="remind this many days before a due date (default: the lead time chosen in the "
        "window's Preferences, else 2)",
    )
    check.set_defaults(run=cmd_check)

    launcher = commands.add_parser(
        "launcher", help="add PledgeWatch (with its icon) to the desktop's applications menu"
    )
    launcher.set_defaults(run=cmd_launcher)

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
    due.set_defaults(run=cmd_due)
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
    typed = sys.argv[1:] if argv is None else argv
    _log.debug("pledgewatch %s", " ".join(_without_passwords(typed)))
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
        fault = f"internal error: {type(exc).__name__}: {exc}"
        _log.exception("%s", fault)
        where = f"; the details are in {log_file}" if log_file else ""
        say_error(f"{fault}{where}", logged=True)
        return EXIT_INTERNAL_ERROR
    finally:
        engine = getattr(args, "engine", None)
        if engine is not None:  # its pooled connections closed now, not when collected
            engine.dispose()


def _without_passwords(arguments: Sequence[str]) -> list[str]:
    """The command as typed, a database URL's password masked: the log is not a secret."""
    if not any("://" in argument for argument in arguments):
        return list(arguments)
    from app.store.urls import shown_url

    return [shown_url(argument) if "://" in argument else argument for argument in arguments]


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


def _silence_stdout() -> None:
    """After a broken pipe, Python would complain once more as it flushes stdout at exit."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
