"""The extraction pipeline: named stages run in order, from a file to an Article and its Pledges."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from app.domain import Article, Pledge
from app.domain.errors import ExtractError
from app.extract import clean, dateline, load
from app.extract.deadlines import DeadlineResolver, resolve_deadline
from app.extract.pledges import PledgeFinder, find_pledges

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline made of one input: the article and the pledges found in it."""

    article: Article
    pledges: tuple[Pledge, ...]


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The swappable stages: later versions of the pledge and deadline stages plug in here."""

    find_pledges: PledgeFinder = find_pledges
    resolve_deadline: DeadlineResolver = resolve_deadline

    def run_file(self, path: Path, *, published: date | None = None) -> Extraction:
        """Read, clean, date and mine one text file."""
        raw = _stage("load", str(path), lambda: load.load_text_file(path))
        return self.run_raw(raw, published=published)

    def run_text(self, text: str, *, source: str, published: date | None = None) -> Extraction:
        """Run the pipeline on text already in memory, such as a pasted article."""
        return self.run_raw(load.RawText(source=source, text=text), published=published)

    def run_raw(self, raw: load.RawText, *, published: date | None = None) -> Extraction:
        """Run every stage after loading on one raw text."""
        if not raw.text.strip():
            raise ExtractError(stage="load", source=raw.source, message="the text is empty")
        cleaned = _stage("clean", raw.source, lambda: clean.clean(raw))
        article = _stage(
            "dateline", raw.source, lambda: dateline.make_article(cleaned, published=published)
        )
        found = _stage("pledges", raw.source, lambda: self.find_pledges(article))
        dated = _stage("deadlines", raw.source, lambda: [self._with_due(p, article) for p in found])
        return Extraction(article=article, pledges=tuple(dated))

    def _with_due(self, pledge: Pledge, article: Article) -> Pledge:
        if pledge.deadline_text is None:
            return pledge
        deadline = self.resolve_deadline(pledge.deadline_text, article.published)
        return dataclasses.replace(pledge, due=deadline.due, due_precision=deadline.precision)


def _stage(name: str, source: str, run: Callable[[], T]) -> T:
    """Run one stage; an unexpected failure is reported with the stage and the input it was on."""
    try:
        return run()
    except ExtractError:
        raise
    except Exception as exc:  # a bug in a stage must still name the stage and the input
        raise ExtractError(
            stage=name, source=source, message=f"internal error: {type(exc).__name__}: {exc}"
        ) from exc
