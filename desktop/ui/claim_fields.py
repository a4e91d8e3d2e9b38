"""One claim field at a time: what the person typed is theirs until it is saved.

Each editable field is bound to the value the database last gave it (`saved`). A field
whose widget differs from `saved` is being edited: reloading the claim (after a save of
another field, an undo, or another program's change) updates every other field and
leaves that one alone. Its own save says which value it replaces, so a colleague's
change to the same field meanwhile is caught by the core's version check and the person
chooses (desktop.ui.conflict_dialog), as Anki's editor skips the note being typed in.

Free text saves after a pause in typing and at once when the field loses focus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

TYPING_PAUSE_MS = 500


class Field(QObject):
    """A widget bound to one claim field. Subclasses say how to read and show values."""

    changed = Signal(str)  # field name: the person changed the widget (save it soon)
    finished = Signal(str)  # field name: the person left the field (save it now)

    def __init__(self, name: str, widget: QWidget, *, pause: bool = True) -> None:
        super().__init__(widget)
        self.name = name
        self.widget = widget
        self.saved = self.empty()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(lambda: self.finished.emit(self.name))
        self._pause = pause

    # What subclasses define ---------------------------------------------------------

    def empty(self):
        return ""

    def value(self):
        """The value in the widget; ValueError while it cannot be read (a half-typed date)."""
        raise NotImplementedError

    def show(self, value) -> None:
        raise NotImplementedError

    @staticmethod
    def same(a, b) -> bool:
        return a == b

    # Shared behaviour -------------------------------------------------------------

    def user_changed(self) -> None:
        if self._pause:
            self.timer.start()
        self.changed.emit(self.name)

    def pending(self) -> bool:
        """True while the widget holds something not yet saved (or not yet readable)."""
        try:
            return not self.same(self.value(), self.saved)
        except ValueError:
            return True

    def load(self, value) -> None:
        """The database's value: shown unless the person is editing this field."""
        if not self.pending():
            self.settle(value)

    def settle(self, value) -> None:
        """The database's value after this field's own save: what was typed stays as
        typed when it was saved (spaces at the ends included); a colleague's value that
        the person chose to keep replaces it."""
        self.saved = value
        try:
            if self.same(self.value(), value):
                return
        except ValueError:
            pass
        self.show(value)

    def reset(self, value) -> None:
        """Show a value whatever the widget holds (another claim was selected)."""
        self.timer.stop()
        self.saved = value
        if not self.showing(value):
            self.show(value)

    def showing(self, value) -> bool:
        """True when the widget is as show(value) would leave it (same text, no undo
        history, cursor at the end, nothing selected): showing it again is skipped, so
        a tag does not lay out and repaint fields that stay empty."""
        return False


class LineField(Field):
    """A one-line text field; `strip` spaces at the ends are not a change."""

    def __init__(self, name: str, widget: QLineEdit) -> None:
        super().__init__(name, widget)
        widget.textEdited.connect(lambda _t: self.user_changed())
        widget.editingFinished.connect(lambda: self.finished.emit(self.name))

    def value(self):
        return self.widget.text().strip()

    def show(self, value) -> None:
        self.widget.setText(value)

    def showing(self, value) -> bool:
        w: QLineEdit = self.widget
        shown = w.text()
        return (
            shown == self._text(value)
            and not (w.isUndoAvailable() or w.isRedoAvailable() or w.isModified())
            and not w.hasSelectedText()
            and w.cursorPosition() == len(shown)
        )

    @staticmethod
    def _text(value) -> str:
        return value


class TagsField(LineField):
    """Comma-separated tags; a change of case only is not a change."""

    def empty(self):
        return ()

    def value(self):
        return tuple(t.strip() for t in self.widget.text().split(",") if t.strip())

    def show(self, value) -> None:
        super().show(self._text(value))

    @staticmethod
    def _text(value) -> str:
        return ", ".join(value)

    @staticmethod
    def same(a, b) -> bool:
        return [t.casefold() for t in a] == [t.casefold() for t in b]


class TextEdit(QPlainTextEdit):
    """A multi-line field that says when it loses focus.

    An override rather than an event filter: while a window is being destroyed, Qt
    still sends focus-out events to its half-destroyed widgets, and a Python filter
    reading one crashes; an override is no longer called by then.
    """

    focusLost = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.focusLost.emit()


