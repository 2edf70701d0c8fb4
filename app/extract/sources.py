"""Pipeline stage 1 for every kind of source: text, HTML and PDF files, and web addresses."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from app.domain.errors import ExtractError
from app.extract.fetch import fetch, is_web_address
from app.extract.load import RawText, decode_text, load_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf"}


def read_source(target: str | Path) -> RawText:
    """Read an article from a path or an http(s) address, whatever its format."""
    if isinstance(target, str) and is_web_address(target):
        page = fetch(target)
        if page.content_type in PDF_TYPES or page.data.startswith(b"%PDF-"):
            return pdf_text(page.data, source=target)
        if page.content_type in HTML_TYPES or _looks_like_html(page.data):
            return html_text(page.data, source=target, url=page.url)
        return decode_text(page.data, source=target)
    path = Path(target)
    data = load_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return pdf_text(data, source=str(path.resolve()))
    if suffix in HTML_SUFFIXES:
        return html_text(data, source=str(path.resolve()), url=None)
    return decode_text(data, source=str(path.resolve()))


def html_text(data: bytes, *, source: str, url: str | None) -> RawText:
    """The main text of a web page (trafilatura) and its publication date (htmldate)."""
    import htmldate
    import trafilatura

    def fail(message: str) -> ExtractError:
        return ExtractError(stage="html", source=source, message=message)

    html = decode_text(data, source=source).text
    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise fail(f"the page could not be parsed: {exc}") from None
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise fail("no article text found in the page")
    title = (getattr(document, "title", None) or "").strip()
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]  # the headline often opens the text as well
    found = htmldate.find_date(
        html, url=url, original_date=True, extensive_search=False, deferred_url_extractor=True
    )
    published = date.fromisoformat(found) if found else None
    # trafilatura gives a paragraph per line; the clean stage wants blank lines between them
    text = "\n\n".join([title, *lines]) if title else "\n\n".join(lines)
    return RawText(source=source, text=text, url=url, published=published)


def pdf_text(data: bytes, *, source: str) -> RawText:
    """The text of a PDF, laid out so that paragraphs stay apart (pypdf's layout mode)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    def fail(message: str) -> ExtractError:
        return ExtractError(stage="pdf", source=source, message=message)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise fail("the PDF is encrypted; save an unprotected copy and try again")
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except PdfReadError as exc:
        raise fail(f"not a readable PDF: {exc}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise fail("the PDF has no text layer (scanned pages need OCR first)")
    return RawText(source=source, text=text)


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
