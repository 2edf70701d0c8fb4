"""Import articles into the store: run the pipeline on each input and save what it found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine

from app.domain import Article, PledgeRecord
from app.domain.errors import ExtractError
from app.extract import Extraction, Pipeline
from app.store.engine import open_session
from app.store.queries import count_articles, get_pledge, has_article, save_extraction

SAMPLE_RESOURCE = "sample-moscow-times-2022-01-21.txt"
BATCH = 16  # articles parsed together: fast, yet stored soon after they are read


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What importing one input did: the article, whether it was new, and its stored pledges."""

    article: Article
    added: bool
    pledges: tuple[PledgeRecord, ...]


def store_extraction(engine: Engine, extraction: Extraction, *, at: datetime) -> IngestOutcome:
    """Save one extraction in one transaction and read back its stored pledges."""
    with open_session(engine) as session:
        saved = save_extraction(
            session=session, article=extraction.article, pledges=extraction.pledges, at=at
        )
        records = tuple(get_pledge(session=session, pledge_id=i) for i in saved.pledge_ids)
    return IngestOutcome(article=extraction.article, added=saved.added, pledges=records)


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
