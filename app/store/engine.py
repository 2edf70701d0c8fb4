"""The one place that makes the database engine: SQLite (WAL) by default, any SQLAlchemy URL."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.domain.errors import BadValueError
from app.store.migrate import ensure_schema
from app.store.urls import shown_url

if TYPE_CHECKING:
    from sqlmodel import Session

ENV_VAR = "PLEDGEWATCH_DB"
APP_NAME = "PledgeWatch"
BUSY_TIMEOUT_MS = 10_000


def default_database_path() -> Path:
    """Where the embedded database lives: the platform's user data directory."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "pledgewatch.db"


def database_url(target: str | None = None) -> str:
    """Turn `--db`, else $PLEDGEWATCH_DB, else the default path, into a SQLAlchemy URL."""
    chosen = target or os.environ.get(ENV_VAR) or str(default_database_path())
    if "://" in chosen:
        return chosen
    path = Path(chosen).expanduser()
    return f"sqlite:///{path}"


def make_engine(target: str | None = None) -> Engine:
    """Create the engine for a path or URL, and the tables if they are missing."""
    url = database_url(target)
    shown = shown_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadValueError(f"database: '{shown}' is not a file path or a database URL") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            if target or os.environ.get(ENV_VAR):  # a typing slip must not make new folders
                raise BadValueError(f"database '{shown}': the folder {folder} does not exist")
            folder.mkdir(parents=True, exist_ok=True)  # the user data directory, first start
    engine = None
    try:
        engine = create_engine(url, pool_pre_ping=parsed.get_backend_name() != "sqlite")
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _configure_sqlite)
        ensure_schema(engine)
    except (SQLAlchemyError, ImportError, OSError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        _close(engine)
        raise BadValueError(f"database '{shown}' cannot be opened: {reason}") from None
    except BaseException:
        _close(engine)
        raise
    return engine


def _close(engine: Engine | None) -> None:
    """Let go of a database that could not be opened (SQLite removes its -wal and -shm)."""
    if engine is not None:
        engine.dispose()


def open_session(engine: Engine) -> Session:
    """A new ORM session on the engine; objects stay readable after commit.

    SQLModel loads here, not with the engine: reading queries (app.store.reads) run on a plain
    connection, so a command-line listing never pays for importing the ORM.
    """
    from sqlmodel import Session

    return Session(engine, expire_on_commit=False)


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the database in WAL mode, waiting for another program that is doing the same.

    The switch needs the database to itself, and SQLite answers "locked" at once, without its busy
    handler, while another connection is switching or creating it: retried until busy_timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL for readers beside a writer, foreign keys enforced, and a wait instead of 'locked'."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL may wait for a lock
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
