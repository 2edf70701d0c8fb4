"""One engine factory: a path or URL from --db or the environment; SQLite in WAL mode."""

from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.errors import BadValueError
from app.store.engine import ENV_VAR, database_url, default_database_path, make_engine


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "p.db"))
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert (tmp_path / "p.db").exists()


def test_the_default_database_gets_its_folder_made_on_first_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import engine as engines

    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(engines, "default_database_path", lambda: tmp_path / "data" / "p.db")
    make_engine(None).dispose()
    assert (tmp_path / "data" / "p.db").exists()


def test_target_then_environment_then_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert (
        database_url("postgresql://team@127.0.0.1/pledges") == "postgresql://team@127.0.0.1/pledges"
    )
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.delenv(ENV_VAR)
    assert database_url(None) == f"sqlite:///{default_database_path()}"
    assert "PledgeWatch" in str(default_database_path())


def test_a_database_that_cannot_be_opened_is_a_clear_error() -> None:
    with pytest.raises(BadValueError, match="cannot be opened"):
        make_engine("nosuchdialect://x")


def test_a_database_path_in_a_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "deeper" / "pledges.db"
    with pytest.raises(BadValueError, match=r"the folder .*deeper does not exist"):
        make_engine(str(target))
    assert not (tmp_path / "no-such-folder").exists()
