"""The PDF importer on what real documents do: ligature glyphs, words hyphenated at line ends,
a title only the font size marks, two columns, a banner before the header, margin line
numbers; and on the real-world corpus in ../shared/realworld when it is there.

The small PDFs are drawn with ReportLab's canvas, one drawString per line, as typesetters
place text: each test also checks that plain pypdf gives the raw form, so it proves a fix.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, import_path, ocr, parse_bytes
from desktop.core.importers.pdf_words import JOIN, KEEP, SPACE, line_break_kind, undo_ligatures

A4_WIDTH, A4_HEIGHT = 595.27, 841.89


def draw_pdf(draw, *, title: str | None = None) -> bytes:
    """A one-or-more page PDF drawn by `draw(canvas)` (ReportLab leaves Title "untitled")."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(A4_WIDTH, A4_HEIGHT))
    if title is not None:
        page.setTitle(title)
    draw(page)
    page.save()
    return buffer.getvalue()


def write_lines(page, lines: list[str], *, x=72.0, y=760.0, font="Helvetica", size=11.0):
    """Lines drawn one under the other, 1.2 font sizes apart; returns the next free baseline."""
    page.setFont(font, size)
    for line in lines:
        page.drawString(x, y, line)
        y -= 1.2 * size
    return y


def imported(data: bytes, name: str = "document.pdf") -> ParsedArticle:
    return parse_bytes(data, kind="pdf", source_name=name)


def raw_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# --- ligatures ------------------------------------------------------------------------------


def test_ligature_glyphs_become_letters_and_nothing_else_is_normalised():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Bitstream Vera, shipped with ReportLab, draws "ﬁ" and "ﬂ". Not the exporter's DejaVu:
    # ReportLab shares a font file's state between registrations, and the report tests
    # check that state.
    pdfmetrics.registerFont(TTFont("FactdeskLigatureTest", "Vera.ttf"))
    line = "The ﬁeld was ﬁlled by a ﬂood of ﬁgures, 10² km."
    data = draw_pdf(lambda page: write_lines(page, [line], font="FactdeskLigatureTest"))
    assert "\ufb01" in raw_text(data)  # pypdf alone keeps the glyph
    text = " ".join(imported(data).paragraphs)
    assert "The field was filled by a flood of figures" in text
    assert not re.search("[\ufb00-\ufb06]", text)
    assert "10² km" in text  # NFKC on everything would have made it "102 km"


def test_every_presentation_ligature_is_undone():
    assert undo_ligatures("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ ½ ² ﬁ") == "ff fi fl ffi ffl st st ½ ² fi"


# --- hyphenation ----------------------------------------------------------------------------


HYPHENATED = [
    "Existing fact-checking desks need a lot of human in-",
    "tervention, which is a well-",
    "known problem since the COVID-",
    "19 pandemic, said Jean-",
    "Pierre Martin after a non-",
    "normal year in which non-normal cases were ex-",
    "cluded from the Ein- und Ausfuhr statistics and the Ein-",
    "und Ausgang counts, as celle-",
    "ci le montre.",
]


def test_words_hyphenated_at_line_ends_are_rejoined_and_compounds_kept():
    data = draw_pdf(lambda page: write_lines(page, HYPHENATED))
    assert "in-\ntervention" in raw_text(data)
    (paragraph,) = imported(data).paragraphs
    assert "human intervention, which" in paragraph
    assert "excluded from" in paragraph
    assert "a well-known problem" in paragraph  # a compound's first part
    assert "the COVID-19 pandemic" in paragraph  # a digit follows: a real hyphen
    assert "said Jean-Pierre Martin" in paragraph  # a capital follows
    assert "after a non-normal year" in paragraph  # the document writes non-normal
    assert "the Ein- und Ausgang" in paragraph  # a suspended hyphen keeps its space
    assert "celle-ci le montre" in paragraph


@pytest.mark.parametrize(
    ("head", "tail", "seen", "kind"),
    [
        ("Ex", "isting", {}, JOIN),
        ("Abbil", "dung", {"abbildung": 151}, JOIN),
        ("LO", "CATION", {"location": 1}, JOIN),  # capitals, but the word is in the text
        ("FAA", "approved", {"faa-approved": 9}, KEEP),
        ("feed", "forward", {"feed-forward": 1}, KEEP),
        ("well", "known", {}, KEEP),
        ("non", "sense", {"nonsense": 2}, JOIN),  # the document's evidence comes first
        ("Schwarz", "Weiß", {}, KEEP),
        ("COVID", "19", {}, KEEP),
        ("F", "score", {}, KEEP),
        ("peut", "être", {}, KEEP),
        ("Bundes", "und", {}, SPACE),
    ],
)
def test_line_break_kind(head, tail, seen, kind):
    assert line_break_kind(head, tail, Counter(seen)) == kind


