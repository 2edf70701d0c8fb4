"""`ingest` and `extract`: read articles, store or show their pledges, say how far along it is."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, TextIO

from app.commands.common import EXIT_INPUT_ERROR, engine_of, one_line, say_error, today_of
from app.domain.errors import PledgeWatchError
from app.domain.serialize import article_fields
from app.domain.wording import plural, printable

if TYPE_CHECKING:
    import argparse

    from app.services.importing import ImportResult


def cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch ingest`: store each article's pledges, saying what came of each as it goes."""
    from app.services.importing import ingest_each

    engine = engine_of(args)
    today, failures, total = today_of(args), 0, len(args.paths)
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
    outcome: ImportResult, published: date | None, today: date, out: TextIO
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
        print(f"  {one_line(record, today)}", file=out)
    for record in outcome.again:
        print(f"  {one_line(record, today)}  (reported again)", file=out)


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


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    """`pledgewatch extract`: the pledges of each article as JSON, storing nothing."""
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
