"""Edit > Preferences: the reminder lead time chosen in the window is the one `pledgewatch
check` uses; cancelled, nothing changes; an old lead time kept by the window moves over once."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from app.cli import main
from app.gui.dialogs import PreferencesDialog
from app.gui.reminder_service import LEGACY_LEAD_DAYS_KEY
from app.preferences import PREFERENCES_FILE
from tests.gui.conftest import open_window
from tests.gui.helpers import when_shown

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot
    from sqlalchemy import Engine

    from app.gui.main_window import MainWindow
    from tests.conftest import CliRunner
    from tests.gui.conftest import FakeNow


def _us_reminders(database: Path, day: str) -> list[str]:
    """What `pledgewatch check` tells of the United States' pledge on `day` (nothing recorded)."""
    printed = io.StringIO()
    arguments = ["--db", str(database), "check", "--now", day, "--json", "--dry-run"]
    assert main(arguments, out=printed) == 0
    return [r["reminder"] for r in json.loads(printed.getvalue()) if r["actor"] == "United States"]


def _set_lead_days(window: MainWindow, days: int, *, save: bool) -> None:
    """Open Edit > Preferences, type the lead time, then Save or Cancel."""
    wanted = (
        QDialogButtonBox.ButtonRole.AcceptRole if save else QDialogButtonBox.ButtonRole.RejectRole
    )

    def answer(dialog: PreferencesDialog) -> None:
        dialog.lead_days.setValue(days)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        [button] = [b for b in buttons.buttons() if buttons.buttonRole(b) == wanted]
        button.click()

    timer = when_shown(PreferencesDialog, answer)
    window.edit_preferences()
    timer.stop()


def test_the_lead_time_chosen_in_the_window_is_the_one_check_uses(
    window: MainWindow, sample_path: Path, tmp_path: Path, config_folder: Path
) -> None:
    """cron runs `pledgewatch check` on its own database; the window's choice reaches it."""
    elsewhere = tmp_path / "cron.db"
    assert main(["--db", str(elsewhere), "ingest", str(sample_path)], out=io.StringIO()) == 0
    # The United States' pledge is due on 30 January: reminded two days ahead by default.
    assert _us_reminders(elsewhere, "2022-01-25") == []
    _set_lead_days(window, 6, save=False)  # cancelled: nothing changes
    assert not (config_folder / PREFERENCES_FILE).exists()
    assert _us_reminders(elsewhere, "2022-01-25") == []
    _set_lead_days(window, 6, save=True)
    assert json.loads((config_folder / PREFERENCES_FILE).read_text("utf-8")) == {"lead_days": 6}
    assert _us_reminders(elsewhere, "2022-01-25") == ["due soon"]
    assert _us_reminders(elsewhere, "2022-01-23") == []
    printed = io.StringIO()
    lead_one = ["--db", str(elsewhere), "check", "--now", "2022-01-25", "--lead-days", "1"]
    assert main([*lead_one, "--json"], out=printed) == 0
    assert printed.getvalue() == "[]\n"  # --lead-days still wins for one run


def test_a_preferences_file_that_cannot_be_read_is_named_with_what_is_wrong(
    cli: CliRunner, config_folder: Path
) -> None:
    config_folder.mkdir()
    path = config_folder / PREFERENCES_FILE
    path.write_text('{"lead_days": "soon"}', "utf-8")
    result = cli("check", "--now", "2022-01-25")
    assert result.code == 1
    assert result.err == (
        f"pledgewatch: error: {path}: lead_days: 'soon' is not a number of days from 0 to 365\n"
    )
    path.write_text("{lead_days: 3", "utf-8")
    assert f"{path}: not valid JSON (line 1" in cli("check").err
    assert path.read_text("utf-8") == "{lead_days: 3"  # the analyst's file is left as it was


def test_a_lead_time_the_window_kept_before_moves_to_the_shared_file_once(
    qtbot: QtBot, engine: Engine, fake_now: FakeNow, config_folder: Path
) -> None:
    QSettings().setValue(LEGACY_LEAD_DAYS_KEY, 9)
    window = open_window(qtbot, engine, fake_now)
    saved = json.loads((config_folder / PREFERENCES_FILE).read_text("utf-8"))
    assert saved == {"lead_days": 9}
    assert QSettings().value(LEGACY_LEAD_DAYS_KEY) is None
    window.close()
