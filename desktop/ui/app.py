"""Starting the GUI: the application object, a first frame at once, then the library.

Importing SQLAlchemy, SQLModel and Alembic and opening the library take several times
longer than showing a window, so the window comes first: `run_gui` shows a light
frame where the main window will be (same title and geometry), and only once it has
painted imports the core, opens the library and builds the real window in its place.
Nothing heavier than QtWidgets and QSettings is imported before that first paint.
"""

from __future__ import annotations

import os
import sys

FALLBACK_MS = 300  # load anyway if the frame is never painted (a minimised start)
EXIT_MISSING_LIBRARIES = 1  # Linux without the X11 libraries Qt's xcb platform needs


def create_application(argv: list[str] | None = None):
    """The QApplication, set up once (names for QSettings, high-DPI, palette)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from desktop.ui.state import redirect_qt_settings

        redirect_qt_settings()  # Qt's own state (file dialogs) beside FACTDESK_CONFIG too
        QCoreApplication.setOrganizationName("Factdesk")
        QCoreApplication.setApplicationName("Factdesk")
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationDisplayName("Factdesk")
        from PySide6.QtGui import QIcon

        from desktop.resources import app_icon_path

        app.setWindowIcon(QIcon(str(app_icon_path())))
        # The interface language (Settings, else the system's) before any window is made.
        from desktop.core.settings import load
        from desktop.ui.i18n import install

        install(load().ui_language)
        # Qt 6 scales for high-DPI screens by default and follows the OS colour scheme
        # (light or dark) through the platform palette: nothing here overrides either.
    return app


def _first_frame(on_painted):
    """A plain window where the main window will appear, with its geometry and title;
    `_furnish` adds its menus and a message.

    `on_painted` is called once, after the frame's first paint.
    """
    # Not PySide6's `Qt` namespace: its first use makes a hundred Python enums (~20 ms).
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.state import qsettings

    class FirstFrame(QMainWindow):
        painted = False

        def paintEvent(self, event) -> None:
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                on_painted()

    frame = FirstFrame()
    frame.setWindowTitle("Factdesk")
    geometry = qsettings().value("window/geometry")
    if isinstance(geometry, QByteArray):
        frame.restoreGeometry(geometry)
    else:  # what MainWindow._restore_state does with no saved geometry
        screen = QGuiApplication.primaryScreen()
        size = screen.availableSize() if screen else None
        frame.resize(
            min(1400, size.width() if size else 1400), min(860, size.height() if size else 860)
        )
    return frame


def _furnish(frame) -> None:
    """The frame's disabled menus and its message, added once it has painted: the first
    text a window draws loads the fonts (tens of milliseconds), which need not delay the
    window itself."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

    for title in ("&File", "&Edit", "&View", "&Help"):
        frame.menuBar().addMenu(QCoreApplication.translate("MainWindow", title)).setEnabled(False)
    central = QWidget(frame)
    grid = QGridLayout(central)  # the message in the middle cell, stretches around it
    label = QLabel(QCoreApplication.translate("MainWindow", "Opening the library…"), central)
    label.setEnabled(False)
    grid.addWidget(label, 1, 1)
    for i in (0, 2):
        grid.setRowStretch(i, 1)
        grid.setColumnStretch(i, 1)
    frame.setCentralWidget(central)


def settle_long_lived_objects() -> None:
    """Take what start-up built out of the garbage collector's full passes.

    Qt's wrappers and SQLAlchemy's and SQLModel's classes live as long as the window;
    left in, each full collection walks ~150,000 of them, about 50 ms, and building a
    long article's thousands of highlights triggers one. gc.freeze is made for this.
    """
    import gc

    gc.freeze()


def _early_check(db: str | None):
    """The library file's integrity check, begun before SQLAlchemy and the window's
    modules are imported (a third of a second): opening then waits only for what is left.
    None for a server, or a file that does not exist yet."""
    from pathlib import Path

    from desktop.core.backup import IntegrityCheck
    from desktop.core.location import default_location, is_url

    target = db or default_location()
    if is_url(target):
        return None
    path = Path(target).expanduser().resolve()
    try:
        if not path.is_file() or path.stat().st_size < 100:
            return None
    except OSError:
        return None
    return IntegrityCheck(path)


