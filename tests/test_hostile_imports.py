"""Hostile files and hostile servers (issue 19, items 3, 6–11): one line, exit 2, no harm.

Every refusal goes through the real `factdesk import` in a subprocess: exit status 2,
exactly one stderr line naming the file or address and the problem, no traceback, the
library's rows unchanged. Servers are local (127.0.0.1 only), their loops bounded and
their timeouts short.
"""

from __future__ import annotations

import http.server
import io
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, import_path
from desktop.core.importers.url import fetch
from tests.conftest import ROOT
from tests.test_badinput_files import row_counts

FRENCH = "Le chômage baisse\n\nLe ministre a affirmé que « le chômage a baissé » à Paris."
PAGE = (
    "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Le budget</title></head>"
    "<body><article><h1>Le budget</h1><p>Le maire annonce un budget en hausse de 5 %, "
    "selon le conseil municipal réuni lundi soir.</p><p>L’opposition parle d’un budget "
    "« insincère » et demande un audit.</p></article></body></html>"
).encode()
# An ELF header, then bytes a parser might take for text and markup.
ELF = (
    b"\x7fELF\x02\x01\x01\x00"
    + bytes(8)
    + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    + bytes(range(256)) * 4
    + b"<html><title>ELF title</title><p>GLIBC_2.2.5 text that looks like words</p>"
    + bytes(range(256)) * 4
)
NO_PROXY = {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture
def library(tmp_path) -> Path:
    """A library holding one article, so "unchanged" is not about zeros."""
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.store import open_store

    db = tmp_path / "lib.sqlite3"
    store = open_store(db)
    with store.transaction() as session:
        add_article(session, parse_text("Titre\n\nLe ministre a dit que tout allait bien."))
    store.close()
    return db


def run_cli(db: Path, *args: str, preamble: str = "", timeout: float = 120):
    """`python -m desktop --db DB ARGS…` (or the same main after `preamble`)."""
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY and k != "FACTDESK_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", no_proxy="127.0.0.1")
    if preamble:
        code = f"import sys\n{preamble}\nfrom desktop.cli import main\nsys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", code]
    else:
        command = [sys.executable, "-m", "desktop"]
    return subprocess.run(
        [*command, "--db", str(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )


def refused(result: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, one stderr line 'factdesk: error: …' holding every needle, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: error: "), lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "()" not in lines[0], lines[0]  # no empty explanation
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def import_refused(library: Path, source: str, *needles: str, **kw) -> str:
    before = row_counts(library)
    line = refused(run_cli(library, "import", source, **kw), source, *needles)
    assert row_counts(library) == before
    return line


# --- servers -------------------------------------------------------------------------------


class Trap:
    """A TCP port that records every connection made to it (it must receive none)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            try:  # what an FTP server says first, so a client would go on to log in
                conn.sendall(b"220 trap\r\n")
            except OSError:
                pass
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    trap_port = 0

    def log_message(self, *args):
        pass

    def _send(self, body: bytes, ctype: str | None, status: int = 200, **headers) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, data: bytes, every: float) -> None:
        """Send `data` a byte at a time (a bounded loop that ends when the client leaves)."""
        for byte in data[:60]:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return
            time.sleep(every)

    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path
        if path == "/article":
            self._send(PAGE, "text/html; charset=utf-8")
        elif path == "/to-ftp":
            target = f"ftp://127.0.0.1:{self.trap_port}/article.txt"
            self._send(b"", None, 302, Location=target)
        elif path == "/to-file":
            self._send(b"", None, 302, Location="file:///etc/passwd")
        elif path == "/hop":
            self._send(b"", None, 301, Location="/to-ftp")
        elif path == "/octet":
            self._send(ELF, "application/octet-stream")
        elif path == "/image":
            self._send(b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        elif path == "/elf-as-html":
            self._send(ELF, "text/html")
        elif path == "/docx":
            self._send(
                small_docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        elif path == "/no-type":
            self._send(PAGE, None)
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "100000")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(PAGE[:40])
            self.wfile.flush()
            self.close_connection = True
        elif path == "/drip-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            self._drip(FRENCH.encode() * 10, 0.2)
            self.close_connection = True
        elif path == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self.wfile.flush()
            self._drip(b"X-Slow: " + b"a" * 200, 0.2)
            self.close_connection = True
        elif path == "/odd-status":
            self.send_response(599, "")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/undefined-charset":
            self._send(html_with_charset("undefined"), "text/html")
        else:
            self._send(b"<h1>Not here</h1>", "text/html", status=404)


@pytest.fixture(scope="module")
def trap():
    trap = Trap()
    yield trap
    trap.close()


@pytest.fixture(scope="module")
def server(trap):
    Handler.trap_port = trap.port
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# Answers that are not HTTP as http.client reads it.
MALFORMED = {
    "/bad-status": b"HELLO THERE\r\n\r\n",
    "/many-headers": b"HTTP/1.1 200 OK\r\n"
    + b"".join(b"X-H%d: v\r\n" % i for i in range(101))
    + b"\r\n",
    "/long-line": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",
    "/chunked-cut": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n100\r\n" + PAGE[:40],
    "/nothing": b"",
}


class RawHandler(socketserver.StreamRequestHandler):
    timeout = 5

    def handle(self) -> None:
        request = self.rfile.readline(8192).split()
        for _ in range(100):  # the request's headers, up to the blank line
            line = self.rfile.readline(8192)
            if line in (b"\r\n", b"\n", b""):
                break
        path = request[1].decode() if len(request) > 1 else ""
        try:
            self.wfile.write(MALFORMED.get(path, b""))
            self.wfile.flush()
        except OSError:
            pass


@pytest.fixture(scope="module")
def raw_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RawHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- files ---------------------------------------------------------------------------------


def small_docx(text: str = "Le ministre a affirmé que le chômage a baissé à Paris.") -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def docx_with_body(
    body_bytes: int, *, method: int = zipfile.ZIP_DEFLATED, varied: bool = False
) -> bytes:
    """A real Word document whose document.xml holds `body_bytes` of paragraphs, the
    same one repeated (a bomb packs that way) or `varied` prose-like ones, written in
    chunks so the test never holds the whole unpacked XML."""
    import random

    source = zipfile.ZipFile(io.BytesIO(small_docx()))
    out = io.BytesIO()
    words = random.Random(6).choices(FRENCH.split() + [f"mot{i}" for i in range(2000)], k=3000)
    rng = random.Random(19)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<w:body>")
            entry = zipfile.ZipInfo("word/document.xml")
            entry.compress_type = method
            with archive.open(entry, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                written = 0
                while written < body_bytes:
                    text = " ".join(rng.choices(words, k=12)) if varied else "Une phrase de plus"
                    chunk = f"<w:p><w:r><w:t>{text}.</w:t></w:r></w:p>".encode() * (
                        1 if varied else 20_000
                    )
                    part.write(chunk)
                    written += len(chunk)
                part.write(tail)
    return out.getvalue()


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """The issue's case: a few hundred kilobytes that unpack to about 100 MB of XML."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    path.write_bytes(docx_with_body(102_000_000))
    return path


def html_with_charset(label: str) -> bytes:
    return (
        f'<html><head><meta charset="{label}"><title>Le budget</title></head><body>'
        "<p>Le maire annonce un budget en hausse de 5 %, selon le conseil municipal.</p>"
        "<p>L’opposition parle d’un budget « insincère » et demande un audit.</p>"
        "</body></html>"
    ).encode()


# --- 3. redirects to other schemes -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/to-ftp", "/hop"])
def test_redirect_to_ftp_is_refused_and_never_followed(server, trap, library, path):
    before = trap.connections
    line = import_refused(library, server + path, "redirects to", "ftp://127.0.0.1")
    assert "http:// and https://" in line
    time.sleep(0.2)  # a connection would have been accepted by now
    assert trap.connections == before, "the ftp:// target was contacted"


def test_redirect_to_a_file_is_refused(server, library):
    import_refused(library, server + "/to-file", "redirects to", "file:///etc/passwd")


def test_messages_are_never_empty(server):
    """Every refusal explains itself: "cannot be reached ()" is gone."""
    from desktop.core.importers.url import _say

    assert _say(OSError()) == "OSError"
    assert _say(ValueError("  ")) == "ValueError"
    for path, words in (("/to-ftp", "redirects to"), ("/odd-status", "599 (no reason given)")):
        with pytest.raises(ImportFailed) as info:
            fetch(server + path, timeout=5)
        assert words in info.value.problem and "()" not in str(info.value)


# --- 6. decompression bombs ----------------------------------------------------------------


def test_zip_bomb_docx_is_refused_before_unpacking(zip_bomb, library):
    assert zip_bomb.stat().st_size < 1_000_000
    started = time.monotonic()
    line = import_refused(library, str(zip_bomb), "unpacks to 10", "at most 50 MB")
    assert time.monotonic() - started < 30, "the bomb was unpacked"
    assert "Word document" in line


def test_tightly_packed_part_is_refused_under_the_size_cap(tmp_path):
    path = tmp_path / "dense.docx"
    path.write_bytes(docx_with_body(20_000_000))  # packs well over 100 to 1
    with pytest.raises(ImportFailed) as info:
        import_path(path)
    assert "decompression bomb" in str(info.value) and "'word/document.xml'" in str(info.value)
    assert "at most 100 times" in str(info.value)


def test_exotic_zip_compression_is_refused(tmp_path):
    """bzip2 can pack gigabytes into one read's worth of bytes; Word never uses it."""
    path = tmp_path / "bz.docx"
    path.write_bytes(docx_with_body(100_000, method=zipfile.ZIP_BZIP2))
    with pytest.raises(ImportFailed, match="method Word does not use"):
        import_path(path)


def test_ordinary_docx_still_imports(tmp_path):
    path = tmp_path / "ok.docx"
    path.write_bytes(docx_with_body(3_000_000, varied=True))  # 3 MB of XML
    started = time.monotonic()
    parsed = import_path(path)
    assert len(parsed.paragraphs) > 20_000
    assert time.monotonic() - started < 30  # paragraph styles are looked up once each


def test_zip_bomb_with_another_extension_is_binary(zip_bomb, tmp_path, library):
    path = tmp_path / "bomb.html"
    path.write_bytes(zip_bomb.read_bytes())
    import_refused(library, str(path), "binary data", "ZIP archive")


# --- 7. one deadline for the whole download --------------------------------------------------


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_byte_at_a_time_cannot_outlast_the_deadline(server, path):
    started = time.monotonic()
    with pytest.raises(ImportFailed) as info:
        fetch(server + path, timeout=1.0)
    elapsed = time.monotonic() - started
    assert elapsed < 3.5, f"the fetch ran {elapsed:.1f} s past a 1 s deadline"
    assert "did not answer in full within 1 second " in str(info.value)


def test_the_cli_deadline_covers_the_whole_fetch(server, library):
    started = time.monotonic()
    import_refused(
        library,
        server + "/drip-body",
        "did not answer in full within 2 seconds",
        preamble="import desktop.core.importers.url as u; u.TIMEOUT_S = 2",
    )
    assert time.monotonic() - started < 15


# --- 8. only regular files, read with a bound ----------------------------------------------


@needs_fifo
def test_fifo_named_txt_is_refused_at_once(tmp_path, library):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    import_refused(library, str(fifo), "named pipe", timeout=60)


@needs_fifo
def test_fifo_given_as_library_is_refused(tmp_path):
    fifo = tmp_path / "lib.sqlite3"
    os.mkfifo(fifo)
    note = tmp_path / "note.txt"
    note.write_text(FRENCH, encoding="utf-8")
    for args in (("articles",), ("import", str(note))):
        refused(run_cli(fifo, *args, timeout=60), str(fifo), "named pipe")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_link_to_dev_zero_is_refused(tmp_path, library):
    link = tmp_path / "z.txt"
    link.symlink_to("/dev/zero")
    import_refused(library, str(link), "device", timeout=60)
    db_link = tmp_path / "zero.sqlite3"
    db_link.symlink_to("/dev/zero")
    refused(run_cli(db_link, "articles", timeout=60), "device")


def test_store_refuses_a_fifo_before_opening_it(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    from desktop.core.errors import DatabaseError
    from desktop.core.store import open_store

    fifo = tmp_path / "lib.sqlite3"
    os.mkfifo(fifo)
    for reading in (False, True):
        with pytest.raises(DatabaseError, match="named pipe"):
            open_store(fifo, for_reading=reading)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux /proc only")
def test_the_size_cap_applies_while_reading():
    """/proc files are regular yet state a size of 0: only the read itself can stop."""
    from desktop.core.regular_file import NotReadable, read_regular

    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(NotReadable) as info:
        read_regular("/proc/self/maps", 100)
    assert info.value.size == 101 and info.value.grew
    assert len(read_regular("/proc/self/maps", 10_000_000)) > 100


# --- 9. malformed HTTP and unusable charsets -------------------------------------------------


@pytest.mark.parametrize("path", sorted(MALFORMED))
def test_malformed_http_is_one_line(raw_server, library, path):
    line = import_refused(library, raw_server + path)
    assert "malformed" in line or "cut off" in line


def test_malformed_http_in_process(raw_server):
    for path in MALFORMED:
        with pytest.raises(ImportFailed):
            fetch(raw_server + path, timeout=5)


@pytest.mark.parametrize("label", ["undefined", "idna", "punycode", "unicode_escape", "x-nope"])
def test_unusable_meta_charset_is_ignored_as_browsers_do(tmp_path, library, label):
    path = tmp_path / "page.html"
    path.write_bytes(html_with_charset(label))
    result = run_cli(library, "import", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "« insincère »" in " ".join(import_path(path).paragraphs)


def test_latin1_label_reads_as_windows_1252_as_in_browsers(tmp_path):
    page = "<html><head><meta charset='iso-8859-1'></head><body><p>L’opposition parle "
    page += "d’un budget « insincère » et demande un audit au préfet.</p></body></html>"
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("cp1252"))  # ’ is byte 0x92: a control code in Latin-1
    assert "L’opposition parle d’un budget « insincère »" in import_path(path).paragraphs[-1]


def test_unusable_meta_charset_from_a_server(server):
    parsed = fetch(server + "/undefined-charset", timeout=5)
    assert any("« insincère »" in p for p in parsed.paragraphs)


def test_invalid_host_name_is_one_line(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for url in ("http://ex\u00e4mple..org/", "http://127.0.0.1:99999/", "http://127.0.0.1:x/"):
        with pytest.raises(ImportFailed, match="not a valid web address"):
            fetch(url, timeout=5)
    assert attempts == []


def test_unclosed_bracket_is_not_a_web_address(tmp_path, library):
    import_refused(library, "http://[::1", "does not exist")


# --- 10. binary data is no article ---------------------------------------------------------


@pytest.mark.parametrize("name", ["program.html", "program.txt", "program.md"])
def test_elf_program_is_refused_whatever_its_extension(tmp_path, library, name):
    path = tmp_path / name
    path.write_bytes(ELF)
    import_refused(library, str(path), "binary data", "ELF program")


@pytest.mark.parametrize("name", ["noise.html", "noise.txt", "noise.md"])
def test_unknown_binary_is_refused(tmp_path, library, name):
    import random

    noise = random.Random(19).randbytes(20_000)  # no known signature
    path = tmp_path / name
    path.write_bytes(b"<p>" + noise)
    import_refused(library, str(path), "binary data")


def test_octet_stream_is_refused_naming_the_type(server, library):
    import_refused(library, server + "/octet", "'application/octet-stream'", "not an article")
    import_refused(library, server + "/image", "'image/png'")


def test_binary_served_as_html_is_refused(server, library):
    import_refused(library, server + "/elf-as-html", "binary data")


def test_articles_of_every_allowed_type_still_import(server):
    assert fetch(server + "/article", timeout=5).title == "Le budget"
    assert fetch(server + "/no-type", timeout=5).title == "Le budget"  # sniffed as a page
    docx_article = fetch(server + "/docx", timeout=5)
    assert docx_article.paragraphs == ["Le ministre a affirmé que le chômage a baissé à Paris."]


# --- 11. truncated downloads -----------------------------------------------------------------


def test_truncated_download_is_refused(server, library):
    import_refused(library, server + "/truncated", "cut off after 40 of 100,000 bytes")


# --- fuzz: any bytes, any extension: an article or one clear refusal ----------------------


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(min_size=1, max_size=3000),
        st.sampled_from([ELF, PAGE, small_docx()[:2000], b"PK\x03\x04" + bytes(100)]).flatmap(
            lambda base: st.binary(max_size=200).map(lambda tail: base + tail)
        ),
    ),
    ext=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]),
)
def test_fuzz_any_file_is_an_article_or_one_refusal(tmp_path, data, ext):
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    try:
        parsed = import_path(path)
    except ImportFailed as exc:
        assert str(path) in str(exc) and "\n" not in exc.problem and exc.problem.strip()
    else:
        assert isinstance(parsed, ParsedArticle) and parsed.paragraphs


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffd"),
        min_size=1,
        max_size=400,
    ).filter(lambda t: any(ch.isalnum() for ch in t))
)
def test_fuzz_text_is_never_taken_for_binary(tmp_path, text):
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    parsed = import_path(path)
    assert parsed.paragraphs


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_endless_standard_input_is_read_only_up_to_the_cap(library):
    """`factdesk import - < /dev/zero` stops one byte past the cap, in one line."""
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    before = row_counts(library)
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", str(library), "import", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
            timeout=120,
        )
    refused(result, "standard input", "40 MB")
    assert row_counts(library) == before
