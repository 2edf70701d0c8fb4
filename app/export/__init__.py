"""Pledges out to spreadsheets (CSV), calendars (iCalendar) and programs (JSON)."""

from app.export.formats import FORMATS, export_pledges, write_atomically

__all__ = ["FORMATS", "export_pledges", "write_atomically"]
