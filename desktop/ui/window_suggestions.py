"""Check-worthiness suggestions in the window: View → Suggestions, F9 / Shift+F9 to step,
Ctrl+F9 to tag the current one, "Not a Claim" to dismiss it for good.

Suggestions are read (and, the first time, scored) on a worker thread, so opening a
book-length article never waits for them; the marks appear when they are ready. A
sentence already covered by a claim is not suggested again.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desktop.core import suggestions as core_suggestions
from desktop.core.importers.isolated import score_apart
from desktop.ui import commands
from desktop.ui.state import qsettings
from desktop.ui.tasks import run_quiet


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


def cue_labels() -> dict[str, str]:
    """The cues' names as the status bar shows them (literal calls, for lupdate)."""
    return {
        "number": _tr("figure"),
        "number word": _tr("quantity"),
        "percentage": _tr("percentage"),
        "amount": _tr("money"),
        "date": _tr("date"),
        "comparison": _tr("comparison"),
        "attribution": _tr("attribution"),
        "quotation": _tr("quotation"),
        "instance": _tr("example"),
        "denial": _tr("denial"),
        "opinion": _tr("opinion"),
        "institution": _tr("institution"),
        "names": _tr("names"),
        "acronym": _tr("acronym"),
    }


def cue_text(cues) -> str:
    labels = cue_labels()
    return ", ".join(labels.get(c, c) for c in cues)


