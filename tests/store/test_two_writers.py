"""Two writers on one database: a stale edit is refused, never silently overwriting."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, select

from app.domain import EventKind, PledgeEdit, Suggestion, SuggestionState
from app.domain.decisions import edited, met
from app.domain.errors import StaleEditError
from app.services.importing import ingest_each
from app.services.verdicts import decide
from app.store.engine import open_session
from app.store.models import PledgeEventRow, PledgeRow
from app.store.reads import get_pledge

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2022, 1, 25, 12, tzinfo=UTC)


def _sample_ids(engine: Engine, sample_path: Path) -> list[int]:
    [(_, outcome)] = ingest_each(engine, [sample_path], at=NOW)
    assert not isinstance(outcome, Exception)
    return [record.id for record in outcome.pledges]


def test_an_edit_on_an_older_version_is_refused(engine: Engine, sample_path: Path) -> None:
    pledge_id = _sample_ids(engine, sample_path)[0]
    with open_session(engine) as gui, open_session(engine) as cli:
        seen = get_pledge(session=gui, pledge_id=pledge_id)
        decide(session=cli, pledge_id=pledge_id, decision=met(date(2022, 1, 26), "by cli"), at=NOW)
        change = PledgeEdit(
            actor="Someone else", action="x", kind=seen.pledge.kind, due=None, due_precision=None
        )
        with pytest.raises(StaleEditError, match="changed elsewhere"):
            decide(
                session=gui,
                pledge_id=pledge_id,
                decision=edited(change),
                at=NOW,
                expected_version=seen.version,
            )
        stored = get_pledge(session=gui, pledge_id=pledge_id)
    assert (stored.pledge.actor, stored.pledge.met_note, stored.version) == (
        seen.pledge.actor,
        "by cli",
        seen.version + 1,
    )


@pytest.mark.slow
def test_two_processes_making_1000_conflicting_edits_lose_none(
    engine: Engine, sample_path: Path
) -> None:
    ids = ",".join(str(i) for i in _sample_ids(engine, sample_path)[:3])
    db = str(engine.url.database) if engine.dialect.name == "sqlite" else str(engine.url)
    writers = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "tests/store/edit_race.py"), db, name, "500", ids],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
    made = sum(int(out.split()[0]) for out, _ in results)
    refused = sum(int(out.split()[1]) for out, _ in results)
    assert made == 1000
    with open_session(engine) as session:
        versions = session.exec(select(func.sum(PledgeRow.version - 1))).one()
        met_events = session.exec(
            select(func.count())
            .select_from(PledgeEventRow)
            .where(PledgeEventRow.kind == EventKind.MET.value)
        ).one()
    assert versions == 1000
    assert met_events == 1000
    print(f"1000 edits made, {refused} refused as stale and retried")


def test_accepting_and_rejecting_one_suggestion_at_once_applies_one_decision(
    engine: Engine, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.domain.errors import BadValueError
    from app.services import verdicts
    from app.store import suggestion_queries as suggestions

    _sample_ids(engine, sample_path)
    later = tmp_path / "later.txt"
    later.write_text(
        "U.S. Hands Over Its Response\n\nJanuary 26, 2022\n\nThe United States on Wednesday "
        "delivered its written response to Russia's security demands.\n",
        encoding="utf-8",
    )
    list(ingest_each(engine, [later], at=NOW))
    with open_session(engine) as session:
        [open_one] = suggestions.list_suggestions(session=session, likely_only=True)
    read = suggestions.open_suggestion
    raced: list[int] = []

    def read_then_lose_the_race(*, session: Session, suggestion_id: int) -> Suggestion:
        found = read(session=session, suggestion_id=suggestion_id)
        if not raced:  # another process rejects it between this one's read and its write
            raced.append(suggestion_id)
            with open_session(engine) as other:
                verdicts.reject_suggestion(session=other, suggestion_id=suggestion_id)
        return found

    monkeypatch.setattr(verdicts, "open_suggestion", read_then_lose_the_race)
    with (
        open_session(engine) as session,
        pytest.raises(BadValueError, match=f"suggestion {open_one.id} was already rejected"),
    ):
        verdicts.accept_suggestion(session=session, suggestion_id=open_one.id, at=NOW)
    with open_session(engine) as session:
        stored = get_pledge(session=session, pledge_id=open_one.record.id)
        states = suggestions.list_suggestions(session=session, state=SuggestionState.REJECTED)
    assert stored.pledge.met_on is None  # the loser changed nothing
    assert [s.id for s in states] == [open_one.id]
