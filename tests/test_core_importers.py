"""Importers: files of every supported kind, refusals naming the file, web pages by URL."""

from __future__ import annotations

import hashlib
import http.server
import io
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from desktop.core.articles import add_article
from desktop.core.errors import ImportFailed
from desktop.core.importers import import_path, parse_text
from desktop.core.importers.url import fetch

FRENCH = (
    "Le chômage baisse\n\n"
    "Le ministre a affirmé que le chômage avait baissé. Selon l’Insee, c’est faux.\n\n"
    "Les économistes interrogés sont prudents."
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def imported(path: Path):
    """import_path, checking the file is byte-for-byte the same afterwards."""
    before = sha(path)
    try:
        return import_path(path)
    finally:
        assert sha(path) == before


def refused(path: Path, *needles: str) -> str:
    before = sha(path) if path.is_file() else None
    with pytest.raises(ImportFailed) as info:
        import_path(path)
    message = str(info.value)
    assert str(path) in message
    for needle in needles:
        assert needle in message, message
    if before is not None:
        assert sha(path) == before
    return message


# --- plain text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding,bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1252", b"")],
)
def test_txt_encodings(tmp_path, encoding, bom):
    text = FRENCH.replace("’", "'") if encoding == "cp1252" else FRENCH
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(encoding))
    parsed = imported(path)
    assert parsed.paragraphs[1].startswith("Le ministre a affirmé que le chômage avait baissé.")
    assert parsed.paragraphs[2] == "Les économistes interrogés sont prudents."
    assert parsed.title == "Le chômage baisse"
    assert parsed.headings == {0: 1}
    assert parsed.language == "fr"
    assert parsed.source_name == "article.txt"
    assert "\ufeff" not in parsed.paragraphs[0]


