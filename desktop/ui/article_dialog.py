"""Article → Details: what the checked article is (title, outlet, authors, address,
publication date, language), which every report and ClaimReview cite."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from desktop.core.views import ArticleView
from desktop.ui.claim_fields import DateEdit, parse_date
from desktop.ui.forms import date_readable, form_with_buttons

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "nl", "ar", "zh", "ru", "uk", "pl")


def article_values(article: ArticleView) -> dict:
    """An article's editable details, as the core's update_article takes them."""
    return {
        "title": article.title,
        "outlet": article.outlet,
        "authors": list(article.authors),
        "url": article.url,
        "published": article.published,
        "language": article.language,
    }


class ArticleDialog(QDialog):
    def __init__(self, parent, article: ArticleView) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Article Details"))
        self.setMinimumWidth(520)
        self.title_edit = QLineEdit(article.title, self)
        self.outlet = QLineEdit(article.outlet, self)
        self.outlet.setPlaceholderText(self.tr("e.g. Le Monde"))
        self.authors = QLineEdit(", ".join(article.authors), self)
        self.authors.setPlaceholderText(self.tr("Comma-separated names"))
        self.url = QLineEdit(article.url, self)
        self.url.setPlaceholderText("https://…")
        self.published = DateEdit(self)
        self.published.line.setText(article.published.isoformat() if article.published else "")
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        self.language.setCurrentText(article.language)
        source = QLabel(article.source_name or "—", self)
        source.setToolTip(self.tr("Where the text was imported from"))
        form = form_with_buttons(
            self,
            (
                (self.tr("&Title:"), self.title_edit, self.tr("Title")),
                (self.tr("&Outlet:"), self.outlet, self.tr("Outlet")),
                (self.tr("A&uthors:"), self.authors, self.tr("Authors")),
                (self.tr("&Address:"), self.url, self.tr("Address of the article")),
                (self.tr("&Published:"), self.published, self.tr("Publication date")),
                (self.tr("&Language:"), self.language, self.tr("Language")),
            ),
        )
        form.addRow(self.tr("Imported from:"), source)

    def accept(self) -> None:
        message = self.tr("“{0}” is not a date: type it as {1}, or leave it empty.")
        if not date_readable(self, self.published, message):
            return
        if not self.title_edit.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("An article needs a title."))
            self.title_edit.setFocus()
            return
        super().accept()

    def values(self) -> dict:
        return {
            "title": self.title_edit.text().strip(),
            "outlet": self.outlet.text().strip(),
            "authors": [a.strip() for a in self.authors.text().split(",") if a.strip()],
            "url": self.url.text().strip(),
            "published": parse_date(self.published.line.text()),
            "language": self.language.currentText().strip(),
        }
