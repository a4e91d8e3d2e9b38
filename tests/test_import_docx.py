"""Word import reads what a reader of the document sees: tables, tracked changes accepted,
text boxes once, footnotes and endnotes, Strict files, and the byline as the author.

Most documents are written here as raw package XML, so each test shows exactly the
WordprocessingML it is about; the last test runs the real-world corpus when present.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ImportFailed
from desktop.core.importers import import_path, parse_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
NAMESPACES = (
    'xmlns:w="{w}" xmlns:r="{r}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
STYLES = (
    '<w:styles xmlns:w="{w}">'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Author"><w:name w:val="Author"/></w:style>'
    "</w:styles>"
)
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "realworld"


def p(text: str, style: str = "") -> str:
    """A paragraph of one run."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(
    body: str,
    *,
    strict: bool = False,
    creator: str = "",
    title: str = "",
    parts: dict[str, str] | None = None,
    prolog: str = "",
) -> bytes:
    """A minimal but complete .docx whose body is `body` (WordprocessingML).

    `parts` adds parts related to the document by name ("footnotes.xml"…); `prolog`
    goes before the document's root element (a DOCTYPE, for the hostile cases).
    """
    w, r = (W_STRICT, REL_STRICT) if strict else (W, REL)
    parts = {"styles.xml": STYLES, **(parts or {})}
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{r}/{name.removesuffix(".xml")}" Target="{name}"/>'
        for i, name in enumerate(parts, start=1)
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {NAMESPACES.format(w=w, r=r)}><w:body>{body}</w:body></w:document>"
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator></cp:coreProperties>"
    )
    package_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{r}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")  # not read by the importer
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{rels}</Relationships>',
        )
        for name, xml in parts.items():
            archive.writestr(f"word/{name}", xml.format(w=w, r=r))
        archive.writestr("docProps/core.xml", core)
    return buffer.getvalue()


def read(data: bytes):
    return parse_bytes(data, kind="docx", source_name="test.docx")


# --- tables ---------------------------------------------------------------------------------


def test_table_rows_are_paragraphs_in_document_order():
    """Tables written by Word (here python-docx): one paragraph per row, between the text
    before and after them."""
    import docx

    document = docx.Document()
    document.add_paragraph("Le taux de chômage par ville, selon l’Insee :")
    table = document.add_table(rows=3, cols=2)
    rows = [("Ville", "Chômage"), ("Paris", "7,1 %"), ("Lyon", "")]
    for row, cells in zip(table.rows, rows, strict=True):
        for table_cell, text in zip(row.cells, cells, strict=True):
            table_cell.text = text
    document.add_paragraph("Le ministre parle de 6 %.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert read(buffer.getvalue()).paragraphs == [
        "Le taux de chômage par ville, selon l’Insee :",
        "Ville | Chômage",
        "Paris | 7,1 %",
        "Lyon",
        "Le ministre parle de 6 %.",
    ]


def cell(*paragraphs: str) -> str:
    return "<w:tc>" + "".join(p(text) for text in paragraphs) + "</w:tc>"


def test_one_column_table_keeps_its_paragraphs_and_headings():
    body = (
        "<w:tbl><w:tr><w:tc>" + p("Encadré", "Heading1") + p("Un fait.") + "</w:tc></w:tr></w:tbl>"
    )
    parsed = read(make_docx(body))
    assert parsed.paragraphs == ["Encadré", "Un fait."]
    assert parsed.headings == {0: 2}


def test_rows_stacked_as_lines_in_cells_are_paired_line_by_line():
    """A label column and a figure column each written as lines of one cell."""
    body = "<w:tbl><w:tr>" + cell("", "Revenu", "Impôt") + cell("€", "17 542", "3 508") + "</w:tr>"
    body += (
        "<w:tr>" + cell("Simple", "", "prose") + cell("Deux", "", "cellules") + "</w:tr></w:tbl>"
    )
    assert read(make_docx(body)).paragraphs == [
        "| €",
        "Revenu | 17 542",
        "Impôt | 3 508",
        "Simple prose | Deux cellules",
    ]


def test_deleted_table_row_is_dropped():
    body = (
        "<w:tbl><w:tr>" + cell("a") + cell("b") + "</w:tr>"
        '<w:tr><w:trPr><w:del w:id="1" w:author="X"/></w:trPr>'
        + cell("gone")
        + cell("too")
        + "</w:tr></w:tbl>"
    )
    assert read(make_docx(body)).paragraphs == ["a | b"]


# --- tracked changes ------------------------------------------------------------------------


