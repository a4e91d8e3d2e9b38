"""The dashboard's choices: what to count by, the period, and the filters of search
(claimant, outlet, tag, checker, verdict, status), as desktop.core.stats takes them."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.core import stats
from desktop.ui.i18n import rating_label


class FilterBar(QWidget):
    """Two rows of choices; `changed` is emitted whenever one of them changes (not while
    the period's dates are being typed into an impossible order)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by = QComboBox(self)
        for key, text in self.dimension_names().items():
            self.by.addItem(text, key)
        self.preset = QComboBox(self)
        for key, text in (
            ("all", self.tr("All time")),
            ("this-month", self.tr("This month")),
            ("last-month", self.tr("Last month")),
            ("last-90", self.tr("Last 90 days")),
            ("this-year", self.tr("This year")),
            ("last-year", self.tr("Last year")),
            ("custom", self.tr("Custom dates")),
        ):
            self.preset.addItem(text, key)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addMonths(-1), self, calendarPopup=True)
        self.end = QDateEdit(today, self, calendarPopup=True)
        for edit, name in ((self.start, self.tr("First day")), (self.end, self.tr("Last day"))):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.names = {name: self._name_combo(name) for name in stats.NAMED}
        self.verdict = QComboBox(self)
        self.verdict.addItem(self.tr("Any"), None)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any"), None)
        for key, text in self.status_names().items():
            self.status.addItem(text, key)

        self.top = QHBoxLayout()  # the dashboard adds its buttons at the end
        self._captioned(self.top, self.tr("&Show:"), self.by)
        self._captioned(self.top, self.tr("&Period:"), self.preset)
        self.top.addWidget(self.start)
        self.top.addWidget(QLabel("–", self))
        self.top.addWidget(self.end)
        self.top.addStretch(1)
        row = QHBoxLayout()
        captions = {
            "claimant": self.tr("&Claimant:"),
            "outlet": self.tr("&Outlet:"),
            "tag": self.tr("Ta&g:"),
            "checker": self.tr("Chec&ker:"),
        }
        for name, combo in self.names.items():
            self._captioned(row, captions[name], combo, stretch=1)
        self._captioned(row, self.tr("&Verdict:"), self.verdict)
        self._captioned(row, self.tr("St&atus:"), self.status)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.top)
        outer.addLayout(row)

        self.by.currentIndexChanged.connect(self._changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start.dateChanged.connect(self._changed)
        self.end.dateChanged.connect(self._changed)
        for combo in (*self.names.values(), self.verdict, self.status):
            combo.activated.connect(self._changed)
        for combo in self.names.values():
            combo.lineEdit().editingFinished.connect(self._changed)
        self._preset_changed(emit=False)

    def _captioned(self, layout, caption: str, widget: QWidget, stretch: int = 0) -> None:
        label = QLabel(caption, self)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, stretch)

    def _name_combo(self, name: str) -> QComboBox:
        """A name filter: type a name (completed from the library's) or pick one."""
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMinimumContentsLength(8)
        combo.lineEdit().setPlaceholderText(self.tr("Any"))
        return combo

    # --- words ----------------------------------------------------------------------------

    def dimension_names(self) -> dict[str, str]:
        return {
            "verdict": self.tr("Claims by verdict"),
            "month": self.tr("Claims by month"),
            "claimant": self.tr("Top claimants"),
            "outlet": self.tr("Outlets"),
            "tag": self.tr("Tags"),
            "checker": self.tr("Checkers"),
            "status": self.tr("Claims by status"),
        }

    def status_names(self) -> dict[str, str]:
        return {
            "draft": self.tr("Draft"),
            "review": self.tr("In review"),
            "published": self.tr("Published"),
        }

    def nobody(self, by: str) -> str:
        """What the bar of claims naming no one is called."""
        return {
            "claimant": self.tr("(no claimant)"),
            "outlet": self.tr("(no outlet)"),
            "tag": self.tr("(no tag)"),
            "checker": self.tr("(no checker)"),
        }.get(by, self.tr("(none)"))

    def verdict_name(self, verdict: stats.Verdict) -> str:
        """A verdict in the window's language (a shipped label translated)."""
        if verdict.key == stats.UNRATED:
            return self.tr("Not rated")
        return rating_label(verdict.rating_key, verdict.label)

    # --- what is asked --------------------------------------------------------------------

    def dimension(self) -> str:
        return self.by.currentData()

    def period(self) -> stats.Period:
        if self.preset.currentData() == "all":
            return stats.Period()
        return stats.Period(self.start.date().toPython(), self.end.date().toPython())

    def filters(self) -> stats.Filters:
        values = {}
        for name, combo in self.names.items():
            text = combo.currentText().strip()
            if text:
                values[name] = "" if text == self.nobody(name) else text
        values["verdict"] = self.verdict.currentData()
        values["status"] = self.status.currentData()
        return stats.Filters(**values)

    def fill(self, found: dict[str, list[str]], scale: tuple[stats.Verdict, ...]) -> None:
        """The library's names and verdicts as choices, keeping what is chosen."""
        for name, combo in self.names.items():
            text = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(["", self.nobody(name), *(v for v in found.get(name, []) if v)])
            combo.setCurrentText(text)
            combo.blockSignals(False)
        current = self.verdict.currentData()
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem(self.tr("Any"), None)
        for v in scale:
            self.verdict.addItem(self.verdict_name(v), v.key)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(current)))
        self.verdict.blockSignals(False)

    def _preset_changed(self, *_args, emit: bool = True) -> None:
        key = self.preset.currentData()
        today = QDate.currentDate()
        first = QDate(today.year(), today.month(), 1)
        dates = {
            "this-month": (first, today),
            "last-month": (first.addMonths(-1), first.addDays(-1)),
            "last-90": (today.addDays(-89), today),
            "this-year": (QDate(today.year(), 1, 1), today),
            "last-year": (QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)),
        }.get(key)
        for edit in (self.start, self.end):
            edit.blockSignals(True)
        if dates:
            self.start.setDate(dates[0])
            self.end.setDate(dates[1])
        for edit in (self.start, self.end):
            edit.blockSignals(False)
            edit.setEnabled(key == "custom")
        if emit:
            self._changed()

    def set_period(self, start: QDate, end: QDate) -> None:
        """Custom dates, as a person would pick them (tests, and callers that know)."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._preset_changed(emit=False)
        self.start.setDate(start)
        self.end.setDate(end)

    def _changed(self, *_args) -> None:
        if self.start.date() <= self.end.date():
            self.changed.emit()
