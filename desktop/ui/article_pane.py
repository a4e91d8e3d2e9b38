"""The middle of the window: the article's details line, the find bar and the text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.core.views import ArticleView
from desktop.ui.article_view import ArticleText
from desktop.ui.find_bar import FindBar


class ArticlePane(QWidget):
    """The article's details line, the find bar and the text."""

    detailsRequested = Signal()
    versionsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.meta = QLabel(self)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setContentsMargins(12, 6, 12, 6)
        self.meta.setWordWrap(True)
        self.meta.setAccessibleName(self.tr("Article details"))
        self.meta.linkActivated.connect(self._link)
        # (count, date of the newest) of an article id's versions, None when it never
        # changed: set by the window (desktop.ui.window_versions), which holds the library.
        self.versions_of: Callable[[int], tuple[int, datetime] | None] | None = None
        self.text = ArticleText(self)
        self.find_bar = FindBar(self.text, self)
        layout.addWidget(self.meta)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.text, 1)

    def set_article(
        self, article: ArticleView | None, document: QTextDocument | None = None
    ) -> None:
        self.text.set_article(article, document)
        self.show_details(article)

    def show_details(self, article: ArticleView | None) -> None:
        """Outlet · authors · date · address, and a link to edit them (the file an
        article was imported from is no detail of it)."""
        if article is None:
            self.meta.setText(escape(self.tr("No article open. Import one from the File menu.")))
            return
        if self.text.article is not None and self.text.article.id == article.id:
            self.text.article = article
        bits = [escape(b) for b in (article.outlet, ", ".join(article.authors)) if b]
        if article.published:
            bits.append(
                escape(
                    QLocale().toString(
                        QDate(
                            article.published.year, article.published.month, article.published.day
                        ),
                        QLocale.FormatType.LongFormat,
                    )
                )
            )
        if article.url.startswith(("http://", "https://")):
            bits.append(f'<a href="{escape(article.url, quote=True)}">{escape(article.url)}</a>')
        edit = (
            self.tr("Edit details…")
            if bits
            else self.tr("No outlet, author or date yet: add them…")
        )
        bits.append(f'<a href="factdesk:details">{escape(edit)}</a>')
        versions = self.versions_of(article.id) if self.versions_of is not None else None
        if versions is not None:
            count, last = versions
            line = self.tr("{0} versions, last changed {1}").format(count, last.date().isoformat())
            bits.append(f'<a href="factdesk:versions">{escape(line)}</a>')
        self.meta.setText(" · ".join(bits))

    def _link(self, href: str) -> None:
        if href == "factdesk:details":
            self.detailsRequested.emit()
        elif href == "factdesk:versions":
            self.versionsRequested.emit()
        elif href.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(href))
