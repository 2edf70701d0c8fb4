"""Pipeline stage 1: read a plain-text article from disk, refusing what is not text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import ExtractError

STAGE = "load"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawText:
    """An article's text exactly as read, with the place it came from."""

    source: str
    text: str


def load_text_file(path: Path) -> RawText:
    """Read a UTF-8 text file; raise ExtractError saying why when it is not one."""
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
    decoded = decode_text(data, source=source)
    return RawText(source=str(path.resolve()), text=decoded.text)


def decode_text(data: bytes, *, source: str) -> RawText:
    """Decode bytes as UTF-8 article text; raise ExtractError if they are empty or not text."""

    def fail(message: str) -> ExtractError:
        return ExtractError(stage=STAGE, source=source, message=message)

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
