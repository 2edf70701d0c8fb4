"""`export` (CSV, JSON, iCalendar) and `launcher` (the desktop menu entry)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from app.commands.common import engine_of, today_of
from app.domain import Status

FORMATS_CHOICES = ("csv", "json", "ics")


def minutes_arg(value: str) -> int:
    """A number of minutes from 1 to 1440, for argparse."""
    if not value.isdigit() or not 1 <= int(value) <= 1440:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of minutes from 1 to 1440")
    return int(value)


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch export`: the pledges as CSV, JSON or iCalendar."""
    from app.export import export_pledges, write_atomically
    from app.store.engine import open_session
    from app.store.reads import list_pledges

    today = today_of(args)
    status = None if args.status is None else Status(args.status)
    with open_session(engine_of(args)) as session:
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


def cmd_launcher(_args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch launcher`: install the desktop menu entry and icon."""
    from app.launcher import data_home, install_launcher, program

    for path in install_launcher(data_home(), program()):
        print(f"wrote {path}", file=out)
    print("PledgeWatch is in the applications menu (log out and in if it does not show)", file=out)
    return 0
