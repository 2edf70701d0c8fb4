"""The publication date comes from a dateline or ISO first line, never from a link."""

from datetime import date

import pytest

from app.domain import PublishedHow
from app.domain.errors import ExtractError
from app.extract.clean import CleanText
from app.extract.dateline import make_article


def _article(*paragraphs: str, published: date | None = None):  # type: ignore[no-untyped-def]
    return make_article(
        CleanText(source="/news/story.txt", paragraphs=paragraphs), published=published
    )


def test_written_dateline_after_the_headline() -> None:
    article = _article("Talks to resume", "January 21, 2022", "Body one.", "Body two.")
    assert article.published == date(2022, 1, 21)
    assert article.published_how is PublishedHow.DATELINE
    assert article.title == "Talks to resume"
    assert article.text == "Body one.\n\nBody two."


@pytest.mark.parametrize(
    "line",
    ["21 January 2022", "Friday, January 21, 2022", "Jan. 21, 2022", "Published: January 21, 2022"],
)
def test_other_dateline_forms(line: str) -> None:
    assert _article("Headline", line, "Body.").published == date(2022, 1, 21)


def test_iso_first_line() -> None:
    article = _article("2019-01-04", "Pelosi elected Speaker", "Body.")
    assert (article.published, article.published_how) == (
        date(2019, 1, 4),
        PublishedHow.ISO_FIRST_LINE,
    )
    assert article.title == "Pelosi elected Speaker"


def test_given_date_overrides_and_the_dateline_is_still_removed() -> None:
    article = _article("Headline", "January 21, 2022", "Body.", published=date(2022, 2, 1))
    assert article.published == date(2022, 2, 1)
    assert article.published_how is PublishedHow.GIVEN
    assert article.text == "Body."


def test_no_date_asks_for_published_rather_than_guessing() -> None:
    with pytest.raises(ExtractError) as caught:
        _article("Headline", "Body that mentions 2026/07/05 in a link.")
    assert caught.value.stage == "dateline"
    assert "--published" in str(caught.value)


def test_an_impossible_date_is_not_a_dateline() -> None:
    with pytest.raises(ExtractError):
        _article("Headline", "February 31, 2022", "Body.")


def test_sample_is_dated_from_its_dateline_not_its_link(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    article = sample_extraction.article
    assert article.published == date(2022, 1, 21)
    assert article.title == "Russia, U.S. Agree to Talk Security Demands Next Week"
