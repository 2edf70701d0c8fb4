"""Python string offsets as Qt's text positions, which count UTF-16 code units."""

from __future__ import annotations


def qt_position(text: str, offset: int) -> int:
    """Where Python's `offset` into `text` falls for Qt: a character beyond the Basic
    Multilingual Plane (most emoji) is one Python character but two UTF-16 units."""
    return offset + sum(1 for char in text[:offset] if ord(char) > 0xFFFF)
