"""Articles from HTML pages, web addresses and PDFs, with the reasons when one cannot be read."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from app.domain import PublishedHow
from app.domain.errors import ExtractError
from app.extract import Extraction, Pipeline
from app.extract.fetch import fetch

if TYPE_CHECKING:
    from pathlib import Path

    from tests.web import LocalWeb


def _gist(extraction: Extraction) -> list[tuple[str, str, date | None]]:
    return sorted((p.actor, p.action, p.due) for p in extraction.pledges)


def test_an_html_page_gives_its_text_without_boilerplate_and_its_meta_date(
    html_page: Path, sample_extraction: Extraction
) -> None:
    extraction = Pipeline().run_file(html_page)
    article = extraction.article
    assert article.title == "Russia, U.S. Agree to Talk Security Demands Next Week"
    assert (article.published, article.published_how) == (date(2022, 1, 21), PublishedHow.METADATA)
    for boilerplate in ("cookies", "Subscribe", "All rights reserved", "Ten things to do"):
        assert boilerplate not in article.text
    assert _gist(extraction) == _gist(sample_extraction)


def test_a_web_address_is_fetched_and_kept(web: LocalWeb, html_page: Path) -> None:
    url = web.add("/2026/07/05/russia-us-agree.html", html_page.read_bytes())
    extraction = Pipeline().run_file(url)
    assert extraction.article.url == url
    assert extraction.article.published == date(2022, 1, 21)  # the meta tag, not the URL
    assert any(p.actor == "United States" for p in extraction.pledges)


@pytest.mark.usefixtures("qapp")
def test_a_pdf_of_the_sample_gives_the_same_pledges(
    tmp_path: Path, sample_path: Path, sample_extraction: Extraction
) -> None:
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(_sample_pdf(tmp_path, sample_path))
    extraction = Pipeline().run_file(pdf)
    assert extraction.article.published == date(2022, 1, 21)
    assert _gist(extraction) == _gist(sample_extraction)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ftp://127.0.0.1/article.txt", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_only_web_addresses_are_fetched(address: str, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        fetch(address)


def test_why_a_page_could_not_be_read(web: LocalWeb) -> None:
    with pytest.raises(ExtractError, match="HTTP 404"):
        fetch(web.url("/missing"))
    big = web.add("/big", b"x" * 5000, "text/plain")
    with pytest.raises(ExtractError, match="the limit is 1,000"):
        fetch(big, max_bytes=1000)
    slow = web.add("/slow", b"late", "text/plain", delay=2.0)
    with pytest.raises(ExtractError, match=r"no complete answer within 0\.5 seconds"):
        fetch(slow, timeout=0.5)
    empty = web.add("/empty.html", "<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(ExtractError, match="no article text found in the page"):
        Pipeline().run_file(empty)


def test_a_file_that_is_not_a_pdf_inside_says_so(tmp_path: Path) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_bytes(b"%PDF-1.4 this is not really a PDF")
    with pytest.raises(ExtractError, match="not a readable PDF"):
        Pipeline().run_file(fake)


def _sample_pdf(tmp_path: Path, sample_path: Path) -> bytes:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    pdf = tmp_path / "plain.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText(sample_path.read_text(encoding="utf-8"))
    document.print_(writer)
    del writer  # closes the file
    return pdf.read_bytes()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
@pytest.mark.usefixtures("qapp")
def test_a_pdf_protected_only_against_changes_is_read(
    tmp_path: Path,
    sample_path: Path,
    sample_extraction: Extraction,
    algorithm: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_sample_pdf(tmp_path, sample_path))))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm=algorithm)
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    capfd.readouterr()
    extraction = Pipeline().run_file(locked)
    assert _gist(extraction) == _gist(sample_extraction)
    assert capfd.readouterr().err == ""  # nothing of pypdf's on the terminal


@pytest.mark.usefixtures("qapp")
def test_a_pdf_that_needs_a_password_or_is_broken_says_so(
    tmp_path: Path, sample_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    data = _sample_pdf(tmp_path, sample_path)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    locked = tmp_path / "secret.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    with pytest.raises(ExtractError, match="protected by a password"):
        Pipeline().run_file(locked)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    capfd.readouterr()
    with pytest.raises(ExtractError, match=r"pdf: (not a readable PDF|the PDF has no text)"):
        Pipeline().run_file(cut)
    assert capfd.readouterr().err == ""
