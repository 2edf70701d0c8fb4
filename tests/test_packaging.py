"""What the wheel ships: every package, and the resources (icon, .desktop entry, sample,
trained weights) from the top-level resources/ as app.resources; and the launcher they make."""

from __future__ import annotations

import configparser
import io
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from app.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = sorted(p.name for p in (ROOT / "resources").iterdir() if p.suffix != ".pyc")


def test_every_package_is_named_in_pyproject() -> None:
    named = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "app").rglob("__init__.py")
    }
    assert named == found | {"app.resources"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel `pip install .` builds, built here from this checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [built] = folder.glob("pledgewatch-*.whl")
    return zipfile.ZipFile(built)


@pytest.mark.slow
def test_the_wheel_ships_the_resources_as_app_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for name in (
        "pledgewatch.svg",
        "pledgewatch.desktop",
        "pledge_model.json",
        "lexicon.toml",
        "SOURCES.md",
    ):
        assert f"app/resources/{name}" in names
    assert any(n.startswith("app/resources/sample-") and n.endswith(".txt") for n in names)
    assert any(n.startswith("app/store/migrations/versions/") for n in names)
    assert not any(n.startswith("resources/") for n in names)  # no stray top-level package
    shipped = {n.removeprefix("app/resources/") for n in names if n.startswith("app/resources/")}
    assert set(RESOURCES) - {"__pycache__"} <= shipped


def test_the_launcher_adds_pledgewatch_to_the_applications_menu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    out = io.StringIO()
    assert cli(["launcher"], out=out) == 0
    desktop = tmp_path / "applications" / "pledgewatch.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "pledgewatch.svg"
    assert f"wrote {desktop}" in out.getvalue()
    assert f"wrote {icon}" in out.getvalue()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    entry.read(desktop, encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert fields["Type"] == "Application"
    assert fields["Name"] == "PledgeWatch"
    assert fields["Icon"] == "pledgewatch"
    assert fields["Categories"].endswith(";")
    program = Path(fields["Exec"])
    assert program.is_absolute()
    assert program.name == "pledgewatch"
    assert os.access(program, os.X_OK)  # the command of this installation, not the PATH's
    assert icon.read_bytes() == (ROOT / "resources" / "pledgewatch.svg").read_bytes()
