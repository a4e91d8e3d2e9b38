"""What the window does with claims and their sources: each a command on the undo stack."""

from __future__ import annotations

from bisect import insort
from operator import attrgetter

from PySide6.QtCore import QCoreApplication

from desktop.core import sources as core_sources
from desktop.core.errors import FactdeskError
from desktop.core.views import ClaimView, highlight_spans
from desktop.ui import commands
from desktop.ui.claim_list import reading_order
from desktop.ui.source_dialog import ReuseSourceDialog, SourceDialog


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context: this mixin's methods run as MainWindow's,
    and tr() there would look in that context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("MainWindow", text)


class ClaimsMixin:
    """Tag, select, step through, edit and delete claims; add, edit and remove sources."""

    def _paint_first_spans(self, many: bool) -> None:
        """A long article's highlights on its first screen, before its claims are read:
        reading all 5,000 spans took a third of the time the article took to open. The
        rest are read when the reader scrolls past these (or with the claims)."""
        text, article_id = self.article.text, self.article_id
        if not many:
            text.set_spans([])
            return

        def rest() -> list | None:
            try:
                return self.wb.read(highlight_spans, article_id)
            except FactdeskError:
                return None  # the claims, read next, bring them (or say what went wrong)

        until = text.visible_codepoints()[1] + 1
        try:
            rows = self.wb.read(highlight_spans, article_id, until)
        except FactdeskError:
            rows = []
        text.set_spans(rows, until=until, rest=rest)

    def current_claim_id(self) -> int | None:
        return self.claim_panel.selected_claim_id()

    def _claim_row_changed(self, flash: bool = True) -> None:
        claim = self.claim_panel.selected_claim()
        self.editor.set_claim(claim)
        self.article.text.show_claim(claim.id if claim else None, flash=flash and claim is not None)
        self._update_actions()

    def _show_fresh(self, article_id: int, fresh: tuple | None) -> bool:
        """Show what our own command read back in its transaction (the article's row,
        the claims it added) without reading again. False when that will not do: nothing
        read back, the claims still being read, or counts saying that more changed."""
        if fresh is None or fresh[0] is None:
            return False
        summary, claims = fresh
        if article_id == self.article_id:
            if self._claims_due is not None:
                return False
            known = sum(map(len, map(attrgetter("highlights"), self.claims)))
            added = sum(len(c.highlights) for c in claims)
            if (summary.claims, summary.highlights) != (
                len(self.claims) + len(claims),
                known + added,
            ) or not self._insert_claims(claims):
                return False
        self.library.update_article(summary)
        return True

    def _insert_claims(self, fresh: list[ClaimView]) -> bool:
        """New claims (a tag) put in their places: a row inserted in the list and their
        spans in the article, the selection left as it is; not thousands shown again.
        False, and nothing done, when that would not do: one of them is shown already
        (it changed), or the list shows one checker's claims, or a new checker's."""
        panel, text = self.claim_panel, self.article.text
        filtering = panel.checker_filter.currentData() is not None
        if filtering or any(
            text.has_claim(c.id) or (c.checker and panel.checker_filter.findData(c.checker) < 0)
            for c in fresh
        ):
            return False
        for claim in fresh:
            insort(self.claims, claim, key=reading_order)
            panel.model.insert_claim(claim)
        text.add_claims(fresh)
        self.refilter_suggestions()
        self._update_counts()
        return True

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
            self.show_error(_tr("The change could not be saved"), error)
            return False
        return True

    def tag_selection(self) -> None:
        span = self.article.text.selection_codepoints()
        if span is None or self.article_id is None:
            self.statusBar().showMessage(_tr("Select some text to tag first."), 4000)
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
        self.statusBar().showMessage(_tr("Claim deleted — Undo brings it back."), 5000)

    def delete_highlight(self, highlight_id: int) -> None:
        if self.article_id is not None:
            self._push(commands.DeleteHighlight(self.wb, self.article_id, highlight_id))

    def _claim_edited(self, field: str, old, new) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        labels = {"rating_id": _tr("Set verdict"), "status": _tr("Set status")}
        self._push(
            commands.EditClaim(
                self.wb, claim.article_id, claim.id, field, old, new, labels.get(field, "")
            )
        )

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
