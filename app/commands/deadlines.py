"""`due`: what a deadline phrase resolves to, against a publication date."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import argparse


def cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch due PHRASE`: what a deadline phrase resolves to."""
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
