"""Exports: CSV a spreadsheet opens safely, iCalendar that parses back, JSON like `list`."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from icalendar import Calendar

from app.domain import PledgeEdit, PledgeKind, decisions
from app.services.verdicts import decide
from app.store.engine import make_engine, open_session

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import CliRunner


def test_csv_opens_cleanly_and_runs_no_formula(
    cli: CliRunner, database: str, sample_path: Path, tmp_path: Path
) -> None:
    cli("ingest", str(sample_path))
    us = next(p for p in json.loads(cli("list", "--json").out) if p["actor"] == "United States")
    engine = make_engine(database)
    with open_session(engine) as session:
        decide(
            session=session,
            pledge_id=us["id"],
            at=datetime.now(UTC),
            decision=decisions.edited(
                PledgeEdit(
                    actor='=HYPERLINK("http://evil.example","click")',
                    action="-2+3 tanks",
                    kind=PledgeKind.PROMISE,
                    due=date(2022, 1, 30),
                    due_precision=None,
                )
            ),
        )
    engine.dispose()
    cli("met", str(us["id"]), "--on", "2022-01-26", "--note", "@SUM(A1:A9)")
    lavrov = next(p for p in json.loads(cli("list", "--json").out) if p["actor"] == "Sergei Lavrov")
    cli("broken", str(lavrov["id"]), "--on", "2022-01-27", "--note", "=talks called off")
    out = tmp_path / "pledges.csv"
    result = cli("export", "--format", "csv", "-o", str(out), "--now", "2022-02-01")
    assert result.code == 0
    assert "wrote" in result.out
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    edited = next(r for r in rows if "HYPERLINK" in r["actor"])
    assert edited["actor"] == '\'=HYPERLINK("http://evil.example","click")'
    assert edited["action"] == "'-2+3 tanks"
    assert edited["met_note"] == "'@SUM(A1:A9)"
    assert (edited["due"], edited["met_on"], edited["status"]) == (
        "2022-01-30",
        "2022-01-26",
        "met",
    )
    broken = next(r for r in rows if r["actor"] == "Sergei Lavrov")
    assert (broken["status"], broken["broken_on"], broken["broken_note"]) == (
        "broken", "2022-01-27", "'=talks called off",
    )  # fmt: skip
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_ics_has_one_all_day_event_per_dated_pledge_with_an_alarm(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    cli("ingest", str(sample_path))
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    cli("export", "--format", "ics", "-o", str(first), "--now", "2022-01-25")
    cli("export", "--format", "ics", "-o", str(second), "--now", "2022-01-25")
    calendar = Calendar.from_ical(first.read_bytes())
    events = list(calendar.walk("VEVENT"))
    dated = [p for p in json.loads(cli("list", "--json").out) if p["due"]]
    assert len(events) == len(dated) >= 1
    event = next(e for e in events if "United States" in str(e.get("summary")))
    assert event.decoded("dtstart") == date(2022, 1, 30)
    assert event.decoded("dtend") == date(2022, 1, 31)
    assert "[pending]" in str(event.get("summary"))
    assert "Moscow has secured a deal" in str(event.get("description"))
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(hours=15)
    again = {str(e.get("uid")) for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")}
    assert {str(e.get("uid")) for e in events} == again  # re-export updates, never duplicates


def test_json_export_is_list_json(cli: CliRunner, sample_path: Path, tmp_path: Path) -> None:
    cli("ingest", str(sample_path))
    out = tmp_path / "p.json"
    cli("export", "--format", "json", "-o", str(out), "--now", "2022-02-01", "--status", "overdue")
    listed = json.loads(cli("list", "--json", "--now", "2022-02-01", "--status", "overdue").out)
    assert json.loads(out.read_text(encoding="utf-8")) == listed


def test_export_to_a_folder_that_does_not_exist_is_one_clear_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    result = cli("export", "--format", "csv", "-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert result.code == 1
    assert result.err.startswith("pledgewatch: error: cannot write")
