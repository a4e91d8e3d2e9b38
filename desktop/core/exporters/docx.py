"""The annotated report as a Word document (python-docx), for editors who edit in Word.

Word's highlighter knows only sixteen colours, so highlights are run shading in a tint
of the verdict's own colour, each followed by its number in superscript; claim cards
carry a left border in the verdict colour. Shading and borders are written as raw
WordprocessingML in the order the schema requires, which Word insists on.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from desktop.core.contrast import readable_alpha
from desktop.core.exporters import document, rationale
from desktop.core.exporters.document import (
    ArticleItem,
    Block,
    ClaimItem,
    Count,
    Labels,
    ReportDocument,
    quoted,
    tint,
)
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.views import ArticleReport

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RPR_AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:oMath")
_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:jc",
    "w:textAlignment",
    "w:outlineLvl",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
MUTED = RGBColor(0x5F, 0x63, 0x68)
LINK = RGBColor(0x1A, 0x5F, 0xB4)


def _t(text: str) -> str:
    """Text XML can hold (Word refuses control characters)."""
    return _NOT_XML.sub("", text or "")


def _hex(color: str) -> str:
    return document.safe_color(color)[1:].upper()


def shade(run, color: str) -> None:
    """Give a run a background colour (any colour, unlike Word's highlighter)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), _hex(color))
    run._r.get_or_add_rPr().insert_element_before(shd, *_RPR_AFTER_SHD)


def left_border(paragraph: Paragraph, color: str) -> None:
    """The coloured bar of a claim card; Word joins the bars of consecutive paragraphs."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8")):
        left.set(qn(key), value)
    left.set(qn("w:color"), _hex(color))
    borders.append(left)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_PPR_AFTER_PBDR)
    paragraph.paragraph_format.left_indent = Pt(10)


def hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A clickable link (python-docx has no API for one); `url` must already be safe."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(LINK))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([color, underline])
    run.append(props)
    t = OxmlElement("w:t")
    t.text = _t(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def link_or_text(paragraph: Paragraph, text: str, href: str | None) -> None:
    if href:
        hyperlink(paragraph, text, href)
    else:
        paragraph.add_run(_t(text))


def chip(paragraph: Paragraph, label: str, color: str, count: int | None = None) -> None:
    run = paragraph.add_run(_t(f"\u00a0{label}{'' if count is None else f'  {count}'}\u00a0"))
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(_hex(document.ink_on(color)))
    shade(run, color)


def _muted(paragraph: Paragraph, text: str):
    run = paragraph.add_run(_t(text))
    run.font.color.rgb = MUTED
    return run


def _summary(doc, counts: list[Count]) -> None:
    p = doc.add_paragraph()
    for i, c in enumerate(counts):
        if i:
            p.add_run("  ")
        chip(p, c.verdict.label, c.verdict.color, c.count)


def _runs(p: Paragraph, block: Block, bold: bool = False) -> None:
    """A paragraph of the article: highlights shaded, each followed by its number."""
    for run in block.runs:
        r = p.add_run(_t(run.text))
        if bold:
            r.bold = True
        if run.color:
            # Deeper overlaps shade darker, never so dark that the black text fades.
            alpha = readable_alpha(run.color, 0.3 + 0.15 * (len(run.claims) - 1))
            shade(r, tint(run.color, alpha))
        for number, color in run.ends:
            marker = p.add_run(str(number))
            marker.font.superscript = True
            marker.bold = True
            marker.font.color.rgb = RGBColor.from_string(_hex(document.ink_on(color)))
            shade(marker, color)


def _text(doc, art: ArticleItem) -> None:
    doc.add_heading(_t(art.labels("Annotated text")), level=2)
    for block in art.blocks:
        _runs(doc.add_paragraph(), block, bold=bool(block.level))


def _rationale(doc, source: str, color: str) -> None:
    for para in rationale.to_paras(source):
        p = doc.add_paragraph()
        left_border(p, color)
        if para.kind == "li":
            p.add_run(para.marker + " ")
            p.paragraph_format.left_indent = Pt(10 + 14 * para.level)
        for span in para.spans:
            if span.href:
                hyperlink(p, span.text, span.href)
                continue
            r = p.add_run(_t(span.text))
            r.bold = span.bold or para.kind == "h"
            r.italic = span.italic or para.kind == "quote"
            if span.code:
                r.font.name = "Courier New"


def _card(doc, c: ClaimItem, L: Labels) -> None:  # noqa: N803
    color = c.verdict.color

    def para():
        p = doc.add_paragraph()
        left_border(p, color)
        p.paragraph_format.space_after = Pt(2)
        return p

    head = para()
    number = head.add_run(f"\u00a0{c.number}\u00a0")
    number.bold = True
    number.font.color.rgb = RGBColor.from_string(_hex(document.ink_on(color)))
    shade(number, color)
    head.add_run(" ")
    chip(head, c.verdict.label, color)
    _muted(head, f"  {c.status_label.upper()}")
    title = para().add_run(_t(c.text or c.quote))
    title.bold = True
    title.font.size = Pt(12)
    if c.quote and c.text:
        quote = para().add_run(_t(quoted(c.quote)))
        quote.italic = True
    if c.unplaced:
        _muted(para(), L.unplaced(c.unplaced))
    if c.version_note:
        _muted(para(), c.version_note)
        for change in c.version_changes:
            _muted(para(), change)
    facts = []
    if c.claimant:
        kind = f" ({c.claimant_kind_label})" if c.claimant_kind else ""
        said = f" {c.said_at}" if c.said_at else ""
        facts.append(("Claimant", c.claimant + kind + said, None))
    elif c.clock:
        facts.append(("Time in the recording", c.clock, None))
    if c.claim_date:
        facts.append(("Claim date", c.claim_date.isoformat(), None))
    if c.appearance_url:
        facts.append(("Appeared at", c.appearance_url, c.appearance_href))
    facts.append(("Verdict", c.verdict.label, None))
    if c.checker:
        facts.append(("Checker", c.checker, None))
    for label, value, href in facts:
        p = para()
        _muted(p, f"{L.colon(label)} ")
        link_or_text(p, value, href)
    if c.rationale.strip():
        _muted(para(), L("Rationale").upper()).bold = True
        _rationale(doc, c.rationale, color)
    if c.sources:
        _muted(para(), L("Sources").upper()).bold = True
        for n, s in enumerate(c.sources, start=1):
            p = para()
            p.add_run(f"{n}. ")
            link_or_text(p, s.title or s.url or L("Untitled source"), s.href)
            if s.publisher:
                p.add_run(_t(f" — {s.publisher}"))
            if s.published:
                p.add_run(f", {s.published.isoformat()}")
            _muted(p, f"  [{s.stance_label}]")
            if s.url and s.title:
                link_or_text(para(), s.url, s.href)
            if s.archive_url:
                p = para()
                _muted(p, f"{L.colon('Archive')} ")
                link_or_text(p, s.archive_url, s.archive_href)
            if s.captured:
                _muted(para(), s.captured)
            if s.excerpt:
                para().add_run(_t(quoted(s.excerpt))).italic = True
    if c.tags:
        _muted(para(), f"{L.colon('Tags')} " + ", ".join(c.tags))
    doc.add_paragraph()


def _chart_tables(doc, report: ReportDocument) -> None:
    """The summary's charts as Word tables of their numbers, then a page break."""
    if not report.charts:
        return
    from desktop.core.exporters.insights import words

    if report.options.period is not None:
        note = (
            "A claim counts on the day its check was published, or on the day it was "
            "tagged when not yet published."
        )
        _muted(doc.add_paragraph(), words(report.labels, note))
    for chart in report.charts:
        doc.add_heading(_t(chart.title), level=3)
        head, rows = chart.table()
        table = doc.add_table(rows=1 + len(rows), cols=len(head))
        table.style = "Light List Accent 1"
        for j, text in enumerate(head):
            table.cell(0, j).text = _t(str(text))
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row):
                table.cell(i, j).text = _t(str(value))
        if chart.note:
            _muted(doc.add_paragraph(), chart.note)
    doc.add_page_break()