def close_window(window) -> None:
    """A clean exit: the window saves its state if it is still open, then the library is
    closed (so an SQLite library's file holds every row on its own afterwards).

    `run_gui` calls it when the application quits, however that happens: Ctrl+Q, closing
    the window, or `QApplication.quit()`.
    """
    if window.isVisible():
        window.close()  # MainWindow.closeEvent: pending edits flushed, geometry saved
    window.wb.close()


class _Listing:
    """The library list, read on a thread from the moment it is made (SQLite leaves the
    interpreter while it scans, so the window's modules import meanwhile)."""

    def __init__(self, store) -> None:
        import threading

        self._rows = None
        self._thread = threading.Thread(
            target=self._run, args=(store,), name="factdesk-list", daemon=True
        )
        self._thread.start()

    def _run(self, store) -> None:
        from desktop.core.errors import FactdeskError
        from desktop.core.summaries import article_summaries

        try:
            with store.connect() as conn:
                self._rows = article_summaries(conn)
        except FactdeskError:
            pass  # the window reads it again, and says what is wrong

    def rows(self):
        """The list, or None if it could not be read here."""
        self._thread.join()
        return self._rows


class _Startup:
    """Loads the library and swaps the first frame for the main window, once."""

    def __init__(self, app, db: str | None) -> None:
        self.app, self.db = app, db
        self.window = None
        self.started = False
        self.closed = False
        self.check = None  # the library file's integrity check, once begun
        self.frame = _first_frame(self.schedule)

    def shutdown(self) -> None:
        """On quitting: close the window's library, once (QApplication.aboutToQuit)."""
        if self.window is None or self.closed:
            return
        self.closed = True
        close_window(self.window)

    def schedule(self) -> None:
        """After the first paint: the menus and message, then load from the event loop,
        so both paints reach the screen first."""
        from PySide6.QtCore import QTimer

        if self.check is None and not self.started:
            self.check = _early_check(self.db)  # on a second core while the rest loads
        _furnish(self.frame)
        QTimer.singleShot(0, self.load)

    def load(self) -> None:
        if self.started:
            return
        self.started = True
        check = self.check or _early_check(self.db)  # on a second core meanwhile
        from PySide6.QtWidgets import QMessageBox

        from desktop.core.errors import FactdeskError
        from desktop.core.store import DamagedDatabase, open_store

        try:
            try:
                store = open_store(self.db, check=check)
            except DamagedDatabase as exc:
                from desktop.ui.backup_dialog import offer_recovery

                self.frame.hide()
                store = offer_recovery(None, exc)
                if store is None:
                    self.app.setQuitOnLastWindowClosed(False)
                    self.app.exit(2)
                    return
        except FactdeskError as exc:
            self.app.setQuitOnLastWindowClosed(False)  # exit with 2, not on the frame closing
            self.frame.hide()
            QMessageBox.critical(None, "Factdesk", str(exc))
            self.app.exit(2)
            return
        from desktop.ui.workbench import Workbench

        wb = Workbench(store)  # notes the change counter before the list is read
        listing = _Listing(store)  # SQLite reads on a second core while the window builds
        from desktop.ui.main_window import MainWindow
        from desktop.ui.server_dialog import without_password
        from desktop.ui.state import remember_database

        remember_database(without_password(store.url) if not store.is_sqlite else store.label)
        window = MainWindow(wb, article_after_paint=True, articles=listing.rows)
        if self.frame.isMaximized():
            window.showMaximized()
        else:
            window.show()
        self.frame.close()
        self.frame.deleteLater()
        self.window = window
        settle_long_lived_objects()
        window.show_store_notices(store)
        if os.environ.get("FACTDESK_SMOKE_TEST") == "1":  # bundle check: it started; quit
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.app.quit)


def run_gui(db: str | None = None) -> int:
    """Open the main window on `db` (or the default library) and run until it closes.

    On Linux without the system libraries Qt's X11 platform needs, print which packages
    to install and return 1 before any QApplication exists (Qt would abort).
    """
    from desktop.ui.platform_check import check

    problem = check()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    from PySide6.QtCore import QTimer

    app = create_application()
    startup = _Startup(app, db)
    app.aboutToQuit.connect(startup.shutdown)
    startup.frame.show()
    QTimer.singleShot(FALLBACK_MS, startup.load)
    return app.exec()