class PlainField(Field):
    """A multi-line text; `strip` says whether spaces at the ends count."""

    def __init__(self, name: str, widget: TextEdit, *, strip: bool) -> None:
        super().__init__(name, widget)
        self.strip = strip
        self.loading = False
        widget.textChanged.connect(self._text_changed)
        widget.focusLost.connect(lambda: self.finished.emit(self.name))

    def _text_changed(self) -> None:
        if not self.loading:
            self.user_changed()

    def value(self):
        text = self.widget.toPlainText()
        return text.strip() if self.strip else text

    def show(self, value) -> None:
        widget: QPlainTextEdit = self.widget
        self.loading = True
        try:
            widget.setPlainText(value)
        finally:
            self.loading = False
        widget.moveCursor(QTextCursor.MoveOperation.End)

    def showing(self, value) -> bool:
        """Only an empty field is left as it is (a longer text's scrolling is not known)."""
        w: QPlainTextEdit = self.widget
        doc = w.document()
        return (
            value == ""
            and doc.isEmpty()
            and not (doc.isUndoAvailable() or doc.isRedoAvailable() or doc.isModified())
            and not w.textCursor().hasSelection()
        )


# --- dates ---------------------------------------------------------------------------

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str, locale: QLocale | None = None) -> date | None:
    """A date typed as ISO (2024-10-25) or in the interface language's short format
    (25/10/2024 in French, 10/25/24 in American English); empty means no date.

    Raises ValueError for anything else, so nothing is guessed.
    """
    text = text.strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    locale = locale or QLocale()
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    formats = [short]
    if "yyyy" not in short and "yy" in short:
        formats.append(short.replace("yy", "yyyy"))
    for fmt in formats:
        qd = locale.toDate(text, fmt)
        if qd.isValid():
            if "yyyy" not in fmt and qd.year() < 1950:
                qd = qd.addYears(100)  # Qt reads "24" as 1924
            return date(qd.year(), qd.month(), qd.day())
    raise ValueError(text)


def date_hint(locale: QLocale | None = None) -> str:
    """An example of each accepted form, for the placeholder and error tooltip."""
    locale = locale or QLocale()
    example = QDate(2024, 10, 25)
    return f"2024-10-25 · {locale.toString(example, QLocale.FormatType.ShortFormat)}"


class DateEdit(QWidget):
    """A date typed as text, with a calendar; empty is no date. Tab never alters it.

    (QDateEdit would not let a date be empty, read typing into its sections, and open
    its calendar at its minimum date.)
    """

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("2024-10-25")
        self.line.setToolTip(self.tr("A date as {0}; empty for none").format(date_hint()))
        self.line.setClearButtonEnabled(True)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose the date on a calendar"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The calendar lives in a menu: Qt opens, places and closes it as a popup.
        self.menu = QMenu(self.button)
        self.calendar = QCalendarWidget(self.menu)
        self.calendar.setGridVisible(True)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.menu.aboutToShow.connect(self._show_current)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # ▾ is one
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def open_calendar(self) -> None:
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _show_current(self) -> None:
        """The calendar opens at the date typed, or at today (not at year 1900)."""
        try:
            current = parse_date(self.line.text())
        except ValueError:
            current = None
        start = QDate(current.year, current.month, current.day) if current else QDate.currentDate()
        self.calendar.setSelectedDate(start)
        self.calendar.setCurrentPage(start.year(), start.month())

    def _picked(self, qd: QDate) -> None:
        self.line.setText(qd.toString("yyyy-MM-dd"))
        self.menu.hide()
        self.line.setFocus()
        self.picked.emit()


class DateField(Field):
    """The claim date, saved when a date is complete and the field is left (or picked)."""

    def __init__(self, name: str, widget: DateEdit, warn: Callable[[str], None]) -> None:
        super().__init__(name, widget, pause=False)
        self._warn = warn
        widget.line.textEdited.connect(lambda _t: self.user_changed())
        widget.line.editingFinished.connect(lambda: self.finished.emit(self.name))
        widget.picked.connect(lambda: self.finished.emit(self.name))

    def empty(self):
        return None

    def value(self):
        return parse_date(self.widget.line.text())

    def show(self, value) -> None:
        self.widget.line.setText(value.isoformat() if value else "")
        self.mark(True)

    def mark(self, valid: bool) -> None:
        """A frame and tooltip while the text is not a date; nothing is saved meanwhile."""
        line = self.widget.line
        line.setStyleSheet("" if valid else "QLineEdit { border: 2px solid #c62828; }")
        line.setToolTip(
            self.tr("A date as {0}; empty for none").format(date_hint())
            if valid
            else self.tr("Not a date: type it as {0}, or leave it empty.").format(date_hint())
        )
        if not valid:
            self._warn(line.toolTip())
