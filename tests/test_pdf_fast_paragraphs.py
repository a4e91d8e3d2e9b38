"""The PDF report's own paragraphs (`pdf_lines`) against ReportLab's Paragraph.

The exporter lays out and draws its paragraphs itself, for speed (issue 20, target 5).
These tests hold it to ReportLab: the same lines with the same spare width for every
paragraph of reports with highlights, claim numbers, links, bullets, rationale markup,
long unbreakable words, French spaces and emoji; the same words at the same places on
every page; and, where poppler is installed, the same pixels. User text that looks like
markup prints as typed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime

import pytest

LONG_URL = "https://example.org/" + "tres-long-chemin-sans-espace/" * 8 + "?a=1&b=<2>"
RATIONALE = (
    "Le **ministre** a _exagéré_ : voir `code & <b>`, la [note](https://example.org/n) et\n"
    "une ligne après un saut.\n\n"
    "- premier point, « entre guillemets » ;\n- second point 😀 🇫🇷\n\n"
    "> Une citation en retrait, assez longue pour tenir sur plusieurs lignes du rapport, "
    "avec des espaces fines\u202f; et insécables\u00a0!"
)
TEXT = (
    "Le ministre a dit que « la dette baisse\u202f» depuis 2022 et que le chômage atteint "
    "7,3\u00a0% ; l’opposition conteste. " + "Un mot-très-long-" * 12 + " puis la suite.\n\n"
    "Deuxième paragraphe avec 𝕏 et un lien " + LONG_URL + " au milieu du texte."
)


@pytest.fixture
def report(store):
    """A report that exercises every kind of run the exporter writes."""
    from desktop.core.articles import add_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.exporters import ExportOptions, load_reports
    from desktop.core.importers import ParsedArticle
    from desktop.core.ratings import find_rating
    from desktop.core.sources import add_source

    with store.transaction() as s:
        article_id = add_article(
            s,
            ParsedArticle(
                paragraphs=["Titre <b>avec</b> & balises", *TEXT.split("\n\n")],
                headings={0: 1},
                title="Titre <b>avec</b> & balises",
                url=LONG_URL,
                language="fr",
            ),
        ).article_id
        quotes = ("la dette baisse", "le chômage atteint 7,3\u00a0%", "𝕏 et un lien")
        for n, quote in enumerate(quotes):
            claim, _ = create_claim_from_quote(
                s,
                article_id,
                quote,
                text=f'Affirmation {n} <font color="red">pas rouge</font> &amp; & <br/>',
                claimant="Le ministre",
                appearance_url=LONG_URL,
                rationale=RATIONALE,
                checker="Zoé",
                tags=["économie", "<i>tag</i>"],
                rating_id=find_rating(s, ("False", "True", "Misleading")[n]).id,
            )
            add_source(
                s,
                claim.id,
                url=LONG_URL,
                title=f"Source {n} « titre » <a href='x'>",
                publisher="Insee & co",
                excerpt="Un extrait\u202f: « cité » 😀",
                stance="refutes",
            )
    with store.read() as s:
        reports = load_reports(s, [article_id])
    options = ExportOptions(
        organization_name="Vérif’Info",
        checker_name="Zoé",
        exported_at=datetime(2024, 5, 6, tzinfo=UTC),
    )
    return reports, options


def _paragraph_calls(report, monkeypatch) -> list:
    from desktop.core.exporters import pdf, render

    calls = []
    fast = pdf.paragraph

    def recording(markup, style, bulletText=None):  # noqa: N803
        calls.append((markup, style, bulletText))
        return fast(markup, style, bulletText)

    monkeypatch.setattr(pdf, "paragraph", recording)
    render(report[0], "pdf", report[1])
    return calls


def test_every_paragraph_breaks_into_reportlabs_lines(report, monkeypatch):
    from desktop.core.exporters import pdf_lines, pdf_markup

    calls = _paragraph_calls(report, monkeypatch)
    ours = 0
    for width in (470.0, 300.0, 120.0):
        for markup, style, bullet in calls:
            mine = pdf_lines.paragraph(markup, style, bullet)
            if not isinstance(mine, pdf_lines.flowable_class()):
                continue
            ours += 1
            theirs = pdf_markup.paragraph(markup, style, bullet)
            assert mine.wrap(width, 1e6) == theirs.wrap(width, 1e6), markup
            bl = theirs.blPara
            if bl.kind == 0:
                expected = [(" ".join(words), extra) for extra, words in bl.lines]
            else:
                expected = [("".join(w.text for w in ln.words), ln.extraSpace) for ln in bl.lines]
            got = []
            for line, available in mine._lines:
                used = sum(w[0] for w in line) + sum(w[1] for w in line[:-1])
                text = "".join(seg[0] for seg in pdf_lines._segments(line))
                got.append((text, available - used))
            assert len(got) == len(expected), markup
            for (a, x), (b, y) in zip(got, expected, strict=True):
                assert a.rstrip() == b.rstrip(), markup
                assert x == pytest.approx(y, abs=1e-6), markup
    assert ours > 3 * 20  # cards, sources, rationale and text all take the fast path


def _both(report, monkeypatch) -> tuple[bytes, bytes]:
    """The report drawn by the exporter, and with ReportLab's Paragraph everywhere."""
    from desktop.core.exporters import pdf, pdf_markup, render

    fast = render(report[0], "pdf", report[1]).data
    monkeypatch.setattr(pdf, "paragraph", pdf_markup.paragraph)
    slow = render(report[0], "pdf", report[1]).data
    return fast, slow


