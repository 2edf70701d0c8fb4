"""Upgrades: a database of the first released schema keeps every row, and is copied first."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

from app.store.engine import make_engine, open_session
from app.store.migrate import _config, head_revision
from app.store.queries import pledge_events
from app.store.reads import get_pledge, list_pledges

if TYPE_CHECKING:
    from pathlib import Path

    from alembic.config import Config

ROWS = [
    "INSERT INTO article VALUES (1, 'Talks', 'a.txt', '2022-01-21', 'dateline', "
    "'The United States will respond next week.', 'hash-1', '2022-01-21 12:00:00')",
    "INSERT INTO pledge VALUES (1, 1, 'United States', NULL, 'respond', 'promise', NULL, "
    "'The United States will respond next week.', 0, 42, 'next week', '2022-01-30', 'week', "
    "'2022-01-26', 'delivered', NULL, 0)",
    "INSERT INTO pledge VALUES (2, 1, 'Russia', NULL, 'reply', 'promise', NULL, "
    "'Russia will reply.', 0, 18, NULL, NULL, NULL, NULL, NULL, NULL, 0)",
    "INSERT INTO pledge_event VALUES (1, 1, 'created', '2022-01-21 12:00:00', 'from a.txt')",
    "INSERT INTO pledge_event VALUES (2, 1, 'met', '2022-01-26 09:00:00', 'met on 2022-01-26')",
]


def _first_release_database(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with sqlite3.connect(path) as db:
        for statement in ROWS:
            db.execute(statement)
    engine.dispose()


def test_a_first_release_database_upgrades_with_every_row_kept(tmp_path: Path) -> None:
    path = tmp_path / "pledges.db"
    _first_release_database(path)
    engine = make_engine(str(path))
    with open_session(engine) as session:
        records = list_pledges(session=session, today=date(2022, 2, 1))
        assert [(r.pledge.actor, r.version) for r in records] == [
            ("United States", 1),
            ("Russia", 1),
        ]
        us = get_pledge(session=session, pledge_id=1).pledge
        assert (us.met_on.isoformat() if us.met_on else None, us.met_note) == (
            "2022-01-26",
            "delivered",
        )
        assert [e.kind.value for e in pledge_events(session=session, pledge_id=1)] == [
            "created",
            "met",
        ]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT pledge_count FROM article").fetchall() == [(2,)]
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
    [backup] = tmp_path.glob("pledges.before-schema-0001-*.db")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT COUNT(*) FROM pledge").fetchone() == (2,)
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_the_migrations_build_exactly_the_tables_the_code_uses(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "new.db"))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_opening_a_current_database_writes_no_backup(tmp_path: Path) -> None:
    make_engine(str(tmp_path / "p.db")).dispose()
    make_engine(str(tmp_path / "p.db")).dispose()
    assert list(tmp_path.glob("*.before-schema-*")) == []


def test_the_head_revision_the_app_knows_is_alembics() -> None:
    from app.store.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_a_schema_change_cut_short_leaves_no_table_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if the process were killed after the last migration step, before the commit."""
    from app.store.migrate import ensure_schema

    upgrade = command.upgrade

    def upgrade_then_die(config: Config, revision: str) -> None:
        upgrade(config, revision)
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "upgrade", upgrade_then_die)
    path = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt):
        ensure_schema(create_engine(f"sqlite:///{path}"))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == []


def test_a_database_from_a_newer_pledgewatch_is_refused_and_nothing_written(
    database: str, tmp_path: Path
) -> None:
    from sqlalchemy import text

    from app.domain.errors import BadValueError
    from app.store.migrate import HEAD_REVISION

    made = make_engine(database)
    with made.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    made.dispose()
    before = sorted(tmp_path.iterdir())
    message = (
        r"written by a newer PledgeWatch \(schema 0999\); this version knows up to " + HEAD_REVISION
    )
    for _ in range(2):  # every run: the same message, and no backup copy
        with pytest.raises(BadValueError, match=message):
            make_engine(database)
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.slow
def test_two_programs_opening_one_new_database_at_once_both_succeed(tmp_path: Path) -> None:
    import subprocess
    import sys

    for round_ in range(4):
        path = tmp_path / f"new-{round_}.db"
        command_line = [sys.executable, "-m", "app", "--db", str(path), "list"]
        runs = [
            subprocess.Popen(
                command_line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            for _ in range(2)
        ]
        for run in runs:
            out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
            assert "No pledges" in out


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_that_refer_to_it(
    tmp_path: Path,
) -> None:
    """SQLite migrations rebuild a table (copy, drop, rename) to change it: the drop must not
    take the pledges' history with it through ON DELETE CASCADE."""
    from app.store.migrate import _one_transaction

    path = tmp_path / "pledges.db"
    _first_release_database(path)
    engine = make_engine(str(path))
    with _one_transaction(engine) as connection:
        connection.exec_driver_sql("CREATE TABLE pledge_copy AS SELECT * FROM pledge")
        connection.exec_driver_sql("DROP TABLE pledge")
        connection.exec_driver_sql("ALTER TABLE pledge_copy RENAME TO pledge")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM pledge_event").fetchone() == (2,)
    with engine.connect() as connection:  # and foreign keys are enforced again afterwards
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_reminders_given_before_the_reminder_table_are_not_given_again(
    tmp_path: Path, sample_path: Path
) -> None:
    """A database whose reminders are only in the pledges' histories (schema 0006) gets them
    in the reminder table on upgrade: `check` does not tell them again."""
    import io
    import json

    from app.cli import main

    path = tmp_path / "p.db"

    def check(day: str) -> list[tuple[str, str]]:
        printed = io.StringIO()
        assert main(["--db", str(path), "check", "--now", day, "--json"], out=printed) == 0
        return [(r["actor"], r["reminder"]) for r in json.loads(printed.getvalue())]

    assert main(["--db", str(path), "ingest", str(sample_path)], out=io.StringIO()) == 0
    assert check("2022-01-31") == [("United States", "overdue")]
    engine = create_engine(f"sqlite:///{path}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")  # the reminder is now only in the history
    engine.dispose()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT detail FROM pledge_event WHERE kind = 'reminded'").fetchall() == [
            ("overdue (due 2022-01-30)",)
        ]
    assert check("2022-01-31") == []  # upgraded again on opening: the reminder is known
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT kind, due FROM reminder").fetchall() == [
            ("overdue", "2022-01-30")
        ]
        assert db.execute(
            "SELECT COUNT(*) FROM pledge_event WHERE kind = 'reminded'"
        ).fetchone() == (1,)


