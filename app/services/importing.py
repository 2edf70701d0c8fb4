"""Import articles into the store: run the pipeline on each input and save what it found."""

from __future__ import annotations

import dataclasses
import gc
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from app.domain.decisions import reported_again
from app.domain.errors import ExtractError, PledgeWatchError
from app.domain.likeness import index_words, match_repeats
from app.domain.wording import plural
from app.extract import Extraction, Pipeline
from app.store.engine import open_session
from app.store.queries import count_articles, has_article, repeat_candidates, save_extraction
from app.store.reads import get_pledge, get_pledges, open_pledges_filed_under

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from datetime import date, datetime
    from pathlib import Path

    from sqlalchemy import Engine
    from sqlmodel import Session

    from app.domain import Article, Pledge, PledgeRecord
    from app.domain.decisions import Decision

_log = logging.getLogger(__name__)
SAMPLE_RESOURCE = "sample-moscow-times-2022-01-21.txt"
BATCH = 16  # articles parsed together: fast, yet stored soon after they are read


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one input did: the article, whether it was new, and its stored pledges."""

    article: Article
    added: bool
    pledges: tuple[PledgeRecord, ...]
    suggestions: int = 0  # likely follow-ups: earlier pledges this article reports kept or broken
    again: tuple[PledgeRecord, ...] = ()  # earlier pledges this article states again


def store_extraction(engine: Engine, extraction: Extraction, *, at: datetime) -> ImportResult:
    """Save one extraction in one transaction, read back its pledges, and look for follow-ups."""
    article, pledges = extraction.article, extraction.pledges
    with open_session(engine) as session:

        def reported() -> dict[int, tuple[int, Decision]]:
            """The stored pledges this new article states again, and what it does to each."""
            earlier = reported_before(session, article, pledges)
            stored = get_pledges(session=session, pledge_ids=sorted(set(earlier.values())))
            return {
                index: (pledge_id, reported_again(stored[pledge_id].pledge, pledges[index],
                                                  article.source))
                for index, pledge_id in earlier.items()
            }  # fmt: skip

        saved = save_extraction(
            session=session, article=article, pledges=pledges, at=at, reported=reported
        )
        records = tuple(get_pledge(session=session, pledge_id=i) for i in saved.pledge_ids)
        again = tuple(get_pledge(session=session, pledge_id=i) for i in saved.again_ids)
    suggestions = 0
    if saved.added:
        pledged_at = [pledge.quote_span.start for pledge in pledges]
        suggestions = suggest_follow_ups(
            engine, extraction.article, saved.article_id, at=at, pledged_at=pledged_at
        )
    article = dataclasses.replace(extraction.article, published=saved.published)  # as stored
    _log.info(
        "%s %r from %s: %d pledges, %d reported again, %d suggestions",
        "stored" if saved.added else "already stored", article.title, article.source,
        len(records), len(again), suggestions,
    )  # fmt: skip
    return ImportResult(article, saved.added, records, suggestions, again)


_REPEAT_CHUNK = 100  # pledges looked up in one query (SQLite caps an expression's depth)


def reported_before(
    session: Session, article: Article, pledges: Sequence[Pledge]
) -> dict[int, int]:
    """For the pledges (by index) that an open pledge of an earlier article states already,
    that pledge's id: the store's repeat_candidates finds the few that may be, match_repeats
    decides (domain/likeness.py). A dismissed pledge counts too: what the analyst called no
    pledge does not return."""
    rows: list[tuple[int, str, str]] = []
    for start in range(0, len(pledges), _REPEAT_CHUNK):  # each query's SQL stays small
        query = repeat_candidates(pledges[start : start + _REPEAT_CHUNK], article.published)
        rows += [] if query is None else [(r[0], r[1], r[2]) for r in session.execute(query)]
    return match_repeats(pledges, sorted(set(rows)))


# The latest open pledges an article is searched for news of: an article that names an actor of
# thousands (a government, a big company) costs the same as one that names a few.
SEARCHED_AT_MOST = 300


def suggest_follow_ups(
    engine: Engine, article: Article, article_id: int, *, at: datetime,
    pledged_at: Sequence[int] = (),
) -> int:  # fmt: skip
    """Store a suggestion, with its confidence, for each open pledge of an earlier article (of
    the SEARCHED_AT_MOST latest whose actor it may name) that this one may report kept or
    broken, never from a sentence where this article pledges something itself (`pledged_at`:
    where its pledges' quotes start); how many new ones are likely (the others wait behind
    "Show more")."""
    from app.extract.nlp import parse
    from app.extract.outcome_ranking import ranked_outcomes
    from app.extract.outcomes import could_be_reported
    from app.store.suggestion_queries import save_suggestions

    with engine.connect() as connection:
        keys = open_pledges_filed_under(
            session=connection,
            words=index_words(article.text),
            published_by=article.published,
            most=SEARCHED_AT_MOST,
        )
        others = [(i, actor) for i, actor, art in keys if art != article_id]
        wanted = could_be_reported(article.text, others)
        if not wanted:
            return 0
        candidates = list(get_pledges(session=connection, pledge_ids=wanted).values())
    outcomes = ranked_outcomes(
        parse(article.text),
        article.published,
        candidates,
        pledged_at=pledged_at,
        title=article.title,
    )
    with engine.begin() as connection:
        added = save_suggestions(
            session=connection, article_id=article_id, outcomes=outcomes, at=at
        )
    return sum(outcome.likely for outcome in added)


def prepare_follow_up_search() -> None:
    """Start loading what the follow-up search reads with (the sentence embeddings) while the
    first articles are parsed: an import calls this as it begins."""
    from app.extract.embedding import load_in_background

    load_in_background()


@cache  # once a process: what is frozen then is never collected, garbage or not
def _load_for_a_batch() -> None:
    """Load what a batch import reads with before its first article (the sentence embeddings
    on a thread of their own, while spaCy's pipeline and the models load and the first
    articles are parsed), then take all that is loaded out of the garbage collector's walks
    (gc.freeze): it lives as long as the process, and full collections walking spaCy's
    vocabulary again and again took about 3% of an import. For a command's process, not the
    window's imports: a long-running window would keep any garbage frozen with it."""
    from app.extract.nlp import load_nlp
    from app.extract.outcome_ranking import shipped_outcome_model
    from app.extract.pledge_model import shipped_model

    prepare_follow_up_search()
    load_nlp()
    shipped_model()
    shipped_outcome_model()
    gc.freeze()


