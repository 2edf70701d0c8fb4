"""Article text as the window shows it: quoted once, and Python offsets as Qt positions."""

from __future__ import annotations

_OPENING_MARKS = ('"', "“", "‘", "'", "«", "„")


def quoted(text: str) -> str:
    """`text` in quotation marks, unless it already opens with one of its own (a sentence
    that begins inside a quotation would otherwise show two opening marks)."""
    stripped = text.strip()
    if stripped.startswith(_OPENING_MARKS):
        return stripped
    return f"“{stripped}”"


def qt_position(text: str, offset: int) -> int:
    """Where Python's `offset` into `text` falls for Qt: a character beyond the Basic
    Multilingual Plane (most emoji) is one Python character but two UTF-16 units."""
    return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)
