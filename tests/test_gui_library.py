"""Getting articles into the window: paste, URL, drop; switching libraries; the list."""

from __future__ import annotations

import http.server
import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.state import recent_databases
from desktop.ui.workbench import Workbench

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Le port de Marseille bat son record</title>
<meta property="og:site_name" content="Le Quotidien du Sud">
<script>document.title = "hacked"</script></head><body>
<article><h1>Le port de Marseille bat son record</h1>
<p>Le trafic de conteneurs a progressé de 12 % en 2025, selon la direction du port, qui
parle d’une « année historique » pour l’activité maritime de la ville.</p>
<p>Les syndicats contestent ce chiffre et évoquent une hausse bien plus modeste, autour de
4 %, une fois les transbordements retirés du calcul.</p>
<img src="http://tracker.invalid/pixel.gif" width="1" height="1"></article></body></html>
"""


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def window(qtbot, db_path):
    w = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def page_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()


def wait_idle(qtbot):
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20000)


def test_paste_article_from_clipboard(qtbot, window):
    QApplication.clipboard().setText(
        "Un titre collé\n\nUn premier paragraphe, avec « guillemets » et l’apostrophe.\n"
    )
    window.act_paste.trigger()
    wait_idle(qtbot)
    article = window.article.text.article
    assert article.title == "Un titre collé"
    assert article.text.endswith("« guillemets » et l’apostrophe.")
    assert window.library.model.rows[0].title == "Un titre collé"


def test_import_from_url_uses_local_server(qtbot, window, page_server, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (page_server, True))
    window.act_import_url.trigger()
    wait_idle(qtbot)
    article = window.article.text.article
    assert article.title == "Le port de Marseille bat son record"
    assert article.outlet == "Le Quotidien du Sud"
    assert "« année historique »" in article.text
    assert "hacked" not in article.text and "pixel" not in article.text


def test_drop_files_imports_them(qtbot, window, tmp_path):
    paths = []
    for n in (1, 2):
        p = tmp_path / f"note{n}.md"
        p.write_text(f"# Note {n}\n\nLe chiffre {n} est contesté par l’opposition.\n", "utf-8")
        paths.append(p)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: len(window.library.model.rows) == 2, timeout=10000)
    assert sorted(r.title for r in window.library.model.rows) == ["Note 1", "Note 2"]


def test_open_other_library_and_refuse_bad_one(qtbot, window, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite3"
    assert window.open_database(str(other))
    assert window.wb.store.path == other
    assert window.windowTitle().startswith("other.sqlite3")
    assert str(other) in recent_databases()
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"just some notes, not a database" * 10)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    assert not window.open_database(str(bad))
    assert str(bad) in errors[0] and "not a Factdesk database" in errors[0]
    assert window.wb.store.path == other
    assert bad.read_bytes() == b"just some notes, not a database" * 10


def test_library_filter_and_counts(qtbot, window, tmp_path):
    for title in ("Budget de la Défense", "Réforme des retraites"):
        p = tmp_path / f"{title[:6]}.txt"
        p.write_text(f"{title}\n\nUn paragraphe sur ce sujet, assez long pour compter.\n", "utf-8")
        window.import_files([str(p)])
        wait_idle(qtbot)
    window.library.filter.setText("retraites")
    proxy = window.library.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data() == "Réforme des retraites"
    assert proxy.index(0, 3).data() == 0
