"""File → Export Period Report: the desk's round-up of a week or a month, as a web page,
PDF, Markdown or Word file (desktop.core.exporters.period does the work, off the UI
thread). The dashboard opens it with its own period and filters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core import stats

EXTENSIONS = {"html": ".html", "pdf": ".pdf", "md": ".md", "docx": ".docx"}


class PeriodReportDialog(QDialog):
    """The period and the file of a period report. `period` prefills the dates (the
    previous month when None); the folder last used is remembered."""

    def __init__(
        self,
        parent: QWidget | None = None,
        period: stats.Period | None = None,
        filters: stats.Filters | None = None,
    ) -> None:
        super().__init__(parent)
        self.filters = filters if filters is not None and filters.active() else None
        self.setWindowTitle(self.tr("Export Period Report"))
        today = QDate.currentDate()
        first = QDate(today.year(), today.month(), 1)
        start, end = first.addMonths(-1), first.addDays(-1)
        if period is not None and period.start:
            start = QDate(period.start)
        if period is not None and period.end:
            end = QDate(period.end)
        self.start = QDateEdit(start, self, calendarPopup=True)
        self.end = QDateEdit(end, self, calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.format = QComboBox(self)
        for key, text in (
            ("html", self.tr("Web page (HTML)")),
            ("pdf", self.tr("PDF (A4)")),
            ("md", self.tr("Markdown")),
            ("docx", self.tr("Word (DOCX)")),
        ):
            self.format.addItem(text, key)
        remembered = QSettings()
        self._folder = str(remembered.value("export/folder", "") or "")
        self.dest = QLineEdit(self)
        self.dest.setAccessibleName(self.tr("Destination file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        where = QHBoxLayout()
        where.addWidget(self.dest, 1)
        where.addWidget(browse)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Period:"), dates)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Save as:"), where)
        form.addRow(
            QLabel(
                self.tr(
                    "A claim counts on the day its check was published, or on the day it "
                    "was tagged when not yet published."
                ),
                self,
                wordWrap=True,
            )
        )
        if self.filters is not None:
            form.addRow(QLabel(self.tr("Only the claims the dashboard's filters keep."), self))
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.format.currentIndexChanged.connect(self._suggest_name)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._suggest_name)
        self._suggested = ""
        self._suggest_name()

    def period(self) -> stats.Period:
        return stats.Period(self.start.date().toPython(), self.end.date().toPython())

    def fmt(self) -> str:
        return self.format.currentData()

    def path(self) -> Path:
        return Path(self.dest.text().strip()).expanduser()

    def _suggest_name(self) -> None:
        """A file name from the period, unless the user typed one of their own."""
        if self.dest.text().strip() not in ("", self._suggested):
            return
        name = (
            f"fact-checks-{self.start.date().toString('yyyy-MM-dd')}"
            f"-{self.end.date().toString('yyyy-MM-dd')}{EXTENSIONS[self.fmt()]}"
        )
        self._suggested = str(Path(self._folder) / name) if self._folder else name
        self.dest.setText(self._suggested)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Period Report"), self.dest.text(), f"*{EXTENSIONS[self.fmt()]}"
        )
        if path:
            self.dest.setText(path)

    def accept(self) -> None:
        if self.start.date() > self.end.date():
            self.problem.setText(self.tr("The period ends before it starts."))
            return
        if not self.dest.text().strip():
            self.problem.setText(self.tr("Choose where to save the report."))
            return
        QSettings().setValue("export/folder", str(self.path().parent))
        super().accept()

    def run(
        self,
        workbench,
        on_done: Callable[[str, object], None],
        on_error: Callable[[str], None],
    ) -> None:
        """Export the chosen report in the background; `on_done(message, result)` or
        `on_error(message)` is called on the UI thread."""
        from desktop.core.exporters import options_from_settings
        from desktop.core.exporters.period import export_period
        from desktop.ui.tasks import run_task

        store, period, fmt, path = workbench.store, self.period(), self.fmt(), self.path()
        filters = self.filters
        options = options_from_settings(workbench.settings)
        done_text = self.tr("Period report: {0} claim(s) of {1} article(s) written to {2}")
        run_task(
            self.parentWidget() or self,
            self.tr("Exporting…"),
            lambda: export_period(store, period, fmt, path, options, filters),
            lambda r: on_done(done_text.format(r.claims, r.articles, r.path), r),
            on_error,
        )
