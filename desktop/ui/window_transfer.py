"""Bringing articles in (files, URLs, clipboard, drops, the demo) and reports out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from desktop.core import importers
from desktop.core.articles import add_article
from desktop.core.importers.isolated import import_path_isolated, score_apart
from desktop.core.suggestions import score_and_store
from desktop.core.views import ArticleView, article_summary, get_article
from desktop.ui.tasks import run_quiet, run_task


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context: this mixin's methods run as MainWindow's,
    and tr() there would look in that context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("MainWindow", text)


class TransferMixin:
    """Import dialogs and drops, background parsing and storing, exports, deletion."""

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            _tr("Import articles"),
            "",
            importers.file_dialog_filter(
                {
                    "plaintext": _tr("Plain text"),
                    "markdown": _tr("Markdown"),
                    "html": _tr("Web page"),
                    "docx": _tr("Word document"),
                    "pdf": _tr("PDF document"),
                    "subtitles": _tr("Subtitles"),
                    "image": _tr("Image (text recognition)"),
                },
                everything=_tr("Articles"),
            ),
        )
        self.import_files(paths)

    def import_files(self, paths) -> None:
        for path in paths:
            self._import(lambda p=path: import_path_isolated(p), str(path), pages=True)

    def import_url_dialog(self) -> None:
        url, ok = QInputDialog.getText(
            self, _tr("Import from URL"), _tr("Address of the article (http or https):")
        )
        if ok and url.strip():
            from desktop.core.importers.url import fetch

            self._import(lambda: fetch(url.strip()), url.strip())

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.show_error(_tr("Nothing to paste"), _tr("The clipboard holds no text."))
            return
        self._import(lambda: importers.parse_text(text, source_name="clipboard"), "clipboard")

    def _import(self, parse, label: str, *, pages: bool = False) -> None:
        """Parse and store in the background (a 300-page PDF takes seconds), then list it;
        `pages`: the importer reports its progress page by page (a PDF does)."""
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
            if not self.act_suggestions.isChecked():  # (else opening it scores it)
                # Scored now, in a child process for a long text, so suggestions are ready.
                run_quiet(
                    lambda: score_and_store(store, added.article_id, scorer=score_apart),
                    lambda _none: None,
                    lambda _message: None,  # scored again when suggestions are asked for
                )
            if self.is_book(article):
                # A book: its document is built in one event-loop turn, shown in the next.
                QTimer.singleShot(0, self, lambda: self._open_imported(article))
            else:
                self.open_article(added.article_id, article)
            if not added.created:
                self.statusBar().showMessage(
                    _tr("Already in the library: {0}").format(added.title), 6000
                )

        name = Path(label).name if pages else label
        run_task(
            self,
            _tr("Importing {0}…").format(label),
            parse_and_store,
            stored,
            lambda message: self.show_error(_tr("Import failed"), message),
            progress_text=(
                lambda done, total: _tr("Importing {0}: page {1} of {2}").format(name, done, total)
            )
            if pages
            else None,
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

        def settings_then_reload():
            self.settings_dialog()
            return self.wb.settings

        dialog = ExportDialog(
            self, self.library.model.rows, self.article_id, self.wb.settings, settings_then_reload
        )
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
            drafts=dialog.signs_claimreview() and dialog.drafts.isChecked(),
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
        drafts: bool = False,
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
        options = options_from_settings(settings, claimreview_drafts=drafts)
        store = self.wb.store

        def done(result) -> None:
            self.statusBar().showMessage(
                _tr("Exported {0} claim(s) to {1}").format(result.claims, result.path),
                10000,
            )
            self.last_export = result
            self._export_notice(fmt, settings, result.notes)
            if open_when_done and result.path is not None:
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        run_task(
            self,
            _tr("Exporting…"),
            lambda: export(store, article_ids, fmt, dest, options),
            done,
            lambda message: self.show_error(_tr("Export failed"), message),
        )

    def _export_notice(self, fmt: str, settings, notes: list[str]) -> None:
        """What needs reading after an export goes to the message bar, not the status."""
        signs = fmt in ("html", "claimreview")
        if signs and not (settings.organization_name and settings.organization_url):
            self.message_bar.show_notice(
                _tr(
                    "The ClaimReview markup of this export has no publisher: search engines "
                    "need your organization's name and website. Add them in Settings, then "
                    "export again."
                ),
                _tr("Open &Settings…"),
                self.settings_dialog,
            )
        elif notes:
            self.message_bar.show_notice(_tr("Exported, with notes: {0}").format("; ".join(notes)))

    def delete_article(self) -> None:
        if self.article_id is None:
            return
        title = self.article.text.article.title if self.article.text.article else ""
        answer = QMessageBox.question(
            self,
            _tr("Delete article"),
            _tr("Delete “{0}” with all its claims? This cannot be undone.").format(title),
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

    def open_demo(self) -> None:
        """Import the demo article shipped with Factdesk, in the interface's language."""
        from desktop.resources import resource_path
        from desktop.ui.i18n import effective_language

        language = effective_language(self.wb.settings.ui_language)
        path = resource_path("demo", f"demo-{language}.txt")
        if not path.is_file():
            path = resource_path("demo", "demo-en.txt")
        self.import_files([str(path)])
