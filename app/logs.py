"""The log: every command and the window write what they did and every failure's traceback to a
rotating file in the platform's log folder; with --verbose the command line also prints it."""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIR_ENV = "PLEDGEWATCH_LOG_DIR"
"""A folder for the log instead of the platform's (the tests set it)."""
LOG_FILE = "pledgewatch.log"
MAX_BYTES = 1_000_000  # then the file rolls over: pledgewatch.log.1, .2, .3
BACKUPS = 3
ROOT = "app"  # every module logs to logging.getLogger(__name__), under this one
_FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_folder() -> Path:
    """Where the log is written: $PLEDGEWATCH_LOG_DIR, else the platform's user log folder
    (~/.local/state/PledgeWatch/log on Linux)."""
    chosen = os.environ.get(LOG_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_log_path

    from app.store.engine import APP_NAME

    return user_log_path(APP_NAME, appauthor=False)


def log_path() -> Path:
    """The current log file."""
    return log_folder() / LOG_FILE


class _Owned:
    """Marks the handlers start_logging made, so that starting again replaces them."""


def start_logging(*, verbose: bool = False) -> Path | None:
    """Send the app's log records to the log file (INFO and up) and, when `verbose`, to stderr
    (DEBUG and up); returns the file, or None when it cannot be written (a read-only home
    must not stop the program). Called again, it replaces what it set up before."""
    stop_logging()
    logger = logging.getLogger(ROOT)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False
    if verbose:
        to_terminal = _OwnedStream(sys.stderr)
        to_terminal.setFormatter(logging.Formatter("pledgewatch: %(levelname)s: %(message)s"))
        logger.addHandler(to_terminal)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        to_file = _OwnedFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS)
    except OSError:
        return None
    to_file.setFormatter(logging.Formatter(_FILE_FORMAT))
    to_file.setLevel(logging.INFO)
    logger.addHandler(to_file)
    return path


def stop_logging() -> None:
    """Close what start_logging set up; records go where Python sends them by default."""
    logger = logging.getLogger(ROOT)
    for handler in [h for h in logger.handlers if isinstance(h, _Owned)]:
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True
    logger.setLevel(logging.NOTSET)


class _OwnedFile(RotatingFileHandler, _Owned):
    """The rotating log file, in UTF-8."""

    def __init__(self, path: Path, *, maxBytes: int, backupCount: int) -> None:
        super().__init__(path, maxBytes=maxBytes, backupCount=backupCount, encoding="utf-8")


class _OwnedStream(logging.StreamHandler, _Owned):  # type: ignore[type-arg]
    """The terminal, with --verbose."""
