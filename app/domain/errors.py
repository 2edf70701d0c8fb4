"""Errors that mean the user's input was wrong, each with a message fit to show as it is."""

from __future__ import annotations


class PledgeWatchError(Exception):
    """An error caused by input, to be shown to the user as one line, never as a traceback."""


class ExtractError(PledgeWatchError):
    """A pipeline stage could not handle one input; says which stage and which input."""

    def __init__(self, *, stage: str, source: str, message: str) -> None:
        super().__init__(f"{source}: {stage}: {message}")
        self.stage = stage
        self.source = source
        self.message = message


class NotFoundError(PledgeWatchError):
    """Something asked for by id does not exist."""


class BadValueError(PledgeWatchError):
    """A value given on the command line or in a form is malformed."""


class StaleEditError(PledgeWatchError):
    """An edit was made on an older version of a pledge than the one stored now."""
