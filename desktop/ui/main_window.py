"""The workbench window: library | article | claims, with menus, toolbar and status bar."""

from __future__ import annotations

from bisect import insort
from collections import Counter
from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop.core import claims as core_claims
from desktop.core import importers
from desktop.core import sources as core_sources
from desktop.core.articles import add_article
from desktop.core.errors import FactdeskError
from desktop.core.importers.isolated import import_path_isolated
from desktop.core.ratings import NEUTRAL_COLOR, ratings
from desktop.core.views import (
    ArticleView,
    ClaimView,
    article_summaries,
    article_summary,
    changed_claims,
    claims_of,
    get_article,
    get_claim,
    highlight_spans,
    rating_view,
)
from desktop.ui import commands
from desktop.ui.article_view import ArticlePane
from desktop.ui.claim_editor import ClaimPanel
from desktop.ui.i18n import rating_label
from desktop.ui.library import LibraryPanel
from desktop.ui.library_menu import LibraryMenuMixin
from desktop.ui.source_dialog import ReuseSourceDialog, SourceDialog
from desktop.ui.state import qsettings
from desktop.ui.tasks import run_task
from desktop.ui.welcome import WelcomeView
from desktop.ui.workbench import Workbench

# Articles with more highlights (or characters) than this show their coloured text
# before their claims are read: 5,000 claims take ten times as long to read as the text
# takes to paint, and the window should answer between the two.
PAINT_FIRST = 300
PAINT_FIRST_CHARS = 1_000_000


def _reading_order(claim: ClaimView) -> tuple[int, int]:
    """Where a claim sits in the list: by its first highlight, unanchored ones last."""
    return (claim.highlights[0].start if claim.highlights else 1 << 62, claim.id)


