"""The annotated report as Markdown (CommonMark), for wikis, issues and newsletters.

Markdown has no colours, so highlights are bold with a bracketed number and verdict
after them (`**…** [1 · False]`). Every piece of user text is escaped, so a viewer that
renders raw HTML still shows `<script>` as text; the rationale is rebuilt from its
parsed form (see rationale.py) rather than copied, so its links are checked too.
"""

from __future__ import annotations

import re

from desktop.core.exporters import document, rationale
from desktop.core.exporters.document import (
    ArticleItem,
    Block,
    ClaimItem,
    ReportDocument,
    quoted,
)
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.views import ArticleReport

# Characters that mean something somewhere in CommonMark inline syntax, or to HTML.
_INLINE = re.compile(r"([\\`*_{}\[\]<>()#+!|~&\"$])")
# What makes a line start a block: headings, lists, quotes, rules, tables, fences.
_LINE_START = re.compile(r"^(\s*)([-+=>|]|\d+[.)])")


def escape(text: str) -> str:
    """Text that CommonMark shows literally, character for character."""
    out = _INLINE.sub(r"\\\1", text or "")
    out = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), out)
    return out.replace("\n", " ")


def _dest(href: str) -> str:
    """A link destination in angle brackets, which may hold any character but these."""
    return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"


def link(label: str, href: str | None, fallback: str = "") -> str:
    """A link when `href` is safe (see document.safe_url), else the escaped text alone."""
    label = escape(label or fallback)
    return label if href is None else f"[{label}]({_dest(href)})"


def _spans(spans) -> str:
    out = []
    for span in spans:
        text = span.text
        if span.code:
            fence = "``" if "`" in text else "`"
            piece = f"{fence} {text} {fence}" if "`" in text else f"{fence}{text}{fence}"
        else:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            core = escape(text.strip()) if text.strip() else ""
            if core and span.italic:
                core = f"*{core}*"
            if core and span.bold:
                core = f"**{core}**"
            piece = lead + core + trail if core else text.replace("\n", "  \n")
        if span.href and piece.strip():
            piece = f"[{piece}]({_dest(span.href)})"
        out.append(piece)
    return "".join(out)


def rationale_md(source: str) -> list[str]:
    """The rationale, re-serialized from its parsed blocks."""
    lines = []
    for para in rationale.to_paras(source):
        body = _spans(para.spans)
        if para.kind == "h":
            lines += [f"**{body}**", ""]
        elif para.kind == "li":
            indent = "   " * max(0, para.level - 1)
            marker = para.marker if para.marker != "•" else "-"
            lines.append(f"{indent}{marker} {body}")
        elif para.kind == "quote":
            lines += [f"> {body}", ""]
        elif para.kind == "code":
            lines += ["````", para.spans[0].text.replace("````", "` ` ` `"), "````", ""]
        else:
            lines += [body, ""]
    if lines and lines[-1] != "":
        lines.append("")
    return lines


def _block(block: Block, claims: list[ClaimItem]) -> str:
    """A paragraph with highlighted stretches in bold, each followed by its marker."""
    out = []
    bold: list[str] = []

    def flush() -> None:
        if bold:
            raw = "".join(bold)
            lead = raw[: len(raw) - len(raw.lstrip())]
            trail = raw[len(raw.rstrip()) :]
            out.append(f"{lead}**{raw.strip()}**{trail}" if raw.strip() else raw)
            bold.clear()

    for run in block.runs:
        piece = escape(run.text)
        if run.claims:
            bold.append(piece)
        else:
            flush()
            out.append(piece)
        if run.ends:
            flush()
            out.append(
                " "
                + " ".join(
                    f"\\[{n} · {escape(claims[n - 1].verdict.label)}\\]" for n, _ in run.ends
                )
            )
    flush()
    text = "".join(out)
    if block.level:
        return f"{'#' * min(6, block.level + 4)} {text}"
    return text


def _claim(c: ClaimItem, lines: list[str]) -> None:
    lines += [f"#### {c.number}. {escape(c.text or c.quote)}", ""]
    facts = [f"**Verdict:** {escape(c.verdict.label)}", f"**Status:** {escape(c.status_label)}"]
    if c.quote and c.text:
        facts.insert(0, f"**Quote:** {escape(quoted(c.quote))}")
    if c.claimant:
        kind = f" ({escape(c.claimant_kind)})" if c.claimant_kind else ""
        facts.append(f"**Claimant:** {escape(c.claimant)}{kind}")
    if c.claim_date:
        facts.append(f"**Claim date:** {c.claim_date.isoformat()}")
    if c.appearance_url:
        facts.append(f"**Appeared at:** {link(c.appearance_url, c.appearance_href)}")
    if c.checker:
        facts.append(f"**Checker:** {escape(c.checker)}")
    if c.unplaced:
        facts.append(f"**Warning:** {c.unplaced} highlight(s) not found in the current text")
    lines += [f"- {f}" for f in facts] + [""]
    if c.rationale.strip():
        lines += rationale_md(c.rationale)
    if c.sources:
        lines += ["**Sources**", ""]
        for n, s in enumerate(c.sources, start=1):
            entry = link(s.title or s.url, s.href, "Untitled source")
            if s.publisher:
                entry += f" — {escape(s.publisher)}"
            if s.published:
                entry += f", {s.published.isoformat()}"
            entry += f" ({escape(s.stance_label)})"
            if s.url and s.title:
                entry += f"  \n   {link(s.url, s.href)}"
            if s.archive_url:
                entry += f"  \n   Archive: {link(s.archive_url, s.archive_href)}"
            if s.excerpt:
                entry += f"  \n   {escape(quoted(s.excerpt))}"
            lines.append(f"{n}. {entry}")
        lines.append("")
    if c.tags:
        lines += [f"Tags: {', '.join(escape(t) for t in c.tags)}", ""]


def _counts(counts) -> list[str]:
    return [f"- {escape(c.verdict.label)}: {c.count}" for c in counts] + [""]


def _article(a: ArticleItem, lines: list[str]) -> None:
    lines += [f"## {escape(a.title or 'Untitled article')}", ""]
    meta = []
    if a.outlet:
        meta.append(f"**Outlet:** {escape(a.outlet)}")
    if a.published:
        meta.append(f"**Published:** {a.published.isoformat()}")
    if a.authors:
        meta.append(f"**Authors:** {escape(', '.join(a.authors))}")
    if a.url:
        meta.append(f"**URL:** {link(a.url, a.href)}")
    lines += [f"- {m}" for m in meta] + [""] if meta else []
    lines += [f"**Verdicts** ({len(a.claims)} claims)", ""] + _counts(a.counts)
    if a.blocks:
        lines += ["### Annotated text", ""]
        for block in a.blocks:
            lines += [_block(block, a.claims), ""]
    if a.claims:
        lines += ["### Claims", ""]
        for c in a.claims:
            _claim(c, lines)


def render_document(doc: ReportDocument) -> str:
    o = doc.options
    lines = [f"# {escape(doc.title)}", ""]
    masthead = []
    if o.organization_name:
        masthead.append(link(o.organization_name, doc.organization_href))
    if o.checker_name:
        masthead.append(f"checked by {escape(o.checker_name)}")
    masthead.append(f"exported {o.exported_at.strftime('%Y-%m-%d')}")
    lines += [" · ".join(masthead), ""]
    if len(doc.articles) > 1:
        lines += [f"**All verdicts** ({doc.claim_total} claims)", ""] + _counts(doc.counts)
    for a in doc.articles:
        _article(a, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    return Output(render_document(document.build(reports, options)).encode("utf-8"))
