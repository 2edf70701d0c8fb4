"""`pledgewatch check`: the sample's reminders on the right days, once, never for met pledges."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from app.domain.reminder_rule import Reminder, ReminderKind
from app.store.engine import open_session
from app.store.reminder_queries import record_reminders

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from tests.conftest import CliRunner


def _check(cli: CliRunner, day: str, *extra: str) -> list[dict[str, object]]:
    result = cli("check", "--now", day, "--json", *extra)
    assert result.code == 0, result.err
    data: list[dict[str, object]] = json.loads(result.out)
    return data


def _us(reminders: list[dict[str, object]]) -> list[str]:
    return [str(r["reminder"]) for r in reminders if r["actor"] == "United States"]


def test_the_sample_reminds_due_soon_then_overdue_once_each(
    cli: CliRunner, sample_path: Path
) -> None:
    cli("ingest", str(sample_path))
    assert _us(_check(cli, "2022-01-27")) == []
    assert _us(_check(cli, "2022-01-28", "--dry-run")) == ["due soon"]
    assert _us(_check(cli, "2022-01-28")) == ["due soon"]  # the dry run recorded nothing
    assert _us(_check(cli, "2022-01-28")) == []
    assert _us(_check(cli, "2022-01-31")) == ["overdue"]
    assert _us(_check(cli, "2022-01-31")) == []
    readable = cli("check", "--now", "2022-02-20").out
    assert readable == ""


def test_a_met_pledge_gets_no_reminder(cli: CliRunner, sample_path: Path) -> None:
    cli("ingest", str(sample_path))
    us = next(p for p in json.loads(cli("list", "--json").out) if p["actor"] == "United States")
    cli("met", str(us["id"]), "--on", "2022-01-26")
    assert _us(_check(cli, "2022-01-28")) == []
    assert _us(_check(cli, "2022-01-31")) == []


def test_the_reminder_is_written_in_the_history(engine: Engine, sample_path: Path) -> None:
    from app.services.importing import ingest_each
    from app.services.reminders import check_reminders
    from app.store.queries import pledge_events

    [(_, outcome)] = ingest_each(engine, [sample_path], at=datetime.now(UTC))
    assert not isinstance(outcome, Exception)
    notices = check_reminders(engine, today=date(2022, 1, 31), at=datetime.now(UTC))
    us = next(n for n in notices if n.record.pledge.actor == "United States")
    with open_session(engine) as session:
        events = pledge_events(session=session, pledge_id=us.record.id)
    assert [(e.kind.value, e.detail) for e in events][-1] == (
        "reminded",
        "overdue (due 2022-01-30)",
    )
    assert us.line().startswith("overdue: #")


def test_two_processes_cannot_record_the_same_reminder(engine: Engine, sample_path: Path) -> None:
    from app.services.importing import ingest_each

    [(_, outcome)] = ingest_each(engine, [sample_path], at=datetime.now(UTC))
    assert not isinstance(outcome, Exception)
    pledge_id = outcome.pledges[0].id
    reminder = Reminder(pledge_id, ReminderKind.OVERDUE, date(2022, 1, 30))
    with engine.begin() as first:
        assert record_reminders(session=first, reminders=[reminder], at=datetime.now(UTC))
    with engine.begin() as second:
        assert record_reminders(session=second, reminders=[reminder], at=datetime.now(UTC)) == []


def test_bad_lead_days_is_one_line(cli: CliRunner) -> None:
    result = cli("check", "--lead-days", "-3")
    assert result.code == 2
    assert "is not a number of days" in result.err


def test_a_pledge_to_review_gets_no_reminder_until_confirmed(
    cli: CliRunner, sample_path: Path
) -> None:
    cli("ingest", str(sample_path))
    pledges = json.loads(cli("list", "--json").out)
    dated_review = [p for p in pledges if p["review"] and p["due"] == "2022-01-30"]
    assert dated_review, "the sample has a dated pledge to review (Lavrov's, next week)"
    told = {r["id"] for r in _check(cli, "2022-01-31")}
    assert not told & {p["id"] for p in dated_review}
    assert cli("confirm", str(dated_review[0]["id"])).code == 0
    assert [
        r["reminder"] for r in _check(cli, "2022-01-31") if r["id"] == dated_review[0]["id"]
    ] == ["overdue"]
