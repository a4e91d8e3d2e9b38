"""The window's library actions: new, open (file or team server), recent, restore.

A mixin of MainWindow, kept apart so the window module stays about the workbench itself.
Every way of opening goes through `open_database`, which handles the cases a person
meets: a damaged library (offer the latest good backup), a server password (keyring or
prompt, never saved in settings), and notes from opening (a failed daily backup).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.core.errors import FactdeskError
from desktop.ui.state import recent_databases, remember_database


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context: this mixin's methods run as MainWindow's,
    and tr() there would look in that context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("MainWindow", text)


class LibraryMenuMixin:
    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            _tr("New library"),
            "factdesk.sqlite3",
            _tr("Factdesk library (*.sqlite3)"),
        )
        if path:
            if Path(path).exists():
                self.show_error(
                    _tr("Library not created"),
                    _tr("{0} already exists; use Open Library to open it.").format(path),
                )
                return
            self.open_database(path)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            _tr("Open library"),
            "",
            _tr("Factdesk library (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def open_server_dialog(self) -> None:
        from desktop.ui.server_dialog import ServerDialog

        current = self.wb.store.url if not self.wb.store.is_sqlite else ""
        dialog = ServerDialog(self, current)
        if dialog.exec() == ServerDialog.DialogCode.Accepted:
            self.open_database(dialog.connect_url())

    def open_database(self, location: str) -> bool:
        """Open another library in this window; False (and a message) when it can't be."""
        from desktop.core.store import DamagedDatabase, open_store
        from desktop.ui.server_dialog import with_password, without_password

        self.editor.flush()
        connect = with_password(self, location)
        if connect is None:
            return False
        try:
            store = open_store(connect)
        except DamagedDatabase as exc:
            from desktop.ui.backup_dialog import offer_recovery

            store = offer_recovery(self, exc)
            if store is None:
                return False
        except FactdeskError as exc:
            self.show_error(_tr("Cannot open library"), str(exc))
            return False
        self._save_state()
        self.wb.replace_store(store)
        remember_database(without_password(store.url) if not store.is_sqlite else store.label)
        self.show_store_notices(store)
        return True

    def show_store_notices(self, store) -> None:
        notes = list(store.notices)
        if store.upgraded_from:
            notes.insert(
                0,
                _tr("Library upgraded; a backup was saved as {0}").format(store.backup_path),
            )
        if notes:
            self.statusBar().showMessage("  ".join(notes), 10000)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in recent_databases():
            self.recent_menu.addAction(location, lambda loc=location: self.open_database(loc))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_tr("(none)")).setEnabled(False)

    def restore_from_backup(self) -> None:
        from desktop.ui.backup_dialog import restore_from_backup

        self.editor.flush()
        restore_from_backup(self, self.wb)
