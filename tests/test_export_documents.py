"""PDF, DOCX, CSV, JSON and Markdown reports, each read back with its own library."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from markdown_it import MarkdownIt

from desktop.core.exporters import FORMATS, export, render
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    FRENCH_LETTERS,
    IMG,
    QUOTE_FALSE,
    QUOTE_TRUE,
    SCRIPT,
    TEXT,
    library,
    make_options,
    options,
    reports,
)

# --- PDF -----------------------------------------------------------------------------


@pytest.fixture
def pdf(reports, options):  # noqa: F811
    from pypdf import PdfReader

    out = render(reports, "pdf", options)
    assert out.data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(out.data)), out.notes


def test_pdf_is_a4_with_page_numbers(pdf):
    reader, _ = pdf
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)
        assert f"Page {n} sur {total}" in page.extract_text()  # the article is French


def test_pdf_keeps_every_french_glyph(pdf):
    reader, _ = pdf
    text = "".join(page.extract_text() for page in reader.pages)
    missing = [c for c in FRENCH_LETTERS if c not in text]
    assert missing == []
    assert "le chômage a baissé de 50" in text and "Zoé Lefèvre" in text


def test_pdf_embeds_its_font(pdf):
    reader, _ = pdf
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font.get("/FontDescriptor")
            )
            if descriptor is not None:
                assert any(k in descriptor for k in ("/FontFile2", "/FontFile3", "/FontFile"))
    assert any(f.endswith("+DejaVuSans") for f in fonts)  # an embedded subset


def test_pdf_replaces_emoji_visibly_and_says_so(pdf):
    reader, notes = pdf
    text = "".join(page.extract_text() for page in reader.pages)
    assert "le ministre □□ s’explique" in text and "🇫🇷" not in text
    assert any("cannot draw" in n for n in notes)


def test_pdf_shows_user_text_as_text_and_links_only_safe_urls(pdf):
    reader, _ = pdf
    text = "".join(page.extract_text() for page in reader.pages)
    assert "<script>alert('pwned')</script>" in text
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert "https://www.insee.fr/fr/statistiques/chomage" in uris
    assert all(u.startswith(("https://", "http://", "mailto:")) for u in uris), uris


# --- DOCX ----------------------------------------------------------------------------


def test_docx_has_every_claim_and_the_verdict_colours(reports, options):  # noqa: F811
    import docx

    data = render(reports, "docx", options).data
    doc = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    for claim in reports[0].claims:
        assert claim.label in text
    assert SCRIPT in text and IMG in text
    assert "Le ministre 🇫🇷 a dit que « le chômage a baissé de 50\u00a0%1" in text
    xml = doc.element.xml
    assert 'w:color="630B20"' in xml  # the card's left border in the verdict colour
    fills = {el.get(docx.oxml.ns.qn("w:fill")) for el in doc.element.iter(docx.oxml.ns.qn("w:shd"))}
    assert {"630B20", "99E7AF", "EA7013"} <= fills
    rels = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert "https://www.insee.fr/fr/statistiques/chomage" in rels
    assert not [r for r in rels if not r.startswith(("https://", "http://", "mailto:"))]


# --- CSV -----------------------------------------------------------------------------


def test_csv_one_row_per_claim_with_bom_and_accents(reports, options):  # noqa: F811
    data = render(reports, "csv", options).data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    claims = reports[0].claims
    assert [r["claim_uid"] for r in rows] == [c.uid for c in claims]
    first = rows[0]
    assert first["quote"] == QUOTE_FALSE and first["verdict"] == "False"
    assert first["article_title"] == "Réforme : le ministre 🇫🇷 s’explique"
    assert (
        first["offsets"]
        == f"{TEXT.index(QUOTE_FALSE)}-{TEXT.index(QUOTE_FALSE) + len(QUOTE_FALSE)}"
    )
    assert first["rationale"] == claims[0].rationale  # newlines survive inside quotes
    assert first["tags"] == "<b>gras</b>, emploi"
    assert rows[2]["verdict"] == "" and rows[2]["claim"] == ""
    assert "insee.fr" in first["sources"]


def test_csv_defuses_formulas(store, library):  # noqa: F811
    from desktop.core.claims import update_claim
    from desktop.core.exporters import load_reports

    with store.transaction() as s:
        update_claim(s, library.false_id, text='=HYPERLINK("http://evil")', claimant="@SUM(A1)")
    with store.read() as s:
        data = render(load_reports(s, [library.article_id]), "csv", make_options()).data
    row = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert row["claim"] == '\'=HYPERLINK("http://evil")' and row["claimant"] == "'@SUM(A1)"


def test_csv_delimiter_option(reports):  # noqa: F811
    data = render(reports, "csv", make_options(csv_delimiter=";")).data.decode("utf-8-sig")
    assert data.splitlines()[0].startswith("article_id;article_title;")


# --- JSON ----------------------------------------------------------------------------


def test_json_holds_the_full_data(reports, options):  # noqa: F811
    data = json.loads(render(reports, "json", options).data)
    assert data["format"] == "factdesk-report" and data["version"] == 1
    article = data["articles"][0]
    assert article["article"]["text"] == TEXT
    claims = article["claims"]
    assert len(claims) == 4
    assert claims[0]["rating"]["label"] == "False" and claims[0]["rating"]["color"] == "#630b20"
    assert claims[0]["sources"][0]["stance"] == "refutes"
    assert claims[0]["highlights"][0]["exact"] == QUOTE_FALSE
    assert [r["label"] for r in data["ratings"]][:2] == ["True", "Mostly true"]


# --- Markdown ------------------------------------------------------------------------


def test_markdown_renders_user_text_as_text(reports, options):  # noqa: F811
    source = render(reports, "md", options).data.decode()
    # a viewer that allows raw HTML (commonmark's default) still shows no tag
    html = MarkdownIt("commonmark", {"html": True}).render(source)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert('pwned')&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("https://", "http://", "mailto:")) for h in hrefs), hrefs
    assert f"<strong>{QUOTE_FALSE}</strong> [1 · Faux]" in html  # French labels
    assert f"<strong>{QUOTE_TRUE}</strong> [4 · Plutôt vrai]" in html
    assert "<strong>chiffres officiels</strong>" in html
    assert "# Réforme : le ministre 🇫🇷 s’explique" in source  # the title, once


# --- the entry point -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_each_format(tmp_path, store, library, fmt):  # noqa: F811
    _, ext, description = FORMATS[fmt]
    dest = tmp_path / f"report{ext}"
    result = export(store, [library.article_id], fmt, dest, make_options())
    assert description and ext.startswith(".")
    assert result.path == dest and result.size == dest.stat().st_size > 500
    assert (result.articles, result.claims) == (1, 4)
    assert not list(tmp_path.glob(".*.part"))


def test_export_errors_are_user_errors(tmp_path, store, library):  # noqa: F811
    from desktop.core.errors import FactdeskError, NotFound

    with pytest.raises(NotFound):
        export(store, [999], "html", tmp_path / "x.html", make_options())
    with pytest.raises(FactdeskError, match="unknown format"):
        export(store, [library.article_id], "odt", tmp_path / "x.odt", make_options())
    with pytest.raises(FactdeskError, match="does not exist"):
        export(store, [library.article_id], "html", tmp_path / "no" / "x.html", make_options())
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("library.sqlite3")]