# --- title ----------------------------------------------------------------------------------

TITLE = "Unemployment Fell by Three Percent in a Year"
ABSTRACT = [
    "We check the claim that unemployment fell by three percent in one",
    "year against the national statistics office's quarterly series.",
]


def _paper(page) -> None:
    page.setFont("Helvetica", 8)
    page.drawString(72, 40, "Working paper 12, page 1")  # drawn first, read last
    page.setFont("Helvetica-Bold", 20)
    page.drawCentredString(A4_WIDTH / 2, 770, TITLE)
    write_lines(page, ["Claire Martin and Jean Dupont", "Institut de la statistique"], y=740)
    write_lines(page, ["Abstract"], y=700, font="Helvetica-Bold", size=12)
    write_lines(page, ABSTRACT, y=682, size=10)
    write_lines(page, ["1 Introduction"], y=640, font="Helvetica-Bold", size=12)
    write_lines(
        page,
        [
            "The minister said on Monday that unemployment had fallen by three",
            "percent in a year, a figure many outlets repeated without a source.",
        ],
        y=622,
        size=10,
    )


def test_title_found_by_font_size_and_kept_apart_from_authors_and_abstract():
    data = draw_pdf(_paper)
    assert TITLE in raw_text(data).splitlines()
    parsed = imported(data)
    assert parsed.title == TITLE  # ReportLab's "untitled" is no title
    assert parsed.paragraphs[0] == TITLE
    assert parsed.headings == {0: 1}
    assert parsed.paragraphs[1] == "Claire Martin and Jean Dupont Institut de la statistique"
    assert parsed.paragraphs[2] == "Abstract"
    assert parsed.paragraphs[3] == " ".join(ABSTRACT)
    assert parsed.paragraphs[4] == "1 Introduction"
    assert parsed.paragraphs[-1] == "Working paper 12, page 1"
    assert parsed.authors == []  # ReportLab's "anonymous" is nobody


def test_document_information_title_wins_unless_it_is_a_file_name():
    assert imported(draw_pdf(_paper, title="Le chômage en 2024")).title == "Le chômage en 2024"
    assert imported(draw_pdf(_paper, title="Binder1.pdf")).title == TITLE


def test_without_a_bigger_font_the_first_paragraph_is_the_title():
    def draw(page) -> None:
        write_lines(page, ["A short note on the figures", "of the ministry."], y=760)
        write_lines(page, ["Nothing else is known at this stage."], y=720)

    parsed = imported(draw_pdf(draw))
    assert parsed.headings == {}
    assert parsed.paragraphs == [
        "A short note on the figures of the ministry.",  # a blank line's gap ends it
        "Nothing else is known at this stage.",
    ]
    assert parsed.title == "A short note on the figures of the ministry."


# --- columns --------------------------------------------------------------------------------

LEFT = [
    "Alpha column begins here and it keeps",
    "talking about the first topic at length",
    "so that it wraps over many lines of the",
    "left side of the page until it ends with",
    "the word leftend.",
]
RIGHT = [
    "Beta column starts with another subject",
    "entirely and it also goes on for a while",
    "to fill the right side of the page down",
    "to its final word rightend.",
]


def _columns_row_by_row(page) -> None:
    page.setFont("Helvetica-Bold", 18)
    page.drawString(72, 780, "Two Columns Drawn Row by Row")
    page.setFont("Helvetica", 10)
    for row in range(len(LEFT)):
        page.drawString(72, 740 - 12 * row, LEFT[row])
        if row < len(RIGHT):
            page.drawString(310, 740 - 12 * row, RIGHT[row])


def test_two_columns_drawn_row_by_row_are_read_column_by_column():
    data = draw_pdf(_columns_row_by_row)
    raw = raw_text(data)
    assert raw.index(RIGHT[0]) < raw.index(LEFT[1])  # the stream reads across
    parsed = imported(data)
    assert parsed.paragraphs == [
        "Two Columns Drawn Row by Row",
        " ".join(LEFT),
        " ".join(RIGHT),
    ]


def test_two_columns_written_column_after_column_keep_their_order():
    def draw(page) -> None:
        write_lines(page, LEFT, y=740, size=10)
        write_lines(page, RIGHT, x=310, y=740, size=10)

    assert imported(draw_pdf(draw)).paragraphs == [" ".join(LEFT), " ".join(RIGHT)]


# --- margins, headers -----------------------------------------------------------------------