def test_txt_utf16_big_endian_with_bom(tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes("\ufeff".encode("utf-16-be") + FRENCH.encode("utf-16-be"))
    assert imported(path).paragraphs[2] == "Les économistes interrogés sont prudents."


def test_txt_invalid_utf8_refused_with_offset(tmp_path):
    path = tmp_path / "broken.txt"
    data = "Café au lait, ".encode() + b"\xff" + " et crème.".encode()
    path.write_bytes(data)
    bad_at = data.index(b"\xff")
    refused(path, "not valid UTF-8", f"offset {bad_at}", "0xff")


def test_png_renamed_txt_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    refused(path, "binary")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u00a0\n\u202f".encode()])
def test_empty_and_blank_refused(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    refused(path)


def test_missing_folder_and_unknown_extension(tmp_path):
    refused(tmp_path / "nowhere.txt", "does not exist")
    refused(tmp_path, "folder")
    odd = tmp_path / "notes.rtf"
    odd.write_text("{\\rtf1 hello}")
    refused(odd, "unknown file type", ".rtf")
    bare = tmp_path / "README"
    bare.write_text("hello")
    refused(bare, "unknown file type")


def test_parse_text_pasted():
    parsed = parse_text("Titre\r\n\r\nUn paragraphe\ncoupé.\x00")
    assert parsed.paragraphs == ["Titre", "Un paragraphe coupé."]
    assert parsed.source_name == "pasted text"
    with pytest.raises(ImportFailed, match="pasted text"):
        parse_text("  \n ")


# --- markdown -------------------------------------------------------------------------------


def test_markdown_headings_and_inline(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Le titre\n\nUn *premier* paragraphe avec un [lien](https://x.org) et `code`.\n\n"
        "## Une partie\n\n- un point\n- un autre\n\n<script>alert(1)</script>\n\n"
        "![une image](https://img.example/a.png)\n",
        encoding="utf-8",
    )
    parsed = imported(path)
    assert parsed.title == "Le titre"
    assert parsed.paragraphs[:5] == [
        "Le titre",
        "Un premier paragraphe avec un lien et code.",
        "Une partie",
        "• un point",
        "• un autre",
    ]
    assert parsed.headings == {0: 1, 2: 2}
    assert parsed.paragraphs[-1] == "une image"
    assert "<script>alert(1)</script>" in parsed.paragraphs  # kept as text, never markup


# --- html -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le chômage baisse-t-il vraiment ? | Le Vérificateur</title>
<meta property="og:title" content="Le chômage baisse-t-il vraiment ?">
<meta property="og:site_name" content="Le Vérificateur">
<meta property="og:url" content="https://verif.example/chomage">
<link rel="canonical" href="https://verif.example/chomage">
<link rel="stylesheet" href="https://cdn.example/style.css">
<meta name="author" content="Claire Martin">
<meta property="article:published_time" content="2024-10-25T08:00:00+02:00">
<script src="https://cdn.example/app.js"></script>
<script>fetch("https://tracker.example/x"); document.write("SCRIPT TEXT")</script>
<style>p{color:red}</style>
</head><body>
<nav><a href="/">Accueil</a> <a href="/a">Rubriques</a></nav>
<article>
<h1>Le chômage baisse-t-il vraiment ?</h1>
<p>Le ministre a affirmé mardi que le chômage avait baissé de 3 % en un an, un chiffre repris
par plusieurs médias.</p>
<img src="https://cdn.example/photo.jpg" alt="photo">
<img src="https://pixel.example/p.gif?u=1" width="1" height="1" alt="">
<h2>Ce que disent les chiffres</h2>
<p>Selon l’Insee, le taux de chômage est passé de 7,4 % à 7,3 % sur la période, soit une
baisse bien plus modeste que celle annoncée.</p>
<iframe src="https://ads.example/frame">IFRAME TEXT</iframe>
<p>Les économistes interrogés rappellent que ces variations restent dans la marge d’erreur
de l’enquête trimestrielle.</p>
</article>
<footer>© Le Vérificateur 2024</footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield attempts
    assert attempts == []


def test_html_saved_page_text_only(tmp_path, no_network):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    parsed = imported(path)
    whole = "\n".join(parsed.paragraphs)
    for junk in ("SCRIPT TEXT", "IFRAME TEXT", "fetch(", "Accueil", "color:red", "photo.jpg"):
        assert junk not in whole
    assert parsed.paragraphs[0] == "Le chômage baisse-t-il vraiment ?"
    assert parsed.headings[0] == 1
    assert parsed.headings[parsed.paragraphs.index("Ce que disent les chiffres")] == 2
    assert any(p.startswith("Selon l’Insee, le taux de chômage") for p in parsed.paragraphs)
    assert parsed.title == "Le chômage baisse-t-il vraiment ?"
    assert parsed.authors == ["Claire Martin"]
    assert parsed.published == date(2024, 10, 25)
    assert parsed.url == "https://verif.example/chomage"
    assert parsed.outlet == "Le Vérificateur"
    assert parsed.language == "fr"


def test_html_legacy_charset(tmp_path, no_network):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("’", "'")
    path = tmp_path / "old.htm"
    path.write_bytes(page.replace("utf-8", "windows-1252").encode("cp1252", errors="replace"))
    parsed = imported(path)
    assert any("économistes interrogés" in p for p in parsed.paragraphs)


def test_html_without_markup_or_text_refused(tmp_path):
    plain = tmp_path / "plain.html"
    plain.write_text("just words, no markup at all", encoding="utf-8")
    refused(plain, "no HTML markup")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    refused(empty)


# --- docx -----------------------------------------------------------------------------------


def test_docx_title_headings_paragraphs(tmp_path):
    import docx

    doc = docx.Document()
    doc.core_properties.author = "Claire Martin"
    doc.add_paragraph("Le chômage baisse", style="Title")
    doc.add_paragraph("Le ministre a affirmé que le chômage avait baissé.")
    doc.add_paragraph("Les chiffres", style="Heading 1")
    doc.add_paragraph("Selon l’Insee, c’est « faux ».")
    doc.add_paragraph("")
    doc.add_paragraph("un point", style="List Bullet")
    path = tmp_path / "article.docx"
    doc.save(path)
    parsed = imported(path)
    assert parsed.paragraphs == [
        "Le chômage baisse",
        "Le ministre a affirmé que le chômage avait baissé.",
        "Les chiffres",
        "Selon l’Insee, c’est « faux ».",
        "• un point",
    ]
    assert parsed.title == "Le chômage baisse"
    assert parsed.headings == {0: 1, 2: 2}
    assert parsed.authors == ["Claire Martin"]
    # When the file was made says nothing of when the article was published.
    assert parsed.published is None


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 this is not really a zip archive" * 10, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" * 9],
)
def test_docx_corrupt_refused(tmp_path, content):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    refused(path)


def test_docx_truncated_refused(tmp_path):
    import docx

    buffer = io.BytesIO()
    doc = docx.Document()
    doc.add_paragraph("Hello there, a sentence.")
    doc.save(buffer)
    path = tmp_path / "cut.docx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    refused(path, "Word document")


# --- pdf ------------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]], *, title: str = "", author: str = "") -> bytes:
    """A minimal PDF whose pages show the given lines in Helvetica (a real text layer)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 72 760 Td 14 TL"]
        for line in lines:
            escaped = line.encode("cp1252").replace(b"\\", b"\\\\")
            escaped = escaped.replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + escaped + b") Tj T*")
        ops.append(b"ET")
        if not lines:
            ops = [b"0.5 g 72 600 200 100 re f"]  # a drawing, no text
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, font, content)
            )
        )
    assert (
        add(
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        )
        == pages_id
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(
        b"<< /Title (%s) /Author (%s) >>" % (title.encode("latin-1"), author.encode("latin-1"))
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)


PDF_PAGES = [
    [
        "Le ministre a affirme que le chomage avait baisse de trois pour cent en un an, un",
        "chiffre repris par plusieurs medias nationaux et regionaux.",
        "",
        "Selon l'Insee, le taux de chomage est passe de 7,4 a 7,3 pour cent sur la periode.",
    ],
    ["Les economistes interroges restent prudents sur ces variations trimestrielles."],
]


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "article.pdf"
    path.write_bytes(make_pdf(PDF_PAGES, title="Le chomage", author="Claire Martin"))
    parsed = imported(path)
    whole = " ".join(parsed.paragraphs)
    assert "Le ministre a affirme que le chomage avait baisse" in whole
    assert "un chiffre repris par plusieurs medias" in whole  # hard wrap rejoined
    assert parsed.paragraphs[-1].startswith("Les economistes interroges restent prudents")
    assert parsed.title == "Le chomage"
    assert parsed.authors == ["Claire Martin"]


def test_pdf_encrypted_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PDF_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt("secret-password")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    refused(path, "password")


def test_pdf_without_text_layer_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    refused(path, "no text layer", "OCR")


@pytest.mark.parametrize(
    "content", [b"not a pdf at all", b"%PDF-1.4\n1 0 obj garbage garbage\n%%EOF"]
)
def test_pdf_damaged_refused(tmp_path, content):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    refused(path)


# --- importing twice ------------------------------------------------------------------------


def test_same_content_twice_returns_existing(store, tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(FRENCH, encoding="utf-8")
    md = tmp_path / "b.txt"
    md.write_text(FRENCH.replace("\n\n", "\r\n\r\n") + "\n\n\n", encoding="utf-8-sig")
    with store.transaction() as session:
        first = add_article(session, import_path(txt))
    with store.transaction() as session:
        second = add_article(session, import_path(md))
    assert first.created is True
    assert second.created is False
    assert second.article_id == first.article_id


# --- url ------------------------------------------------------------------------------------

SLEEP_S = 3.0


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/article":
            self._send(PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/text":
            self._send(FRENCH.encode("utf-8"), "text/plain; charset=utf-8")
        elif self.path == "/big":
            self._send(b"<p>" + b"x" * 5000 + b"</p>", "text/html")
        elif self.path == "/big-unknown-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"y" * 5000 + b"</p>")
        elif self.path == "/slow":
            time.sleep(SLEEP_S)
            self._send(PAGE.encode("utf-8"), "text/html")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        else:
            self._send(b"<h1>Not here</h1>", "text/html", status=404)


@pytest.fixture
def server(monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_html(server):
    parsed = fetch(server + "/article")
    assert parsed.title == "Le chômage baisse-t-il vraiment ?"
    assert any(p.startswith("Selon l’Insee") for p in parsed.paragraphs)
    assert parsed.url == "https://verif.example/chomage"  # the page's canonical address


def test_fetch_plain_text_and_redirect(server):
    assert fetch(server + "/text").paragraphs[-1] == "Les économistes interrogés sont prudents."
    assert fetch(server + "/redirect").title == "Le chômage baisse-t-il vraiment ?"


def test_fetch_404(server):
    url = server + "/missing"
    with pytest.raises(ImportFailed) as info:
        fetch(url)
    assert url in str(info.value) and "404" in str(info.value)


@pytest.mark.parametrize("path", ["/big", "/big-unknown-length"])
def test_fetch_too_large(server, path):
    url = server + path
    with pytest.raises(ImportFailed) as info:
        fetch(url, max_bytes=1000)
    assert url in str(info.value) and "larger than" in str(info.value)


def test_fetch_timeout(server):
    url = server + "/slow"
    with pytest.raises(ImportFailed) as info:
        fetch(url, timeout=0.3)
    assert url in str(info.value)
    assert "did not answer" in str(info.value)


def test_fetch_refused_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    url = f"http://127.0.0.1:{port}/x"
    with pytest.raises(ImportFailed) as info:
        fetch(url, timeout=5)
    assert url in str(info.value) and "cannot be reached" in str(info.value)


@pytest.mark.parametrize("bad", ["ftp://example.org/x", "example.org", "file:///etc/passwd"])
def test_fetch_refuses_non_web_addresses(bad):
    with pytest.raises(ImportFailed, match="not a web address"):
        fetch(bad)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_txt_utf16_without_bom_is_read(tmp_path, encoding):
    text = "Titre de l’article\n\nLe « plan » coûte 18 millions d’euros, selon la mairie."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    parsed = import_path(path)
    assert parsed.title == "Titre de l’article"
    assert parsed.paragraphs[1] == "Le « plan » coûte 18 millions d’euros, selon la mairie."


def test_short_page_keeps_its_paragraphs_around_embeds(tmp_path):
    """trafilatura runs a short page into one paragraph; the page's blocks win then, and
    an unclosed <embed> does not swallow the paragraph after it."""
    page = (
        "<html><head><title>Le budget</title></head><body><article><h1>Le budget</h1>"
        "<p>Le maire annonce un budget en hausse de 5 %.</p>"
        '<img src="http://pixel.example/p.gif"><p>L’opposition parle d’un budget « insincère ».</p>'
        '<object data="http://x.example/a.swf"></object><embed src="http://x.example/e">'
        "<p>Le vote aura lieu jeudi.</p></article></body></html>"
    )
    path = tmp_path / "budget.html"
    path.write_text(page, encoding="utf-8")
    parsed = import_path(path)
    assert parsed.paragraphs == [
        "Le budget",
        "Le maire annonce un budget en hausse de 5 %.",
        "L’opposition parle d’un budget « insincère ».",
        "Le vote aura lieu jeudi.",
    ]
    assert parsed.headings == {0: 1}
