"""Conversions between Python dates and Qt's QDate."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_date(qdate: QDate) -> date:
    """A QDate as a Python date."""
    return date(qdate.year(), qdate.month(), qdate.day())


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)
