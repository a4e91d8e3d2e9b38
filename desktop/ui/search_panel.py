"""The Search panel (issue 14): one query over the library's articles, claims and sources,
hits grouped by article with their matched words in bold.

The search runs on a worker (a library of 10,000 articles must not stall the typing), a
quarter of a second after the last key or at once on Return; an answer that comes back
for an older query is dropped, so the list never shows words the field no longer holds.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search import Hit

LIMIT = 50
PAUSE_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def snippet_html(hit: Hit) -> str:
    """The snippet as HTML, its matched words in bold (ranges are code points, as are
    Python's string indices)."""
    out, at = [], 0
    for start, end in hit.ranges:
        out += [escape(hit.snippet[at:start]), "<b>", escape(hit.snippet[start:end]), "</b>"]
        at = end
    out.append(escape(hit.snippet[at:]))
    return "".join(out)


class SnippetDelegate(QStyledItemDelegate):
    """Draws a hit row's rich text, wrapped to the column: a snippet cut to one line
    would hide its bold words, which sit some sixty characters in."""

    def _document(self, option: QStyleOptionViewItem, index, selected=False) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        muted = option.palette.color(role).name()
        kind = escape(index.data(KIND_ROLE) or "")
        doc.setHtml(f'<i style="color:{muted}">{kind}</i> {index.data(HTML_ROLE)}')
        view = self.parent()
        depth = 1 if index.parent().isValid() else 0
        width = view.viewport().width() - view.indentation() * (depth + 1) - 4
        doc.setTextWidth(max(80, width))
        return doc

    def paint(self, painter, option, index) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self._document(option, index, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class HitTree(QTreeWidget):
    """The hits; rows are measured again when the dock's width changes their wrapping."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()


class SearchPanel(QWidget):
    """A query field, a count line and the hits grouped by article.

    `hit_chosen(kind, article_id, claim_id, source_id, offset, length)` when a hit is
    clicked or activated; offset (a code point in the article's text) may be None.
    `escape_pressed` when the user leaves the panel with Escape.
    """

    hit_chosen = Signal(str, object, object, object, object, int)
    check_chosen = Signal(int)  # a reference fact-check's id
    escape_pressed = Signal()

    def __init__(self, wb, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.hits: list[Hit] = []
        self.shown_query: str | None = None  # the query whose answer the list shows
        self._serial = 0  # the latest search asked for; older answers are dropped
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(
            self.tr('Words, "a phrase", -word, claimant:, tag:, verdict:, before:2024-12-31…')
        )
        self.query.setAccessibleName(self.tr("Search the library"))
        self.query.setToolTip(
            self.tr(
                "Accents and case do not matter; words match as prefixes. Filters: "
                "claimant:, verdict:, tag:, outlet:, checker:, status:, before:, after: "
                "(dates as YYYY-MM-DD); a leading - excludes."
            )
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Search results count"))
        self.tree = HitTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("Search results"))
        self.tree.setItemDelegate(SnippetDelegate(self.tree))
        self.tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._return_pressed)
        self.query.installEventFilter(self)
        self.tree.installEventFilter(self)
        self.tree.itemClicked.connect(lambda item, _col: self.choose(item))
        self.tree.itemActivated.connect(lambda item, _col: self.choose(item))
        wb.libraryReplaced.connect(self.run_search)
        # What the hits show follows the library: edits here, a colleague's or a CLI's.
        for signal in (wb.articlesChanged, wb.claimsChanged, wb.externalChange):
            signal.connect(self._library_changed)
        wb.claimChanged.connect(self._claim_changed)

    # --- keys ------------------------------------------------------------------------

    def _library_changed(self, *_args) -> None:
        if self.isVisible() and self.query.text().strip():
            self.timer.start()  # the typing pause's timer: a burst of changes is one search

    def _claim_changed(self, _article_id: int, _claim_id: int) -> None:
        self._library_changed()

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return True
        if watched is self.query and key == Qt.Key.Key_Down and self.tree.topLevelItemCount():
            self.tree.setFocus()
            if self.tree.currentItem() is None:
                self.tree.setCurrentItem(self._first_hit_item())
            return True
        if watched is self.tree and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.tree.currentItem()
            if item is not None:
                self.choose(item)
            return True
        return False

    def _return_pressed(self) -> None:
        """Search now; when the list already answers this query, open its first hit."""
        if self.timer.isActive() or self.query.text() != self.shown_query:
            self.run_search()
        elif (item := self.tree.currentItem() or self._first_hit_item()) is not None:
            self.choose(item)

    def _first_hit_item(self) -> QTreeWidgetItem | None:
        top = self.tree.topLevelItem(0)
        return top.child(0) if top is not None and top.childCount() else top

    # --- searching -------------------------------------------------------------------

    def run_search(self) -> None:
        """Search for the field's text on a worker; the answer shows if still current."""
        from desktop.ui.tasks import run_quiet

        self.timer.stop()
        self._serial += 1
        serial, text, store = self._serial, self.query.text(), self.wb.store
        if not text.strip():
            self._show(text, [], {})
            return

        def work():
            from sqlalchemy import select

            from desktop.core.models import Article
            from desktop.core.search import search

            with store.read() as session:
                hits = search(session, text, LIMIT)
                ids = {h.article_id for h in hits if h.article_id is not None}
                found = select(Article.id, Article.title).where(Article.id.in_(ids))
                titles = {row.id: row.title for row in session.execute(found)}
            return hits, titles

        def done(result) -> None:
            if serial == self._serial and store is self.wb.store:
                self._show(text, *result)

        def failed(message: str) -> None:
            if serial == self._serial:
                self._show_error(text, message)

        self.status.setText(self.tr("Searching…"))
        run_quiet(work, done, failed)

    def is_searching(self) -> bool:
        """True until the field's current text has its answer on show (tests wait on it)."""
        return self.timer.isActive() or self.shown_query != self.query.text()

    def _show_error(self, text: str, message: str) -> None:
        self.shown_query = text
        self.hits = []
        self.tree.clear()
        self.status.setText(self.tr("Cannot search: {0}").format(message))

    def _show(self, text: str, hits: list[Hit], titles: dict[int, str]) -> None:
        self.shown_query = text
        self.hits = hits
        self.tree.clear()
        groups: dict[tuple, QTreeWidgetItem] = {}
        for hit in hits:
            if hit.article_id is not None:
                key = ("article", hit.article_id)
            else:
                key = ("checks",) if hit.check_id is not None else ("sources",)
            group = groups.get(key)
            if group is None:
                if hit.article_id is not None:
                    label = titles.get(hit.article_id) or self.tr("Untitled article")
                elif key == ("checks",):
                    label = self.tr("Fact-checks by other newsrooms")
                else:
                    label = self.tr("Sources")
                group = QTreeWidgetItem(self.tree, [label])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setData(0, HIT_ROLE, hit.article_id)
                groups[key] = group
            item = QTreeWidgetItem(group, [hit.snippet])
            item.setData(0, HIT_ROLE, hit)
            item.setData(0, KIND_ROLE, self._kind_label(hit.kind))
            item.setData(0, HTML_ROLE, snippet_html(hit))
            item.setToolTip(0, hit.title)
        self.tree.expandAll()
        self.status.setText(self._count_line(text, hits, groups))

    def _kind_label(self, kind: str) -> str:
        return {
            "article": self.tr("Article"),
            "claim": self.tr("Claim"),
            "source": self.tr("Source"),
            "check": self.tr("Fact-check"),
        }.get(kind, kind)

    def _count_line(self, text: str, hits: list[Hit], groups: dict) -> str:
        if not text.strip():
            return ""
        if not hits:
            return self.tr("No match for “{0}”.").format(text.strip())
        n = len(hits)
        found = self.tr("1 hit") if n == 1 else self.tr("{0} hits").format(n)
        articles = sum(1 for key in groups if key[0] == "article")
        places = []
        if articles:
            places.append(
                self.tr("1 article") if articles == 1 else self.tr("{0} articles").format(articles)
            )
        sources = sum(1 for h in hits if h.article_id is None and h.check_id is None)
        if sources:
            places.append(
                self.tr("1 source") if sources == 1 else self.tr("{0} sources").format(sources)
            )
        checks = sum(1 for h in hits if h.check_id is not None)
        if checks:
            many = self.tr("{0} fact-checks").format(checks)
            places.append(self.tr("1 fact-check") if checks == 1 else many)
        if len(places) == 1:
            line = self.tr("{0} in {1}").format(found, places[0])
        elif len(places) == 2:
            line = self.tr("{0} in {1} and {2}").format(found, *places)
        else:
            line = self.tr("{0} in {1}, {2} and {3}").format(found, *places)
        if n >= LIMIT:
            line += " " + self.tr("(the best {0}: add words to narrow the search)").format(LIMIT)
        return line

    # --- choosing --------------------------------------------------------------------

    def choose(self, item: QTreeWidgetItem) -> None:
        """Emit the hit of a row; an article's own row opens the article at its start."""
        data = item.data(0, HIT_ROLE)
        if isinstance(data, Hit):
            if data.check_id is not None:
                self.check_chosen.emit(data.check_id)
                return
            length = data.ranges[0][1] - data.ranges[0][0] if data.ranges else 0
            self.hit_chosen.emit(
                data.kind, data.article_id, data.claim_id, data.source_id, data.offset, length
            )
        elif data is not None:
            self.hit_chosen.emit("article", data, None, None, None, 0)
