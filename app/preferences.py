"""The preferences the window and the command line share (the reminder lead time), kept in one
JSON file in the platform's configuration folder, so that `pledgewatch check` reminds as the
window does."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from app.domain.errors import BadValueError
from app.domain.reminder_rule import DEFAULT_LEAD_DAYS

CONFIG_DIR_ENV = "PLEDGEWATCH_CONFIG_DIR"
"""A folder for the preferences instead of the platform's (the tests set it)."""
PREFERENCES_FILE = "preferences.json"
MAX_LEAD_DAYS = 365


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the analyst chose; the defaults until they choose."""

    lead_days: int = DEFAULT_LEAD_DAYS  # remind this many days before a due date


def preferences_path() -> Path:
    """The preferences file: in $PLEDGEWATCH_CONFIG_DIR, else the platform's user configuration
    folder (~/.config/PledgeWatch on Linux)."""
    chosen = os.environ.get(CONFIG_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser() / PREFERENCES_FILE
    from platformdirs import user_config_path

    from app.store.engine import APP_NAME

    return user_config_path(APP_NAME, appauthor=False) / PREFERENCES_FILE


def lead_days_from(value: object) -> int:
    """A lead time as given (a number or its digits), checked; BadValueError says what is wrong."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or int(text) > MAX_LEAD_DAYS:
        raise BadValueError(f"'{value}' is not a number of days from 0 to {MAX_LEAD_DAYS}")
    return int(text)


def load_preferences() -> Preferences:
    """The saved preferences, or the defaults when none were saved. A file that cannot be read
    raises BadValueError naming it and what is wrong with it."""
    path = preferences_path()
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Preferences()
    except OSError as exc:
        raise BadValueError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadValueError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise BadValueError(f'{path}: expected an object such as {{"lead_days": 2}}')
    try:
        lead = lead_days_from(data.get("lead_days", DEFAULT_LEAD_DAYS))
    except BadValueError as exc:
        raise BadValueError(f"{path}: lead_days: {exc}") from None
    return Preferences(lead_days=lead)


def save_preferences(preferences: Preferences) -> Path:
    """Write the preferences whole (a new file moved into place: never half-written)."""
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    partial.write_text(json.dumps(asdict(preferences), indent=1) + "\n", "utf-8")
    partial.replace(path)
    return path
