"""Starting the GUI: the application object, the library, the main window."""

from __future__ import annotations

import sys


def create_application(argv: list[str] | None = None):
    """The QApplication, set up once (names for QSettings, high-DPI, palette)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Factdesk")
        QCoreApplication.setApplicationName("Factdesk")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("Factdesk")
        # Qt 6 scales for high-DPI screens by default and follows the OS colour scheme
        # (light or dark) through the platform palette: nothing here overrides either.
    return app


def run_gui(db: str | None = None) -> int:
    """Open the main window on `db` (or the default library) and run until it closes."""
    from PySide6.QtWidgets import QMessageBox

    app = create_application()
    from desktop.core.errors import FactdeskError
    from desktop.core.store import open_store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.state import remember_database
    from desktop.ui.workbench import Workbench

    try:
        store = open_store(db)
    except FactdeskError as exc:
        QMessageBox.critical(None, "Factdesk", str(exc))
        return 2
    remember_database(store.label)
    window = MainWindow(Workbench(store))
    window.show()
    if store.upgraded_from:
        window.statusBar().showMessage(
            window.tr("Library upgraded; a backup was saved as {0}").format(store.backup_path),
            10000,
        )
    return app.exec()
