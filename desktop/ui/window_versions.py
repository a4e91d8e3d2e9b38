"""Article versions: check for updates, import a new version, compare versions, review
how the highlights were carried over (desktop.core.versions does the work)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop.core import importers
from desktop.core.errors import FactdeskError
from desktop.core.views import article_summary, get_article
from desktop.ui.tasks import run_task


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


class VersionsMixin:
    """Fetching and storing run off the UI thread (a slow server, a long text compared
    word by word); nothing is fetched unless the checker asks."""

    def _create_version_actions(self) -> None:
        self.act_check_updates = self._action(
            _tr("Chec&k for Updates"),
            self.check_for_updates,
            tip=_tr("Fetch the article's address again and keep the text as a new version"),
        )
        self.act_import_version = self._action(
            _tr("Import New &Version…"),
            self.import_version_dialog,
            tip=_tr("Store a file or pasted text as a new version of the open article"),
        )
        self.act_compare_versions = self._action(
            _tr("Co&mpare Versions…"),
            self.compare_versions_dialog,
            tip=_tr("Show what changed between two versions of the article, word by word"),
        )
        self.act_review_versions = self._action(
            _tr("Review Carried-Over &Highlights…"),
            self.review_versions_dialog,
            tip=_tr("See which claims moved, changed wording or were lost in the newest version"),
        )
        self.article.versions_of = self._versions_of
        self.article.versionsRequested.connect(self.compare_versions_dialog)

    def _add_version_actions(self, menu) -> None:
        menu.addSeparator()
        for action in (
            self.act_check_updates,
            self.act_import_version,
            self.act_compare_versions,
            self.act_review_versions,
        ):
            menu.addAction(action)

    def _versions_of(self, article_id: int):
        from desktop.core.versions import version_summary

        try:
            return self.wb.read(version_summary, article_id)
        except Exception:  # the header is a courtesy: a read failing here fails elsewhere too
            return None

    def _need_article(self) -> int | None:
        if self.article_id is None:
            self.show_error(_tr("No article open"), _tr("Open an article first."))
        return self.article_id

    # --- new versions ---------------------------------------------------------------

    def check_for_updates(self) -> None:
        """Fetch the open article's address again (only now, because asked)."""
        article_id = self._need_article()
        if article_id is None:
            return
        url = self.wb.read(get_article, article_id).url
        if not url.startswith(("http://", "https://")):
            self.show_error(
                _tr("No address to check"),
                _tr(
                    "This article has no web address. Add one in Article Details, or use "
                    "Import New Version with a file or pasted text."
                ),
            )
            return
        from desktop.core.importers.url import fetch

        self.store_new_version(article_id, lambda: fetch(url), url, url)

    def import_version_dialog(self) -> None:
        article_id = self._need_article()
        if article_id is None:
            return
        from desktop.ui.version_review import NewVersionDialog

        dialog = NewVersionDialog(self)
        if dialog.exec() != NewVersionDialog.DialogCode.Accepted:
            return
        if dialog.path:
            from desktop.core.importers.isolated import import_path_isolated

            path = dialog.path
            self.store_new_version(
                article_id, lambda: import_path_isolated(path), Path(path).name, path
            )
        else:
            text = dialog.text
            self.store_new_version(
                article_id,
                lambda: importers.parse_text(text, source_name="pasted text"),
                "",
                _tr("pasted text"),
            )

    def store_new_version(self, article_id: int, parse, origin: str, label: str) -> None:
        """Parse (fetch, read) and store a new version in the background, then show the
        article's newest text and the review of its highlights."""
        from desktop.core.versions import add_version

        self.editor.flush()  # what the checker typed is saved before the claims move
        store = self.wb.store

        def work():
            parsed = parse()
            with store.transaction() as session:
                result = add_version(session, article_id, parsed, origin=origin)
            with store.read() as session:
                summary = article_summary(session, article_id)
            return result, summary

        def stored(outcome) -> None:
            result, summary = outcome
            if store is not self.wb.store:
                return
            if not result.added:
                self.statusBar().showMessage(
                    _tr("No change: the text is the same as version {0}").format(result.number),
                    10000,
                )
                return
            self.wb.note_own_change()  # written on a worker thread
            if summary is not None:
                self.library.update_article(summary)
            if self.article_id == article_id:
                self.open_article(article_id)
            self.statusBar().showMessage(
                _tr("Version {0} stored from {1}").format(result.number, label), 10000
            )
            if result.outcomes:
                QTimer.singleShot(0, self, lambda: self.review_versions_dialog(article_id))

        run_task(
            self,
            _tr("Reading the new version from {0}…").format(label),
            work,
            stored,
            lambda message: self.show_error(_tr("New version not stored"), message),
        )

    # --- looking at versions ------------------------------------------------------------

    def compare_versions_dialog(self) -> None:
        article_id = self._need_article()
        if article_id is None:
            return
        from desktop.ui.version_diff import VersionDiffDialog

        dialog = VersionDiffDialog(self.wb, article_id, self)
        if dialog.count < 2:
            QMessageBox.information(
                self,
                _tr("Compare Versions"),
                _tr(
                    "This article has a single version. Check for Updates or Import New "
                    "Version to add one."
                ),
            )
            dialog.deleteLater()
            return
        dialog.show()
        self._version_diff = dialog

    def review_versions_dialog(self, article_id: int | None = None) -> None:
        article_id = article_id or self._need_article()
        if article_id is None:
            return
        from desktop.ui.version_review import VersionReviewDialog

        dialog = VersionReviewDialog(self.wb, article_id, self, before_write=self.editor.flush)
        if not dialog.outcomes:
            QMessageBox.information(
                self,
                _tr("Review Carried-Over Highlights"),
                _tr("No highlight was carried over to a newer version of this article."),
            )
            dialog.deleteLater()
            return
        dialog.confirmed.connect(lambda: self._after_confirm(article_id))
        dialog.show()
        self._version_review = dialog

    def _after_confirm(self, article_id: int) -> None:
        if self.article_id == article_id:
            self.reload_claims()
            self.load_version_notes(article_id)

    def load_version_notes(self, article_id: int | None) -> None:
        """Flag, on each claim whose quote changed since the version it was checked
        against, what it became: the editor shows it under the quote."""
        from desktop.core.versions import review

        notes: dict[int, str] = {}
        if article_id is not None:
            try:
                outcomes = self.wb.read(review, article_id)
            except FactdeskError:
                outcomes = []
            for o in outcomes:
                if o.kind == "reworded":
                    line = _tr("Checked against version {0}: “{1}” reads “{2}” in version {3}.")
                    line = line.format(o.old_number, o.old_exact, o.new_exact, o.new_number)
                elif o.kind == "orphaned":
                    line = _tr("Checked against version {0}: “{1}” is not in version {2}.")
                    line = line.format(o.old_number, o.old_exact, o.new_number)
                else:
                    continue
                notes[o.claim_id] = " ".join(filter(None, (notes.get(o.claim_id), line)))
        self.editor.set_version_notes(notes)
