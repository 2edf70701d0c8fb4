"""The extraction pipeline: named stages run in order, from a file to an Article and its Pledges."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from app.domain import Article, Pledge
from app.domain.errors import ExtractError
from app.extract import clean, dateline, load
from app.extract.deadlines import DeadlineResolver, resolve_deadline
from app.extract.pledges import PledgeFinder, find_pledges
from app.extract.readers import read_source

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable, Sequence
    from datetime import date
    from pathlib import Path

T = TypeVar("T")
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline made of one input: the article and the pledges found in it."""

    article: Article
    pledges: tuple[Pledge, ...]


@dataclass(frozen=True, slots=True)
class Pipeline:
    """The swappable stages: later versions of the pledge and deadline stages plug in here.

    The pledge stage takes a batch of articles, so that spaCy parses them together.
    """

    find_pledges: PledgeFinder = find_pledges
    resolve_deadline: DeadlineResolver = resolve_deadline

    def run_file(
        self,
        target: Path | str,
        *,
        published: date | None = None,
        cancelled: threading.Event | None = None,
    ) -> Extraction:
        """Read, clean, date and mine one source: a text, HTML or PDF file, or a web address
        (whose fetch stops at once when `cancelled` is set)."""
        return self._finish([self._article(load_raw(target, cancelled), published)])[0]

    def run_text(self, text: str, *, source: str, published: date | None = None) -> Extraction:
        """Run the pipeline on text already in memory, such as a pasted article."""
        if not text.strip():
            raise ExtractError(stage="load", source=source, message="the text is empty")
        raw = load.RawText(source=source, text=text)
        return self._finish([self._article(raw, published)])[0]

    def run_raw(self, raw: load.RawText, *, published: date | None = None) -> Extraction:
        """Run every stage after loading on text already read (a feed item, a page)."""
        return self._finish([self._article(raw, published)])[0]

    def run_files(
        self,
        targets: Sequence[Path | str],
        *,
        published: date | None = None,
        known: Callable[[Article], bool] | None = None,
    ) -> list[Extraction | ExtractError]:
        """Mine many sources in one batch; one that fails gives its error, not the others'.

        Articles for which `known` is true (stored already) skip the pledge stage.
        """
        articles: list[Article | ExtractError] = []
        for target in targets:
            try:
                articles.append(self._article(load_raw(target), published))
            except ExtractError as error:
                articles.append(error)
        seen = {id(a) for a in articles if isinstance(a, Article) and known and known(a)}
        good = [a for a in articles if isinstance(a, Article) and id(a) not in seen]
        results: list[Extraction | ExtractError]
        try:
            results = list(self._finish(good))
        except ExtractError:  # find the article that broke the batch; the rest still count
            results = [self._finish_one(article) for article in good]
        done = iter(results)
        return [
            a if isinstance(a, ExtractError)
            else Extraction(a, ()) if id(a) in seen
            else next(done)
            for a in articles
        ]  # fmt: skip

    def _finish_one(self, article: Article) -> Extraction | ExtractError:
        try:
            return self._finish([article])[0]
        except ExtractError as error:
            return error

    def _article(self, raw: load.RawText, published: date | None) -> Article:
        cleaned = _stage("clean", raw.source, lambda: clean.clean(raw))
        return _stage(
            "dateline", raw.source, lambda: dateline.make_article(cleaned, published=published)
        )

    def _finish(self, articles: list[Article]) -> list[Extraction]:
        """The pledge and deadline stages over a batch of articles."""
        if not articles:
            return []
        source = articles[0].source if len(articles) == 1 else f"{len(articles)} articles"
        found = _stage("pledges", source, lambda: self.find_pledges(articles))
        return [
            Extraction(article=article, pledges=self._dated(article, pledges))
            for article, pledges in zip(articles, found, strict=True)
        ]

    def _dated(self, article: Article, pledges: list[Pledge]) -> tuple[Pledge, ...]:
        """The deadline stage for one article's pledges."""
        return _stage(
            "deadlines",
            article.source,
            lambda: tuple(self._with_due(pledge, article) for pledge in pledges),
        )

    def _with_due(self, pledge: Pledge, article: Article) -> Pledge:
        if pledge.deadline_text is None:
            return pledge
        deadline = self.resolve_deadline(pledge.deadline_text, article.published)
        if deadline.due is not None and deadline.due < article.published:
            # "20 years ago", "in 1201": past when the words were said, so due by no one
            return dataclasses.replace(pledge, due=None, due_precision=None)
        return dataclasses.replace(pledge, due=deadline.due, due_precision=deadline.precision)


def load_raw(target: Path | str, cancelled: threading.Event | None = None) -> load.RawText:
    """Stage 1 for any source, with its failures named."""
    return _stage("load", str(target), lambda: read_source(target, cancelled=cancelled))


def _stage(name: str, source: str, run: Callable[[], T]) -> T:
    """Run one stage; an unexpected failure is reported with the stage and the input it was on."""
    try:
        return run()
    except ExtractError:
        raise
    except Exception as exc:  # a bug in a stage must still name the stage and the input
        _log.exception("stage %s failed on %s", name, source)  # the error below is one line
        raise ExtractError(
            stage=name, source=source, message=f"internal error: {type(exc).__name__}: {exc}"
        ) from exc
