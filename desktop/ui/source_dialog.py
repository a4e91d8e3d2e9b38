"""Dialogs to cite a source: a new one (or edit one), or one already in the library."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.ui.claim_fields import DateEdit, parse_date
from desktop.ui.forms import date_readable, form_with_buttons


def _tr(text: str) -> str:
    """Translate in the "SourceDialog" context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("SourceDialog", text)


def _date_edit(parent, value: date | None) -> DateEdit:
    """A date typed or picked, empty for none (see desktop.ui.claim_fields.DateEdit)."""
    edit = DateEdit(parent)
    edit.line.setText(value.isoformat() if value else "")
    return edit


def stance_combo(parent, current: str = "context") -> QComboBox:
    combo = QComboBox(parent)
    for key, label in (
        ("supports", _tr("Supports the claim")),
        ("refutes", _tr("Refutes the claim")),
        ("context", _tr("Gives context")),
    ):
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class SourceDialog(QDialog):
    """Every field of a source, and how this claim cites it (stance, excerpt)."""

    def __init__(self, parent=None, source=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit source") if source else self.tr("Add source"))
        self.setMinimumWidth(520)
        s = source
        self.url = QLineEdit(s.url if s else "", self)
        self.url.setPlaceholderText("https://…")
        self.title_edit = QLineEdit(s.title if s else "", self)
        self.publisher = QLineEdit(s.publisher if s else "", self)
        self.author = QLineEdit(s.author if s else "", self)
        self.published = _date_edit(self, s.published if s else None)
        self.accessed = _date_edit(self, s.accessed if s else date.today())
        self.archive_url = QLineEdit(s.archive_url if s else "", self)
        self.archive_url.setPlaceholderText("https://web.archive.org/…")
        self.stance = stance_combo(self, s.stance if s else "context")
        self.excerpt = QPlainTextEdit(s.excerpt if s else "", self)
        self.excerpt.setPlaceholderText(self.tr("What the source says about the claim"))
        self.excerpt.setTabChangesFocus(True)
        self.notes = QPlainTextEdit(s.notes if s else "", self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        rows = (
            (self.tr("&URL:"), self.url, self.tr("URL")),
            (self.tr("&Title:"), self.title_edit, self.tr("Title")),
            (self.tr("&Publisher:"), self.publisher, self.tr("Publisher")),
            (self.tr("A&uthor:"), self.author, self.tr("Author")),
            (self.tr("Publis&hed:"), self.published, self.tr("Published")),
            (self.tr("A&ccessed:"), self.accessed, self.tr("Accessed")),
            (self.tr("A&rchive URL:"), self.archive_url, self.tr("Archive URL")),
            (self.tr("&Stance:"), self.stance, self.tr("Stance")),
            (self.tr("&Excerpt:"), self.excerpt, self.tr("Excerpt")),
            (self.tr("&Notes:"), self.notes, self.tr("Notes")),
        )
        form_with_buttons(self, rows)

    def accept(self) -> None:
        """Not while a date cannot be read: say which, and keep everything typed."""
        for edit, message in (
            (
                self.published,
                self.tr(
                    "The publication date “{0}” is not a date: type it as {1}, or leave it empty."
                ),
            ),
            (
                self.accessed,
                self.tr("The access date “{0}” is not a date: type it as {1}, or leave it empty."),
            ),
        ):
            if not date_readable(self, edit, message):
                return
        super().accept()

    def values(self) -> dict:
        """Source fields and citation fields, as the core takes them."""
        return {
            "url": self.url.text().strip(),
            "title": self.title_edit.text().strip(),
            "publisher": self.publisher.text().strip(),
            "author": self.author.text().strip(),
            "published": parse_date(self.published.line.text()),
            "accessed": parse_date(self.accessed.line.text()),
            "archive_url": self.archive_url.text().strip(),
            "notes": self.notes.toPlainText(),
            "stance": self.stance.currentData(),
            "excerpt": self.excerpt.toPlainText().strip(),
        }


class ReuseSourceDialog(QDialog):
    """Pick a source already in the library, searching by url, title or publisher."""

    def __init__(self, parent, search) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cite a source from the library"))
        self.setMinimumSize(560, 380)
        self._search = search
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search sources"))
        self.query.setAccessibleName(self.tr("Search sources"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Sources in the library"))
        self.stance = stance_combo(self)
        self.stance.setAccessibleName(self.tr("Stance"))
        self.excerpt = QLineEdit(self)
        self.excerpt.setPlaceholderText(self.tr("What the source says about this claim"))
        self.excerpt.setAccessibleName(self.tr("Excerpt"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Stance:"), self.stance)
        form.addRow(self.tr("&Excerpt:"), self.excerpt)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(
            lambda *_: self.ok.setEnabled(self.source_id() is not None)
        )
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for source in self._search(self.query.text()):
            label = source.title or source.url
            extra = " · ".join(x for x in (source.publisher, source.url) if x and x != label)
            item = QListWidgetItem(f"{label}\n{extra}" if extra else label)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.ok.setEnabled(self.source_id() is not None)

    def source_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None
