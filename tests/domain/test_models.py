"""Articles are identified by their text, whatever its white space."""

from datetime import date

from app.domain import Article, PublishedHow


def _article(text: str) -> Article:
    return Article("T", "s", date(2022, 1, 21), PublishedHow.DATELINE, text)


def test_content_hash_ignores_white_space_only() -> None:
    assert _article("A  b\n\nc").content_hash == _article("A b c").content_hash
    assert _article("A b c").content_hash != _article("A b d").content_hash