def test_the_old_words_of_a_0007_database_are_read_in_the_new_ones(
    tmp_path: Path, sample_path: Path
) -> None:
    """Schema 0008 renames: a later report of a pledge (pledge_source -> pledge_report, history
    kind source -> reported), a verdict taken back (unmet -> reopened) and a suggestion's
    verdict (column outcome -> verdict). What a 0007 database holds is read in the new words."""
    import io

    from app.cli import main
    from app.domain import EventKind, SuggestionState, Verdict
    from app.store.reads import pledge_reports
    from app.store.suggestion_queries import list_suggestions

    path = tmp_path / "p.db"
    assert main(["--db", str(path), "ingest", str(sample_path)], out=io.StringIO()) == 0
    engine = create_engine(f"sqlite:///{path}")
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO article (id, title, source, published, published_how, text, "
            "content_hash, imported_at) VALUES (2, 'Later', 'b.txt', '2022-01-27', 'given', "
            "'The United States will respond. It responded.', 'hash-2', '2022-01-27 09:00:00')"
        )
        db.execute(
            "INSERT INTO pledge_source (pledge_id, article_id, quote, quote_start, quote_end) "
            "VALUES (1, 2, 'The United States will respond.', 0, 31)"
        )
        db.execute(
            "INSERT INTO suggestion (pledge_id, article_id, outcome, happened_on, evidence, "
            "evidence_start, evidence_end, state, created_at) VALUES (1, 2, 'broken', "
            "'2022-01-27', 'It responded.', 32, 45, 'open', '2022-01-27 09:00:00')"
        )
        for kind in ("source", "unmet"):
            db.execute(
                "INSERT INTO pledge_event (pledge_id, kind, at, detail) "
                f"VALUES (1, '{kind}', '2022-01-27 09:00:00', 'old word')"
            )
    upgraded = make_engine(str(path))
    with open_session(upgraded) as session:
        record = get_pledge(session=session, pledge_id=1)
        kinds = [e.kind for e in pledge_events(session=session, pledge_id=1)]
        reports = pledge_reports(session=session, record=record)
        [suggestion] = list_suggestions(session=session, state=SuggestionState.OPEN)
    upgraded.dispose()
    assert kinds[:2] == [EventKind.REPORTED, EventKind.REOPENED]  # dated before the import
    assert [r.title for r in reports][-1] == "Later"
    assert suggestion.verdict is Verdict.BROKEN


def test_the_upgrade_files_every_stored_pledge_so_a_later_article_finds_it(
    tmp_path: Path,
) -> None:
    """0010 files the pledges of an older database under their actor's words: the follow-up
    search of a later article finds the open ones (the met one is done with)."""
    from app.store.reads import open_pledges_filed_under

    path = tmp_path / "pledges.db"
    _first_release_database(path)
    engine = make_engine(str(path))
    with engine.connect() as connection:
        found = open_pledges_filed_under(
            session=connection,
            words={"russia", "states", "talks"},
            published_by=date(2022, 2, 1),
            most=10,
        )
        nobody = open_pledges_filed_under(
            session=connection, words={"china"}, published_by=date(2022, 2, 1), most=10
        )
    engine.dispose()
    assert [(i, actor) for i, actor, _article in found] == [(2, "Russia")]
    assert nobody == []


def test_the_words_0010_filed_pledges_under_are_the_words_the_code_looks_up() -> None:
    """The migration keeps its own frozen copy of the rule; when domain/likeness.index_words
    changes, pledges filed before would be missed: add a migration that files them again."""
    import importlib

    from app.domain.likeness import index_words

    frozen = importlib.import_module("app.store.migrations.versions.0010_actor_word_index")
    actors = ["United States", "Russia's Foreign Minister Sergei Lavrov", "the House",
              "General Motors (GM)", "Democrats", "U.S. President Joe Biden"]  # fmt: skip
    for actor in actors:
        assert frozen._words(actor) == index_words(actor), actor
