"""What the window does with an earlier check chosen in the claim editor's "Already
checked" list: cite it as a source, take its verdict (and a library claim's sources), or
show it. Each is one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui import commands


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


def _earlier_claim(session, claim_id: int):
    """(rating_id, [(source_id, stance, excerpt)]) of a claim of the library, or None."""
    from desktop.core.models import Claim

    claim = session.get(Claim, claim_id)
    if claim is None:
        return None
    links = [(link.source_id, link.stance, link.excerpt) for link in claim.source_links]
    return claim.rating_id, links


def _rating_named(session, label: str) -> int | None:
    """The default scale's rating called `label`: as the core finds it (label in any case,
    or key), else by its name in the window's language."""
    from desktop.core.errors import NotFound
    from desktop.core.ratings import find_rating, ratings
    from desktop.ui.i18n import rating_label

    try:
        return find_rating(session, label).id
    except NotFound:
        wanted = label.strip().casefold()
        found = (
            r.id for r in ratings(session) if rating_label(r.key, r.label).casefold() == wanted
        )
        return next(found, None)


class MatchesMixin:
    def _connect_matches(self) -> None:
        already = self.editor.already
        already.store = self.wb.store
        already.verdict_usable = lambda m: bool(m.verdict)
        already.citeRequested.connect(self.cite_earlier_check)
        already.verdictRequested.connect(self.use_earlier_verdict)
        already.openRequested.connect(self.show_earlier_check)
        self.wb.libraryReplaced.connect(self._matches_library_replaced)
        self.wb.externalChange.connect(lambda *_a: already.refresh())

    def _matches_library_replaced(self, *_args) -> None:
        self.editor.already.store = self.wb.store
        self.editor.already.refresh()

    def cite_earlier_check(self, match) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        by = match.publisher or _tr("another newsroom")
        if match.kind == "reference":
            values = {"url": match.url, "title": match.claim, "publisher": match.publisher}
        else:
            values = {"url": match.url, "title": _tr("Earlier check: {0}").format(match.claim)}
            values["publisher"] = match.publisher
        if match.date:
            values["published"] = match.date
        excerpt = _tr("Checked by {0}: {1}").format(by, match.verdict or _tr("no verdict"))
        self._push(
            commands.AddSource(self.wb, claim.article_id, claim.id, values=values, excerpt=excerpt)
        )

    def use_earlier_verdict(self, match) -> None:
        claim = self.editor.claim
        if claim is None:
            return
        links: list = []
        if match.kind == "library":
            earlier = self.wb.read(_earlier_claim, match.claim_id)
            if earlier is None:
                self.statusBar().showMessage(_tr("That claim is no longer in the library."), 5000)
                return
            rating_id, links = earlier
        else:
            rating_id = self.wb.read(_rating_named, match.verdict)
            if rating_id is None:
                self.statusBar().showMessage(
                    _tr(
                        "No verdict of your scale is called “{0}”: choose one under Verdict."
                    ).format(match.verdict),
                    8000,
                )
                return
        current = claim.rating.id if claim.rating else None
        cited = {s.source_id for s in claim.sources}
        stack = self.wb.undo_stack
        stack.beginMacro(_tr("Use earlier verdict"))
        try:
            if rating_id is not None and rating_id != current:
                self._push(
                    commands.EditClaim(
                        self.wb,
                        claim.article_id,
                        claim.id,
                        "rating_id",
                        current,
                        rating_id,
                        _tr("Set verdict"),
                    )
                )
            for source_id, stance, excerpt in links:
                if source_id not in cited:
                    self._push(
                        commands.AddSource(
                            self.wb,
                            claim.article_id,
                            claim.id,
                            source_id=source_id,
                            stance=stance,
                            excerpt=excerpt,
                        )
                    )
        finally:
            stack.endMacro()

    def show_earlier_check(self, match) -> None:
        if match.kind == "reference" and match.check_id is not None:
            self.show_reference_check(match.check_id)
        elif match.claim_id is not None:
            self.show_search_hit("claim", match.article_id, match.claim_id, None, None, 0)
