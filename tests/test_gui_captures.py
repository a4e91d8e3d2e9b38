"""Captured sources in the window: Capture on the sources table (off the UI thread), the
warning on a source whose excerpt is not in its latest capture, the captures dialog
(text with the excerpt found, changes, attach, Wayback Machine, WARC), File → WARC."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from warcio.archiveiterator import ArchiveIterator

from desktop.core.models import SourceCapture
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench
from tests.test_captures import PDF, capture_count, cited, server  # noqa: F401 (a fixture)

EXCERPT = "Nous n'augmenterons pas les impôts cette année"


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def _window(qtbot, db_path, url: str, excerpt: str = EXCERPT):
    store = open_store(db_path)
    claim_id, source_id = cited(store, url, excerpt)
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    from desktop.core.models import Claim

    with store.read() as s:
        article_id = s.get(Claim, claim_id).article_id
    window.open_article(article_id)
    window.select_claim(claim_id)
    assert window.editor.claim.id == claim_id
    return window, store, source_id


def _capture(qtbot, window) -> None:
    table = window.editor.sources
    table.table.selectRow(0)
    assert table.capture_btn.isEnabled()
    table.capture_btn.click()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)


def test_capture_marks_and_dialog(qtbot, db_path, server, tmp_path, monkeypatch):  # noqa: F811
    window, store, source_id = _window(qtbot, db_path, server + "/page")
    table = window.editor.sources
    assert table.capture_mark(source_id) is None  # nothing fetched until asked

    _capture(qtbot, window)
    assert capture_count(store) == 1
    assert "the excerpt is in it" in window.statusBar().currentMessage()
    warning, tip = table.capture_mark(source_id)
    assert not warning and "the excerpt is in it" in tip
    assert table.table.item(0, 0).icon().isNull()

    _capture(qtbot, window)  # the page has changed: the excerpt is gone from it
    assert capture_count(store) == 2
    message = window.statusBar().currentMessage()
    assert "the text changed since" in message and "NOT in it" in message
    warning, tip = table.capture_mark(source_id)
    assert warning and "The excerpt is not in the capture of" in tip
    assert not table.table.item(0, 0).icon().isNull()
    assert tip in table.table.item(0, 0).toolTip()

    table.captures_btn.click()
    dialog = window.capture_dialog
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 2
    # the newest is shown: excerpt not found, the change since the first
    assert "Not found in this capture" in dialog.excerpts.text()
    assert "pourraient changer" in dialog.text.toPlainText()
    assert "<p" not in dialog.text.toPlainText()  # extracted text, not the page's code
    changes = dialog.changes.toPlainText()
    assert "The text changed." in changes and "cette année" in changes
    # the first capture: found, in context, marked in the text
    dialog.table.selectRow(0)
    assert "Looking for the excerpts" in dialog.excerpts.text()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    assert "Found:" in dialog.excerpts.text()
    assert "<b style='background-color:#ffe58f'>Nous n’augmenterons pas" in dialog.excerpts.text()
    (mark,) = dialog.text.extraSelections()
    assert mark.cursor.selectedText() == "Nous n’augmenterons pas les impôts cette année"
    assert "first capture" in dialog.changes.toPlainText()
    details = dialog.details.toPlainText()
    assert "SHA-256: " in details and "X-Served-By: test" in details

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda u: opened.append(u)))
    dialog.wayback_btn.click()
    assert opened == [QUrl("https://web.archive.org/save/" + server + "/page")]

    pdf = tmp_path / "budget.pdf"
    pdf.write_bytes(PDF)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(pdf), ""))
    )
    dialog.attach_btn.click()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    assert dialog.table.rowCount() == 3 and capture_count(store) == 3
    assert dialog.table.item(2, 2).text() == "budget.pdf"
    assert "La dette atteint 112 % du PIB." in dialog.text.toPlainText()
    with store.read() as s:
        assert s.get(SourceCapture, dialog.infos[-1].id).body == PDF

    warc = tmp_path / "source.warc.gz"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(warc), ""))
    )
    dialog.warc_btn.click()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    with open(warc, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types.count("response") == 2 and types.count("resource") == 1
    dialog.reject()


def test_gone_page_and_file_menu_warc(qtbot, db_path, server, tmp_path, monkeypatch):  # noqa: F811
    window, store, source_id = _window(qtbot, db_path, server + "/gone")
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    actions = file_menu.actions()
    assert actions.index(window.act_export_warc) == actions.index(window.act_export) + 1

    _capture(qtbot, window)
    warning, tip = window.editor.sources.capture_mark(source_id)
    assert warning and "The page is gone: it answered 410" in tip
    assert "the page is gone" in window.statusBar().currentMessage()

    warc = tmp_path / "all.warc"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(warc), ""))
    )
    window.act_export_warc.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    with open(warc, "rb") as fh:
        statuses = [
            r.http_headers.statusline for r in ArchiveIterator(fh) if r.rec_type == "response"
        ]
    assert statuses == ["410 Gone"]
    assert "Exported 1 capture(s)" in window.statusBar().currentMessage()


def test_failed_capture_shows_an_error_and_writes_nothing(qtbot, db_path, server, monkeypatch):  # noqa: F811
    window, store, source_id = _window(qtbot, db_path, server + "/to-ftp")
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    _capture(qtbot, window)
    assert len(errors) == 1 and "not a web address" in errors[0]
    assert capture_count(store) == 0
    assert window.editor.sources.capture_mark(source_id) is None


def test_source_without_address_cannot_be_fetched(qtbot, db_path):
    window, _store, _source_id = _window(qtbot, db_path, "")
    table = window.editor.sources
    table.table.selectRow(0)
    assert not table.capture_btn.isEnabled() and table.captures_btn.isEnabled()
    table.captures_btn.click()
    dialog = window.capture_dialog
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    assert not dialog.capture_btn.isEnabled() and not dialog.wayback_btn.isEnabled()
    assert not dialog.warc_btn.isEnabled()
    assert "No capture yet" in dialog.excerpts.text()
    dialog.reject()


def test_excerpt_marked_after_an_emoji(qtbot, db_path, tmp_path):
    """Qt counts an emoji as two positions: the mark still covers the excerpt exactly."""
    window, store, source_id = _window(qtbot, db_path, "", "le taux est de 7,4 %")
    saved = tmp_path / "post.txt"
    saved.write_text("🎉🇫🇷 Bonne nouvelle 👨‍👩‍👧 : Le taux est de 7,4 % ce mois-ci.\n", "utf-8")
    from desktop.core import captures

    captures.attach_file(store, source_id, saved)
    window.editor.sources.table.selectRow(0)
    window.editor.sources.captures_btn.click()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=15_000)
    dialog = window.capture_dialog
    (mark,) = dialog.text.extraSelections()
    assert mark.cursor.selectedText() == "Le taux est de 7,4 %"
    dialog.reject()
