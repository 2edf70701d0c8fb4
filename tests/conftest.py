"""Shared fixtures: the sample article, a fresh database, and a way to run the CLI."""

from __future__ import annotations

import io
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.cli import main
from app.extract import Extraction, Pipeline
from app.services.importing import SAMPLE_RESOURCE
from app.store.engine import make_engine


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The bundled sample article (The Moscow Times, 21 January 2022), as shipped in the package."""
    return Path(str(resources.files("app.resources").joinpath(SAMPLE_RESOURCE)))


@pytest.fixture(scope="session")
def sample_extraction(sample_path: Path) -> Extraction:
    """The pipeline's output for the sample; spaCy runs once per test session."""
    return Pipeline().run_file(sample_path)


# With PLEDGEWATCH_TEST_PG set (as .ci/run does), every store, CLI and GUI test that takes a
# database runs on PostgreSQL as well as on SQLite.
PG_ADMIN = os.environ.get("PLEDGEWATCH_TEST_PG")
BACKENDS = ["sqlite", "postgresql"] if PG_ADMIN else ["sqlite"]


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The path or URL of a new, empty database: SQLite in a folder, or a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "pledges.db")
        return
    assert PG_ADMIN is not None
    name = f"pw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def engine(database: str) -> Iterator[Engine]:
    """An engine on a new, empty database; the windows a test left open are closed and their
    background work finished before it goes (pytest-qt would close them only afterwards, with
    a worker still holding a connection of a disposed engine)."""
    made = make_engine(database)
    yield made
    _close_windows()
    made.dispose()


def _close_windows() -> None:
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return  # no Qt in this test: nothing to close
    shown = [w for w in widgets.QApplication.topLevelWidgets() if w.isVisible()]
    close_and_finish([w for w in shown if isinstance(w, widgets.QMainWindow)])


def close_and_finish(windows: list[Any]) -> None:
    """Close windows, then wait for their background work and deliver its results."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for window in windows:
        window.close()
    QThreadPool.globalInstance().waitForDone(60_000)
    QApplication.processEvents()


@dataclass
class CliResult:
    """Exit status and output of one CLI run."""

    code: int
    out: str
    err: str


CliRunner = Callable[..., CliResult]


@pytest.fixture
def cli(database: str, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """Run `pledgewatch ARGS` in-process against the test's database."""
    db = database

    def run(*args: str) -> CliResult:
        out = io.StringIO()
        try:
            code = main(["--db", db, *args], out=out)
        except SystemExit as exc:  # argparse exits on usage errors and --help
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code=code, out=out.getvalue() + captured.out, err=captured.err)

    return run


pytest_plugins = ["tests.web"]


@pytest.fixture(autouse=True)
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test (and every program it starts) logs under its own folder, never the user's;
    the log file is closed after the test."""
    from app.logs import LOG_DIR_ENV, stop_logging

    folder = tmp_path / "log"
    monkeypatch.setenv(LOG_DIR_ENV, str(folder))
    yield folder
    stop_logging()


@pytest.fixture(autouse=True)
def config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Preferences are read and written under the test's folder, never the user's."""
    from app.preferences import CONFIG_DIR_ENV

    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def html_page() -> Path:
    """An HTML page of the sample article with boilerplate around it (tests/data/SOURCES.md)."""
    return DATA / "moscow-times.html"