def test_margin_line_numbers_of_a_transcript_are_dropped():
    speech = [
        "JUSTICE STEVENS: We will hear argument first",
        "this morning in case 07-1315, Knowles against",
        "Mirzayance.",
        "MR. MERCER: Mr. Chief Justice, and may it please",
        "the Court: this case is about a plea of not guilty",
        "by reason of insanity.",
    ]

    def draw(page) -> None:
        for number in range(1, len(speech) + 1):
            page.setFont("Helvetica", 12)
            page.drawString(60, 760 - 26 * (number - 1), str(number))
        write_lines(page, speech[:3], x=100, y=760, size=12)
        page.setFont("Helvetica", 12)
        for i, line in enumerate(speech[3:], start=3):
            page.drawString(100, 760 - 26 * i, line)

    text = " ".join(imported(draw_pdf(draw)).paragraphs)
    assert not re.search(r"\b[1-6]\b", text.replace("07-1315", ""))
    assert "JUSTICE STEVENS: We will hear argument first" in text


def test_a_banner_before_the_header_is_skipped_as_readers_do():
    banner = b"GPL Ghostscript 10.02.0 (2023-09-13)\nProcessing pages 1 through 1.\nPage 1\n"
    body = draw_pdf(lambda page: write_lines(page, ["Three police officers were murdered."]))
    parsed = imported(banner + body)
    assert parsed.paragraphs == ["Three police officers were murdered."]
    with pytest.raises(ImportFailed, match="no PDF header"):
        imported(b"%" + b"x" * 1100 + b"\n" + body)  # too far in: not a PDF


def test_an_unreadable_media_box_leaves_the_text_readable():
    from tests.test_core_importers import PDF_PAGES, make_pdf

    data = make_pdf(PDF_PAGES).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 /X 792]")
    paragraphs = imported(data).paragraphs
    assert paragraphs[0].endswith("un chiffre repris par plusieurs medias nationaux et regionaux.")
    assert (
        paragraphs[-1]
        == "Les economistes interroges restent prudents sur ces variations trimestrielles."
    )


def test_no_text_layer_is_refused_in_one_clear_line():
    data = draw_pdf(lambda page: page.rect(72, 600, 200, 100, fill=1))
    with pytest.raises(ImportFailed) as caught:
        imported(data, "scan.pdf")
    message = str(caught.value)
    assert "no text layer" in message and "OCR" in message and "\n" not in message


# --- the real-world corpus ------------------------------------------------------------------

REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "realworld"
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    """As the corpus checker compares: NFC, every run of whitespace one space."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _corpus_cases():
    expectations = REALWORLD / "expectations.json"
    if not expectations.is_file():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="../shared absent"))]
    cases = json.loads(expectations.read_text(encoding="utf-8"))
    return [
        pytest.param(rel, exp, id=rel) for rel, exp in sorted(cases.items()) if rel[:4] == "pdf/"
    ]


def _meta_ok(got: str, rule: dict) -> bool:
    got = _norm(got)
    for op in ("eq", "contains", "startswith", "endswith"):
        if op in rule:
            want = _norm(rule[op])
            return {
                "eq": got == want,
                "contains": want in got,
                "startswith": got.startswith(want),
                "endswith": got.endswith(want),
            }[op]
    return True


@pytest.mark.parametrize(("rel", "exp"), _corpus_cases())
def test_realworld_corpus_pdf(rel, exp):
    """Each corpus PDF gives what a reader sees (its "must" passages and metadata, no
    ligature glyph, no U+FFFD) or is refused in one line naming the problem."""
    path = REALWORLD / "corpus" / rel
    if not path.is_file():
        pytest.skip(f"{rel} absent")
    kind = exp.get("kind", "text")
    if kind == "error" and "scan" in exp.get("note", "") and ocr.available():
        kind = "any"  # refused without the OCR extra; with it, read (tests/test_ocr.py)
    try:
        parsed = import_path(path)
    except ImportFailed as exc:
        message = str(exc)
        assert kind in {"error", "any"}, f"refused: {message}"
        assert "\n" not in message
        assert re.search(exp.get("error_re", "."), message), message
        return
    assert kind != "error", "imported instead of refused"
    text = "\n\n".join(parsed.paragraphs)
    flat = _norm(text)
    if kind == "text":
        for passage in exp.get("must", []):
            assert _norm(passage) in flat, passage
        values = {"title": parsed.title, "authors": "; ".join(parsed.authors)}
        for field, rule in exp.get("meta", {}).items():
            if rule.get("severity") == "must":
                assert _meta_ok(values[field], rule), (field, values[field], rule)
    assert not re.search("[\ufb00-\ufb06]", text)
    assert "\ufffd" not in text
