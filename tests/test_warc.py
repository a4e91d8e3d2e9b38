"""WARC export of captured sources, read back with warcio's own reader."""

from __future__ import annotations

import base64
import gzip
import hashlib

import pytest
from warcio.archiveiterator import ArchiveIterator

from desktop.core import captures
from desktop.core.errors import FactdeskError
from desktop.core.exporters.warc import export_warc
from desktop.core.models import SourceCapture
from tests.test_captures import PDF, cited, server  # noqa: F401 (a fixture)


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def read_back(path) -> list:
    """(type, target URI, WARC headers, HTTP status line or None, payload) per record."""
    out = []
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, check_digests=True):
            status = record.http_headers.statusline if record.http_headers else None
            payload = record.content_stream().read()
            out.append((record.rec_type, record.rec_headers, status, payload, record))
    return out


@pytest.mark.parametrize("name", ["sources.warc.gz", "sources.warc"])
def test_warc_read_back(store, server, tmp_path, name):  # noqa: F811
    _claim, sid = cited(store, server + "/moved", "Nous n’augmenterons pas")
    web = captures.capture_source(store, sid)
    gone_claim, gone_sid = cited(store, server + "/missing")
    gone = captures.capture_source(store, gone_sid)
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(PDF)
    attached = captures.attach_file(store, sid, pdf)
    dest = tmp_path / name
    result = export_warc(store, dest)
    assert result.captures == 3 and result.path == dest
    raw = dest.read_bytes()
    assert raw.startswith(b"\x1f\x8b") == name.endswith(".gz")
    if name.endswith(".gz"):
        assert gzip.decompress(raw).startswith(b"WARC/1.1\r\n")
    records = read_back(dest)
    assert len(records) == result.records == 1 + 3 + 3 + 2
    types = [r[0] for r in records]
    assert types == [
        "warcinfo",
        *("request", "response", "metadata"),
        *("request", "response", "metadata"),
        *("resource", "metadata"),
    ]
    with store.read() as s:
        bodies = {c.id: s.get(SourceCapture, c.id).body for c in (web, gone, attached)}
    # the page, reached through a redirect: recorded under its final address
    _t, req_headers, req_line, _p, _r = records[1]
    _t, headers, status, payload, _r = records[2]
    assert headers.get_header("WARC-Target-URI") == server + "/page"
    assert req_headers.get_header("WARC-Target-URI") == server + "/page"
    assert records[1][4].http_headers.protocol == "GET" and req_line == "/page HTTP/1.1"
    assert req_headers.get_header("WARC-Concurrent-To") == headers.get_header("WARC-Record-ID")
    assert status == "200 OK" and payload == bodies[web.id]
    assert headers.get_header("WARC-Payload-Digest") == sha1_b32(payload)
    assert headers.get_header("WARC-Date").startswith(web.retrieved_at.strftime("%Y-%m-%dT%H:%M"))
    assert records[2][4].http_headers.get_header("X-Served-By") == "test"
    meta = records[3][3].decode("utf-8")
    assert f"sha256: {web.sha256}\r\n" in meta and f"requested-url: {server}/moved" in meta
    assert records[3][1].get_header("WARC-Refers-To") == headers.get_header("WARC-Record-ID")
    # the 404 is kept as what it was
    _t, headers, status, payload, _r = records[5]
    assert headers.get_header("WARC-Target-URI") == server + "/missing"
    assert status == "404 Not Found" and payload == bodies[gone.id]
    # the attached file: a resource record of its bytes
    _t, headers, status, payload, _r = records[7]
    assert status is None and payload == PDF == bodies[attached.id]
    assert headers.get_header("Content-Type") == "application/pdf"
    assert headers.get_header("WARC-Target-URI").endswith(":rapport.pdf")
    assert headers.get_header("WARC-Payload-Digest") == sha1_b32(PDF)
    assert f"sha256: {hashlib.sha256(PDF).hexdigest()}" in records[8][3].decode("utf-8")


def test_warc_truncated_body(store, server, tmp_path):  # noqa: F811
    _claim, sid = cited(store, server + "/big")
    draft = captures.fetch_capture(server + "/big", max_bytes=1000)
    with store.transaction() as s:
        info = captures.store_capture(s, sid, draft)
    dest = tmp_path / "big.warc"
    export_warc(store, dest, source_ids=[sid])
    records = read_back(dest)
    _t, headers, status, payload, record = records[2]
    assert headers.get_header("WARC-Truncated") == "length"
    assert payload == draft.body and len(payload) == 1000
    assert record.http_headers.get_header("Content-Length") == "1000"
    assert f"size: {info.size}" in records[3][3].decode("utf-8")


def test_warc_choice_and_refusals(store, server, tmp_path):  # noqa: F811
    claim_a, sid_a = cited(store, server + "/page")
    _claim_b, sid_b = cited(store, server + "/gone")
    with pytest.raises(FactdeskError, match="no captures"):
        export_warc(store, tmp_path / "none.warc")
    assert not (tmp_path / "none.warc").exists()
    captures.capture_source(store, sid_a)
    captures.capture_source(store, sid_b)
    only_b = tmp_path / "b.warc"
    assert export_warc(store, only_b, source_ids=[sid_b]).captures == 1
    targets = [r[1].get_header("WARC-Target-URI") for r in read_back(only_b)]
    assert targets[1:] == [server + "/gone"] * 3
    with store.read() as s:
        from desktop.core.models import Claim

        article_id = s.get(Claim, claim_a).article_id
    assert export_warc(store, tmp_path / "a.warc", article_ids=[article_id]).captures == 1
    with pytest.raises(FactdeskError, match="no source with id 999"):
        export_warc(store, tmp_path / "x.warc", source_ids=[999])
    with pytest.raises(FactdeskError, match="is a folder"):
        export_warc(store, tmp_path)
