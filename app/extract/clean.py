"""Pipeline stage 2: turn messy article text into paragraphs, dropping what is not the story."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.errors import ExtractError
from app.extract.datepatterns import is_date_line

if TYPE_CHECKING:
    from datetime import date

    from app.extract.load import RawText

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_BARE_URL_LINE = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)
_RELATED_LINE = re.compile(
    r"^\s*(?:related(?:\s+(?:articles?|stories|story|content|coverage|reading))?"
    r"|read\s+(?:more|also)|see\s+also|more\s+on\s+this(?:\s+story)?|recommended)\s*:",
    re.I,
)
_CREDIT_LABEL = re.compile(
    r"^\s*(?:photo|image|picture|credit|caption)s?(?:\s+(?:credit|by))?\s*[:|]", re.I
)
_CREDIT_AGENCY = re.compile(
    r"\s/\s*[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}\s*$"
    r"|\((?:AP|AFP|TASS|Reuters|Getty Images|EPA|Xinhua|Sputnik|Bloomberg)(?:\s+Photo)?\)\s*$"
)
_CREDIT_MAX_WORDS = 25
_URL_TAIL = re.compile(r"^\s*[\w./?=&%#~+-]+\s*$")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class CleanText:
    """An article as a list of clean paragraphs, in order, with the place it came from."""

    source: str
    paragraphs: tuple[str, ...]
    url: str | None = None
    published: date | None = None


# What one article may cost: a longer text is refused whole, with this figure in the message.
MAX_ARTICLE_CHARS = 300_000


def clean(raw: RawText) -> CleanText:
    """Join hard-wrapped lines into paragraphs; drop bare URLs, photo credits, related links."""
    if len(raw.text) > MAX_ARTICLE_CHARS:
        raise ExtractError(
            stage="clean",
            source=raw.source,
            message=f"the text is {len(raw.text):,} characters long; PledgeWatch reads articles "
            f"of up to {MAX_ARTICLE_CHARS:,} (a long news story has 20,000): split it first",
        )
    text = _INVISIBLE.sub("", raw.text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_LIGATURES)
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        paragraphs.extend(_clean_block(block.split("\n")))
    return CleanText(source=raw.source, paragraphs=tuple(p for p in paragraphs if p),
                     url=raw.url, published=raw.published)  # fmt: skip


def _clean_block(lines: list[str]) -> list[str]:
    """Clean one blank-line separated block; a line that is only a date stands on its own."""
    out: list[str] = []
    current: list[str] = []
    after_url = False
    for line in lines:
        if _BARE_URL_LINE.match(line) or _RELATED_LINE.match(line):
            after_url = bool(_BARE_URL_LINE.match(line)) and line.rstrip().endswith(("-", "/"))
            continue
        if after_url and _URL_TAIL.match(line):
            after_url = line.rstrip().endswith(("-", "/"))
            continue  # the rest of a long link that was broken over lines
        after_url = False
        if is_date_line(line):
            out.append(_join(current))
            out.append(_SPACES.sub(" ", line).strip())
            current = []
            continue
        current.append(line)
    out.append(_join(current))
    return [p for p in out if p and not _is_credit(p)]


def _join(lines: list[str]) -> str:
    """Join hard-wrapped lines; a line broken after a hyphen joins without a space."""
    joined = ""
    for raw_line in lines:
        line = _SPACES.sub(" ", _URL.sub("", raw_line)).strip()
        if not line:
            continue
        if joined.endswith("-") and line[:1].islower():
            joined += line
        else:
            joined = f"{joined} {line}" if joined else line
    return joined


def _is_credit(paragraph: str) -> bool:
    """A short paragraph that names a photographer or agency, not a sentence of the story."""
    return len(paragraph.split()) <= _CREDIT_MAX_WORDS and bool(
        _CREDIT_LABEL.search(paragraph) or _CREDIT_AGENCY.search(paragraph)
    )