class SuggestionsMixin:
    """The suggestion actions, their menu and the marks in the article pane."""

    def _create_suggestion_actions(self) -> None:
        K = QKeySequence
        self.suggestions: list[core_suggestions.Suggestion] = []  # shown, in reading order
        self._found: list[core_suggestions.Suggestion] = []  # before claims are taken out
        self._suggestions_for: int | None = None
        self.wb.suggestionsChanged.connect(self._on_suggestions_changed)
        self.act_suggestions = QAction(_tr("S&uggestions"), self)
        self.act_suggestions.setCheckable(True)
        self.act_suggestions.setShortcut(K("Ctrl+Shift+G"))
        self.act_suggestions.setStatusTip(
            _tr("Underline with dots the sentences most worth checking")
        )
        self.act_suggestions.setChecked(qsettings().value("view/suggestions", False, type=bool))
        self.act_suggestions.toggled.connect(self._suggestions_toggled)
        self.act_next_suggestion = self._action(
            _tr("Next Su&ggestion"), lambda: self.step_suggestion(1), K("F9")
        )
        self.act_prev_suggestion = self._action(
            _tr("Previous Sugg&estion"), lambda: self.step_suggestion(-1), K("Shift+F9")
        )
        self.act_tag_suggestion = self._action(
            _tr("Tag Suggestion as &Claim"),
            self.tag_suggestion,
            K("Ctrl+F9"),
            _tr("Make the current suggestion a claim, its claimant filled in where known"),
        )
        self.act_dismiss_suggestion = self._action(
            _tr("Not a Cla&im"),
            self.dismiss_suggestion,
            K("Ctrl+Shift+N"),
            _tr("Stop suggesting the current sentence in this article"),
        )
        self.threshold_group = QActionGroup(self)
        chosen = qsettings().value(
            "view/suggestion_threshold", core_suggestions.DEFAULT_THRESHOLD, type=int
        )
        self.threshold_actions = {}
        for percent in core_suggestions.THRESHOLDS:
            act = QAction(_tr("Top {0}%").format(percent), self.threshold_group)
            act.setCheckable(True)
            act.setChecked(percent == chosen)
            act.triggered.connect(lambda _=False, p=percent: self._threshold_chosen(p))
            self.threshold_actions[percent] = act
        if not any(a.isChecked() for a in self.threshold_actions.values()):
            self.threshold_actions[core_suggestions.DEFAULT_THRESHOLD].setChecked(True)

    def _add_suggestion_menu(self, view_menu) -> None:
        view_menu.addSeparator()
        view_menu.addAction(self.act_suggestions)
        threshold_menu = view_menu.addMenu(_tr("Suggestion &Threshold"))
        for act in self.threshold_actions.values():
            threshold_menu.addAction(act)
        for act in (
            self.act_next_suggestion,
            self.act_prev_suggestion,
            self.act_tag_suggestion,
            self.act_dismiss_suggestion,
        ):
            view_menu.addAction(act)

    def suggestion_threshold(self) -> int:
        for percent, act in self.threshold_actions.items():
            if act.isChecked():
                return percent
        return core_suggestions.DEFAULT_THRESHOLD

    def _threshold_chosen(self, percent: int) -> None:
        qsettings().setValue("view/suggestion_threshold", percent)
        self.load_suggestions()

    def _suggestions_toggled(self, on: bool) -> None:
        qsettings().setValue("view/suggestions", on)
        if on:
            self.load_suggestions()
        else:
            self._show_suggestions(self.article_id, [])
        self._update_suggestion_actions()

    # --- reading and showing ----------------------------------------------------------

    def load_suggestions(self) -> None:
        """Read the open article's suggestions on a worker (scoring it if need be)."""
        article_id = self.article_id
        if article_id is None or not self.act_suggestions.isChecked():
            self._show_suggestions(article_id, [])
            return
        store, percent = self.wb.store, self.suggestion_threshold()

        def read():
            with store.transaction() as session:  # the first time, scores are stored
                return core_suggestions.top(session, article_id, percent, scorer=score_apart)

        def done(found) -> None:
            if store is self.wb.store and article_id == self.article_id:
                self._show_suggestions(article_id, found)

        def failed(message: str) -> None:
            self.statusBar().showMessage(_tr("No suggestions: {0}").format(message), 6000)

        run_quiet(read, done, failed)

    def _on_suggestions_changed(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.load_suggestions()

    def refilter_suggestions(self) -> None:
        """The claims changed: a sentence just tagged is no longer suggested (and one
        whose claim was deleted is again)."""
        if self._suggestions_for == self.article_id and self._found:
            self._show_suggestions(self.article_id, self._found)

    def _show_suggestions(self, article_id, found) -> None:
        self._found = list(found)
        covered = _merged(
            (h.start, h.end) for c in self.claims for h in c.highlights if h.anchor != "orphan"
        )
        shown = [s for s in found if not _overlaps(covered, s.start, s.end)]
        shown.sort(key=lambda s: s.start)  # stepping goes in reading order
        self.suggestions, self._suggestions_for = shown, article_id
        self.article.text.set_marks([(s.start, s.end) for s in shown])
        self._update_suggestion_actions()

    def _update_suggestion_actions(self) -> None:
        on = self.act_suggestions.isChecked() and self.article_id is not None
        for act in (self.act_next_suggestion, self.act_prev_suggestion):
            act.setEnabled(on and bool(self.suggestions))
        current = self.current_suggestion() if on else None
        self.act_tag_suggestion.setEnabled(current is not None)
        self.act_dismiss_suggestion.setEnabled(current is not None)

    def current_suggestion(self) -> core_suggestions.Suggestion | None:
        """The suggestion the selection is exactly on (where F9 left it)."""
        span = self.article.text.selection_codepoints()
        if span is None:
            return None
        return next((s for s in self.suggestions if (s.start, s.end) == span), None)

    # --- acting on them ---------------------------------------------------------------

    def step_suggestion(self, delta: int) -> None:
        if not self.suggestions:
            return
        text = self.article.text
        here = text.selection_codepoints()
        position = here[0] if here else text.cursor_codepoint()
        starts = [s.start for s in self.suggestions]
        if delta > 0:
            index = bisect_right(starts, position) % len(starts)
        else:
            index = (bisect_right(starts, position - 1) - 1) % len(starts)
        chosen = self.suggestions[index]
        text.select_codepoints(chosen.start, chosen.end)
        text.ensureCursorVisible()
        self.statusBar().showMessage(
            _tr("Suggestion {0} of {1} — {2} (score {3:.2f}). Ctrl+F9 tags it.").format(
                index + 1, len(self.suggestions), cue_text(chosen.cues) or "—", chosen.score
            ),
            8000,
        )
        self._update_actions()
        self._update_suggestion_actions()

    def tag_suggestion(self) -> None:
        chosen = self.current_suggestion()
        if chosen is None or self.article_id is None:
            return
        self.editor.flush()
        fields = {"checker": self.wb.checker()}
        article = self.article.text.article
        if not getattr(article, "turns", None):  # a transcript's speaker comes from the core
            who = core_suggestions.attributed_to(chosen.text)
            if who:
                fields["claimant"] = who
        command = commands.CreateClaim(self.wb, self.article_id, chosen.start, chosen.end, **fields)
        if self._push(command):
            self.select_claim(command.claim_id)
            self.editor.text.setFocus()

    def dismiss_suggestion(self) -> None:
        chosen = self.current_suggestion()
        if chosen is None or self.article_id is None:
            return
        if self._push(commands.DismissSuggestion(self.wb, self.article_id, chosen.text)):
            self.statusBar().showMessage(
                _tr("Not suggested again in this article — Undo brings it back."), 5000
            )


def _merged(spans) -> list[tuple[int, int]]:
    """Highlight spans joined into disjoint, sorted stretches of text."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _overlaps(stretches: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of the disjoint sorted `stretches`."""
    at = bisect_right(stretches, (end,))  # the stretches that begin before `end`
    return at > 0 and stretches[at - 1][1] > start
