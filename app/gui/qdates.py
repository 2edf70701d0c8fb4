"""Dates between Python and Qt: QDate conversions, and the one way the window writes a day
(the locale's short date; ISO is for exports and the command line)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit

_PLAIN_DAY = "d MMM yyyy"  # where the locale is C (no language set): '14 Oct 2021'


def to_date(qdate: QDate) -> date:
    """A QDate as a Python date."""
    return date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def day_format() -> str:
    """The Qt format of a day in the window: the locale's short date ('dd/MM/yyyy' in Britain,
    'M/d/yy' in the United States), or '14 Oct 2021' where no locale is set."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return _PLAIN_DAY
    return locale.dateFormat(QLocale.FormatType.ShortFormat)


def date_edit(day: date) -> QDateEdit:
    """A day picker (with a calendar popup) that writes the day as the window does."""
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(day_format())
    return edit


def shown_date(day: date) -> str:
    """A day as the window writes it (see day_format)."""
    return QLocale().toString(to_qdate(day), day_format())


def shown_weekday_date(day: date) -> str:
    """A day with its weekday, to confirm a day typed: 'Monday 24/01/2022'."""
    return f"{QLocale().dayName(day.isoweekday())} {shown_date(day)}"


def shown_time(moment: datetime) -> str:
    """A moment in the local time zone: the day as the window writes it, and the time."""
    local = moment.astimezone()
    clock = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{shown_date(local.date())} {clock}"
