"""Bad input never crashes and never half-writes: each case is a stored article or a clear error.

Random and malformed inputs go through the whole pipeline and into the store; afterwards the
database must pass SQLite's integrity check and hold only whole articles.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func
from sqlmodel import select

from app.domain.errors import ExtractError
from app.extract import Pipeline
from app.extract.deadlines import resolve_deadline
from app.services.importing import ingest_each, store_extraction
from app.store.engine import open_session
from app.store.models import ArticleRow, PledgeRow

if TYPE_CHECKING:
    from pathlib import Path

NOW = datetime(2022, 1, 21, 12, tzinfo=UTC)
PIPELINE = Pipeline()


def _store_or_explain(engine: Engine, text: str) -> None:
    """The promise under test: the input is stored whole, or refused with a stage and reason."""
    try:
        extraction = PIPELINE.run_text(text, source="fuzz", published=date(2022, 1, 21))
    except ExtractError as error:
        refused = error
    else:
        store_extraction(engine, extraction, at=NOW)
        return
    assert refused.stage
    assert refused.message
    assert "internal error" not in refused.message


def _assert_whole(engine: Engine) -> None:
    with open_session(engine) as session:
        for article_id, expected in session.exec(select(ArticleRow.id, ArticleRow.pledge_count)):
            count = session.exec(
                select(func.count())
                .select_from(PledgeRow)
                .where(PledgeRow.article_id == article_id)
            ).one()
            assert count == expected
    if engine.dialect.name == "sqlite":
        with sqlite3.connect(str(engine.url.database)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=0, max_size=400))
@example(text="\x00")
@example(text="2022-01-21\nTitle\n\nThe council\x00 will\x1b meet next week.")
def test_random_text(engine: Engine, text: str) -> None:
    _store_or_explain(engine, text)
    _assert_whole(engine)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600))
def test_random_bytes_as_a_file(engine: Engine, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(data)
    [(_, outcome)] = ingest_each(engine, [path], at=NOW, published=date(2022, 1, 21))
    if isinstance(outcome, ExtractError):
        assert "internal error" not in outcome.message
    _assert_whole(engine)


@settings(max_examples=40, deadline=None)
@given(words=st.text(max_size=60))
def test_random_deadline_wording(words: str) -> None:
    deadline = resolve_deadline(words, date(2022, 1, 21))
    assert (deadline.due is None) == (deadline.precision is None)


SENTENCE = "The ministry will publish the report next week."


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty", b"", "file is empty"),
        ("whitespace", b" \n\t\n  ", "only white space"),
        ("nul bytes", b"2022-01-21\nTitle\n\nThe ministry\x00 will act.", "binary file"),
        ("latin-1", "2022-01-21\nCafé\n\nLe café will open.".encode("latin-1"), "not UTF-8"),
        ("31 February", f"February 31, 2022\n\n{SENTENCE}".encode(), "no publication date"),
        ("year 99999", f"99999-01-21\nTitle\n\n{SENTENCE}".encode(), "no publication date"),
        ("a PDF that is not", b"%PDF-1.7 garbage", "not a readable PDF"),
        (
            "100,000 lines",
            ("2022-01-21\nTitle\n\n" + "The council will meet.\n" * 100_000).encode(),
            "PledgeWatch reads articles of up to 300,000",
        ),
    ],
)
def test_malformed_files_get_a_clear_error(
    engine: Engine, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / ("article.pdf" if "PDF" in name else "article.txt")
    path.write_bytes(content)
    [(_, outcome)] = ingest_each(engine, [path], at=NOW)
    assert isinstance(outcome, ExtractError), name
    assert expected in str(outcome)
    assert path.name in str(outcome)
    _assert_whole(engine)
    with open_session(engine) as session:
        assert session.exec(select(func.count()).select_from(ArticleRow)).one() == 0


def test_utf16_text_is_read(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"2022-01-21\nTitle\n\n{SENTENCE}".encode("utf-16"))
    [(_, outcome)] = ingest_each(engine, [path], at=NOW)
    assert not isinstance(outcome, ExtractError)
    assert outcome.pledges[0].pledge.due == date(2022, 1, 30)


def test_a_100_mb_file_is_refused_before_it_is_read(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    [(_, outcome)] = ingest_each(engine, [path], at=NOW)
    assert isinstance(outcome, ExtractError)
    assert "104,857,600 bytes; the limit for one article is" in str(outcome)


def test_deeply_nested_html_ends_in_an_article_or_an_error(engine: Engine, tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    depth = 50_000
    page.write_text(
        "<html><body>"
        + "<div>" * depth
        + f"<p>{SENTENCE}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    [(_, outcome)] = ingest_each(engine, [page], at=NOW, published=date(2022, 1, 21))
    if isinstance(outcome, ExtractError):
        assert "internal error" not in outcome.message
    _assert_whole(engine)


def test_emoji_and_right_to_left_text_are_stored_as_written(engine: Engine) -> None:
    text = (
        "2022-01-21\nكلمة 🌍 Headline\n\nThe ministry 🏛️ will publish the report next week. "
        "قال الوزير إن الوزارة ستنشر التقرير."
    )
    extraction = PIPELINE.run_text(text, source="rtl")
    outcome = store_extraction(engine, extraction, at=NOW)
    assert outcome.article.title == "كلمة 🌍 Headline"
    assert any("🏛️" in p.pledge.quote for p in outcome.pledges)


def test_markup_in_an_article_is_kept_as_text(engine: Engine) -> None:
    text = (
        "2022-01-21\n<b>Bold</b> headline\n\n<script>alert(1)</script> The ministry will "
        'publish <a href="http://x">the report</a> <img src=x onerror=alert(2)> next week.'
    )
    outcome = store_extraction(engine, PIPELINE.run_text(text, source="markup"), at=NOW)
    assert outcome.article.title == "<b>Bold</b> headline"
    assert "<img src=x onerror=alert(2)>" in outcome.pledges[0].pledge.quote
