"""Edit → Search Library (Ctrl+Shift+F): the Search panel as a dock, and what choosing one
of its hits shows in the window (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


def first_citing_claim(session, source_id: int) -> tuple[int, int] | None:
    """(article_id, claim_id) of the first claim citing a source, if any claim does."""
    from sqlalchemy import select

    from desktop.core.models import Claim, ClaimSource

    return session.execute(
        select(Claim.article_id, Claim.id)
        .join(ClaimSource, ClaimSource.claim_id == Claim.id)
        .where(ClaimSource.source_id == source_id)
        .order_by(Claim.article_id, Claim.id)
        .limit(1)
    ).first()


class SearchMixin:
    """The dock is built when first asked for (the start-up pays nothing for it) and kept;
    asking again shows it and puts the cursor in its query field."""

    def _create_search_actions(self) -> None:
        self.search_dock = None
        self.search_panel = None
        self.act_search = self._action(
            _tr("Search &Library…"),
            self.show_search,
            QKeySequence("Ctrl+Shift+F"),
            _tr("Find words in every article, claim and source of the library"),
        )

    def show_search(self) -> None:
        if self.search_dock is None:
            from desktop.ui.search_panel import SearchPanel

            self.search_panel = SearchPanel(self.wb, self)
            self.search_panel.hit_chosen.connect(self.show_search_hit)
            self.search_panel.check_chosen.connect(self.show_reference_check)
            self.search_panel.escape_pressed.connect(self.article.text.setFocus)
            # The window's shortcuts work from the query field as from any other field.
            if getattr(self, "shortcuts", None) is not None:
                self.search_panel.query.installEventFilter(self.shortcuts)
            self.search_dock = QDockWidget(_tr("Search"), self)
            self.search_dock.setObjectName("search_dock")
            self.search_dock.setAllowedAreas(
                Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
            )
            self.search_dock.setWidget(self.search_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
            self.restoreDockWidget(self.search_dock)  # where the user last left it
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def show_reference_check(self, check_id: int) -> None:
        """Another newsroom's check, in a dialog: it is no article of the library."""
        from desktop.core.models import ReferenceCheck
        from desktop.ui.reference_check_dialog import ReferenceCheckDialog

        check = self.wb.read(lambda s: s.get(ReferenceCheck, check_id))
        if check is None:
            self.statusBar().showMessage(_tr("That fact-check is no longer in the library."), 5000)
            return
        ReferenceCheckDialog(check, self).exec()

    def show_search_hit(self, kind, article_id, claim_id, source_id, offset, length) -> None:
        """Open the hit's article, then select its claim, or the matched words."""
        if kind == "source" and source_id is not None:
            citing = self.wb.read(first_citing_claim, source_id)
            if citing is None:
                self.statusBar().showMessage(_tr("No claim cites this source."), 5000)
                return
            article_id, claim_id = citing
        if article_id is None:
            return
        if article_id != self.article_id:
            self.library.select(article_id, emit=False)
            self.open_article(article_id)
        if self.article_id != article_id:  # deleted meanwhile
            return
        if claim_id is not None:
            self.select_claim(claim_id)
        elif offset is not None:
            text = self.article.text
            text.select_codepoints(offset, offset + max(length, 1))
            text.ensureCursorVisible()
            self._update_actions()
