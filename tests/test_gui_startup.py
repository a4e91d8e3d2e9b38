"""The start path: an empty first frame, then its menus, then the window with its list
(read on a thread) and, once that has painted, the last article."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from desktop.cli import _window_library
from desktop.core.articles import add_article
from desktop.core.importers import ParsedArticle
from desktop.core.store import open_store
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def library(db_path):
    store = open_store(db_path)
    ids = []
    with store.transaction() as session:
        for day, title in ((3, "Troisième"), (1, "Premier"), (2, "Deuxième")):
            parsed = ParsedArticle(
                [title, f"Le texte de l’article {title.lower()}."],
                title=title,
                outlet="Le Monde",
                published=date(2025, 3, day),
            )
            ids.append(add_article(session, parsed).article_id)
    store.close()
    return db_path, ids


def test_window_command_line_skips_the_parser_only_when_argparse_would_agree():
    assert _window_library(["--db", "lib.sqlite3"]) == "lib.sqlite3"
    assert _window_library(["--db=lib.sqlite3"]) == "lib.sqlite3"
    assert _window_library(["--db=café.sqlite3"]) == "café.sqlite3"
    assert _window_library(["--db", "-x"]) is None  # argparse: expected one argument
    assert _window_library(["--db", "a\x00b"]) is None  # refused with its message
    assert _window_library(["--db", "caf\udce9"]) is None  # not UTF-8: refused too
    assert _window_library(["--db", "x", "articles"]) is None
    assert _window_library(["articles"]) is None


class _Gate(threading.Event):
    """list_shown held shut until the test opens it: the frame's list stays the only
    one for as long as the test works in it."""

    def set(self) -> None:  # noqa: D102
        self.asked = True

    def open(self) -> None:
        super().set()


def test_start_paints_an_empty_frame_then_its_menus_then_the_list_then_the_window(
    qtbot, qapp, library, monkeypatch
):
    db, ids = library
    monkeypatch.setattr(app_module, "settle_long_lived_objects", lambda: None)
    startup = app_module._Startup(qapp, str(db))
    frame = startup.frame  # deleted once the window replaces it, so not handed to qtbot
    assert frame.menuBar().actions() == []  # no text before the first paint
    gate = startup.list_shown = _Gate()
    frame.show()
    qtbot.waitUntil(lambda: frame.painted, timeout=5000)
    titles = [a.text() for a in frame.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert not any(a.isEnabled() for a in frame.menuBar().actions())
    assert startup.check is not None  # the integrity check began with the first paint

    # The list, read-only, in the frame: newest first, the article imported last chosen.
    qtbot.waitUntil(lambda: getattr(gate, "asked", False), timeout=10000)
    panel = startup.library
    assert frame.library is panel and frame.centralWidget().widget(0) is panel
    assert [r.title for r in panel.model.shown] == ["Troisième", "Deuxième", "Premier"]
    assert panel.current_id() == ids[2]
    assert startup.window is None
    # What the user does in it meanwhile is kept: the filter typed, the article chosen.
    qtbot.keyClicks(panel.filter, "prem")
    assert [r.title for r in panel.model.shown] == ["Premier"]
    panel.select(ids[1])
    panel.filter.setFocus()

    gate.open()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10000)
    window = startup.window
    qtbot.addWidget(window)
    assert window.library is panel and window.isVisible()
    # the frame stays mapped (forwarding keys) until the window is active, then goes
    qtbot.waitUntil(lambda: not isValid(frame) or not frame.isVisible(), timeout=5000)
    assert panel.filter.text() == "prem"
    assert window.focusWidget() is panel.filter  # typing there goes on there
    qtbot.waitUntil(lambda: window.article_id == ids[1], timeout=5000)
    assert "Premier" in window.article.text.toPlainText()
    window.library.filter.clear()
    assert [r.title for r in window.library.model.shown] == ["Troisième", "Deuxième", "Premier"]
    startup.shutdown()


def test_a_change_committed_between_listing_and_opening_is_listed(
    qtbot, qapp, library, monkeypatch
):
    db, ids = library
    monkeypatch.setattr(app_module, "settle_long_lived_objects", lambda: None)
    startup = app_module._Startup(qapp, str(db))
    gate = startup.list_shown = _Gate()
    startup.frame.show()
    qtbot.waitUntil(lambda: getattr(gate, "asked", False), timeout=10000)
    other = open_store(db)  # another program adds an article while the window loads
    with other.transaction() as session:
        parsed = ParsedArticle(["Quatrième", "Un texte de plus."], title="Quatrième")
        added = add_article(session, parsed).article_id
    other.close()
    gate.open()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10000)
    window = startup.window
    qtbot.addWidget(window)
    assert added in {r.id for r in window.library.model.rows}
    assert len(window.library.model.rows) == len(ids) + 1
    startup.shutdown()


def test_the_list_is_not_shown_from_a_library_that_is_refused(qtbot, qapp, tmp_path, monkeypatch):
    """A newer Factdesk's library: the same message as ever, and no window."""
    import sqlite3

    db = tmp_path / "newer.sqlite3"
    store = open_store(db)
    with store.transaction() as session:
        add_article(session, ParsedArticle(["Un titre", "Un texte."], title="Un titre"))
    store.close()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    exits = []
    monkeypatch.setattr(qapp, "exit", lambda code=0: exits.append(code))
    startup = app_module._Startup(qapp, str(db))
    startup.frame.show()
    qtbot.waitUntil(lambda: bool(exits), timeout=10000)
    assert exits == [2] and "newer version of Factdesk" in shown[0]
    assert startup.window is None and not startup.frame.isVisible()  # its list gone too
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("newer")) == [
        "newer.sqlite3"
    ]  # left as it was found
    qapp.setQuitOnLastWindowClosed(True)


