"""Brings a database to the current schema with alembic, copying a SQLite file first."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from app.domain.errors import BadValueError

if TYPE_CHECKING:
    from alembic.config import Config

FIRST_REVISION = "0001"
# The newest revision in migrations/versions; a test checks that alembic agrees. Knowing it
# here lets a database at head open without importing alembic at all (a faster start).
HEAD_REVISION = "0011"
Announce = Callable[[str], None]
_SCHEMA_LOCK = 7_140_412  # PostgreSQL advisory lock key held while the schema changes


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    location = resources.files("app.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    """The newest schema revision, as alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision a database is at; None for an empty database."""
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    # inside a transaction, a failed read must not spoil it (PostgreSQL aborts the whole one)
    savepoint = connection.begin_nested() if connection.in_transaction() else None
    try:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        revision = None
        (savepoint or connection).rollback()
    else:
        if savepoint is not None:
            savepoint.commit()
    if revision is None and inspect(connection).has_table("article"):
        return FIRST_REVISION  # made before migrations were recorded: the first schema
    return None if revision is None else str(revision)


def known_revisions() -> set[str]:
    """The revisions this version's migrations know (read from the migration scripts)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def ensure_schema(engine: Engine, announce: Announce | None = None) -> Path | None:
    """Create or upgrade the schema; returns the backup written before an upgrade, if any.

    The write lock is taken before the schema is read again and changed, so that two programs
    opening a new database at once do not both make it (the second finds it made). A database
    from a newer PledgeWatch is refused before anything is written."""
    if current_revision(engine) == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    config = _config()
    with _one_transaction(engine) as connection:
        current = _revision(connection)  # again, now that no other program can change it
        if current == HEAD_REVISION:
            return None
        if current is not None and current not in known_revisions():
            raise NewerSchemaError(current)
        backup = None if current is None else _backup_sqlite(engine, current)
        config.attributes["connection"] = connection
        recorded = MigrationContext.configure(connection).get_current_revision()
        if current is not None and recorded is None:
            command.stamp(config, current)
        command.upgrade(config, "head")
    if current is not None:
        where = f"; the old database was copied to {backup}" if backup else ""
        (announce or _to_stderr)(
            f"upgraded the database schema from {current} to {HEAD_REVISION}{where}"
        )
    return backup


class NewerSchemaError(BadValueError):
    """The database was written by a newer PledgeWatch than this one."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database was written by a newer PledgeWatch (schema {revision}); this version "
            f"knows up to {HEAD_REVISION}: upgrade PledgeWatch to open it. Nothing was changed."
        )


@contextmanager
def _one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection whose statements, tables made or dropped included, commit together or not
    at all. Python's sqlite3 commits each CREATE, DROP and ALTER on its own; here it leaves the
    transaction to SQLite, so that a process killed mid-migration leaves the schema as it was."""
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            with connection.begin():
                if engine.dialect.name == "postgresql":  # one schema change at a time
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")
                yield connection
            return
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        level = raw.isolation_level
        raw.isolation_level = None  # no implicit transactions: SQLite's own BEGIN … COMMIT
        # A migration may rebuild a table (copy, drop, rename); with foreign keys enforced the
        # drop would take every row that refers to it (the history of each pledge) with it.
        # The pragma only takes effect outside a transaction, so it is set before BEGIN.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            # IMMEDIATE: the write lock first (waiting out busy_timeout for another opener), so
            # what is read next cannot change before it is written
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield connection
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            raw.isolation_level = level


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    """Copy a SQLite database (consistently, with SQLite's backup API) before migrating it."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    source = Path(engine.url.database)
    if not source.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.before-schema-{revision}-{stamp}{source.suffix}")
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return target


def _to_stderr(message: str) -> None:
    print(f"pledgewatch: {message}", file=sys.stderr)
