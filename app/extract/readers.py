"""Pipeline stage 1 for every kind of source: text, HTML and PDF files, and web addresses."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import warnings
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import ExtractError
from app.extract.fetch import RefusedAddressError, fetch, is_web_address, looks_like_address
from app.extract.load import RawText, decode_text, load_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf"}

if TYPE_CHECKING:
    import threading
    from collections.abc import Iterator


def read_source(target: str | Path, *, cancelled: threading.Event | None = None) -> RawText:
    """Read an article from a path or an http(s) address, whatever its format."""
    if isinstance(target, str) and looks_like_address(target):
        return read_address(target, cancelled=cancelled)
    path = Path(target)
    data = load_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        return pdf_text(data, source=str(path.resolve()))
    if suffix in HTML_SUFFIXES:
        return html_text(data, source=str(path.resolve()), url=None)
    return decode_text(data, source=str(path.resolve()))


def read_address(
    url: str, *, trusted: bool = True, cancelled: threading.Event | None = None
) -> RawText:
    """Fetch an article from an http(s) address (another scheme is refused, never read as a
    path); it keeps its address, so fetching it again finds it stored."""
    if not is_web_address(url):
        raise RefusedAddressError(
            stage="fetch", source=url, message="only http and https addresses can be fetched"
        )
    page = fetch(url, trusted=trusted, cancelled=cancelled)
    if page.content_type in PDF_TYPES or page.data.startswith(b"%PDF-"):
        raw = pdf_text(page.data, source=url)
    elif page.content_type in HTML_TYPES or _looks_like_html(page.data):
        return html_text(page.data, source=url, url=page.url)
    else:
        raw = decode_text(page.data, source=url)
    return dataclasses.replace(raw, url=page.url)


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
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    def fail(message: str) -> ExtractError:
        return ExtractError(stage="pdf", source=source, message=message)

    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            # permissions-only encryption (common) has an empty password: pypdf opens it so
            if reader.is_encrypted and not reader.decrypt(""):
                raise fail("the PDF is protected by a password; save an unprotected copy")
            pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except FileNotDecryptedError:
        raise fail("the PDF is protected by a password; save an unprotected copy") from None
    except LimitReachedError:
        raise fail("the PDF is too large or too complex to read safely") from None
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise fail(f"not a readable PDF: {exc}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise fail("the PDF has no text layer (scanned pages need OCR first)")
    return RawText(source=source, text=text)


def _looks_like_html(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf reports what it repairs through logging and warnings: not the user's business."""
    pdf_log = logging.getLogger("pypdf")
    level = pdf_log.level
    pdf_log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        pdf_log.setLevel(level)