def test_pages_hold_the_same_text(report, monkeypatch):
    from pypdf import PdfReader

    fast, slow = _both(report, monkeypatch)

    def pages(data: bytes) -> list[str]:
        return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]

    assert pages(fast) == pages(slow)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm is not installed")
def test_pages_look_the_same(report, monkeypatch, tmp_path):
    from PIL import Image, ImageChops

    fast, slow = _both(report, monkeypatch)
    for name, data in (("fast", fast), ("slow", slow)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
            check=True,
        )
    pages = sorted(tmp_path.glob("fast-*.png"))
    assert pages and len(pages) == len(list(tmp_path.glob("slow-*.png")))
    for page in pages:
        a = Image.open(page).convert("RGB")
        b = Image.open(str(page).replace("fast-", "slow-")).convert("RGB")
        assert ImageChops.difference(a, b).getbbox() is None, page.name


def test_markup_typed_by_the_user_prints_as_typed(report):
    from pypdf import PdfReader

    from desktop.core.exporters import render

    data = render(report[0], "pdf", report[1]).data
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    flat = " ".join(text.split())
    assert 'Affirmation 0 <font color="red">pas rouge</font> &amp; & <br/>' in flat
    assert "<i>tag</i>" in flat and "Insee & co" in flat
    assert "« titre » <a href='x'>" in flat


def test_without_reportlabs_helpers_every_paragraph_is_reportlabs(report, monkeypatch):
    """Another ReportLab without the private helpers reused: the report is still made."""
    from pypdf import PdfReader

    from desktop.core.exporters import pdf_lines, render

    fast = render(report[0], "pdf", report[1]).data
    monkeypatch.setattr(pdf_lines, "available", lambda: False)
    slow = render(report[0], "pdf", report[1]).data

    def pages(data: bytes) -> list[str]:
        return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]

    assert pages(fast) == pages(slow)


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1&c=(2)é", "mailto:x@y.fr", "https://x.org/中"]
)
def test_link_annotations_are_reportlabs_bytes(url):
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfgen.canvas import Canvas

    from desktop.core.exporters import pdf_lines

    theirs, ours = Canvas(io.BytesIO()), Canvas(io.BytesIO())
    for canvas in (theirs, ours):
        canvas.translate(10, 20)
    theirs.linkURL(url, (1.5, 2.25, 100.125, 14), relative=1, kind="URI")
    pdf_lines.add_link(ours, None, url, (1.5, 2.25, 100.125, 14))

    def annotation(canvas) -> bytes:
        return pdfdoc.format(canvas._doc.idToObject["Annot.NUMBER1"], canvas._doc, toplevel=1)

    assert annotation(ours) == annotation(theirs)
