"""The annotated report as an A4 PDF, drawn with ReportLab.

Why ReportLab: the core may not import Qt (so no QPrinter/QTextDocument, and the command
line must work without a display), WeasyPrint needs Pango and other system libraries a
desktop installer would have to ship, and browsers are out of the question. ReportLab is
pure Python wheels, embeds TrueType subsets with a ToUnicode map (so the text can be
searched and copied back), and its Platypus layout gives paragraphs with inline
background colours (`<font backColor>`), superscripts and links, page templates with
page numbers, and tables for the verdict chips.

The font is DejaVu Sans, shipped in `resources/fonts/` with its licence: ReportLab's
bundled Bitstream Vera has no U+202F (the narrow no-break space French puts before
`;:!?` and inside « »), and DejaVu covers every French letter and sign. Characters the
font lacks (emoji, mostly) are replaced in the PDF only by a visible `□`, never dropped
silently and never allowed to make ReportLab fail.

The text layer gives back what is drawn (pdftotext, pypdf, copy and paste): ReportLab
writes a character beyond U+FFFF into the font's ToUnicode map as `<09> <1D54F>`, which
readers take for garbage ("𝕏" came back as "ᵔ"), so `_ExactTTFont` rewrites those
entries as the UTF-16 pairs the PDF format requires (`<09> <D835DD4F>`). A claim's
number after its highlight is set off by a narrow no-break space, so "2022" and the
number 2 do not read back as "20222".

Speed: ReportLab's Paragraph (markup parser, general line breaker, per-fragment
drawing) took nearly all of the time of a 1,000-claim report. The paragraphs are
therefore laid out and drawn by `pdf_lines`, with ReportLab's geometry (tests compare
lines and pixels with Paragraph), and the few it does not reproduce (a paragraph that
is one highlighted run, the verdict chips) keep Paragraph with markup read by
`pdf_markup`.
"""

from __future__ import annotations

import gc
import io
import re
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from desktop.core.contrast import readable_alpha
from desktop.core.errors import FactdeskError
from desktop.core.exporters import document, pdf_markup, rationale
from desktop.core.exporters.document import (
    ArticleItem,
    Block,
    ClaimItem,
    Count,
    Labels,
    ReportDocument,
)
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.exporters.pdf_lines import paragraph
from desktop.core.views import ArticleReport

FONT = "FactdeskSans"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    f"{FONT}-Bold": "DejaVuSans-Bold.ttf",
    f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
BOLD = f"{FONT}-Bold"  # as a face in markup: one tag where <font><b> takes two
MISSING_GLYPH = "□"
# Invisible joiners and selectors that only shape emoji: dropped rather than boxed.
_INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\U000e0020-\U000e007f]")
MUTED = "#5f6368"
LINK = "#1a5fb4"


@cache
def _c(color: str) -> str:
    """A `#rrggbb` colour as ReportLab markup reads it fastest: `rgb(r,g,b)` is parsed
    by a regular expression, a hex string only after several failed guesses (a quarter
    of the markup parsing time of 1,000 claim cards)."""
    return "rgb({},{},{})".format(*document.rgb(color))


@cache
def _color(color: str):
    from reportlab.lib.colors import HexColor

    return HexColor(color)