def ingest_each(
    engine: Engine,
    paths: Sequence[Path | str],
    *,
    at: datetime,
    published: date | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[tuple[Path | str, ImportResult | ExtractError]]:
    """Extract the inputs in batches and store each in its own transaction; yield each input
    with what came of it as soon as it is stored. An input that cannot be read gives its
    error in its place and stores nothing; the others are stored all the same.

    When the database cannot be written at all (the disk is full, the server has gone), the
    import stops with StoreFailedError, which says how many were stored before."""
    runner = pipeline or Pipeline()
    _load_for_a_batch()
    stored = 0

    def known(article: Article) -> bool:
        """Stored already: no need to parse it again."""
        with open_session(engine) as session:
            return has_article(session=session, content_hash=article.content_hash, url=article.url)

    for start in range(0, len(paths), BATCH):  # parse a batch, store it, then the next
        batch = paths[start : start + BATCH]
        try:
            results = runner.run_files(batch, published=published, known=known)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreFailedError(exc, stored=stored, left=len(paths) - start) from exc
        for index, (target, result) in enumerate(zip(batch, results, strict=True)):
            if isinstance(result, ExtractError):
                yield target, result
                continue
            try:
                outcome = store_extraction(engine, result, at=at)
            except (SQLAlchemyError, OSError) as exc:
                left = len(paths) - start - index
                raise StoreFailedError(exc, stored=stored, left=left) from exc
            stored += outcome.added
            yield target, outcome


class StoreFailedError(PledgeWatchError):
    """The database could not be written: the import stopped; what was stored stays."""

    def __init__(self, cause: BaseException, *, stored: int, left: int) -> None:
        reason = str(getattr(cause, "orig", None) or cause).splitlines()[0]
        super().__init__(
            f"the database could not be written ({reason}); the import stopped: "
            f"{plural(stored, 'article')} stored before it, kept; "
            f"{plural(left, 'input')} not imported"
        )


def sample_text() -> str:
    """The bundled sample article (The Moscow Times, 21 January 2022)."""
    return resources.files("app.resources").joinpath(SAMPLE_RESOURCE).read_text("utf-8")


def import_sample_if_empty(
    engine: Engine, *, at: datetime, starting: Callable[[], object] | None = None
) -> ImportResult | None:
    """On first start, import the bundled sample so that the user sees pledges at once;
    `starting` is called just before, only when the database is empty."""
    with open_session(engine) as session:
        if count_articles(session=session) > 0:
            return None
    if starting is not None:
        starting()
    extraction = Pipeline().run_text(sample_text(), source=f"sample: {SAMPLE_RESOURCE}")
    return store_extraction(engine, extraction, at=at)
