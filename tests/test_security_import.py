"""Imported web pages become text: nothing in them is executed or fetched, in the core or the GUI.

The socket module is disarmed for the whole test, so a single lookup or connection by
the importer, the article view or anything else in the process fails the test.
"""

from __future__ import annotations

import socket

import pytest

from tests.test_badinput_files import HOSTILE_PAGE

READER_TEXT = (
    "Le ministre a déclaré lundi que la réforme des retraites rapporterait dix milliards.",
    "L’opposition conteste ce chiffre, qu’elle juge très largement surestimé par le gouvernement.",
    "Les économistes interrogés estiment que l’effet réel dépendra surtout de l’emploi des seniors.",
)
NEVER = ("document.", "fetch(", "evil.example", "tracker", "alert(", "<", "onload", "pwned")


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled by the test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == [], f"network use attempted: {attempts}"


def test_core_reduces_a_hostile_page_to_its_text(tmp_path, no_network):
    from desktop.core.importers import import_path

    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    parsed = import_path(page)
    text = "\n".join(parsed.paragraphs)
    for paragraph in READER_TEXT:
        assert paragraph in text
    for bad in NEVER:
        assert bad not in text and bad not in parsed.title, bad


def test_gui_shows_the_page_as_plain_text_and_loads_nothing(qtbot, tmp_path, no_network):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextFormat

    from desktop.core.store import open_store
    from desktop.ui import tasks
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    window = MainWindow(Workbench(open_store(tmp_path / "lib.sqlite3")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.import_files([str(page)])
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30000)
    assert window.article_id is not None
    view = window.article.text
    stored = view.article.text
    assert view.toPlainText() == stored  # shown as text: no markup was interpreted
    for paragraph in READER_TEXT:
        assert paragraph in stored
    for bad in NEVER:
        assert bad not in stored, bad
    document = view.document()
    block = document.begin()
    while block.isValid():  # no image, anchor or other object in the document
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor()
            assert fmt.objectType() == QTextFormat.ObjectTypes.NoObject
            it += 1
        block = block.next()
    assert "<img" not in document.toHtml()
    qtbot.wait(50)  # let any deferred load the view might start happen (none may)
