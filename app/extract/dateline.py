"""Pipeline stage 3: find the title and publication date, and assemble the Article."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from app.domain import Article, PublishedHow
from app.domain.errors import ExtractError
from app.extract.datepatterns import parse_iso_line, parse_written_line

if TYPE_CHECKING:
    from datetime import date

    from app.extract.clean import CleanText

STAGE = "dateline"
# A dateline stands near the top: after the title, a standfirst and a photo caption at most.
_SEARCH_PARAGRAPHS = 5
_TITLE_MAX_WORDS = 30


def find_dateline(paragraphs: tuple[str, ...]) -> tuple[int, date, PublishedHow] | None:
    """Return the index, date and kind of the first paragraph near the top that is a date."""
    for index, paragraph in enumerate(paragraphs[:_SEARCH_PARAGRAPHS]):
        iso = parse_iso_line(paragraph)
        if iso is not None:
            how = PublishedHow.ISO_FIRST_LINE if index == 0 else PublishedHow.DATELINE
            return index, iso, how
        written = parse_written_line(paragraph)
        if written is not None:
            return index, written, PublishedHow.DATELINE
    return None


def make_article(cleaned: CleanText, *, published: date | None = None) -> Article:
    """Build the Article; `published` overrides the dateline, which must exist otherwise."""
    paragraphs = list(cleaned.paragraphs)
    found = find_dateline(cleaned.paragraphs)
    if found is not None:
        index, found_date, how = found
        del paragraphs[index]
    if published is not None:
        when, how = published, PublishedHow.GIVEN
    elif cleaned.published is not None:
        when, how = cleaned.published, PublishedHow.METADATA
    elif found is not None:
        when = found_date
    else:
        raise ExtractError(
            stage=STAGE,
            source=cleaned.source,
            message="no publication date found near the top (such as 'January 21, 2022' "
            "or a first line '2022-01-21'); give it with --published YYYY-MM-DD",
        )
    title = _take_title(paragraphs, cleaned.source)
    text = "\n\n".join(paragraphs)
    if not text:
        raise ExtractError(
            stage=STAGE, source=cleaned.source, message="article has a title but no body text"
        )
    return Article(
        title=title,
        source=cleaned.source,
        published=when,
        published_how=how,
        text=text,
        url=cleaned.url,
    )


def _take_title(paragraphs: list[str], source: str) -> str:
    """Remove and return a leading headline; an article that opens with prose keeps its name."""
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        return paragraphs.pop(0)
    return PurePath(source).stem or source


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph.split()) <= _TITLE_MAX_WORDS and not paragraph.endswith((".", '"', "”"))