# A ToUnicode entry whose destination is one code point beyond the BMP, as ReportLab 4-5
# writes it (`makeToUnicodeCMap` formats every code point with "%04X").
_ASTRAL_ENTRY = re.compile(r"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def _utf16_entry(match: re.Match) -> str:
    units = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{units}>"


def exact_to_unicode(cmap: str) -> str:
    """A ToUnicode CMap with each code point beyond U+FFFF written as its UTF-16
    surrogate pair, as PDF 1.7 § 9.10.3 requires (the BMP entries are already right)."""
    return _ASTRAL_ENTRY.sub(_utf16_entry, cmap)


def _first_subset(assignments: dict[int, int]) -> tuple[frozenset[str], dict[int, int]]:
    """The characters coded in a font's first subset and the `str.translate` table to
    their codes (a no-break space is drawn as the space, as ReportLab does)."""
    table = {c: n for c, n in assignments.items() if n < 256}
    if 32 in table:
        table[0xA0] = table[32]
    return frozenset(map(chr, table)), table


@cache
def _font_class():
    """ReportLab's TTFont, with the ToUnicode maps of its subsets corrected.

    `TTFont.addObjects` builds each subset's CMap stream and registers it in the
    document under "toUnicodeCMap:<subset font name>"; the subclass lets it, then
    rewrites the streams' text before the document is written. Nothing else changes,
    and other programs' use of ReportLab in the same process is untouched."""
    from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

    class ExactTTFont(TTFont):
        def addObjects(self, doc) -> None:  # noqa: N802 (ReportLab's name)
            state = self.state.get(doc)
            subsets = len(state.subsets) if state is not None else 1
            super().addObjects(doc)
            suffix = b"+" + self.face.name + self.face.subfontNameX
            for n in range(subsets):
                name = (SUBSETN(n) + suffix).decode("pdfdoc")
                stream = doc.idToObject.get("toUnicodeCMap:" + name)
                if stream is not None:
                    stream.content = exact_to_unicode(stream.content)

        def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 (ReportLab's name)
            """ReportLab's, with a C-speed path for text whose characters all have a
            code in the first subset already (nearly every run once the first pages
            are out): ReportLab looks each character up in a Python loop."""
            state = self.state.get(doc)
            if state is not None and isinstance(text, str):
                known, table, seen = getattr(state, "_factdesk_fast", (None, None, -1))
                if seen != len(state.assignments):
                    known, table = _first_subset(state.assignments)
                    state._factdesk_fast = (known, table, len(state.assignments))
                if known.issuperset(text):
                    return [(0, text.translate(table).encode("latin-1"))] if text else []
            return super().splitString(text, doc, encoding)

    ExactTTFont.__name__ = ExactTTFont.__qualname__ = "_ExactTTFont"
    return ExactTTFont


def fonts_dir() -> Path:
    """`resources/fonts`, in a checkout or inside the desktop bundle."""
    from desktop.resources import resource_path

    return resource_path("fonts")


@cache
def _register_fonts() -> frozenset[int]:
    """Register DejaVu Sans with ReportLab once; returns the code points it can draw."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    folder = fonts_dir()
    font = _font_class()
    try:
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(font(name, str(folder / filename)))
    except Exception as exc:  # a missing or damaged font file: say which
        raise FactdeskError(f"cannot load the PDF font from {folder} ({exc})") from exc
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, f"{FONT}-Bold")
    addMapping(FONT, 0, 1, f"{FONT}-Oblique")
    addMapping(FONT, 1, 1, f"{FONT}-BoldOblique")
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@cache
def _undrawable() -> re.Pattern:
    """A character class of everything the font lacks, built from its glyph ranges: one
    regular-expression pass replaces a per-character Python loop over every text."""
    points = sorted(_register_fonts() | {ord("\n"), ord("\t")})
    ranges, start = [], points[0]
    for prev, cur in zip(points, points[1:] + [-1], strict=True):
        if cur != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = cur
    return re.compile("[^" + "".join(ranges) + "]")


def drawable(text: str) -> str:
    """`text` with every character the font cannot draw replaced by a visible box."""
    return _undrawable().sub(MISSING_GLYPH, _INVISIBLE.sub("", text or ""))


def esc(text: str) -> str:
    """User text as ReportLab paragraph markup: drawable, and its `<`, `>`, `&` escaped."""
    return xml_escape(drawable(text))


def attr(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def a(text: str, href: str | None) -> str:
    if href is None:
        return esc(text)
    return f'<a href="{attr(href)}" color="{_c(LINK)}" underline="1">{esc(text)}</a>'


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib.enums import TA_LEFT
        from reportlab.lib.styles import ParagraphStyle

        base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=14.5, alignment=TA_LEFT)
        self.body = ParagraphStyle("body", base, spaceAfter=7)
        self.text = ParagraphStyle("text", base, fontSize=10.5, leading=17, spaceAfter=8)
        self.text_heading = ParagraphStyle(
            "text_heading", self.text, fontName=f"{FONT}-Bold", fontSize=12.5, leading=18
        )
        self.title = ParagraphStyle(
            "title", base, fontName=f"{FONT}-Bold", fontSize=19, leading=24, spaceAfter=6
        )
        self.kicker = ParagraphStyle(
            "kicker", base, fontSize=8, textColor=_color(MUTED), spaceAfter=2
        )
        self.meta = ParagraphStyle("meta", base, fontSize=9, textColor=_color(MUTED), spaceAfter=2)
        self.section = ParagraphStyle(
            "section",
            base,
            fontName=f"{FONT}-Bold",
            fontSize=8.5,
            textColor=_color(MUTED),
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        )
        self.card_title = ParagraphStyle(
            "card_title", base, fontName=f"{FONT}-Bold", fontSize=11.5, leading=15, spaceAfter=3
        )
        self.card = ParagraphStyle("card", base, fontSize=9.5, leading=13.5, spaceAfter=3)
        self.quote = ParagraphStyle(
            "quote", self.card, fontName=f"{FONT}-Oblique", textColor=_color(MUTED), leftIndent=8
        )
        self.small = ParagraphStyle(
            "small", self.card, fontSize=8.5, leading=12, textColor=_color(MUTED)
        )
        self.item = ParagraphStyle(
            "item", self.card, leftIndent=14, bulletIndent=2, bulletFontName=FONT
        )


def _chips(counts: list[Count], styles: _Styles):
    """The verdict summary: coloured chips with counts, wrapped in rows of four."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    cells = [
        pdf_markup.paragraph(
            f'<font color="{_c(c.verdict.ink)}"><b>{esc(c.verdict.label)}</b>  {c.count}</font>',
            styles.card,
        )
        for c in counts
    ]
    rows = [cells[i : i + 4] for i in range(0, len(cells), 4)] or [
        [pdf_markup.paragraph("", styles.card)]
    ]
    for row in rows:
        row += [""] * (4 - len(row))
    table = Table(rows, colWidths=[42 * 2.8346] * 4, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for i, c in enumerate(counts):
        cell = (i % 4, i // 4)
        style.append(("BACKGROUND", cell, cell, colors.HexColor(c.verdict.color)))
        style.append(("BOX", cell, cell, 2, colors.white))
    table.setStyle(TableStyle(style))
    return table


# Before a claim's number: narrow, never a line break, and a space to text extraction
# (ReportLab draws U+00A0 with the space glyph, so it reads back as " "; a thin or
# narrow no-break space would be a place to break the line, and U+2060 reads as nothing).
_NUMBER_GAP = '<font size="4">\u00a0</font>'


@cache
def _highlight(color: str, depth: int) -> str:
    """A highlight's tint in markup: deeper overlaps shade darker, never so dark that the
    black text fades (one computation per colour and depth, not per run)."""
    return _c(document.tint(color, readable_alpha(color, 0.3 + 0.15 * (depth - 1))))


@cache
def _ink_on(color: str) -> str:
    return _c(document.ink_on(color))


def _block_markup(block: Block, art: ArticleItem) -> str:
    out = []
    for run in block.runs:
        text = esc(run.text)
        if run.color:
            text = f'<font backColor="{_highlight(run.color, len(run.claims))}">{text}</font>'
        out.append(text)
        for number, color in run.ends:
            out.append(
                f'{_NUMBER_GAP}<super><font backColor="{_c(color)}" '
                f'color="{_ink_on(color)}" face="{BOLD}">{number}</font></super>'
            )
    return "".join(out)


def _rationale_flowables(source: str, styles: _Styles) -> list:

    flows = []
    for para in rationale.to_paras(source):
        parts = []
        for span in para.spans:
            piece = esc(span.text).replace("\n", "<br/>")
            if span.code:
                piece = f'<font face="Courier">{piece}</font>'
            if span.italic:
                piece = f"<i>{piece}</i>"
            if span.bold or para.kind == "h":
                piece = f"<b>{piece}</b>"
            if span.href:
                piece = f'<a href="{attr(span.href)}" color="{_c(LINK)}" underline="1">{piece}</a>'
            parts.append(piece)
        markup = "".join(parts)
        if para.kind == "li":
            flows.append(paragraph(markup, styles.item, bulletText=drawable(para.marker)))
        elif para.kind == "quote":
            flows.append(paragraph(markup, styles.quote))
        else:
            flows.append(paragraph(markup, styles.card))
    return flows


def _card(c: ClaimItem, styles: _Styles, L: Labels):  # noqa: N803
    """One claim as a table cell with a thick left rule in the verdict colour."""

    v = c.verdict
    flows = [
        paragraph(
            f'<font backColor="{_c(v.color)}" color="{_c(v.ink)}" face="{BOLD}"> '
            f"{c.number} </font>  "
            f'<font backColor="{_c(v.color)}" color="{_c(v.ink)}" face="{BOLD}"> '
            f"{esc(v.label)} </font>  "
            f'<font color="{_c(MUTED)}" size="8">{esc(c.status_label.upper())}</font>',
            styles.card,
        ),
        paragraph(esc(c.text or c.quote), styles.card_title),
    ]
    if c.quote and c.text:
        flows.append(paragraph(esc(document.quoted(c.quote)), styles.quote))
    if c.unplaced:
        flows.append(paragraph(esc(L.unplaced(c.unplaced)), styles.small))
    if c.version_note:
        flows.append(paragraph(esc(c.version_note), styles.small))
        for change in c.version_changes:
            flows.append(paragraph(esc(change), styles.small))
    facts = []
    if c.claimant:
        kind = f" ({c.claimant_kind_label})" if c.claimant_kind else ""
        said = f" {c.said_at}" if c.said_at else ""
        facts.append(("Claimant", esc(c.claimant + kind + said)))
    elif c.clock:
        facts.append(("Time in the recording", c.clock))
    if c.claim_date:
        facts.append(("Claim date", c.claim_date.isoformat()))
    if c.appearance_url:
        facts.append(("Appeared at", a(c.appearance_url, c.appearance_href)))
    facts.append(("Verdict", esc(v.label)))
    if c.checker:
        facts.append(("Checker", esc(c.checker)))
    # One paragraph for the facts: each Paragraph costs a markup parse and a wrap.
    flows.append(
        paragraph(
            "<br/>".join(
                f'<font color="{_c(MUTED)}">{esc(L.colon(label))}</font> {value}'
                for label, value in facts
            ),
            styles.card,
        )
    )
    if c.rationale.strip():
        flows.append(paragraph(f"<b>{esc(L('Rationale').upper())}</b>", styles.small))
        flows += _rationale_flowables(c.rationale, styles)
    if c.sources:
        # small is muted already
        flows.append(paragraph(f"<b>{esc(L('Sources').upper())}</b>", styles.small))
        for n, s in enumerate(c.sources, start=1):
            line = a(s.title or s.url or L("Untitled source"), s.href)
            if s.publisher:
                line += f" — {esc(s.publisher)}"
            if s.published:
                line += f", {s.published.isoformat()}"
            line += f'  <font color="{_c(MUTED)}" size="8">[{esc(s.stance_label)}]</font>'
            if s.url and s.title:
                line += f"<br/>{a(s.url, s.href)}"
            if s.archive_url:
                line += (
                    f'<br/><font color="{_c(MUTED)}">{esc(L.colon("Archive"))}</font> '
                    f"{a(s.archive_url, s.archive_href)}"
                )
            if s.captured:
                line += f'<br/><font color="{_c(MUTED)}">{esc(s.captured)}</font>'
            if s.excerpt:
                line += f"<br/><i>{esc(document.quoted(s.excerpt))}</i>"
            flows.append(paragraph(line, styles.item, bulletText=f"{n}."))
    if c.tags:
        flows.append(paragraph(esc(L.colon("Tags") + " " + ", ".join(c.tags)), styles.small))
    return _card_flowable(flows, _color(v.color), _color("#dddde0"))


def _card_flowable(flows: list, bar, border):
    """A box with a thick left rule in the verdict colour around the card's paragraphs.

    Drawn directly rather than as a one-cell Table: a Table wraps its cell's paragraphs
    again for every measurement and split, which made 1,000 cards take about 6 s; this
    wraps each paragraph once per width, and splits between paragraphs at page ends.
    """
    from reportlab.platypus import Flowable

    from desktop.core.exporters.pdf_lines import draw_lines, flowable_class, shares_text

    fast = flowable_class()
    pad_left, pad_right, pad_top, pad_bottom, bar_width = 10, 10, 7, 6, 4

    class Card(Flowable):
        def __init__(self, children: list, first: bool = True, last: bool = True) -> None:
            super().__init__()
            self.children, self.first, self.last = children, first, last
            self._laid: list[tuple] = []
            self.spaceAfter = 8 if last else 0  # the gap to the next card, not a Spacer

        def _layout(self, width: float) -> float:
            inner = width - pad_left - pad_right
            self._laid, total = [], 0.0
            for i, child in enumerate(self.children):
                _w, h = child.wrap(inner, 1e6)
                before = child.getSpaceBefore() if i else 0
                self._laid.append((child, before, h))
                total += before + h
            top = pad_top if self.first else 2
            bottom = pad_bottom if self.last else 2
            return top + total + bottom

        def wrap(self, available_width, available_height):
            if getattr(self, "width", None) != available_width or not self._laid:
                self.width = available_width
                self.height = self._layout(available_width)  # once per width
            return self.width, self.height

        def split(self, available_width, available_height):
            self.wrap(available_width, available_height)
            if self.height <= available_height:
                return [self]
            used, cut = (pad_top if self.first else 2) + 2, 0
            for _child, before, h in self._laid:
                if used + before + h > available_height:
                    break
                used += before + h
                cut += 1
            if cut == 0:
                return []  # not even the first paragraph fits: the frame moves on
            head = Card(self.children[:cut], first=self.first, last=False)
            tail = Card(self.children[cut:], first=False, last=self.last)
            for part, laid in ((head, self._laid[:cut]), (tail, self._laid[cut:])):
                part._reuse(self.width, laid)  # the paragraphs are wrapped already
            return [head, tail]

        def _reuse(self, width: float, laid: list[tuple]) -> None:
            if laid and not self.first:  # a continuation: no space before its first paragraph
                laid = [(laid[0][0], 0, laid[0][2]), *laid[1:]]
            top = pad_top if self.first else 2
            bottom = pad_bottom if self.last else 2
            self.width, self._laid = width, laid
            self.height = top + sum(before + h for _c, before, h in laid) + bottom

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(border)
            canvas.setLineWidth(0.5)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            canvas.setFillColor(bar)
            canvas.rect(0, 0, bar_width, self.height, stroke=0, fill=1)
            canvas.restoreState()
            y = self.height - (pad_top if self.first else 2)
            canvas.saveState()
            text = None  # the card's paragraphs share one text object, placed, not translated
            for child, before, h in self._laid:
                y -= before + h
                if isinstance(child, fast) and shares_text(child):
                    if text is None:
                        text = canvas.beginText(0, 0)
                    child.canv = canvas
                    draw_lines(child, text, pad_left, y)
                    del child.canv
                    continue
                if text is not None:  # keep the drawing order: text so far goes first
                    canvas.drawText(text)
                    text = None
                child.drawOn(canvas, pad_left, y)
            if text is not None:
                canvas.drawText(text)
            canvas.restoreState()

    return Card(flows)


def _article(art: ArticleItem, styles: _Styles) -> list:
    from reportlab.platypus import KeepTogether

    flows = []
    kicker = " · ".join(
        x for x in (art.outlet, art.published.isoformat() if art.published else "") if x
    )
    if kicker:
        flows.append(paragraph(esc(kicker.upper()), styles.kicker))
    L = art.labels  # noqa: N806
    if art.title_block is not None:  # the text's title line, with its highlights
        flows.append(paragraph(_block_markup(art.title_block, art), styles.title))
    else:
        flows.append(paragraph(esc(art.heading), styles.title))
    if art.authors:
        flows.append(paragraph(esc(L("By {names}", names=", ".join(art.authors))), styles.meta))
    if art.url:
        flows.append(paragraph(a(art.url, art.href), styles.meta))
    verdicts = f"{L('Verdicts')} ({L.count('claim', len(art.claims))})"
    flows.append(paragraph(esc(verdicts.upper()), styles.section))
    flows.append(_chips(art.counts, styles))
    if art.blocks:
        flows.append(paragraph(esc(L("Annotated text").upper()), styles.section))
        for block in art.blocks:
            style = styles.text_heading if block.level else styles.text
            flows.append(paragraph(_block_markup(block, art), style))
    if art.claims:
        heading = paragraph(esc(L("Claims").upper()), styles.section)
        for n, c in enumerate(art.claims):
            if n == 0:  # the section title never ends a page alone
                flows.append(KeepTogether([heading, _card(c, styles, L)]))
            else:  # a card splits between paragraphs itself; no second measuring pass
                flows.append(_card(c, styles, L))
    return flows


def _summary_charts(report: ReportDocument, styles: _Styles, width: float) -> list:
    """The summary page's charts, drawn from the same layout as the HTML report's SVG
    (numbers on the bars, so the text layer holds them), then a page break."""
    if not report.charts:
        return []
    from reportlab.platypus import PageBreak, Spacer

    from desktop.core import charts
    from desktop.core.exporters.insights import words

    flows = []
    if report.options.period is not None:
        note = (
            "A claim counts on the day its check was published, or on the day it was "
            "tagged when not yet published."
        )
        flows.append(paragraph(esc(words(report.labels, note)), styles.small))
    for chart in report.charts:
        lay = charts.layout(chart, width=width, font=8.5)
        flows += [
            charts.to_drawing(lay, font=FONT, bold_font=BOLD, muted=MUTED, clean=drawable),
            Spacer(1, 10),
        ]
    return [*flows, PageBreak()]


def build_pdf(report: ReportDocument) -> bytes:
    """The report's PDF, with the cyclic garbage collector paused meanwhile: building
    makes hundreds of thousands of short-lived objects, and its passes over them were
    about a tenth of the time (reference counting still frees them as they go)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _build_pdf(report)
    finally:
        if paused:
            gc.enable()


def _build_pdf(report: ReportDocument) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer

    _register_fonts()
    styles = _Styles()
    o, D = report.options, report.labels  # noqa: N806
    footer_left = drawable(" · ".join(x for x in (o.organization_name, report.title) if x)[:110])

    class NumberedCanvas(Canvas):
        """Holds pages back until the end, to print "page n of N" on each."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColorRGB(0.37, 0.39, 0.41)
                self.drawString(15 * mm, 10 * mm, footer_left)
                self.drawRightString(
                    A4[0] - 15 * mm,
                    10 * mm,
                    D("Page {n} of {total}", n=self._pageNumber, total=total),
                )
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=drawable(report.title),
        author=drawable(o.organization_name or o.checker_name),
        creator="Factdesk",
    )
    masthead = " · ".join(
        x
        for x in (
            a(o.organization_name, report.organization_href) if o.organization_name else "",
            esc(D("Checked by {name}", name=o.checker_name)) if o.checker_name else "",
            D("Exported {date}", date=o.exported_at.strftime("%Y-%m-%d")),
        )
        if x
    )
    story = [paragraph(masthead, styles.meta)]
    if report.has_summary:
        if o.period is not None:
            story.append(paragraph(esc(report.title), styles.title))
        overall = f"{D('All verdicts')} ({D.count('claim', report.claim_total)})"
        story.append(paragraph(esc(overall.upper()), styles.section))
        story += [_chips(report.counts, styles), Spacer(1, 16)]
        story += _summary_charts(report, styles, A4[0] - 36 * mm)
    for i, art in enumerate(report.articles):
        if i:
            story.append(PageBreak())
        story += _article(art, styles)
    pdf.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    report = document.build(reports, options)
    notes = []
    glyphs = _register_fonts()
    texts = [a.title + "".join(b.text for b in a.blocks) for a in report.articles]
    missing = set()  # one regular-expression pass per text, not a loop over characters
    for t in texts:
        t = _INVISIBLE.sub("", t)
        missing.update(_undrawable().findall(t))
        missing.update(c for c in "\n\t" if c in t and ord(c) not in glyphs)
    if missing:
        notes.append(
            f"{len(missing)} character(s) the PDF font cannot draw (such as emoji) "
            f"are shown as {MISSING_GLYPH}"
        )
    return Output(build_pdf(report), notes)
