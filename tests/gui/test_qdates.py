"""One way to write a day in the window: the locale's short date, readable where none is set."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from app.gui.qdates import date_edit, shown_date, shown_time, shown_weekday_date

DAY = date(2022, 1, 30)


@pytest.mark.parametrize(
    ("locale", "written", "picker"),
    [
        (
            QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
            "30/01/2022",
            "30/01/2022",
        ),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "1/30/22", "1/30/22"),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "30.01.22", "30.01.22"),
        (QLocale.c(), "30 Jan 2022", "30 Jan 2022"),  # no locale set: never '30 01 2022'
    ],
)
@pytest.mark.usefixtures("qapp")
def test_a_day_is_written_in_the_locale_s_short_form_everywhere(
    locale: QLocale, written: str, picker: str
) -> None:
    QLocale.setDefault(locale)
    assert shown_date(DAY) == written
    assert date_edit(DAY).text() == picker  # the pickers of the filter bar and dialogs alike
    assert shown_weekday_date(DAY).endswith(written)


@pytest.mark.usefixtures("qapp")
def test_a_moment_is_written_in_local_time_with_the_day_as_everywhere() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    moment = datetime(2022, 1, 30, 12, 0, tzinfo=UTC)
    local = moment.astimezone()
    assert shown_time(moment) == f"{local:%d/%m/%Y %H:%M}"
