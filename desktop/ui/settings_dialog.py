"""Settings: who you are, your organization, reports, language, and the rating scale.

Personal settings are saved to the user's settings file when the dialog is accepted.
The rating scale lives in the library itself and is changed at once, rating by rating,
through the core, so highlights recolour as soon as a colour is picked; a rating in use
can only be deleted by choosing the verdict its claims move to.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import ratings as core_ratings
from desktop.core import settings as user_settings
from desktop.core.errors import FactdeskError
from desktop.ui.i18n import SUPPORTED, rating_label
from desktop.ui.sources_table import color_icon, selected_row

NO_VALUE = -1  # the spin box's "no ClaimReview value" position


class RatingScaleEditor(QWidget):
    """Add, rename, reorder, recolour and revalue ratings; delete with a replacement."""

    changed = Signal()

    def __init__(self, wb, parent=None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Verdict"), self.tr("Colour"), self.tr("ClaimReview value")]
        )
        self.table.setAccessibleName(self.tr("Rating scale"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.rename())
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("add", self.tr("&Add…"), self.add),
            ("rename", self.tr("Re&name…"), self.rename),
            ("colour", self.tr("&Colour…"), self.recolour),
            ("value", self.tr("&Value…"), self.revalue),
            ("up", self.tr("Move &up"), lambda: self.move(-1)),
            ("down", self.tr("Move do&wn"), lambda: self.move(1)),
            ("delete", self.tr("&Delete…"), self.delete),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Order the verdicts from best to worst. The ClaimReview value is the "
                "schema.org ratingValue; leave it empty for verdicts off the true–false line."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.selected_id()
        self.ratings = self.wb.read(core_ratings.ratings)
        self.table.setRowCount(len(self.ratings))
        for row, r in enumerate(self.ratings):
            name = QTableWidgetItem(rating_label(r.key, r.label))
            name.setData(Qt.ItemDataRole.UserRole, r.id)
            colour = QTableWidgetItem(color_icon(r.color, 16), r.color)
            value = QTableWidgetItem("" if r.value is None else str(r.value))
            for col, item in enumerate((name, colour, value)):
                self.table.setItem(row, col, item)
            if r.id == current:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> int | None:
        row = selected_row(self.table)
        return self.ratings[row].id if row is not None else None

    def _selected(self):
        rid = self.selected_id()
        return next((r for r in self.ratings if r.id == rid), None)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for key in ("rename", "colour", "value", "up", "down", "delete"):
            self.buttons[key].setEnabled(has)

    def _apply(self, fn, *args, select_id=None, **kwargs) -> bool:
        try:
            result = self.wb.write(fn, *args, **kwargs)
        except FactdeskError as exc:
            QMessageBox.warning(self, self.tr("Rating scale"), str(exc))
            return False
        self.reload(select_id if select_id is not None else getattr(result, "id", None))
        self.wb.ratingsChanged.emit()
        self.changed.emit()
        return True

    def add(self) -> None:
        label, ok = QInputDialog.getText(self, self.tr("New verdict"), self.tr("Label:"))
        if ok and label.strip():
            self._apply(core_ratings.add_rating, label=label.strip())

    def rename(self) -> None:
        r = self._selected()
        if r is None:
            return
        label, ok = QInputDialog.getText(
            self, self.tr("Rename verdict"), self.tr("Label:"), text=rating_label(r.key, r.label)
        )
        if ok and label.strip() and label.strip() != r.label:
            self._apply(core_ratings.update_rating, r.id, label=label.strip(), select_id=r.id)

    def recolour(self) -> None:
        r = self._selected()
        if r is None:
            return
        colour = QColorDialog.getColor(QColor(r.color), self, self.tr("Verdict colour"))
        if colour.isValid():
            self._apply(core_ratings.update_rating, r.id, color=colour.name(), select_id=r.id)

    def revalue(self) -> None:
        r = self._selected()
        if r is None:
            return
        spin_dialog = QDialog(self)
        spin_dialog.setWindowTitle(self.tr("ClaimReview value"))
        spin = QSpinBox(spin_dialog)
        spin.setRange(NO_VALUE, 100)
        spin.setSpecialValueText(self.tr("None"))
        spin.setValue(NO_VALUE if r.value is None else r.value)
        spin.setAccessibleName(self.tr("ClaimReview value"))
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            spin_dialog,
        )
        box.accepted.connect(spin_dialog.accept)
        box.rejected.connect(spin_dialog.reject)
        layout = QVBoxLayout(spin_dialog)
        layout.addWidget(spin)
        layout.addWidget(box)
        if spin_dialog.exec() == QDialog.DialogCode.Accepted:
            value = None if spin.value() == NO_VALUE else spin.value()
            self._apply(core_ratings.update_rating, r.id, value=value, select_id=r.id)

    def move(self, delta: int) -> None:
        r = self._selected()
        if r is None:
            return
        row = self.ratings.index(r)
        if 0 <= row + delta < len(self.ratings):
            self._apply(core_ratings.move_rating, r.id, row + delta, select_id=r.id)

    def delete(self) -> None:
        r = self._selected()
        if r is None:
            return
        from desktop.core.models import Claim

        def in_use(session):
            from sqlmodel import func, select

            return session.exec(
                select(func.count()).select_from(Claim).where(Claim.rating_id == r.id)
            ).one()

        used = self.wb.read(in_use)
        replacement = None
        if used:
            others = [x for x in self.ratings if x.id != r.id]
            names = [rating_label(x.key, x.label) for x in others]
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("Delete verdict"),
                self.tr("{0} claim(s) have this verdict. Give them instead:").format(used),
                names,
                0,
                False,
            )
            if not ok:
                return
            replacement = others[names.index(choice)].id
        elif (
            QMessageBox.question(
                self,
                self.tr("Delete verdict"),
                self.tr("Delete the verdict “{0}”?").format(rating_label(r.key, r.label)),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self._apply(core_ratings.delete_rating, r.id, replacement_id=replacement)


class SettingsDialog(QDialog):
    def __init__(self, wb, parent=None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(620, 460)
        s = wb.settings
        tabs = QTabWidget(self)

        you = QWidget(tabs)
        form = QFormLayout(you)
        self.checker = QLineEdit(s.checker_name, you)
        self.checker.setPlaceholderText(self.tr("Your name, as it appears on claims"))
        self.organization = QLineEdit(s.organization_name, you)
        self.organization.setPlaceholderText(self.tr("Signs every ClaimReview you publish"))
        self.organization_url = QLineEdit(s.organization_url, you)
        self.organization_url.setPlaceholderText("https://…")
        self.logo = QLineEdit(s.organization_logo, you)
        browse = QPushButton(self.tr("&Browse…"), you)
        browse.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        for label, widget, name in (
            (self.tr("Your &name:"), self.checker, self.tr("Checker name")),
            (self.tr("&Organization:"), self.organization, self.tr("Organization name")),
            (
                self.tr("Organization &website:"),
                self.organization_url,
                self.tr("Organization website"),
            ),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.logo.setAccessibleName(self.tr("Organization logo"))
        logo_label = QLabel(self.tr("&Logo:"), you)
        logo_label.setBuddy(self.logo)  # a row of widgets has no buddy of its own
        form.addRow(logo_label, logo_row)
        tabs.addTab(you, self.tr("You"))

        reports = QWidget(tabs)
        rform = QFormLayout(reports)
        self.include_text = QCheckBox(self.tr("Include the annotated article text"), reports)
        self.include_text.setChecked(s.report_include_text)
        self.include_sources = QCheckBox(self.tr("Include each claim's sources"), reports)
        self.include_sources.setChecked(s.report_include_sources)
        rform.addRow(self.include_text)
        rform.addRow(self.include_sources)
        # The words a report adds (headings, labels): French or English, as the article.
        self.report_language = QComboBox(reports)
        self.report_language.setAccessibleName(self.tr("Report language"))
        self.report_language.addItem(self.tr("Each article's own (French or English)"), "")
        for code in ("fr", "en"):
            self.report_language.addItem(SUPPORTED[code], code)
        self.report_language.setCurrentIndex(
            max(0, self.report_language.findData(s.report_language))
        )
        rform.addRow(self.tr("Report &language:"), self.report_language)
        report_note = QLabel(
            self.tr(
                "Headings and labels of HTML, PDF, Markdown and Word reports. An article in "
                "French gets a French report, any other an English one."
            ),
            reports,
        )
        report_note.setWordWrap(True)
        rform.addRow(report_note)
        tabs.addTab(reports, self.tr("Reports"))

        lang = QWidget(tabs)
        lform = QFormLayout(lang)
        self.language = QComboBox(lang)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("Same as the system"), "")
        for code, name in SUPPORTED.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.ui_language)))
        lform.addRow(self.tr("Interface &language:"), self.language)
        note = QLabel(self.tr("A new language applies to windows opened from now on."), lang)
        note.setWordWrap(True)
        lform.addRow(note)
        tabs.addTab(lang, self.tr("Language"))

        self.scale = RatingScaleEditor(wb, tabs)
        tabs.addTab(self.scale, self.tr("Rating scale"))
        self.tabs = tabs

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Organization logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.logo.setText(path)

    def accept(self) -> None:
        settings = replace(
            self.wb.settings,
            checker_name=self.checker.text().strip(),
            organization_name=self.organization.text().strip(),
            organization_url=self.organization_url.text().strip(),
            organization_logo=self.logo.text().strip(),
            report_include_text=self.include_text.isChecked(),
            report_include_sources=self.include_sources.isChecked(),
            report_language=self.report_language.currentData(),
            ui_language=self.language.currentData(),
        )
        language_changed = settings.ui_language != self.wb.settings.ui_language
        user_settings.save(settings)
        self.wb.reload_settings()
        if language_changed:
            from desktop.ui.i18n import install

            install(settings.ui_language)
        super().accept()
