"""`suggestions`, `accept` and `reject`: the follow-ups later articles proposed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.commands.common import engine_of

if TYPE_CHECKING:
    import argparse


def cmd_suggestions(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch suggestions`: the open follow-up suggestions."""
    from app.store.suggestion_queries import list_suggestions

    with engine_of(args).connect() as connection:
        found = list_suggestions(session=connection)
    if args.json:
        rows = [
            {
                "id": s.id,
                "pledge_id": s.record.id,
                "actor": s.record.pledge.actor,
                "action": s.record.pledge.action,
                "verdict": s.verdict.value,
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


def cmd_accept(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch accept ID`: apply a suggestion's verdict."""
    from app.services.verdicts import accept_suggestion
    from app.store.engine import open_session

    with open_session(engine_of(args)) as session:
        item = accept_suggestion(session=session, suggestion_id=args.id, at=datetime.now(UTC))
    pledge = item.record.pledge
    print(
        f"#{item.record.id} {pledge.actor}: {pledge.action} — {item.verdict.words} on "
        f"{item.happened_on.isoformat()}",
        file=out,
    )
    return 0


def cmd_reject(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch reject ID`: set a suggestion aside."""
    from app.services.verdicts import reject_suggestion
    from app.store.engine import open_session

    with open_session(engine_of(args)) as session:
        item = reject_suggestion(session=session, suggestion_id=args.id)
    print(f"rejected suggestion #{item.id}", file=out)
    return 0
