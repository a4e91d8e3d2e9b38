"""Starting the GUI: the application object, a first frame at once, then the library.

Importing SQLAlchemy, SQLModel and the window's modules, and checking and opening the
library, take several times longer than showing a window, so things show as they come:

1. `run_gui` shows a light frame where the main window will be (same title and
   geometry, nothing drawn in it yet: the first text drawn loads the fonts). Nothing
   heavier than QtWidgets and QSettings is imported before it has painted.
2. Then its menus and a message; the library file's integrity check starts on a thread.
3. A thread reads the library's list straight from the SQLite file (the standard
   library's sqlite3, read-only: no SQLAlchemy yet); the frame shows it where the
   window will have it, to filter, sort and choose from.
4. Once that has painted, the thread imports SQLAlchemy, the ORM and the window's
   modules, and opens the library as ever once its check is done: refused if it is
   not one, too new or damaged (the frame and its list go), upgraded if old.
5. The window is built, adopts the list as it is (what was typed and chosen in it),
   takes the frame's place and opens the chosen article after its first paint.

A server library, or a file that does not exist yet, skips step 3.
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


def _panes(frame, panel):
    """The list where the window will have it: the window's three panes, as sized when
    it last closed, the two others empty but for the message."""
    from PySide6.QtCore import QByteArray, QCoreApplication, Qt
    from PySide6.QtWidgets import QLabel, QSplitter, QWidget

    from desktop.ui.state import qsettings

    splitter = QSplitter(Qt.Orientation.Horizontal, frame)
    message = QLabel(QCoreApplication.translate("MainWindow", "Opening the library…"))
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message.setEnabled(False)
    for pane in (panel, message, QWidget()):
        splitter.addWidget(pane)
    state = qsettings().value("window/splitter")
    if not (isinstance(state, QByteArray) and splitter.restoreState(state)):
        width = frame.width()  # as MainWindow._fit_panes shares it out
        library, claims = max(250, width * 24 // 100), max(360, width * 32 // 100)
        splitter.setSizes([library, max(300, width - library - claims), claims])
    return splitter


def _hand_over(frame, window) -> None:
    """Close the frame once the window has the keyboard. Until then the system's focus
    may still be on the frame: a key pressed meanwhile reaches it and goes on to the
    window's focused widget. Closing the frame at once would leave the keys typed until
    the window is active to no window at all."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    keys = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}

    class Forward(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() in keys and isinstance(event, QKeyEvent):
                QApplication.sendEvent(window.focusWidget() or window, event.clone())
                return True
            return False

    forward = Forward(frame)
    frame.installEventFilter(forward)
    turns = [0]

    def close_when_active() -> None:
        turns[0] += 1
        if window.isActiveWindow() or not window.isVisible() or turns[0] > 100:
            frame.removeEventFilter(forward)
            frame.close()
            frame.deleteLater()
        else:
            QTimer.singleShot(10, close_when_active)

    close_when_active()


def _read_ahead(startup, db: str | None, check) -> None:
    """The start's work off the UI thread: the library list read straight from the
    SQLite file (with the standard library's sqlite3: it shows while the rest loads),
    then SQLAlchemy, the ORM and the window's modules, then the library opened as ever
    (refused if it is not one, too new or damaged; upgraded if old) once its integrity
    check is done. A list read from a file the open then refuses goes with the frame.

    Reports through `startup.relay`: listed((rows, change counter)), then loaded(outcome).
    """
    relay = startup.relay
    try:
        if check is not None:  # an existing SQLite file: list it before opening it
            import sqlite3

            from desktop.core.summary_rows import sqlite_summaries

            try:
                listed = sqlite_summaries(check.path)
            except sqlite3.Error:
                pass  # not readable so: the open below says why, if that is a problem
            else:
                relay.listed.emit(listed)
                startup.list_shown.wait(2.0)  # the UI thread builds and paints it alone
        import sqlmodel  # noqa: F401

        import desktop.core.models  # noqa: F401
        import desktop.ui.main_window  # noqa: F401
        import desktop.ui.server_dialog  # noqa: F401
        import desktop.ui.workbench  # noqa: F401
        from desktop.core.store import open_store

        store = open_store(db, check=check)
    except Exception as exc:  # told on the UI thread, as the synchronous start tells it
        relay.loaded.emit(("failed", exc))
        return
    relay.loaded.emit(("opened", store))


class _Startup:
    """Loads the library and swaps the first frame for the main window, once.

    `begin` (after the first paint, or FALLBACK_MS without one) loads on a thread and
    shows the library list in the frame as soon as it is read; `load` does it all at
    once, for a caller that needs the window when it returns."""

    def __init__(self, app, db: str | None) -> None:
        import threading

        from PySide6.QtCore import QObject, Signal

        class Relay(QObject):
            listed = Signal(object)
            loaded = Signal(object)

        self.app, self.db = app, db
        self.window = None
        self.started = False
        self.closed = False
        self.check = None  # the library file's integrity check, once begun
        self.sides: set = set()  # the file's -wal and -shm before anything looked at it
        self.library = None  # the list shown in the frame, adopted by the window
        self.listed_token = None  # the library's change counter when it was listed
        self.list_shown = threading.Event()
        self.relay = Relay()
        self.relay.listed.connect(self._show_list)
        self.relay.loaded.connect(self._loaded)
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
            self._begin_check()  # on a second core while the rest loads
        _furnish(self.frame)
        QTimer.singleShot(0, self.begin)

    def begin(self) -> None:
        """Load on a thread; the frame lists the library meanwhile."""
        import threading

        if self.started:
            return
        self.started = True
        check = self.check or self._begin_check()
        threading.Thread(
            target=_read_ahead, args=(self, self.db, check), name="factdesk-start", daemon=True
        ).start()

    def _show_list(self, listed) -> None:
        """The library list in the frame, where the window will have it: it can be
        filtered, sorted and chosen from while the rest loads, and the window adopts it."""
        rows, self.listed_token = listed
        try:
            from desktop.ui.library import LibraryPanel
            from desktop.ui.state import qsettings

            if self.window is not None or not self.frame.isVisible() or not rows:
                self.list_shown.set()  # (an empty library opens on its welcome page)
                return
            panel = LibraryPanel(self.frame)
            panel.set_articles(rows)
            last = qsettings().value(f"last_article/{self.check.path}")  # the store's label
            try:
                chosen = int(last) if last is not None else None
            except (TypeError, ValueError):
                chosen = None
            ids = {r.id for r in rows}
            if chosen not in ids:
                chosen = rows[0].id if rows else None
            if chosen is not None:
                panel.select(chosen, emit=False)
            self.library = self.frame.library = panel
            self.frame.setCentralWidget(_panes(self.frame, panel))
            from desktop.ui.after_paint import AfterPaint

            AfterPaint(panel.table.viewport(), self.list_shown.set)  # then the imports go on
        except BaseException:
            self.list_shown.set()
            raise

    def _loaded(self, outcome) -> None:
        kind, value = outcome
        self.list_shown.set()
        if kind == "opened":
            self._show_window(value)
            return
        from desktop.core.errors import FactdeskError
        from desktop.core.store import DamagedDatabase

        if not isinstance(value, FactdeskError):
            raise value
        if isinstance(value, DamagedDatabase):
            self._recover(value)
        else:
            self._refuse(value)

    def load(self) -> None:
        if self.started:
            return
        self.started = True
        check = self.check or self._begin_check()  # on a second core meanwhile
        from desktop.core.errors import FactdeskError
        from desktop.core.store import DamagedDatabase, open_store

        try:
            try:
                store = open_store(self.db, check=check)
            except DamagedDatabase as exc:
                self._recover(exc)
                return
        except FactdeskError as exc:
            self._refuse(exc)
            return
        self._show_window(store)

    def _begin_check(self):
        """Start the integrity check, noting the side files the library had before."""
        from pathlib import Path

        from desktop.core.location import default_location, is_url

        target = self.db or default_location()
        if not is_url(target):
            path = Path(target).expanduser().resolve()
            sides = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
            self.sides = {side for side in sides if side.exists()}
        self.check = _early_check(self.db)
        return self.check

    def _leave_as_found(self) -> None:
        """A refused library file is left as it was found: the -wal and -shm that the
        looks at it made (the check's, the list's) go, once the check is done."""
        if self.check is None:
            return
        from desktop.core.store import _leave_as_found

        self.check.problem()
        _leave_as_found(self.check.path, self.sides)

    def _recover(self, exc) -> None:
        from desktop.ui.backup_dialog import offer_recovery

        self._leave_as_found()
        self.frame.hide()
        store = offer_recovery(None, exc)
        if store is None:
            self.app.setQuitOnLastWindowClosed(False)
            self.app.exit(2)
            return
        self.library = None  # the list read was of the damaged file
        self._show_window(store)

    def _refuse(self, exc) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._leave_as_found()
        self.app.setQuitOnLastWindowClosed(False)  # exit with 2, not on the frame closing
        self.frame.hide()
        QMessageBox.critical(None, "Factdesk", str(exc))
        self.app.exit(2)

    def _show_window(self, store) -> None:
        from desktop.ui.workbench import Workbench

        wb = Workbench(store)  # notes the change counter before the list is read
        library = self.library
        listing = None if library is not None else _Listing(store)
        from desktop.ui.main_window import MainWindow
        from desktop.ui.server_dialog import without_password
        from desktop.ui.state import remember_database

        remember_database(without_password(store.url) if not store.is_sqlite else store.label)
        focused = self.frame.focusWidget() if library is not None else None
        if focused is not None and not library.isAncestorOf(focused):
            focused = None
        if library is not None:
            window = MainWindow(wb, article_after_paint=True, library=library)
            # Listed before the library was opened for writing: read again should anyone
            # have committed in between (the open itself counts one change).
            from desktop.core.changes import change_token

            token, listed = wb.read(change_token), self.listed_token
            moved = token != listed and (token is None or listed is None or token != listed + 1)
            if moved or store.upgraded_from or store.notices:  # (a restore finished, …)
                window.reload_library()
        else:
            window = MainWindow(wb, article_after_paint=True, articles=listing.rows)
        if self.frame.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.activateWindow()
        if focused is not None:  # typing in the list's filter goes on there
            focused.setFocus()
        self.window = window
        _hand_over(self.frame, window)
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
    QTimer.singleShot(FALLBACK_MS, startup.begin)
    return app.exec()
