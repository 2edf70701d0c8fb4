"""The architecture holds: no Qt outside app.gui, and data flows one way (import-linter)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_cli_lists_without_loading_qt_spacy_or_the_orm(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    subprocess.run(
        [sys.executable, "-m", "app", "--db", db, "list"], cwd=ROOT, check=True, capture_output=True
    )  # makes the schema (alembic loads the ORM)
    code = (
        "import sys; from app.cli import main; "
        f"main(['--db', {db!r}, 'list', '--status', 'overdue']); "
        "print(sorted(m for m in ('PySide6', 'spacy', 'sqlmodel') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_extracting_pledges_needs_no_learning_library() -> None:
    """The app scores with the shipped weights; scikit-learn is for training only."""
    code = (
        "import sys; from app.extract import Pipeline; "
        "Pipeline().run_text('2022-01-21\\nT\\n\\nThe ministry will publish the report.', "
        "source='t'); print('sklearn' in sys.modules, 'app.training' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False False"
