"""Captured sources: fetching a source's page once, attaching a file, finding excerpts,
comparing captures (desktop.core.captures), against a server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import threading

import pytest
from sqlmodel import func, select

from desktop.core import captures
from desktop.core.articles import add_article
from desktop.core.claims import create_claim
from desktop.core.errors import FactdeskError, ImportFailed
from desktop.core.importers import parse_text
from desktop.core.models import SourceCapture
from desktop.core.sources import add_source
from tests.test_core_importers import make_pdf

PAGES = [
    "<html><head><title>Budget 2026</title></head><body><article>"
    "<h1>Budget 2026</h1><p>Le ministre a déclaré : « Nous n’augmenterons pas les impôts "
    "cette année », lors de la conférence de presse du matin.</p>"
    "<p>Les économistes restent prudents sur les chiffres annoncés.</p></article></body></html>",
    "<html><head><title>Budget 2026</title></head><body><article>"
    "<h1>Budget 2026</h1><p>Le ministre a déclaré que les impôts pourraient changer, "
    "lors de la conférence de presse du matin.</p>"
    "<p>Les économistes restent prudents sur les chiffres annoncés.</p></article></body></html>",
]
LONG = (
    "<html><head><title>Rapport long</title></head><body><article><h1>Rapport long</h1>"
    + "".join(f"<p>Paragraphe {n} : les chiffres du chômage sont publiés.</p>" for n in range(6000))
    + "</article></body></html>"
)
PDF = make_pdf([["Rapport annuel de la Cour des comptes", "La dette atteint 112 % du PIB."]])


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves a page that changes at each request, a redirect, a 404, a 410, a PDF."""

    hits = 0

    def log_message(self, *args):
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200, *, length=True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("X-Served-By", "test")
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/page":
            page = PAGES[min(Handler.hits, len(PAGES) - 1)]
            Handler.hits += 1
            self._send(page.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/x")
            self.end_headers()
        elif self.path == "/gone":
            self._send(b"<html><body><p>This page was removed.</p></body></html>", "text/html", 410)
        elif self.path == "/report.pdf":
            self._send(PDF, "application/pdf")
        elif self.path == "/image.png":
            self._send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png")
        elif self.path == "/odd":
            body = b"Texte avec un NUL \x00 et une fin.\n"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("X-Odd", "café ☕".encode().decode("latin-1"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/long":
            self._send(LONG.encode("utf-8"), "text/html; charset=utf-8")
        elif self.path == "/big":
            self._send(b"<p>" + b"x" * 5000 + b"</p>", "text/html", length=False)
        else:
            self._send(b"<html><body><p>Not here.</p></body></html>", "text/html", 404)


@pytest.fixture
def server(monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    Handler.hits = 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def cited(store, url: str, excerpt: str = "") -> tuple[int, int]:
    """(claim id, source id) of a claim citing `url` with `excerpt`."""
    with store.transaction() as s:
        text = f"Le ministre promet.\n\nIl parle des impôts ({url or 'sans adresse'})."
        article = add_article(s, parse_text(text))
        claim, _highlight = create_claim(s, article.article_id, start=0, end=19)
        source = add_source(s, claim.id, url=url, title="Budget", excerpt=excerpt)
        return claim.id, source.id


def capture_count(store) -> int:
    with store.read() as s:
        return s.exec(select(func.count()).select_from(SourceCapture)).one()


def test_capture_keeps_the_answer(store, server):
    excerpt = "Nous n'augmenterons pas les impôts cette année"
    _claim, sid = cited(store, server + "/page", excerpt)
    info = captures.capture_source(store, sid)
    body = PAGES[0].encode("utf-8")
    assert info.status == 200 and not info.gone
    assert info.final_url == info.requested_url == server + "/page"
    assert info.content_type == "text/html"
    assert info.size == len(body) and info.sha256 == hashlib.sha256(body).hexdigest()
    assert not info.truncated and info.title == "Budget 2026" and not info.error
    with store.read() as s:
        row = s.get(SourceCapture, info.id)
        assert row.body == body
        assert ["X-Served-By", "test"] in row.headers
        assert "Les économistes restent prudents" in row.text
        assert "<p>" not in row.text
        # the excerpt typed with ' is found where the page has ’ (and « » around it)
        (check,) = captures.check_excerpts(s, sid)
        assert check.found and check.capture_id == info.id
        before, found, after = check.match.context(row.text)
        assert found == "Nous n’augmenterons pas les impôts cette année"
        assert before.endswith("« ") and after.startswith(" »")


def test_recapture_shows_the_change(store, server):
    _claim, sid = cited(store, server + "/page", "Nous n’augmenterons pas les impôts")
    first = captures.capture_source(store, sid)
    second = captures.capture_source(store, sid)
    with store.read() as s:
        listed = captures.list_captures(s, sid)
        assert [c.id for c in listed] == [first.id, second.id]
        assert captures.previous_capture(s, second.id).id == first.id
        assert captures.previous_capture(s, first.id) is None
        comparison = captures.compare_captures(s, first.id, second.id)
        assert not comparison.same_body and comparison.text_changed and not comparison.gone
        kinds = [c.kind for c in comparison.changes]
        assert "changed" in kinds
        # the excerpt is looked up in the latest capture, which no longer says it
        (check,) = captures.check_excerpts(s, sid)
        assert not check.found and check.capture_id == second.id
        same = captures.compare_captures(s, second.id, second.id)
        assert same.same_body and not same.text_changed


def test_redirect_keeps_the_final_address(store, server):
    _claim, sid = cited(store, server + "/moved")
    info = captures.capture_source(store, sid)
    assert info.requested_url == server + "/moved"
    assert info.final_url == server + "/page" and info.status == 200


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/gone", 410)])
def test_gone_is_a_capture(store, server, path, status):
    _claim, sid = cited(store, server + "/page")
    first = captures.capture_source(store, sid)
    with store.transaction() as s:
        from desktop.core.sources import update_source

        update_source(s, sid, url=server + path)
    second = captures.capture_source(store, sid)
    assert second.status == status and second.gone
    with store.read() as s:
        comparison = captures.compare_captures(s, first.id, second.id)
        assert comparison.gone and comparison.text_changed


def test_pdf_captured_through_the_importers(store, server):
    _claim, sid = cited(store, server + "/report.pdf", "la dette atteint 112 % du PIB")
    info = captures.capture_source(store, sid)
    assert info.content_type == "application/pdf" and info.size == len(PDF)
    with store.read() as s:
        assert "La dette atteint 112 % du PIB." in captures.capture_text(s, info.id)
        (check,) = captures.check_excerpts(s, sid)
        assert check.found and check.match.method == "loose"  # a difference of case


def test_unreadable_type_kept_without_text(store, server):
    _claim, sid = cited(store, server + "/image.png")
    info = captures.capture_source(store, sid)
    assert info.status == 200 and info.content_type == "image/png"
    assert "image/png" in info.error
    with store.read() as s:
        assert captures.capture_text(s, info.id) == ""
        assert s.get(SourceCapture, info.id).body.startswith(b"\x89PNG")


def test_odd_answer_stored_on_every_database(store, server):
    """A NUL in the answer and a header of raw bytes: the answer kept as it came, though
    the importers read no text from what looks binary."""
    _claim, sid = cited(store, server + "/odd")
    info = captures.capture_source(store, sid)
    with store.read() as s:
        row = s.get(SourceCapture, info.id)
        assert row.body.startswith(b"Texte avec un NUL \x00") and row.status == 200
        assert row.text == "" and row.error
        assert any(name == "X-Odd" for name, _value in row.headers)


def test_big_page_read_in_a_child_process(server):
    """What the window asks for (apart=True): the same text, read away from its thread."""
    here = captures.fetch_capture(server + "/long")
    apart = captures.fetch_capture(server + "/long", apart=True)
    assert len(LONG.encode("utf-8")) > 200_000
    assert apart.text == here.text and apart.title == here.title == "Rapport long"
    assert "Paragraphe 5999 : les chiffres du chômage sont publiés." in apart.text


def test_large_body_is_cut_not_refused(server):
    draft = captures.fetch_capture(server + "/big", max_bytes=1000)
    whole = b"<p>" + b"x" * 5000 + b"</p>"
    assert draft.truncated and len(draft.body) == 1000 and draft.body == whole[:1000]
    assert draft.size == len(whole) and draft.sha256 == hashlib.sha256(whole).hexdigest()


def test_failures_write_nothing(store, server):
    _claim, sid = cited(store, server + "/to-ftp")
    with pytest.raises(ImportFailed, match="not a web address"):
        captures.capture_source(store, sid)
    with store.transaction() as s:
        from desktop.core.sources import update_source

        update_source(s, sid, url="http://127.0.0.1:1/nothing-listens")
    with pytest.raises(ImportFailed, match="cannot be reached"):
        captures.capture_source(store, sid)
    _claim, no_url = cited(store, "")
    with pytest.raises(FactdeskError, match="no web address"):
        captures.capture_source(store, no_url)
    assert capture_count(store) == 0


def test_attached_file(store, tmp_path):
    _claim, sid = cited(store, "", "la dette atteint 112 % du PIB")
    pdf = tmp_path / "cour-des-comptes.pdf"
    pdf.write_bytes(PDF)
    info = captures.attach_file(store, sid, pdf)
    assert info.file_name == "cour-des-comptes.pdf" and info.is_file
    assert info.content_type == "application/pdf" and info.status is None
    assert info.sha256 == hashlib.sha256(PDF).hexdigest() and info.size == len(PDF)
    with store.read() as s:
        (check,) = captures.check_excerpts(s, sid)
        assert check.found
    other = tmp_path / "notes.bin"
    other.write_bytes(b"\x01\x02\x03")
    info = captures.attach_file(store, sid, other)
    assert info.error and info.content_type == "application/octet-stream"
    with pytest.raises(ImportFailed, match="does not exist"):
        captures.attach_file(store, sid, tmp_path / "absent.pdf")
    assert capture_count(store) == 2


@pytest.mark.parametrize(
    ("text", "excerpt", "method"),
    [
        ("Il a dit « c’est faux » hier.", "c'est faux", "exact"),
        ("Il a dit « c’est faux » hier.", '"C\'est faux"', "loose"),
        ("Il a dit : « C’est  FAUX ! »", 'il a dit: "c\'est faux!"', "loose"),
        (
            "Le taux de chômage a baissé de 0,3 point au trimestre.",
            "taux de chomage a baisse",
            "fuzzy",
        ),
        ("😀 Le taux est de 7,4 %.", "le taux est de 7,4%", "loose"),
    ],
)
def test_find_excerpt(text, excerpt, method):
    match = captures.find_excerpt(text, excerpt)
    assert match is not None and match.method == method
    assert captures.find_excerpt(text, "rien à voir avec ça du tout") is None


def test_find_excerpt_offsets_are_code_points():
    text = "😀 Le taux est de 7,4 %."
    match = captures.find_excerpt(text, "LE TAUX")
    assert text[match.start : match.end] == "Le taux"


def test_wayback_save_url():
    assert (
        captures.wayback_save_url(" https://example.org/a?b=1 ")
        == "https://web.archive.org/save/https://example.org/a?b=1"
    )
    with pytest.raises(FactdeskError):
        captures.wayback_save_url("file:///etc/passwd")


def test_store_cleans_what_databases_refuse(store):
    _claim, sid = cited(store, "")
    draft = captures.CaptureDraft(
        requested_url="",
        final_url="",
        status=None,
        content_type="text/plain",
        headers=[["X-A", "b\x00c"]],
        body=b"a\x00b",
        truncated=False,
        size=3,
        sha256=hashlib.sha256(b"a\x00b").hexdigest(),
        title="ti\x00tle \ud800",
        text="te\x00xt",
        file_name="f\x00.txt",
    )
    with store.transaction() as s:
        info = captures.store_capture(s, sid, draft)
    with store.read() as s:
        row = s.get(SourceCapture, info.id)
        assert (row.text, row.title, row.file_name) == ("text", "title ?", "f.txt")
        assert row.headers == [["X-A", "bc"]] and row.body == b"a\x00b"