class MainWindow(LibraryMenuMixin, QMainWindow):
    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.article_id: int | None = None
        self.claims: list[ClaimView] = []
        self._claims_due: int | None = None  # article whose claims are read after painting
        self._completions: tuple[list[str], list[str]] = ([], [])
        self.last_export = None  # the ExportResult of this window's latest export
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 560)

        self.library = LibraryPanel(self)
        self.article = ArticlePane(self)
        self.claim_panel = ClaimPanel(self)
        self.editor = self.claim_panel.editor
        self.welcome = WelcomeView(self)
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
        self.setCentralWidget(self.splitter)
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setAccessibleName(self.tr("Claim counts by verdict"))
        self.statusBar().addPermanentWidget(self.counts)

        self._build_actions()
        self._build_menus()
        self._connect()
        self._update_title()
        self.reload_library()
        self.reload_ratings()
        self._restore_state()
        self._update_actions()

    # --- construction ---------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_new_db = self._action(self.tr("&New Library…"), self.new_database)
        self.act_open_db = self._action(
            self.tr("&Open Library…"), self.open_database_dialog, K(K.StandardKey.Open)
        )
        self.act_import = self._action(
            self.tr("&Import Article…"),
            self.import_dialog,
            K("Ctrl+I"),
            self.tr("Import a text, Markdown, web page, Word or PDF file"),
        )
        self.act_import_url = self._action(
            self.tr("Import from &URL…"), self.import_url_dialog, K("Ctrl+Shift+I")
        )
        self.act_paste = self._action(
            self.tr("&Paste Article from Clipboard"), self.paste_article, K("Ctrl+Shift+V")
        )
        self.act_export = self._action(
            self.tr("&Export…"),
            self.export_dialog,
            K("Ctrl+E"),
            self.tr("Export reports, ClaimReview, Web Annotation or CSV"),
        )
        self.act_delete_article = self._action(self.tr("&Delete Article…"), self.delete_article)
        self.act_quit = self._action(self.tr("&Quit"), self.close, K(K.StandardKey.Quit))
        self.act_undo = self.wb.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(K(K.StandardKey.Undo))
        self.act_redo = self.wb.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcut(K(K.StandardKey.Redo))
        self.act_tag = self._action(
            self.tr("&Tag as Claim"),
            self.tag_selection,
            [K("Ctrl+T"), K("Ctrl+Return")],
            self.tr("Make the selected text a new claim (Ctrl+T)"),
        )
        self.act_add_hl = self._action(
            self.tr("&Add Selection to Claim"),
            self.add_highlight_to_claim,
            K("Ctrl+Shift+T"),
            self.tr("Add the selected text to the selected claim"),
        )
        self.act_delete_claim = self._action(
            self.tr("&Delete Claim"), self.delete_claim, K("Ctrl+Delete")
        )
        self.act_find = self._action(
            self.tr("&Find in Article…"), self.article.find_bar.open_bar, K(K.StandardKey.Find)
        )
        self.act_sentence = QAction(self.tr("&Sentence Mode"), self)
        self.act_sentence.setCheckable(True)
        self.act_sentence.setShortcut(K("Ctrl+Shift+E"))
        self.act_sentence.setStatusTip(
            self.tr("A click selects the whole sentence (Alt+click does so at any time)")
        )
        self.act_sentence.toggled.connect(self.article.text.set_sentence_mode)
        self.act_next = self._action(
            self.tr("&Next Claim"), lambda: self.step_claim(1), [K("F8"), K("Ctrl+]")]
        )
        self.act_prev = self._action(
            self.tr("&Previous Claim"), lambda: self.step_claim(-1), [K("Shift+F8"), K("Ctrl+[")]
        )
        self.act_refresh = self._action(self.tr("&Refresh"), self.refresh, K(K.StandardKey.Refresh))
        self.act_about = self._action(self.tr("&About Factdesk"), self.about)
        self.act_server = self._action(
            self.tr("Open Library on &Server…"),
            self.open_server_dialog,
            tip=self.tr("Open a team library on a PostgreSQL server"),
        )
        self.act_restore = self._action(self.tr("Restore from &Backup…"), self.restore_from_backup)
        self.act_settings = self._action(
            self.tr("&Settings…"), self.settings_dialog, K(K.StandardKey.Preferences)
        )
        if not self.act_settings.shortcuts():
            self.act_settings.setShortcut(K("Ctrl+,"))
        self.act_guide = self._action(
            self.tr("&How Factdesk Works"), self.show_guide, K(K.StandardKey.HelpContents)
        )
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts)
        self.act_demo = self._action(self.tr("Open the &Demo Article"), self.open_demo)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new_db)
        file_menu.addAction(self.act_open_db)
        file_menu.addAction(self.act_server)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        for a in (self.act_import, self.act_import_url, self.act_paste):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_restore)
        file_menu.addAction(self.act_delete_article)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        for a in (self.act_tag, self.act_add_hl, self.act_delete_claim):
            edit_menu.addAction(a)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_settings)
        view_menu = bar.addMenu(self.tr("&View"))
        for a in (self.act_next, self.act_prev, self.act_sentence, self.act_refresh):
            view_menu.addAction(a)
        help_menu = bar.addMenu(self.tr("&Help"))
        for a in (self.act_guide, self.act_shortcuts, self.act_demo):
            help_menu.addAction(a)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (
            self.act_import,
            None,
            self.act_tag,
            self.act_add_hl,
            self.act_sentence,
            None,
            self.act_prev,
            self.act_next,
            None,
            self.act_undo,
            self.act_redo,
        ):
            toolbar.addSeparator() if a is None else toolbar.addAction(a)
        self.addToolBar(toolbar)

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
        self.wb.claimsChanged.connect(self._on_claims_changed)
        self.wb.claimChanged.connect(self._on_claim_changed)
        self.wb.articlesChanged.connect(self.reload_library)
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
            self.splitter.setSizes([260, 640, 420])
        last = s.value(f"last_article/{self.wb.store.label}")
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        rows = self.library.model.rows
        if last_id is not None and any(r.id == last_id for r in rows):
            self.library.select(last_id)
        elif rows:
            self.library.select(rows[0].id)

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

    def reload_library(self) -> None:
        self.library.set_articles(self.wb.read(article_summaries))
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
        spans: list = []

        def read(session):  # one session for both: each costs a connection and a BEGIN
            shown = article or get_article(session, article_id)
            return shown, highlight_spans(session, article_id) if many else []

        try:
            if article_id is not None and (article is None or many):
                article, spans = self.wb.read(read)
        except FactdeskError:
            article = document = None
            self.article_id = None
        self.article.set_article(article, document)
        self.claims = []
        if article is not None and (many or len(article.text) > PAINT_FIRST_CHARS):
            # Thousands of claims or a book: paint the text now, read the claims just after.
            self._show_claims(select=None)  # an empty list and editor meanwhile
            self.article.text.set_spans(spans)
            self.counts.setText(self.tr("Loading claims…"))
            self._claims_due = self.article_id
            QTimer.singleShot(0, self, self._load_due_claims)
        else:
            self.reload_claims(select=None)
        self._update_actions()

    def _highlight_count(self, article_id: int) -> int:
        return next((r.highlights for r in self.library.model.rows if r.id == article_id), 0)

    def _load_due_claims(self) -> None:
        if self._claims_due is not None and self._claims_due == self.article_id:
            self.reload_claims(select=None)
            self._update_actions()

    def reload_claims(self, select: int | None = -1) -> None:
        """Re-read the article's claims; keep the selection unless `select` says otherwise."""
        self._claims_due = None
        self.claims = self.wb.read(claims_of, self.article_id) if self.article_id else []
        self._show_claims(select)
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

    def _on_library_replaced(self) -> None:
        self._update_title()
        self.article_id = None
        self.reload_library()
        self.reload_ratings()
        rows = self.library.model.rows
        self.open_article(rows[0].id if rows else None)
        if rows:
            self.library.select(rows[0].id, emit=False)

    # --- claims --------------------------------------------------------------------

    def current_claim_id(self) -> int | None:
        return self.claim_panel.selected_claim_id()

    def _claim_row_changed(self, flash: bool = True) -> None:
        claim_id = self.current_claim_id()
        claim = next((c for c in self.claims if c.id == claim_id), None)
        self.editor.set_claim(claim)
        self.article.text.show_claim(claim_id, flash=flash and claim is not None)
        self._update_actions()

    def select_claim(self, claim_id: int) -> None:
        self._load_due_claims()  # a click may come before the claims left for after the paint
        self.claim_panel.select_claim(claim_id)

    def step_claim(self, delta: int) -> None:
        self._load_due_claims()
        if not self.claims:
            return
        current = self.claim_panel.model.row_of(self.current_claim_id() or -1)
        row = (current + delta) % len(self.claims) if current >= 0 else 0 if delta > 0 else -1
        self.select_claim(self.claims[row].id)

    def _push(self, command) -> bool:
        error = commands.push(self.wb, command)
        if error:
            self.show_error(self.tr("The change could not be saved"), error)
            return False
        return True

    def tag_selection(self) -> None:
        span = self.article.text.selection_codepoints()
        if span is None or self.article_id is None:
            self.statusBar().showMessage(self.tr("Select some text to tag first."), 4000)
            return
        self.editor.flush()
        command = commands.CreateClaim(
            self.wb, self.article_id, span[0], span[1], checker=self.wb.checker()
        )
        if self._push(command):
            self.select_claim(command.claim_id)
            self.editor.text.setFocus()

    def add_highlight_to_claim(self) -> None:
        span = self.article.text.selection_codepoints()
        claim_id = self.current_claim_id()
        if span is None or claim_id is None or self.article_id is None:
            return
        self._push(commands.AddHighlight(self.wb, self.article_id, claim_id, *span))

    def delete_claim(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id is None or self.article_id is None:
            return
        self.editor.flush()
        self._push(commands.DeleteClaim(self.wb, self.article_id, claim_id))
        self.statusBar().showMessage(self.tr("Claim deleted — Undo brings it back."), 5000)

    def delete_highlight(self, highlight_id: int) -> None:
        if self.article_id is not None:
            self._push(commands.DeleteHighlight(self.wb, self.article_id, highlight_id))

    def _claim_edited(self, field: str, old, new) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        labels = {"rating_id": self.tr("Set verdict"), "status": self.tr("Set status")}
        self._push(
            commands.EditClaim(
                self.wb, claim.article_id, claim.id, field, old, new, labels.get(field, "")
            )
        )

    # --- sources -------------------------------------------------------------------

    def add_source(self) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        dialog = SourceDialog(self)
        if dialog.exec() != SourceDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        stance, excerpt = values.pop("stance"), values.pop("excerpt")
        self._push(
            commands.AddSource(
                self.wb, claim.article_id, claim.id, values=values, stance=stance, excerpt=excerpt
            )
        )

    def reuse_source(self) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        dialog = ReuseSourceDialog(self, lambda q: self.wb.read(core_sources.search_sources, q))
        if dialog.exec() != ReuseSourceDialog.DialogCode.Accepted or dialog.source_id() is None:
            return
        self._push(
            commands.AddSource(
                self.wb,
                claim.article_id,
                claim.id,
                source_id=dialog.source_id(),
                stance=dialog.stance.currentData(),
                excerpt=dialog.excerpt.text().strip(),
            )
        )

    def edit_source(self, source_id: int) -> None:
        claim = self.editor.claim
        source = (
            next((s for s in claim.sources if s.source_id == source_id), None) if claim else None
        )
        if source is None:
            return
        dialog = SourceDialog(self, source)
        if dialog.exec() != SourceDialog.DialogCode.Accepted:
            return
        new = dialog.values()
        old = {k: getattr(source, k) for k in new}
        if new != old:
            self._push(
                commands.EditSource(self.wb, claim.article_id, claim.id, source_id, old, new)
            )

    def remove_source(self, source_id: int) -> None:
        claim = self.editor.claim
        if claim is not None:
            self._push(commands.RemoveSource(self.wb, claim.article_id, claim.id, source_id))

    # --- importing -----------------------------------------------------------------

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            "",
            importers.file_dialog_filter(
                {
                    "plaintext": self.tr("Plain text"),
                    "markdown": self.tr("Markdown"),
                    "html": self.tr("Web page"),
                    "docx": self.tr("Word document"),
                    "pdf": self.tr("PDF document"),
                },
                everything=self.tr("Articles"),
            ),
        )
        self.import_files(paths)

    def import_files(self, paths) -> None:
        for path in paths:
            self._import(lambda p=path: import_path_isolated(p), str(path))

    def import_url_dialog(self) -> None:
        url, ok = QInputDialog.getText(
            self, self.tr("Import from URL"), self.tr("Address of the article (http or https):")
        )
        if ok and url.strip():
            from desktop.core.importers.url import fetch

            self._import(lambda: fetch(url.strip()), url.strip())

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.show_error(self.tr("Nothing to paste"), self.tr("The clipboard holds no text."))
            return
        self._import(lambda: importers.parse_text(text, source_name="clipboard"), "clipboard")

    def _import(self, parse, label: str) -> None:
        """Parse and store in the background (a 300-page PDF takes seconds), then list it."""
        store = self.wb.store

        def parse_and_store():
            parsed = parse()
            with store.transaction() as session:
                added = add_article(session, parsed)
            with store.read() as session:  # here too: the window has no time to spare
                article = get_article(session, added.article_id)
                summary = article_summary(session, added.article_id)
            return added, article, summary

        def stored(result) -> None:
            added, article, summary = result
            if store is not self.wb.store:  # another library was opened meanwhile
                return
            self.wb.note_own_change()  # written on a worker thread, not through wb.write
            if summary is not None:
                self.library.add_article(summary)
                self.act_export.setEnabled(True)
                self._update_welcome()
            self.library.select(added.article_id, emit=False)
            if len(article.text) > PAINT_FIRST_CHARS:
                # A book: its document is built in one event-loop turn, shown in the next.
                QTimer.singleShot(0, self, lambda: self._open_imported(article))
            else:
                self.open_article(added.article_id, article)
            if not added.created:
                self.statusBar().showMessage(
                    self.tr("Already in the library: {0}").format(added.title), 6000
                )

        run_task(
            self,
            self.tr("Importing {0}…").format(label),
            parse_and_store,
            stored,
            lambda message: self.show_error(self.tr("Import failed"), message),
        )

    def _open_imported(self, article: ArticleView) -> None:
        """Build a long imported article's document now and show it in the next turn,
        unless the user has picked another article meanwhile."""
        if self.library.current_id() != article.id:
            return
        document = self.article.text.prepare(article)

        def show() -> None:
            if self.library.current_id() == article.id:
                self.open_article(article.id, article, document)

        QTimer.singleShot(0, self, show)

    def export_dialog(self) -> None:
        from desktop.ui.export_dialog import ExportDialog

        self.editor.flush()
        dialog = ExportDialog(self, self.library.model.rows, self.article_id, self.wb.settings)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        self.run_export(
            dialog.article_ids(),
            dialog.fmt(),
            dialog.dest.text().strip(),
            organization=dialog.organization.text().strip(),
            organization_url=dialog.organization_url.text().strip(),
            checker=dialog.checker.text().strip(),
            open_when_done=dialog.open_when_done.isChecked(),
        )

    def run_export(
        self,
        article_ids: list[int],
        fmt: str,
        dest: str,
        *,
        organization: str,
        organization_url: str,
        checker: str,
        open_when_done: bool = False,
    ) -> None:
        """Export in the background; remember who signs; report notes; open the file."""
        from dataclasses import replace

        from desktop.core import settings as user_settings
        from desktop.core.exporters import export, options_from_settings

        settings = replace(
            self.wb.settings,
            organization_name=organization,
            organization_url=organization_url,
            checker_name=checker,
        )
        if settings != self.wb.settings:
            user_settings.save(settings)
            self.wb.settings = settings
        options = options_from_settings(settings)
        store = self.wb.store

        def done(result) -> None:
            notes = " ".join(result.notes)
            self.statusBar().showMessage(
                self.tr("Exported {0} claim(s) to {1}. {2}").format(
                    result.claims, result.path, notes
                ),
                10000,
            )
            self.last_export = result
            if open_when_done and result.path is not None:
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        run_task(
            self,
            self.tr("Exporting…"),
            lambda: export(store, article_ids, fmt, dest, options),
            done,
            lambda message: self.show_error(self.tr("Export failed"), message),
        )

    def delete_article(self) -> None:
        if self.article_id is None:
            return
        title = self.article.text.article.title if self.article.text.article else ""
        answer = QMessageBox.question(
            self,
            self.tr("Delete article"),
            self.tr("Delete “{0}” with all its claims? This cannot be undone.").format(title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from desktop.core.articles import delete_article

        self.wb.write(delete_article, self.article_id)
        self.wb.undo_stack.clear()
        self.open_article(None)
        self.reload_library()
        rows = self.library.model.rows
        if rows:
            self.library.select(rows[0].id)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- feedback ------------------------------------------------------------------

    def _update_actions(self) -> None:
        has_article = self.article_id is not None
        has_selection = has_article and self.article.text.selection_codepoints() is not None
        has_claim = self.current_claim_id() is not None
        self.act_tag.setEnabled(has_selection)
        self.act_add_hl.setEnabled(has_selection and has_claim)
        self.act_delete_claim.setEnabled(has_claim)
        self.act_delete_article.setEnabled(has_article)
        self.act_find.setEnabled(has_article)
        self.act_export.setEnabled(bool(self.library.model.rows))
        self.act_next.setEnabled(bool(self.claims))
        self.act_prev.setEnabled(bool(self.claims))

    def _update_counts(self) -> None:
        if not self.claims:
            self.counts.setText(self.tr("No claims") if self.article_id else "")
            return
        # Thousands of claims, few verdicts: count by id (hashing a view hashes every field).
        ratings = {c.rating.id: c.rating for c in self.claims if c.rating is not None}
        counts = Counter(c.rating.id if c.rating is not None else None for c in self.claims)
        parts = []
        for rating_id, n in counts.items():
            rating = ratings.get(rating_id)
            label, color = (
                (rating_label(rating.key, rating.label), rating.color)
                if rating
                else (self.tr("Not rated"), NEUTRAL_COLOR)
            )
            parts.append(f"<span style='color:{color}'>■</span> {escape(label)} {n}")
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

    def open_demo(self) -> None:
        """Import the demo article shipped with Factdesk, in the interface's language."""
        from desktop.resources import resource_path
        from desktop.ui.i18n import effective_language

        language = effective_language(self.wb.settings.ui_language)
        path = resource_path("demo", f"demo-{language}.txt")
        if not path.is_file():
            path = resource_path("demo", "demo-en.txt")
        self.import_files([str(path)])

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
