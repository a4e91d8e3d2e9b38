"""The workbench window: library | article | claims, with menus, toolbar and status bar."""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Callable
from html import escape
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import claims as core_claims
from desktop.core.errors import FactdeskError
from desktop.core.ratings import NEUTRAL_COLOR, ratings
from desktop.core.views import (
    ArticleSummary,
    ArticleView,
    ClaimView,
    article_summaries,
    article_summary,
    changed_claims,
    claims_of,
    get_article,
    get_claim,
    rating_view,
)
from desktop.ui import commands
from desktop.ui.after_paint import AfterPaint
from desktop.ui.article_pane import ArticlePane
from desktop.ui.claim_list import ClaimPanel
from desktop.ui.i18n import rating_label
from desktop.ui.library import LibraryPanel
from desktop.ui.library_menu import LibraryMenuMixin
from desktop.ui.sources_table import swatch_html
from desktop.ui.state import qsettings
from desktop.ui.status import MessageBar, StatusBar
from desktop.ui.welcome import WelcomeView
from desktop.ui.window_actions import ActionsMixin, WindowShortcuts
from desktop.ui.window_captures import CapturesMixin
from desktop.ui.window_claims import ClaimsMixin
from desktop.ui.window_factchecks import FactChecksMixin
from desktop.ui.window_insights import InsightsMixin
from desktop.ui.window_matches import MatchesMixin
from desktop.ui.window_search import SearchMixin
from desktop.ui.window_suggestions import SuggestionsMixin
from desktop.ui.window_transfer import TransferMixin
from desktop.ui.window_versions import VersionsMixin
from desktop.ui.workbench import Workbench

# Articles with more highlights (or characters) than this show their coloured text
# before their claims are read: 5,000 claims take ten times as long to read as the text
# takes to paint, and the window should answer between the two.
PAINT_FIRST = 300
PAINT_FIRST_CHARS = 1_000_000


def _reading_order(claim: ClaimView) -> tuple[int, int]:
    """Where a claim sits in the list: by its first highlight, unanchored ones last."""
    return (claim.highlights[0].start if claim.highlights else 1 << 62, claim.id)


