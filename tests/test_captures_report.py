"""A captured source's report entry shows the capture's date and SHA-256 (HTML, Markdown,
PDF, Word; English and French); a source never captured renders as before."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from desktop.core import captures
from desktop.core.exporters import export, render
from desktop.core.exporters.options import ExportOptions
from desktop.core.models import Claim
from tests.test_captures import cited, server  # noqa: F401 (a fixture)


def _text(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        raw = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        return re.sub(r"\s+", " ", raw)
    if fmt == "docx":
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    return data.decode("utf-8")


def _article(store, claim_id: int) -> int:
    with store.read() as s:
        return s.get(Claim, claim_id).article_id


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "docx"])
def test_report_entry_shows_capture_date_and_hash(store, server, fmt):  # noqa: F811
    claim_id, sid = cited(store, server + "/page", "Nous n’augmenterons pas")
    article_id = _article(store, claim_id)
    options = ExportOptions(report_language="en")
    plain = io.BytesIO()
    export(store, [article_id], fmt, plain, options)
    assert "Captured" not in _text(fmt, plain.getvalue())

    info = captures.capture_source(store, sid)
    out = io.BytesIO()
    export(store, [article_id], fmt, out, options)
    text = _text(fmt, out.getvalue())
    when = info.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")
    if fmt == "pdf":  # a long hash may be wrapped at the line's end
        assert f"Captured {when} · SHA-256" in text
        assert info.sha256 in text.replace(" ", "")
    else:
        assert f"Captured {when} · SHA-256 {info.sha256}" in text
    if fmt == "html":
        assert f'<small class="captured">Captured {when} · SHA-256 {info.sha256}</small>' in text


def test_report_entry_in_french_and_for_a_gone_page(store, server):  # noqa: F811
    claim_id, sid = cited(store, server + "/gone")
    info = captures.capture_source(store, sid)
    article_id = _article(store, claim_id)
    with store.read() as s:
        from desktop.core.exporters import load_reports

        reports = load_reports(s, [article_id])
    when = info.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")
    options = ExportOptions()

    def md(language: str) -> str:
        data = render(reports, "md", replace(options, report_language=language)).data
        return data.decode("utf-8").replace("\\(", "(").replace("\\)", ")")

    assert f"Captured {when} (the page answered 410) · SHA-256 {info.sha256}" in md("en")
    assert f"Capturée le {when} (la page a répondu 410) · SHA-256 {info.sha256}" in md("fr")


def test_latest_capture_is_the_one_reported(store, server):  # noqa: F811
    claim_id, sid = cited(store, server + "/page")
    captures.capture_source(store, sid)
    second = captures.capture_source(store, sid)
    article_id = _article(store, claim_id)
    out = io.BytesIO()
    export(store, [article_id], "md", out, ExportOptions(report_language="en"))
    text = out.getvalue().decode("utf-8")
    assert text.count("SHA-256") == 1 and second.sha256 in text
