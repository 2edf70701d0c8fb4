"""CSV that opens cleanly in Excel and LibreOffice, and that no cell can run as a formula."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from app.domain.serialize import record_fields

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from app.domain import PledgeRecord

COLUMNS = [
    "id",
    "status",
    "due",
    "due_precision",
    "actor",
    "action",
    "kind",
    "recipient",
    "condition",
    "deadline_text",
    "met_on",
    "met_note",
    "met_evidence",
    "broken_on",
    "broken_note",
    "quote",
    "article_title",
    "article_published",
    "article_source",
    "article_url",
]
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell's text; one that a spreadsheet would run as a formula is made plain with a quote."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def to_csv(records: Sequence[PledgeRecord], today: date) -> bytes:
    """UTF-8 with a byte order mark (so Excel reads it as UTF-8), ISO dates, CRLF rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        fields = record_fields(record, today)
        writer.writerow(safe_cell(fields[column]) for column in COLUMNS)
    return out.getvalue().encode("utf-8-sig")
