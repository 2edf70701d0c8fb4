"""`suggestions`, `accept` and `reject`: the follow-ups later articles proposed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from app.commands.common import engine_of
from app.domain.wording import quoted

if TYPE_CHECKING:
    import argparse

    from app.domain import Suggestion


def cmd_suggestions(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch suggestions`: the open follow-up suggestions, the likely ones (with
    --more, the less likely ones after them)."""
    from app.store.suggestion_queries import list_suggestions

    with engine_of(args).connect() as connection:
        found = list_suggestions(session=connection, likely_only=not args.more)
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
                "confidence": round(s.confidence, 3),
                "likely": s.likely,
            }
            for s in found
        ]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        print(file=out)
        return 0
    if not found:
        print("No suggestions.", file=out)
    for item in found:
        where = f"{item.article_title}, {item.article_published.isoformat()}"
        how = "" if item.likely else f"; possible, {item.confidence:.0%} likely"
        print(
            f"#{item.id} {item.question()}\n    {quoted(item.evidence)}\n    ({where}{how})",
            file=out,
        )
    return 0


def cmd_accept(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch accept ID`: apply a suggestion's verdict."""
    item = _judge(args, accept=True)
    pledge, on = item.record.pledge, item.happened_on.isoformat()
    print(f"#{item.record.id} {pledge.actor}: {pledge.action} — {item.verdict.words} on {on}",
          file=out)  # fmt: skip
    return 0


def cmd_reject(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch reject ID`: set a suggestion aside."""
    item = _judge(args, accept=False)
    print(f"rejected suggestion #{item.id}", file=out)
    return 0


def _judge(args: argparse.Namespace, *, accept: bool) -> Suggestion:
    from app.services.verdicts import judge_suggestion

    return judge_suggestion(engine_of(args), args.id, accept=accept, at=datetime.now(UTC))
