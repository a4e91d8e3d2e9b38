"""The start path: an empty first frame, then its menus, then the window with its list
(read on a thread) and, once that has painted, the last article."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

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


def test_start_paints_an_empty_frame_then_its_menus_then_the_window(
    qtbot, qapp, library, monkeypatch
):
    db, ids = library
    monkeypatch.setattr(app_module, "settle_long_lived_objects", lambda: None)
    startup = app_module._Startup(qapp, str(db))
    frame = startup.frame  # deleted by load(), so not handed to qtbot
    assert frame.menuBar().actions() == []  # no text before the first paint
    monkeypatch.setattr(startup, "load", lambda: None)  # stop after the frame's own steps
    frame.show()
    qtbot.waitUntil(lambda: frame.painted, timeout=5000)
    titles = [a.text() for a in frame.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert not any(a.isEnabled() for a in frame.menuBar().actions())
    assert startup.check is not None  # the integrity check began with the first paint
    monkeypatch.undo()
    monkeypatch.setattr(app_module, "settle_long_lived_objects", lambda: None)

    startup.load()
    window = startup.window
    qtbot.addWidget(window)
    assert not frame.isVisible() and window.isVisible()
    assert [r.title for r in window.library.model.shown] == ["Troisième", "Deuxième", "Premier"]
    # With no last article saved, the one imported last opens, once the list has painted.
    qtbot.waitUntil(lambda: window.article_id == ids[2], timeout=5000)
    assert window.library.current_id() == ids[2]
    assert "Deuxième" in window.article.text.toPlainText()
    startup.shutdown()


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
