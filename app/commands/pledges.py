"""`list` and the decisions on a pledge: `met`, `broken`, `reopen`, `confirm`, `dismiss`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.commands.common import engine_of, one_line, today_of
from app.domain import Status
from app.domain.serialize import record_fields

if TYPE_CHECKING:
    import argparse

    from app.domain.decisions import Decision, Rule
    from app.store.reads import PledgeLine


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch list`: the stored pledges as a table, or as JSON."""
    from app.store.reads import list_lines, list_pledges

    today = today_of(args)
    status = None if args.status is None else Status(args.status)
    with engine_of(args).connect() as connection:  # Core reads: no ORM to import
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


def cmd_met(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch met ID`: mark a pledge kept."""
    from app.domain.decisions import met

    decision = met(args.on or today_of(args), args.note, args.evidence)
    return _decide(args, out, args.id, decision)


def cmd_broken(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch broken ID`: mark a pledge broken."""
    from app.domain.decisions import broken

    return _decide(args, out, args.id, broken(args.on or today_of(args), args.note))


def cmd_reopen(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch reopen ID` (or `unmet`): take back a met or broken mark."""
    from app.domain.decisions import reopened

    return _decide(args, out, args.id, reopened)


def cmd_confirm(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch confirm ID...`: track pledges that were waiting for review."""
    from app.domain.decisions import CONFIRMED

    for pledge_id in args.ids:
        _decide(args, out, pledge_id, CONFIRMED, said="confirmed: ")
    return 0


def cmd_dismiss(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch dismiss ID`: set a pledge aside as not a pledge."""
    from app.domain.decisions import DISMISSED

    return _decide(args, out, args.id, DISMISSED, said="dismissed: ")


def _decide(
    args: argparse.Namespace,
    out: TextIO,
    pledge_id: int,
    decision: Decision | Rule,
    said: str = "",
) -> int:
    """Apply one decision to one pledge and print the pledge as it is now."""
    from app.services.verdicts import decide
    from app.store.engine import open_session

    with open_session(engine_of(args)) as session:
        record = decide(session=session, pledge_id=pledge_id, decision=decision,
                        at=datetime.now(UTC))  # fmt: skip
    print(f"{said}{one_line(record, today_of(args))}", file=out)
    return 0


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