def test_a_choice_made_before_the_deferred_article_opens_is_kept(qtbot, library):
    db, ids = library
    window = MainWindow(Workbench(open_store(db)), article_after_paint=True)
    qtbot.addWidget(window)
    assert window.article_id is None  # not yet: after the first paint
    window.library.select(ids[1])  # the user clicks "Premier" first
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)
    assert window.article_id == ids[1]
    assert window.library.current_id() == ids[1]


def test_rows_read_beforehand_are_the_list_the_window_shows(qtbot, library):
    db, _ids = library
    store = open_store(db)
    listing = app_module._Listing(store)
    window = MainWindow(Workbench(store), articles=listing.rows)
    qtbot.addWidget(window)
    read = MainWindow(Workbench(open_store(db)))
    qtbot.addWidget(read)
    assert window.library.model.shown == read.library.model.shown
    assert window.article_id == read.article_id is not None


def test_a_damaged_library_is_offered_its_backup_as_before(qtbot, qapp, tmp_path, monkeypatch):
    from desktop.core.store import DamagedDatabase
    from desktop.ui import backup_dialog

    db = tmp_path / "damaged.sqlite3"
    open_store(db).close()
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage: quick_check fails
    db.write_bytes(bytes(data))
    offered = []
    monkeypatch.setattr(backup_dialog, "offer_recovery", lambda parent, exc: offered.append(exc))
    exits = []
    monkeypatch.setattr(qapp, "exit", lambda code=0: exits.append(code))
    startup = app_module._Startup(qapp, str(db))
    startup.frame.show()
    qtbot.waitUntil(lambda: bool(exits), timeout=10000)
    assert exits == [2] and isinstance(offered[0], DamagedDatabase)
    assert startup.window is None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("damaged")) == [
        "damaged.sqlite3"
    ]  # left as it was found: no -wal or -shm beside it
    qapp.setQuitOnLastWindowClosed(True)


def test_keys_reaching_the_frame_during_the_hand_over_go_to_the_window(qtbot):
    """Until the window has the keyboard the system may still send keys to the frame."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    class Window(QMainWindow):
        active = False

        def isActiveWindow(self) -> bool:  # noqa: N802
            return self.active

    frame, window = QMainWindow(), Window()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    window.setCentralWidget(field)
    window.show()
    field.setFocus()
    frame.show()
    app_module._hand_over(frame, window)
    for char in "Taïwan":
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(frame, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    assert field.text() == "Taïwan"
    assert frame.isVisible()
    window.active = True
    qtbot.waitUntil(lambda: not isValid(frame) or not frame.isVisible(), timeout=2000)
