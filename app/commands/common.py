"""What the commands share: the database and day they work on, a pledge in one line, an error
in one line."""

from __future__ import annotations

import logging
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import PledgeRecord, status_of
from app.domain.wording import printable

if TYPE_CHECKING:
    import argparse

_log = logging.getLogger(__name__)


EXIT_INPUT_ERROR = 1


def say_error(message: str, *, logged: bool = False) -> None:
    """One line on standard error: what was wrong (and the same in the log, unless the caller
    `logged` it already, with its traceback)."""
    if not logged:
        _log.warning("%s", message)
    print(printable(f"pledgewatch: error: {message}"), file=sys.stderr)


def engine_of(args: argparse.Namespace) -> Any:
    """The database the command works on (--db, else $PLEDGEWATCH_DB, else the default), opened
    once per command; the command line closes it when the command ends."""
    engine = getattr(args, "engine", None)
    if engine is None:
        from app.store.engine import make_engine

        engine = args.engine = make_engine(args.db)
    return engine


def today_of(args: argparse.Namespace) -> date:
    """The day statuses are judged on: --now, else today."""
    return args.now if getattr(args, "now", None) else date.today()


def one_line(record: PledgeRecord, today: date) -> str:
    """ "#3 [overdue] Acme Corp: close the plant (due 2022-02-28)"."""
    pledge = record.pledge
    due = f" (due {pledge.due.isoformat()})" if pledge.due else ""
    return f"#{record.id} [{status_of(pledge, today).value}] {pledge.actor}: {pledge.action}{due}"
