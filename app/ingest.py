"""Import articles into the store: run the pipeline on each input and save what it found."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from app.domain.errors import ExtractError
from app.extract import Extraction, Pipeline
from app.store.engine import open_session
from app.store.queries import count_articles, get_pledge, has_article, save_extraction
from app.store.reads import get_pledges, open_pledge_keys

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from pathlib import Path

    from sqlalchemy import Engine

    from app.domain import Article, PledgeRecord

SAMPLE_RESOURCE = "sample-moscow-times-2022-01-21.txt"
BATCH = 16  # articles parsed together: fast, yet stored soon after they are read


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What importing one input did: the article, whether it was new, and its stored pledges."""

    article: Article
    added: bool
    pledges: tuple[PledgeRecord, ...]
    suggestions: int = 0  # follow-ups: earlier pledges this article reports kept or broken
    again: tuple[PledgeRecord, ...] = ()  # earlier pledges this article states again


def store_extraction(engine: Engine, extraction: Extraction, *, at: datetime) -> IngestOutcome:
    """Save one extraction in one transaction, read back its pledges, and look for follow-ups."""
    with open_session(engine) as session:
        saved = save_extraction(
            session=session, article=extraction.article, pledges=extraction.pledges, at=at
        )
        records = tuple(get_pledge(session=session, pledge_id=i) for i in saved.pledge_ids)
        again = tuple(get_pledge(session=session, pledge_id=i) for i in saved.again_ids)
    suggestions = 0
    if saved.added:
        suggestions = suggest_follow_ups(engine, extraction.article, saved.article_id, at=at)
    return IngestOutcome(extraction.article, saved.added, records, suggestions, again)


def suggest_follow_ups(engine: Engine, article: Article, article_id: int, *, at: datetime) -> int:
    """Store a suggestion for each open pledge of an earlier article that this one reports kept."""
    from app.extract.nlp import parse
    from app.extract.outcomes import could_be_reported, find_outcomes
    from app.store.suggestion_queries import save_suggestions

    with engine.connect() as connection:
        keys = open_pledge_keys(session=connection, published_by=article.published)
        others = [(i, actor, action) for i, actor, action, art in keys if art != article_id]
        wanted = could_be_reported(article.text, others)
        if not wanted:
            return 0
        candidates = list(get_pledges(session=connection, pledge_ids=wanted).values())
    outcomes = find_outcomes(parse(article.text), article.published, candidates)
    with engine.begin() as connection:
        return save_suggestions(session=connection, article_id=article_id, outcomes=outcomes, at=at)


def ingest_files(
    engine: Engine,
    paths: Sequence[Path],
    *,
    at: datetime,
    published: date | None = None,
    pipeline: Pipeline | None = None,
) -> list[IngestOutcome | ExtractError]:
    """Extract files in one batch and store each in its own transaction.

    A file that cannot be read gives its error in its place and stores nothing; the others
    are stored all the same.
    """
    runner = pipeline or Pipeline()
    outcomes: list[IngestOutcome | ExtractError] = []

    def known(article: Article) -> bool:
        """Stored already: no need to parse it again."""
        with open_session(engine) as session:
            return has_article(session=session, content_hash=article.content_hash, url=article.url)

    for start in range(0, len(paths), BATCH):  # parse a batch, store it, then the next
        results = runner.run_files(paths[start : start + BATCH], published=published, known=known)
        outcomes += [
            r if isinstance(r, ExtractError) else store_extraction(engine, r, at=at)
            for r in results
        ]
    return outcomes


def sample_text() -> str:
    """The bundled sample article (The Moscow Times, 21 January 2022)."""
    return resources.files("app.resources").joinpath(SAMPLE_RESOURCE).read_text("utf-8")


def import_sample_if_empty(engine: Engine, *, at: datetime) -> IngestOutcome | None:
    """On first start, import the bundled sample so that the user sees pledges at once."""
    with open_session(engine) as session:
        if count_articles(session=session) > 0:
            return None
    extraction = Pipeline().run_text(sample_text(), source=f"sample: {SAMPLE_RESOURCE}")
    return store_extraction(engine, extraction, at=at)