def build_docx(report: ReportDocument) -> bytes:
    doc = Document()
    doc.core_properties.title = _t(report.title)
    doc.core_properties.author = _t(report.options.checker_name or report.options.organization_name)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    o, D = report.options, report.labels  # noqa: N806
    masthead = doc.add_paragraph()
    if o.organization_name:
        link_or_text(masthead, o.organization_name, report.organization_href)
    words = [D("Checked by {name}", name=o.checker_name)] if o.checker_name else []
    words.append(D("Exported {date}", date=o.exported_at.strftime("%Y-%m-%d")))
    _muted(masthead, (" · " if o.organization_name else "") + " · ".join(words))
    if report.has_summary:
        if o.period is not None:
            doc.add_heading(_t(report.title), level=1)
        overall = f"{D('All verdicts')} ({D.count('claim', report.claim_total)})"
        doc.add_heading(_t(overall), level=2)
        _summary(doc, report.counts)
        _chart_tables(doc, report)
    for i, art in enumerate(report.articles):
        if i:
            doc.add_page_break()
        kicker = " · ".join(
            x for x in (art.outlet, art.published.isoformat() if art.published else "") if x
        )
        if kicker:
            _muted(doc.add_paragraph(), kicker.upper())
        L = art.labels  # noqa: N806
        if art.title_block is not None:  # the text's title line, with its highlights
            _runs(doc.add_heading(level=1), art.title_block)
        else:
            doc.add_heading(_t(art.heading), level=1)
        if art.authors:
            _muted(doc.add_paragraph(), _t(L("By {names}", names=", ".join(art.authors))))
        if art.url:
            link_or_text(doc.add_paragraph(), art.url, art.href)
        doc.add_heading(_t(f"{L('Verdicts')} ({L.count('claim', len(art.claims))})"), level=2)
        _summary(doc, art.counts)
        if art.blocks:
            _text(doc, art)
        if art.claims:
            doc.add_heading(_t(L("Claims")), level=2)
            for c in art.claims:
                _card(doc, c, L)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    return Output(build_docx(document.build(reports, options)))