def test_tracked_changes_read_as_accepted():
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Le chômage a </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>augmenté</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>baissé</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> en </w:t></w:r>'
        '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>mars</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="A"><w:r><w:t>avril</w:t></w:r></w:moveTo>'
        "<w:r><w:t>.</w:t></w:r></w:p>"
        '<w:p><w:del w:id="5" w:author="A"><w:r><w:delText>Paragraphe supprimé.</w:delText>'
        "</w:r></w:del></w:p>"
    )
    assert read(make_docx(body)).paragraphs == ["Le chômage a baissé en avril."]


def test_field_codes_are_left_out_and_their_results_kept():
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Voir </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "https://insee.fr" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>l’Insee</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
    )
    assert read(make_docx(body)).paragraphs == ["Voir l’Insee."]


# --- text boxes -----------------------------------------------------------------------------


def box(text: str) -> str:
    return f"<w:txbxContent>{p(text)}</w:txbxContent>"


def test_text_box_is_read_once_after_its_anchor_paragraph():
    """Word writes a text box twice, as a DrawingML shape and as its VML fallback."""
    body = (
        '<w:p><w:r><w:t>Avant la boîte.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        f"<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{box('Dans la boîte.')}"
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box('Dans la boîte.')}</v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" + p("Après.")
    )
    assert read(make_docx(body)).paragraphs == ["Avant la boîte.", "Dans la boîte.", "Après."]


def test_text_box_only_in_vml_and_wordart_are_read():
    body = (
        f"<w:p><w:r><w:pict><v:shape><v:textbox>{box('Titre en boîte')}</v:textbox></v:shape>"
        '<v:shape><v:textpath string="WordArt"/></v:shape></w:pict></w:r></w:p>'
    )
    assert read(make_docx(body)).paragraphs == ["Titre en boîte", "WordArt"]


def test_document_of_text_boxes_only_is_not_empty():
    body = f"<w:p><w:r><w:pict><v:shape><v:textbox>{box('Seul texte')}</v:textbox></v:shape></w:pict></w:r></w:p>"
    assert read(make_docx(body)).paragraphs == ["Seul texte"]


# --- notes ----------------------------------------------------------------------------------

NOTES = (
    '<w:{kind}s xmlns:w="{{w}}">'
    '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:{kind}>"
    '<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}'
    "</w:t></w:r></w:p>{more}</w:{kind}>"
    '<w:{kind} w:id="2"><w:p><w:r><w:t>Jamais citée.</w:t></w:r></w:p></w:{kind}>'
    "</w:{kind}s>"
)


def test_footnotes_and_endnotes_follow_the_body_numbered():
    body = (
        "<w:p><w:r><w:t>Le chômage a baissé.</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Selon le ministre.</w:t></w:r>'
        '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>' + p("Fin.")
    )
    parts = {
        "footnotes.xml": NOTES.format(
            kind="footnote", text="Insee, mars 2024.", more=p("Tableau 3.")
        ),
        "endnotes.xml": NOTES.format(kind="endnote", text="Entretien du 3 avril.", more=""),
    }
    parsed = read(make_docx(body, parts=parts))
    assert parsed.paragraphs == [
        "Le chômage a baissé.[1] Selon le ministre.[2]",
        "Fin.",
        "Notes",
        "[1] Insee, mars 2024.",
        "Tableau 3.",
        "[2] Entretien du 3 avril.",
    ]
    assert parsed.headings == {2: 2}


def test_reference_to_a_missing_notes_part_is_harmless():
    body = '<w:p><w:r><w:t>Texte.</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>'
    assert read(make_docx(body)).paragraphs == ["Texte.[1]"]


# --- Strict Open XML ------------------------------------------------------------------------


def test_strict_open_xml_reads_like_transitional():
    body = p("Titre strict", "Title") + p("Section", "Heading1") + p("Un paragraphe strict.")
    body += "<w:tbl><w:tr>" + cell("a") + cell("b") + "</w:tr></w:tbl>"
    parsed = read(make_docx(body, strict=True, creator="Claire Martin"))
    assert parsed.paragraphs == ["Titre strict", "Section", "Un paragraphe strict.", "a | b"]
    assert parsed.headings == {0: 1, 1: 2}
    assert parsed.title == "Titre strict"
    assert parsed.authors == ["Claire Martin"]


# --- metadata -------------------------------------------------------------------------------


def test_author_styled_byline_is_preferred_to_the_files_creator():
    body = p("Le titre", "Title") + p("Mary Ann Evans", "Author") + p("Aurore Dupin", "Author")
    parsed = read(make_docx(body + p("Le texte."), creator="Jesse Rosenthal"))
    assert parsed.authors == ["Mary Ann Evans", "Aurore Dupin"]
    assert "Mary Ann Evans" in parsed.paragraphs  # the byline stays in the text


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Par Claire Martin et Jean-Marc Le Bras", ["Claire Martin", "Jean-Marc Le Bras"]),
        ("By Ann Lee, Reuters", ["Ann Lee"]),
        ("By 2030 the rate will double", ["Claire Martin"]),  # not a byline: the creator
        ("Par exemple, Paris a voté", ["Claire Martin"]),
    ],
)
def test_byline_in_the_text(line, authors):
    body = p("Le titre") + p(line) + p("Le texte de l’article.")
    assert read(make_docx(body, creator="Claire Martin")).authors == authors


