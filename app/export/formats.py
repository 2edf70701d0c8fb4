"""The export formats by name, each a function from pledges to the bytes of a file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from app.domain.errors import BadValueError
from app.domain.serialize import record_fields
from app.export.csv_export import to_csv
from app.export.ics_export import to_ics

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime
    from pathlib import Path

    from app.domain import PledgeRecord

FORMATS = ("csv", "json", "ics")


def to_json(records: Sequence[PledgeRecord], today: date) -> bytes:
    """The same fields as `pledgewatch list --json`."""
    rows = [record_fields(record, today) for record in records]
    return (json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: the old file stays until the new one is complete."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BadValueError(f"cannot write {path}: {exc.strerror or exc}") from None


def export_pledges(
    records: Sequence[PledgeRecord], fmt: str, *, today: date, now: datetime
) -> bytes:
    """The file contents of `records` in format `fmt` (csv, json or ics)."""
    if fmt == "csv":
        return to_csv(records, today)
    if fmt == "json":
        return to_json(records, today)
    if fmt == "ics":
        return to_ics(records, today, now)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
