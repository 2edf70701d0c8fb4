"""Adds PledgeWatch to the desktop's applications menu: the freedesktop .desktop entry and the
icon, copied from the bundled resources into the user's data directory."""

from __future__ import annotations

import os
import shutil
import sys
from importlib import resources
from pathlib import Path

DESKTOP_RESOURCE = "pledgewatch.desktop"
ICON_RESOURCE = "pledgewatch.svg"


def data_home() -> Path:
    """Where freedesktop menus look for the user's own entries ($XDG_DATA_HOME)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def program() -> str:
    """The `pledgewatch` command of this installation, by its full path when it can be found
    (a virtual environment is not on the menu's PATH)."""
    beside = Path(sys.executable).with_name("pledgewatch")
    found = str(beside) if beside.exists() else shutil.which("pledgewatch")
    return found or "pledgewatch"


def install_launcher(home: Path, command: str) -> list[Path]:
    """Write the .desktop entry (starting `command`) and the icon under `home`; returns the
    files written. Running it again writes them again: nothing else is touched."""
    bundled = resources.files("app.resources")
    entry = bundled.joinpath(DESKTOP_RESOURCE).read_text("utf-8")
    entry = entry.replace("Exec=pledgewatch", f"Exec={_quoted(command)}", 1)
    desktop = home / "applications" / DESKTOP_RESOURCE
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / ICON_RESOURCE
    for path in (desktop, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
    desktop.write_text(entry, encoding="utf-8")
    icon.write_bytes(bundled.joinpath(ICON_RESOURCE).read_bytes())
    return [desktop, icon]


def _quoted(command: str) -> str:
    """A path as the Exec key wants it: quoted when it holds a space or a quote."""
    if not any(c in command for c in ' "\\`$'):
        return command
    escaped = command.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    return '"' + escaped.replace("$", "\\$") + '"'
