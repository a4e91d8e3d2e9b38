"""File → Import Fact-Checks: other newsrooms' published checks, kept as references
(desktop.core.factchecks reads and stores them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.ui.tasks import run_task


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


class FactChecksMixin:
    """Reading and storing run off the UI thread: a feed of thousands of checks takes
    seconds, and every file is parsed before anything is written."""

    def _create_factcheck_actions(self) -> None:
        self.act_import_factchecks = self._action(
            _tr("Import &Fact-Checks…"),
            self.import_factchecks_dialog,
            tip=_tr(
                "Import other newsrooms' fact-checks: ClaimReview JSON-LD, web pages, "
                "Fact Check Tools API JSON or CSV"
            ),
        )

    def import_factchecks_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            _tr("Import fact-checks"),
            "",
            _tr("Fact-checks (*.json *.jsonld *.html *.htm *.csv);;All files (*)"),
        )
        if paths:
            self.import_factchecks(paths)

    def import_factchecks(self, paths: list[str]) -> None:
        from desktop.core.factchecks import import_files

        store = self.wb.store

        def done(results) -> None:
            if store is self.wb.store:
                self.wb.note_own_change()  # written on a worker thread
            added = sum(counts.added for _name, counts in results)
            existing = sum(counts.existing for _name, counts in results)
            self.statusBar().showMessage(
                _tr("Fact-checks: {0} added, {1} already in the library").format(added, existing),
                10000,
            )

        run_task(
            self,
            _tr("Importing fact-checks…"),
            lambda: import_files(store, paths),
            done,
            lambda message: self.show_error(_tr("Import failed"), message),
        )