class MainWindow(
    ActionsMixin,
    ClaimsMixin,
    SuggestionsMixin,
    InsightsMixin,
    SearchMixin,
    MatchesMixin,
    FactChecksMixin,
    TransferMixin,
    VersionsMixin,
    CapturesMixin,
    LibraryMenuMixin,
    QMainWindow,
):
    def __init__(
        self,
        wb: Workbench,
        parent: QWidget | None = None,
        *,
        article_after_paint: bool = False,
        articles: Callable[[], list[ArticleSummary] | None] | None = None,
        library: LibraryPanel | None = None,
    ) -> None:
        """`article_after_paint` (the app's start): the last article opens once the window
        has painted its library, in the next turn of the event loop, not before.
        `articles`: the library list as read already (on a thread), None to read it.
        `library`: the list the start showed before the window, adopted as it is (what
        was typed in its filter, its order and its choice stay)."""
        super().__init__(parent)
        self.wb = wb
        if wb.parent() is None:
            # Owned by the window on the C++ side: deleted with it, on this thread. Left to
            # Python, a collection could run on an export's worker thread and delete the
            # workbench (and its poll timer) there, leaving Qt a timer on a dead object.
            wb.setParent(self)
        self.article_id: int | None = None
        self.claims: list[ClaimView] = []
        self._claims_due: int | None = None  # article whose claims are read after painting
        self._completions: tuple[list[str], list[str]] = ([], [])
        self.last_export = None  # the ExportResult of this window's latest export
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)

        self.library = library if library is not None else LibraryPanel(self)
        self.article = ArticlePane(self)
        self.claim_panel = ClaimPanel(self)
        self.editor = self.claim_panel.editor
        self.welcome = WelcomeView(self)
        # The stack takes the widest page's minimum: the welcome text must not hold the
        # article pane (and so the library) wider than they need.
        self.welcome.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # An empty library shows the welcome view where the article would be.
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.article)
        self.middle.addWidget(self.welcome)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (self.library, self.middle, self.claim_panel):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.message_bar = MessageBar(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.setStatusBar(StatusBar(self))
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setAccessibleName(self.tr("Claim counts by verdict"))
        self.statusBar().addPermanentWidget(self.counts)

        self._build_actions()
        self._build_menus()
        self._connect()
        self._update_title()
        if library is not None:
            self._update_welcome()
        else:
            self.reload_library(articles() if articles is not None else None)
        self.reload_ratings()
        self._restore_state()
        self.shortcuts = WindowShortcuts(self)
        if article_after_paint:
            AfterPaint(self.library.table.viewport(), self._open_last_article)
        else:
            self._open_last_article()
        self._update_actions()
        # Start in the article, where the work is, not in the library's filter box.
        (self.article.text if self.library.model.rows else self.welcome).setFocus()

    def _connect(self) -> None:
        self.library.articleSelected.connect(self.open_article)
        text = self.article.text
        text.claimClicked.connect(self.select_claim)
        text.tagRequested.connect(self.tag_selection)
        text.addHighlightRequested.connect(self.add_highlight_to_claim)
        text.deleteHighlightRequested.connect(self.delete_highlight)
        text.selectionChanged.connect(self._update_actions)
        self.claim_panel.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._claim_row_changed()
        )
        self.editor.edited.connect(self._claim_edited)
        sources = self.editor.sources
        sources.addRequested.connect(self.add_source)
        sources.reuseRequested.connect(self.reuse_source)
        sources.editRequested.connect(self.edit_source)
        sources.removeRequested.connect(self.remove_source)
        self._connect_capture_signals(sources)
        self._connect_matches()
        self.wb.claimsChanged.connect(self._on_claims_changed)
        self.wb.claimChanged.connect(self._on_claim_changed)
        self.wb.articlesChanged.connect(self.reload_library)
        self.wb.articleChanged.connect(self._on_article_changed)
        self.article.detailsRequested.connect(self.edit_article_details)
        self.wb.libraryReplaced.connect(self._on_library_replaced)
        self.wb.externalChange.connect(self._on_external_change)
        self.wb.ratingsChanged.connect(self._on_ratings_changed)
        self.welcome.importRequested.connect(self.import_dialog)
        self.welcome.pasteRequested.connect(self.paste_article)
        self.welcome.demoRequested.connect(self.open_demo)
        self.claim_panel.checker_filter.currentIndexChanged.connect(lambda _i: self._show_claims())

    # --- state ---------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = qsettings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            size = screen.availableSize() if screen else None
            self.resize(
                min(1400, size.width() if size else 1400), min(860, size.height() if size else 860)
            )
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        sizes = s.value("window/splitter")
        if isinstance(sizes, QByteArray):
            self.splitter.restoreState(sizes)
        else:
            self._size_panes = True  # on first showing, when the window has its size

    def _open_last_article(self) -> None:
        """The article open when the library was last closed, else the first listed;
        or the one the user chose in the list before (a click before a deferred open, or
        in the list the start showed)."""
        if self.article_id is not None:
            return
        chosen = self.library.current_id()
        if chosen is not None:
            self.open_article(chosen)
            return
        last = qsettings().value(f"last_article/{self.wb.store.label}")
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        rows = self.library.model.rows
        if last_id is not None and any(r.id == last_id for r in rows):
            self.library.select(last_id)
        elif rows:
            self.library.select(rows[0].id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_size_panes", False):
            self._size_panes = False
            QTimer.singleShot(0, self, self._fit_panes)  # once the layout has the width

    def _fit_panes(self) -> None:
        """In proportion to the window, with room for the library's titles and the
        editor's fields on a 1024-pixel screen."""
        width = self.splitter.width()
        library, claims = max(250, width * 24 // 100), max(360, width * 32 // 100)
        self.splitter.setSizes([library, max(300, width - library - claims), claims])

    def _save_state(self) -> None:
        s = qsettings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        if self.article_id is not None:
            s.setValue(f"last_article/{self.wb.store.label}", self.article_id)
        s.sync()

    def closeEvent(self, event) -> None:
        self.editor.flush()
        self._save_state()
        super().closeEvent(event)

    def _update_title(self) -> None:
        name = Path(self.wb.store.path).name if self.wb.store.path else self.wb.store.label
        self.setWindowTitle(f"{name} — Factdesk")

    # --- loading -------------------------------------------------------------------

    def reload_library(self, rows: list[ArticleSummary] | None = None) -> None:
        """Read the library list again (or show `rows`, read just now)."""
        self.library.set_articles(rows if rows is not None else self.wb.read(article_summaries))
        self._update_welcome()
        if hasattr(self, "act_export"):
            self.act_export.setEnabled(bool(self.library.model.rows))

    def _update_welcome(self) -> None:
        empty = not self.library.model.rows
        self.middle.setCurrentWidget(self.welcome if empty else self.article)
        self.claim_panel.setVisible(not empty)  # nothing to edit yet: keep the view calm

    def reload_ratings(self) -> None:
        self.editor.set_ratings([rating_view(r) for r in self.wb.read(ratings)])

    def open_article(
        self,
        article_id: int | None,
        article: ArticleView | None = None,
        document: QTextDocument | None = None,
    ) -> None:
        """Show an article; an import passes the article (read on its worker) and, for a
        book-length text, its document built in an earlier event-loop turn."""
        self.editor.flush()
        self.article_id = article_id
        many = article_id is not None and self._highlight_count(article_id) > PAINT_FIRST
        try:
            if article_id is not None and article is None:
                article = self.wb.read(get_article, article_id)
        except FactdeskError:
            article = document = None
            self.article_id = None
        self.article.set_article(article, document)
        self.claims = []
        if article is not None and (many or self.is_book(article)):
            # Thousands of claims or a book: paint the text now, read the claims just after.
            self._show_claims(select=None)  # an empty list and editor meanwhile
            self._paint_first_spans(many)
            self.counts.setText(self.tr("Loading claims…"))
            self._claims_due = self.article_id
            self.editor.set_version_notes({})  # read with the claims they are about
            QTimer.singleShot(0, self, self._load_due_claims)
        else:
            self.reload_claims(select=None)
            self.load_version_notes(self.article_id)
        self.load_suggestions()
        self._update_actions()

    @staticmethod
    def is_book(article: ArticleView) -> bool:
        return len(article.text) > PAINT_FIRST_CHARS

    def _highlight_count(self, article_id: int) -> int:
        return next((r.highlights for r in self.library.model.rows if r.id == article_id), 0)

    def _load_due_claims(self) -> None:
        if self._claims_due is not None and self._claims_due == self.article_id:
            self.reload_claims(select=None)
            self._update_actions()

    def reload_claims(self, select: int | None = -1) -> None:
        """Re-read the article's claims; keep the selection unless `select` says otherwise."""
        due, self._claims_due = self._claims_due, None
        self.claims = self.wb.read(claims_of, self.article_id) if self.article_id else []
        self._show_claims(select)
        if due is not None:  # painted first: the claims' version notes were left for now
            self.load_version_notes(self.article_id)
        self._completions = (
            self.wb.read(core_claims.claimants),
            self.wb.read(core_claims.tag_names),
        )
        self.editor.set_completions(*self._completions)

    def _show_claims(self, select: int | None = -1) -> None:
        """Put `self.claims` in the list, the article pane and the counts."""
        keep = self.claim_panel.selected_claim_id() if select == -1 else select
        shown = self.claim_panel.filter_claims(self.claims)
        self.claim_panel.list.selectionModel().blockSignals(True)
        self.claim_panel.model.set_claims(shown)
        self.claim_panel.list.selectionModel().blockSignals(False)
        self.article.text.set_claims(shown)
        self.refilter_suggestions()
        self.claim_panel.select_claim(keep)
        self._claim_row_changed(flash=False)
        self._update_counts()

    def _refresh_claims(self, fresh: list[ClaimView], gone: set[int]) -> None:
        """After our own edit: show the claims that changed (one among thousands)."""
        if not fresh and not gone:
            return
        if self._claims_due is not None:  # the rest are not read yet: read them all now
            self.reload_claims()
            return
        if not gone and self._insert_claims(fresh):  # only new claims: shown in place
            return
        replaced = {c.id for c in fresh} | gone
        claims = [c for c in self.claims if c.id not in replaced] if replaced else self.claims
        for claim in fresh:  # the list is in reading order: insert, don't sort 5,000 again
            insort(claims, claim, key=_reading_order)
        self.claims = claims
        self._show_claims()

    def _on_external_change(self) -> None:
        self.editor.flush()  # what the user is typing is saved before the views reload
        self.refresh()
        self.statusBar().showMessage(self.tr("Updated with changes saved elsewhere."), 5000)

    def changeEvent(self, event) -> None:
        """Coming back to the window shows a colleague's (or a CLI's) work at once.

        The window's own activation event, not QGuiApplication.applicationStateChanged:
        a connection from that application-wide signal outlives a closed window.
        """
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.wb.check_for_changes()

    def _on_ratings_changed(self) -> None:
        """A verdict renamed or recoloured in Settings shows at once in the highlights."""
        self.reload_ratings()
        if self.article_id is not None:
            self.reload_claims()

    def refresh(self) -> None:
        """Show changes other programs (a CLI, a colleague) committed meanwhile."""
        self.editor.flush()
        self.reload_library()
        self.reload_ratings()
        if self.article_id is not None:
            self.reload_claims()

    def _on_claims_changed(self, article_id: int) -> None:
        if self._show_fresh(article_id, commands.take_fresh(self.wb, article_id)):
            return
        shown = self.article_id

        def changes(session):
            summary = article_summary(session, article_id)
            if article_id != shown:
                return summary, None
            return summary, changed_claims(session, article_id, self.claims)

        summary, claims = self.wb.read(changes)  # one session: each one opens a connection
        if claims is not None:
            self._refresh_claims(*claims)
        if summary is not None:
            self.library.update_article(summary)

    def _on_claim_changed(self, article_id: int, claim_id: int) -> None:
        if article_id != self.article_id:
            return
        if self._claims_due is not None:
            self.reload_claims()
            return
        fresh = self.wb.read(get_claim, claim_id)
        self.claims = [fresh if c.id == claim_id else c for c in self.claims]
        row = self.claim_panel.model.row_of(claim_id)
        if row >= 0:
            self.claim_panel.model.claims[row] = fresh
            index = self.claim_panel.model.index(row)
            self.claim_panel.model.dataChanged.emit(index, index)
        self.article.text.set_claims(self.claims)
        if self.editor.claim is not None and self.editor.claim.id == claim_id:
            self.editor.set_claim(fresh)
        self._update_counts()
        claimants, tags = self._completions
        if (fresh.claimant and fresh.claimant not in claimants) or set(fresh.tags) - set(tags):
            self._completions = (
                sorted({*claimants, fresh.claimant} - {""}),
                sorted({*tags, *fresh.tags}),
            )
            self.editor.set_completions(*self._completions)

    def edit_article_details(self) -> None:
        from desktop.ui.article_dialog import ArticleDialog, article_values

        article = self.article.text.article
        if article is None:
            return
        dialog = ArticleDialog(self, article)
        if dialog.exec() != ArticleDialog.DialogCode.Accepted:
            return
        command = commands.EditArticle(
            self.wb, article.id, article_values(article), dialog.values()
        )
        if command.new:
            self._push(command)

    def _on_article_changed(self, article_id: int) -> None:
        """New details: the library row and the header, without rebuilding the text."""
        summary, article = self.wb.read(
            lambda s: (article_summary(s, article_id), get_article(s, article_id))
        )
        if summary is not None:
            self.library.update_article(summary)
            self.library.fit_columns()
        if article_id == self.article_id:
            self.article.show_details(article)

    def _on_library_replaced(self) -> None:
        self._update_title()
        self.article_id = None
        self.reload_library()
        self.reload_ratings()
        rows = self.library.model.rows
        self.open_article(rows[0].id if rows else None)
        if rows:
            self.library.select(rows[0].id, emit=False)

    # --- feedback ------------------------------------------------------------------

    def _update_actions(self) -> None:
        has_article = self.article_id is not None
        has_selection = has_article and self.article.text.selection_codepoints() is not None
        has_claim = self.current_claim_id() is not None
        self.act_tag.setEnabled(has_selection)
        self.act_add_hl.setEnabled(has_selection and has_claim)
        self.act_delete_claim.setEnabled(has_claim)
        self.act_delete_article.setEnabled(has_article)
        self.act_article_details.setEnabled(has_article)
        self.act_find.setEnabled(has_article)
        self.act_export.setEnabled(bool(self.library.model.rows))
        self.act_next.setEnabled(bool(self.claims))
        self.act_prev.setEnabled(bool(self.claims))
        self._update_suggestion_actions()

    def _update_counts(self) -> None:
        if not self.claims:
            self.counts.setText(self.tr("No claims") if self.article_id else "")
            return
        # Thousands of claims, few verdicts: count the verdict objects by identity in C
        # (hashing a view hashes every field; a Python loop took a millisecond a tag),
        # then merge the few objects that are one verdict read at different times.
        views = list(map(attrgetter("rating"), self.claims))
        objects = dict(zip(map(id, views), views, strict=True))
        counts: Counter = Counter()
        ratings = {}
        for key, n in Counter(map(id, views)).items():
            rating = objects[key]
            rating_id = rating.id if rating is not None else None
            counts[rating_id] += n
            ratings[rating_id] = rating
        parts = []
        for rating_id, n in counts.items():
            rating = ratings.get(rating_id)
            label, color = (
                (rating_label(rating.key, rating.label), rating.color)
                if rating
                else (self.tr("Not rated"), NEUTRAL_COLOR)
            )
            parts.append(f"{swatch_html(color)} {escape(label)} {n}")
        n = len(self.claims)
        total = self.tr("1 claim") if n == 1 else self.tr("{0} claims").format(n)
        self.counts.setText(self.tr("{0}: {1}").format(escape(total), " &nbsp; ".join(parts)))

    def settings_dialog(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        self.editor.flush()
        SettingsDialog(self.wb, self).exec()

    def show_guide(self) -> None:
        from desktop.ui.help import guide_dialog

        guide_dialog(self).exec()

    def show_shortcuts(self) -> None:
        from desktop.ui.help import shortcuts_dialog

        shortcuts_dialog(self, self.findChildren(QAction)).exec()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def about(self) -> None:
        import sys

        from PySide6 import __version__ as pyside_version

        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Factdesk"),
            self.tr(
                "<h3>Factdesk {0}</h3><p>A workbench for fact-checkers: tag claims in "
                "articles, cite sources, give verdicts, publish reports.</p>"
                "<p>Library: {1}<br>Python {2} · PySide6 {3}</p>"
            ).format(
                __version__, escape(self.wb.store.label), sys.version.split()[0], pyside_version
            ),
        )
