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

if TYPE_CHECKING:
    from alembic.config import Config

FIRST_REVISION = "0001"
# The newest revision in migrations/versions; a test checks that alembic agrees. Knowing it
# here lets a database at head open without importing alembic at all (a faster start).
HEAD_REVISION = "0004"
Announce = Callable[[str], None]


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
        try:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            revision = None
            connection.rollback()
        if revision is None and inspect(connection).has_table("article"):
            return FIRST_REVISION  # made before migrations were recorded: the first schema
    return None if revision is None else str(revision)


def ensure_schema(engine: Engine, announce: Announce | None = None) -> Path | None:
    """Create or upgrade the schema; returns the backup written before an upgrade, if any."""
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    backup = None
    if current is not None:
        backup = _backup_sqlite(engine, current)
    config = _config()
    with _one_transaction(engine) as connection:
        config.attributes["connection"] = connection
        recorded = MigrationContext.configure(connection).get_current_revision()
        if current is not None and recorded is None:
            command.stamp(config, current)
        command.upgrade(config, "head")
    if current is not None:
        where = f"; the old database was copied to {backup}" if backup else ""
        (announce or _to_stderr)(f"upgraded the database schema from {current} to {head}{where}")
    return backup


@contextmanager
def _one_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection whose statements, tables made or dropped included, commit together or not
    at all. Python's sqlite3 commits each CREATE, DROP and ALTER on its own; here it leaves the
    transaction to SQLite, so that a process killed mid-migration leaves the schema as it was."""
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            with connection.begin():
                yield connection
            return
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        level = raw.isolation_level
        raw.isolation_level = None  # no implicit transactions: SQLite's own BEGIN … COMMIT
        try:
            connection.exec_driver_sql("BEGIN")
            yield connection
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
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
