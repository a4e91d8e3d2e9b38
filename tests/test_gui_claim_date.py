"""The claim date: typed as ISO or in the interface language's short form, empty for none,
a calendar that opens at today, and Tab never changes it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtTest import QTest

from desktop.ui.claim_fields import parse_date
from tests.test_gui_typing import KEY_MS, focused, saved, tab, type_slowly
from tests.test_gui_typing import window as window  # noqa: F401  (the fixture)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("fr_FR", "2024-10-25", date(2024, 10, 25)),
        ("fr_FR", "25/10/2024", date(2024, 10, 25)),
        ("en_US", "10/25/24", date(2024, 10, 25)),
        ("en_US", "10/25/2024", date(2024, 10, 25)),
        ("en_GB", "25/10/2024", date(2024, 10, 25)),
        ("fr_FR", "  ", None),
    ],
)
def test_typed_dates_are_read_in_iso_and_the_short_format(locale, text, expected):
    assert parse_date(text, QLocale(locale)) == expected


@pytest.mark.parametrize("text", ["No date0241025", "2024-13-01", "25 octobre", "0241025"])
def test_anything_else_is_refused_not_guessed(text):
    with pytest.raises(ValueError):
        parse_date(text, QLocale("fr_FR"))


def test_typing_a_date_into_the_empty_field_and_tab(qtbot, window):
    editor = window.editor
    line = editor.claim_date.line
    assert line.text() == ""  # no date: the field is empty, not "No date"
    line.setFocus()
    qtbot.waitUntil(lambda: focused() is line)
    type_slowly(qtbot, "2024-10-25")
    tab(qtbot)
    assert focused() is editor.appearance_url
    type_slowly(qtbot, "https://x.example/a")
    tab(qtbot)
    assert line.text() == "2024-10-25"  # Tab moved on and changed nothing
    row = saved(window)
    assert (row.claim_date, row.appearance_url) == (date(2024, 10, 25), "https://x.example/a")
    # Tab through the date again: still the same date.
    line.setFocus()
    qtbot.waitUntil(lambda: focused() is line)
    tab(qtbot)
    assert saved(window).claim_date == date(2024, 10, 25)
    assert line.text() == "2024-10-25"


def test_a_half_typed_date_is_kept_flagged_and_not_saved(qtbot, window):
    editor = window.editor
    notices = []
    editor.notice.connect(notices.append)
    line = editor.claim_date.line
    line.setFocus()
    qtbot.waitUntil(lambda: focused() is line)
    type_slowly(qtbot, "2024-10")
    tab(qtbot)
    assert line.text() == "2024-10"  # kept for the person to finish
    assert "Not a date" in line.toolTip() and "2024-10-25" in line.toolTip() and notices
    assert saved(window).claim_date is None
    line.setFocus()
    qtbot.waitUntil(lambda: focused() is line)
    line.end(False)
    type_slowly(qtbot, "-25")
    tab(qtbot)
    assert "Not a date" not in line.toolTip()
    assert saved(window).claim_date == date(2024, 10, 25)
    # Emptying the field removes the date.
    line.setFocus()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    qtbot.wait(KEY_MS)
    tab(qtbot)
    assert saved(window).claim_date is None


def test_the_calendar_opens_at_today_and_a_pick_is_saved(qtbot, window):
    editor = window.editor
    editor.claim_date.open_calendar()
    calendar = editor.claim_date.calendar
    assert editor.claim_date.menu.isVisible()
    assert calendar.selectedDate() == QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (
        QDate.currentDate().year(),
        QDate.currentDate().month(),
    )
    calendar.clicked.emit(QDate(2024, 10, 25))
    assert not editor.claim_date.menu.isVisible()
    assert editor.claim_date.line.text() == "2024-10-25"
    assert saved(window).claim_date == date(2024, 10, 25)
    # Tab and typing elsewhere afterwards leave the picked date as it is.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.claim_date.line.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.claim_date.line)
    tab(qtbot)
    type_slowly(qtbot, "https://y.example")
    tab(qtbot)
    row = saved(window)
    assert (row.claim_date, row.appearance_url) == (date(2024, 10, 25), "https://y.example")
    # Opened on a claim with a date, it shows that date's month.
    editor.claim_date.open_calendar()
    assert editor.claim_date.calendar.selectedDate() == QDate(2024, 10, 25)
    editor.claim_date.menu.hide()
