"""Pipeline stage 1 for text: read bytes from disk and decode them, refusing what is not text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.errors import ExtractError

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

STAGE = "load"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawText:
    """An article's text as read, the place it came from, and what its metadata said."""

    source: str
    text: str
    url: str | None = None
    published: date | None = None  # from the page's metadata, where it had any


def load_bytes(path: Path) -> bytes:
    """Read a file's bytes; raise ExtractError saying why when it cannot be read."""
    source = str(path)

    def fail(message: str) -> ExtractError:
        return ExtractError(stage=STAGE, source=source, message=message)

    if not path.exists():
        raise fail("no such file")
    if not path.is_file():
        raise fail("not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(f"file is {size:,} bytes; the limit for one article is {MAX_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise fail("file is empty")
    return data


def decode_text(data: bytes, *, source: str) -> RawText:
    """Decode bytes as UTF-8 article text; raise ExtractError if they are empty or not text."""

    def fail(message: str) -> ExtractError:
        return ExtractError(stage=STAGE, source=source, message=message)

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        try:
            return RawText(source=source, text=data.decode("utf-16"))
        except UnicodeDecodeError:
            raise fail("starts like UTF-16 text but is not; save it as UTF-8") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise fail(f"looks like a binary file (NUL byte at offset {nul}), not plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and try again"
        ) from None
    if not text.strip():
        raise fail("file is empty" if not text else "file holds only white space")
    return RawText(source=source, text=text)