@pytest.mark.parametrize(
    "creator", ["Microsoft Office User", "Administrator", "user", "User", "vdk18", "pavel", " "]
)
def test_placeholder_or_login_creator_is_not_an_author(creator):
    assert read(make_docx(p("Un texte."), creator=creator)).authors == []


def test_title_property_left_from_a_template_gives_way_to_the_text():
    stale = read(make_docx(p("Le vrai titre") + p("Texte."), title="Modèle de lettre"))
    assert stale.title == "Le vrai titre"
    kept = read(make_docx(p("Un chapeau.") + p("Le vrai  titre"), title="Le vrai titre"))
    assert kept.title == "Le vrai titre"


# --- refusals and hostile files -------------------------------------------------------------


def refusal(data: bytes) -> str:
    with pytest.raises(ImportFailed) as info:
        read(data)
    return info.value.problem


def test_refusals_name_the_problem():
    assert "password" in refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "damaged" in refusal(make_docx(p("Texte."))[:300])
    broken = make_docx("<w:p><w:r><w:t>Texte.</w:r></w:p>")  # w:t never closed
    assert "damaged Word document" in refusal(broken)
    assert "no text" in refusal(make_docx(p("")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "no main document part" in refusal(buffer.getvalue())
    # A damaged central directory asking for a ZIP version Python cannot read.
    data = bytearray(make_docx(p("Texte.")))
    entry = data.index(b"PK\x01\x02")
    data[entry + 6 : entry + 8] = (70).to_bytes(2, "little")
    assert "damaged" in refusal(bytes(data))


def test_corrupt_compressed_part_is_refused_as_damaged():
    """Bytes flipped inside document.xml's deflate stream: a clear refusal (CRC or zlib
    error), never a traceback."""
    import random
    import struct

    data = make_docx(p("Le ministre a affirmé que le chômage a baissé. " * 200))
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    name_length, extra_length = struct.unpack(
        "<HH", data[info.header_offset + 26 : info.header_offset + 30]
    )
    start = info.header_offset + 30 + name_length + extra_length
    rng = random.Random(16)
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(3):
            damaged[start + rng.randrange(info.compress_size)] = rng.randrange(256)
        assert "damaged Word document" in refusal(bytes(damaged))


def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-SECRET")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    body = "<w:p><w:r><w:t>avant &xxe; après</w:t></w:r></w:p>"
    parsed = read(make_docx(body, prolog=prolog))
    assert parsed.paragraphs == ["avant après"]


def test_entity_expansion_bomb_is_not_expanded():
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    body = "<w:p><w:r><w:t>Rire : &a9;</w:t></w:r></w:p>"
    data = make_docx(body, prolog=f"<!DOCTYPE w:document [{entities}]>")
    try:
        parsed = read(data)
    except ImportFailed as exc:  # libxml2 ≥ 2.11 stops at the amplification limit
        assert "damaged Word document" in exc.problem
    else:
        assert parsed.paragraphs == ["Rire :"]


# --- the real-world corpus ------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _corpus_cases():
    path = CORPUS / "expectations.json"
    if not path.is_file():
        return [pytest.param(None, None, id="corpus-absent")]
    expectations = json.loads(path.read_text(encoding="utf-8"))
    return [
        pytest.param(name, exp, id=name.removeprefix("docx/"))
        for name, exp in sorted(expectations.items())
        if name.startswith("docx/")
    ]


@pytest.mark.parametrize(("name", "exp"), _corpus_cases())
def test_realworld_word_files(name, exp):
    """Every Word file of ../shared/realworld meets its "must" expectations."""
    if name is None:
        pytest.skip("../shared/realworld is absent")
    path = CORPUS / "corpus" / name
    if exp["kind"] == "error":
        with pytest.raises(ImportFailed) as info:
            import_path(path)
        assert re.search(exp["error_re"], str(info.value)), str(info.value)
        return
    parsed = import_path(path)  # "any" files must import too: this importer reads them
    flat = _norm(" ".join(parsed.paragraphs))
    for wanted in exp.get("must", []):
        assert _norm(wanted) in flat, wanted
    for unwanted in exp.get("must_not", []):
        assert _norm(unwanted) not in flat, unwanted
    for field, rule in exp.get("meta", {}).items():
        if rule.get("severity") != "must":
            continue
        got = parsed.title if field == "title" else "; ".join(getattr(parsed, field))
        if "eq" in rule:
            assert _norm(got) == _norm(rule["eq"]), field
        if "contains" in rule:
            assert _norm(rule["contains"]) in _norm(got), field
