"""Backup copies in the window: "Restore from Backup…", and recovery from a damaged library.

Restoring goes through desktop.core.backup.restore_backup, which keeps the current file
(a copy of a healthy library, the damaged file itself otherwise): nothing is deleted.
The library is then reopened, so the undo history of the old contents is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.backup import Backup, Restored, list_backups, restore_backup
from desktop.core.errors import FactdeskError
from desktop.core.store import DamagedDatabase, Store, open_store


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


def reason_label(reason: str) -> str:
    """A backup's reason in words a checker reads."""
    if reason == "daily":
        return _tr("Daily copy")
    if reason == "manual":
        return _tr("Made by you")
    if reason == "before-restore":
        return _tr("Before a restore")
    if reason.startswith("before-upgrade-"):
        return _tr("Before upgrading (schema {0})").format(reason[15:])
    return reason.replace("-", " ")


def size_label(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupDialog(QDialog):
    """The library's backup copies (date, reason, size); restores the chosen one."""

    def __init__(self, parent: QWidget | None, db_path: Path) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.restored: Restored | None = None
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(640, 360)
        self.backups: list[Backup] = list_backups(self.db_path)

        intro = QLabel(
            self.tr(
                "Copies of {0}, newest first. Restoring one keeps the library as it is "
                "now as another copy, so nothing is lost."
            ).format(self.db_path.name),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            made = backup.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            cells = (made, reason_label(backup.reason), size_label(backup.size))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(backup.path))
                if col == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.empty = QLabel(self.tr("There are no backup copies of this library yet."), self)
        self.empty.setVisible(not self.backups)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected() is not None)
        )
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        if self.backups:
            self.table.selectRow(0)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        """Ask, then restore the selected copy; True (and the dialog accepted) if done."""
        backup = self.selected()
        if backup is None:
            return False
        made = backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self,
            self.tr("Restore from Backup"),
            self.tr(
                "Replace the library with the copy made {0}? Work done since then will "
                "be in the copy of the current library that is made first."
            ).format(made),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.restored = restore_backup(self.db_path, backup.path)
        except FactdeskError as exc:
            QMessageBox.warning(self, self.tr("Restore failed"), str(exc))
            return False
        self.accept()
        return True


def restore_from_backup(parent: QWidget | None, wb) -> bool:
    """File → Restore from Backup…: choose a copy, restore it, reopen the library in `wb`."""
    store: Store = wb.store
    if store.path is None:
        QMessageBox.information(
            parent,
            _tr("Restore from Backup"),
            _tr("Backups are made only of library files, not of a server database."),
        )
        return False
    dialog = BackupDialog(parent, store.path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
        return False
    try:
        fresh = open_store(store.path)
    except FactdeskError as exc:
        QMessageBox.critical(parent, _tr("Cannot open library"), str(exc))
        return False
    wb.replace_store(fresh)
    _tell_restored(parent, dialog.restored)
    return True


def _tell_restored(parent: QWidget | None, restored: Restored) -> None:
    kept = restored.safety_copy or restored.damaged_copy
    QMessageBox.information(
        parent,
        _tr("Backup restored"),
        _tr("The backup was restored. The library as it was is kept as {0}.").format(kept)
        if kept
        else _tr("The backup was restored."),
    )


def offer_recovery(parent: QWidget | None, exc: DamagedDatabase) -> Store | None:
    """Start-up found the library damaged: say so, offer the newest good backup.

    Returns the reopened library after a restore, or None when the user declines (the
    damaged file is then left exactly as it is).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("The library is damaged"))
    box.setText(
        _tr("{0} is damaged and was not changed.").format(exc.path)
        + "\n\n"
        + _tr("SQLite reports: {0}").format(exc.problem)
    )
    restore = choose = None
    if exc.backup is not None:
        made = exc.backup.created.astimezone().strftime("%Y-%m-%d %H:%M")
        box.setInformativeText(
            _tr(
                "The latest good backup was made {0}. Restoring it moves the damaged "
                "file aside (it is kept, not deleted)."
            ).format(made)
        )
        restore = box.addButton(_tr("Restore Latest Backup"), QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton(_tr("Choose a Backup…"), QMessageBox.ButtonRole.ActionRole)
    else:
        box.setInformativeText(_tr("No good backup of this library was found."))
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    try:
        if clicked is not None and clicked is restore:
            restored = restore_backup(exc.path, exc.backup.path)
        elif clicked is not None and clicked is choose:
            dialog = BackupDialog(parent, exc.path)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
                return None
            restored = dialog.restored
        else:
            return None
        store = open_store(exc.path)
    except FactdeskError as err:
        QMessageBox.critical(parent, _tr("Restore failed"), str(err))
        return None
    _tell_restored(parent, restored)
    return store
