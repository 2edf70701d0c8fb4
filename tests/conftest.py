"""Shared fixtures: the sample article, a fresh database, and a way to run the CLI."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.cli import main
from app.extract import Extraction, Pipeline
from app.ingest import SAMPLE_RESOURCE
from app.store.engine import make_engine


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The bundled sample article (The Moscow Times, 21 January 2022), as shipped in the package."""
    return Path(str(resources.files("app.resources").joinpath(SAMPLE_RESOURCE)))


@pytest.fixture(scope="session")
def sample_extraction(sample_path: Path) -> Extraction:
    """The pipeline's output for the sample; spaCy runs once per test session."""
    return Pipeline().run_file(sample_path)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A new, empty SQLite database in a temporary folder."""
    return make_engine(str(tmp_path / "pledges.db"))


@dataclass
class CliResult:
    """Exit status and output of one CLI run."""

    code: int
    out: str
    err: str


CliRunner = Callable[..., CliResult]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """Run `pledgewatch ARGS` in-process against a database of this test's own."""
    db = str(tmp_path / "cli.db")

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
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def html_page() -> Path:
    """An HTML page of the sample article with boilerplate around it (tests/data/SOURCES.md)."""
    return DATA / "moscow-times.html"
