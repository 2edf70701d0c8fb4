"""The log: what a command did and every failure's traceback go to a rotating file in the log
folder; --verbose prints them too; a fault of PledgeWatch's own is one line and a log entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.logs import BACKUPS, LOG_FILE

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from tests.conftest import CliRunner


def test_an_import_is_written_to_the_log_and_printed_only_with_verbose(
    cli: CliRunner, sample_path: Path, log_folder: Path
) -> None:
    quiet = cli("ingest", str(sample_path))
    assert quiet.code == 0
    assert quiet.err == ""
    logged = (log_folder / LOG_FILE).read_text("utf-8")
    assert "INFO app.services.importing: stored 'Russia" in logged
    again = cli("list", "-v")  # before or after the command, like --db
    assert "pledgewatch: DEBUG: pledgewatch --db" in again.err
    loud = cli("--verbose", "ingest", str(sample_path))
    assert "pledgewatch: INFO: already stored 'Russia" in loud.err
    assert "already stored 'Russia" in (log_folder / LOG_FILE).read_text("utf-8")


def test_a_fault_of_ours_is_one_line_and_its_traceback_is_in_the_log(
    cli: CliRunner, sample_path: Path, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the index is corrupt")

    monkeypatch.setattr("app.services.importing.store_extraction", broken)
    result = cli("ingest", str(sample_path))
    assert result.code == 70
    log = log_folder / LOG_FILE
    assert result.err == (
        f"pledgewatch: error: internal error: RuntimeError: the index is corrupt; "
        f"the details are in {log}\n"
    )
    logged = log.read_text("utf-8")
    assert "ERROR app.cli: internal error: RuntimeError: the index is corrupt" in logged
    assert logged.count("internal error") == 1  # one entry, with its traceback
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the index is corrupt" in logged


def test_the_log_rolls_over_and_keeps_a_few_old_files(
    cli: CliRunner, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.logs.MAX_BYTES", 300)
    for _ in range(12):
        cli("list", "--status", "met")
        cli("ingest", "/no/such/article.txt")  # each failure is a warning in the log
    names = sorted(p.name for p in log_folder.iterdir())
    assert names == [LOG_FILE] + [f"{LOG_FILE}.{n}" for n in range(1, BACKUPS + 1)]
    assert all(p.stat().st_size <= 600 for p in log_folder.iterdir())


def test_a_database_password_never_reaches_the_log(cli: CliRunner, log_folder: Path) -> None:
    secret = "postgresql+psycopg://analyst:s3cret-pw@127.0.0.1:9/pledges"
    result = cli("-v", "--db", secret, "list")
    assert result.code == 1  # nothing listens there
    assert "s3cret-pw" not in result.err
    assert "analyst:***@127.0.0.1" in result.err
    assert "s3cret-pw" not in (log_folder / LOG_FILE).read_text("utf-8")


def test_a_log_folder_that_cannot_be_made_does_not_stop_a_command(
    cli: CliRunner, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.logs import LOG_DIR_ENV

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv(LOG_DIR_ENV, str(blocker / "log"))
    result = cli("ingest", str(sample_path))
    assert result.code == 0
    assert result.err == ""
