"""The annotated report as Markdown (CommonMark), for wikis, issues and newsletters.

Markdown has no colours, so highlights are bold with a bracketed number and verdict
after them (`**…** [1 · False]`). Every piece of user text is escaped, so a viewer that
renders raw HTML still shows `<script>` as text; the rationale is rebuilt from its
parsed form (see rationale.py) rather than copied, so its links are checked too.

Emphasis is written so that a CommonMark parser reads exactly the highlighted text as
bold, whatever its edges (see `_emphasis`). The report's own words speak the article's
language or the one chosen in the settings (document.Labels).
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, replace

from desktop.core.exporters import document, rationale
from desktop.core.exporters.document import (
    ArticleItem,
    Block,
    ClaimItem,
    Labels,
    ReportDocument,
    quoted,
)
from desktop.core.exporters.options import ExportOptions, Output
from desktop.core.views import ArticleReport

# Characters that mean something somewhere in CommonMark inline syntax, or to HTML.
_INLINE = re.compile(r"([\\`*_{}\[\]<>()#+!|~&\"$])")
# What makes a line start a block: headings, lists, quotes, rules, tables, fences.
_LINE_START = re.compile(r"^(\s*)(?:([-+=>|])|(\d+)([.)]))")


def _line_start(match: re.Match) -> str:
    if match.group(2):  # "\-", "\>"…
        return match.group(1) + "\\" + match.group(2)
    # "1\." – a backslash before the digit would not escape anything and would show
    return match.group(1) + match.group(3) + "\\" + match.group(4)


def escape(text: str) -> str:
    """Text that CommonMark shows literally, character for character."""
    out = _INLINE.sub(r"\\\1", text or "")
    out = _LINE_START.sub(_line_start, out)
    return out.replace("\n", " ")


def _dest(href: str) -> str:
    """A link destination in angle brackets, which may hold any character but these."""
    return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"


def link(label: str, href: str | None, fallback: str = "") -> str:
    """A link when `href` is safe (see document.safe_url), else the escaped text alone."""
    label = escape(label or fallback)
    return label if href is None else f"[{label}]({_dest(href)})"


# --- emphasis that parses as meant ---------------------------------------------------
#
# CommonMark only opens `**` that is "left-flanking": not followed by whitespace, and if
# followed by punctuation, then preceded by whitespace or punctuation (and mirrored for
# closing). So `x̄**, soit la moyenne**` or `le mot**, dit-il**` stay literal asterisks.
# Moving the comma or the space out of the markers would bold something other than the
# highlight, and numeric entities or invisible characters at the edges would make the
# plain text unreadable. So `**…**` is written whenever it flanks correctly - nearly
# always, and it reads best as plain text - and otherwise the same emphasis as inline
# HTML (`<strong>…</strong>`), which every CommonMark renderer passes through and reads
# as well as markers in plain text. Symbols (emoji, ©, €) count as punctuation since
# CommonMark 0.31 and did not before, so a symbol at an edge is treated as whichever
# reading is stricter: the markers are used only where both versions agree.


def _kind(char: str | None) -> str:
    """How CommonMark sees a character next to a `*` run: "space", "punct", "symbol"
    (punctuation since CommonMark 0.31 only) or "other"."""
    if char is None or char in " \t\n\r\f" or unicodedata.category(char) == "Zs":
        return "space"  # a line's start or end counts as whitespace
    if char in string.punctuation or unicodedata.category(char).startswith("P"):
        return "punct"
    return "symbol" if unicodedata.category(char).startswith("S") else "other"


def _flanks(before: str | None, body: str, after: str | None) -> bool:
    """Whether `before` + marker + `body` + marker + `after` opens and closes emphasis
    around exactly `body` under every CommonMark version."""
    if not body:
        return False
    first, last = _kind(body[0]), _kind(body[-1])
    opens = first == "other" or (first != "space" and _kind(before) in ("space", "punct"))
    closes = last == "other" or (last != "space" and _kind(after) in ("space", "punct"))
    # a marker right after another would merge with it into one longer run
    return opens and closes and before != "*" and after != "*"


@dataclass(frozen=True)
class Em:
    """Emphasized Markdown source (`body` is escaped already), written by `join`."""

    body: str
    bold: bool = True
    italic: bool = False

    def written(self, before: str | None, after: str | None) -> str:
        marker = "*" * (2 * self.bold + self.italic)
        if _flanks(before, self.body, after):
            return f"{marker}{self.body}{marker}"
        tags = (["strong"] if self.bold else []) + (["em"] if self.italic else [])
        opening = "".join(f"<{t}>" for t in tags)
        closing = "".join(f"</{t}>" for t in reversed(tags))
        return f"{opening}{self.body}{closing}"


def join(pieces: list[str | Em], before: str | None = None, after: str | None = None) -> str:
    """Markdown source of plain pieces and emphasis, each emphasis written in the form
    that parses right between its neighbours (`before`/`after`: what surrounds them)."""
    out = ""
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            out += piece
            continue
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        if isinstance(following, Em):
            # written after this one: `<…` or a marker, punctuation either way; a
            # marker right after this one's is refused by _flanks, so say "<".
            nxt: str | None = "<"
        elif following:
            nxt = following[0]
        elif following == "":
            nxt = _first_after(pieces[i + 1 :], after)
        else:
            nxt = after
        out += piece.written(out[-1] if out else before, nxt)
    return out


def _first_after(pieces: list[str | Em], after: str | None) -> str | None:
    for piece in pieces:
        if isinstance(piece, Em):
            return "<"
        if piece:
            return piece[0]
    return after


# --- code that stays code --------------------------------------------------------------
#
# A code span ends at the first run of exactly as many backticks as opened it, a fenced
# block at the first line of at least as many. A fence that matches a run inside the code
# closes early and lets the rest be read as Markdown - raw HTML included, which many
# viewers render. So a span's fence is a length no run inside has, a block's is longer
# than every run inside, and the code is written exactly as it was.


def _fence(text: str, *, block: bool = False) -> str:
    """Backticks that cannot close early around `text`: for a span, the shortest run
    no run inside has; for a fenced block, longer than all of them (at least 4)."""
    runs = {len(run) for run in re.findall(r"`+", text)}
    if block:
        return "`" * max(4, max(runs, default=0) + 1)
    length = 1
    while length in runs:
        length += 1
    return "`" * length


def code_span(text: str) -> str:
    """`text` as an inline code span that a CommonMark parser reads back exactly."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    if not text:
        return ""
    fence = _fence(text)
    # A parser strips one space from each side when both sides have one (and the text is
    # not all spaces); a padding space also keeps an edge backtick off the fence.
    pad = text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip(" "))
    space = " " if pad else ""
    return f"{fence}{space}{text}{space}{fence}"


def _spans(spans) -> str:
    pieces: list[str | Em] = []
    for span in spans:
        text = span.text
        if span.code:
            parts: list[str | Em] = [code_span(text)]
        elif not text.strip():
            parts = [text.replace("\n", "  \n")]
        elif span.bold or span.italic:
            # a rationale's spaces around emphasis stay outside it: nothing is lost
            core = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            parts = [lead, Em(escape(core), bold=span.bold, italic=span.italic), trail]
        else:
            parts = [escape(text)]
        if span.href and any(isinstance(p, Em) or p.strip() for p in parts):
            parts = [f"[{join(parts, '[', ']')}]({_dest(span.href)})"]
        pieces += [p for p in parts if p != ""]
    return join(pieces)


def rationale_md(source: str) -> list[str]:
    """The rationale, re-serialized from its parsed blocks."""
    lines = []
    for para in rationale.to_paras(source):
        if para.kind == "h":
            lines += [_spans([replace(s, bold=True) for s in para.spans]), ""]
            continue
        body = _spans(para.spans)
        if para.kind == "li":
            indent = "   " * max(0, para.level - 1)
            marker = para.marker if para.marker != "•" else "-"
            lines.append(f"{indent}{marker} {body}")
        elif para.kind == "quote":
            lines += [f"> {body}", ""]
        elif para.kind == "code":
            text = para.spans[0].text
            fence = _fence(text, block=True)
            lines += [fence, text, fence, ""]
        else:
            lines += [body, ""]
    if lines and lines[-1] != "":
        lines.append("")
    return lines


def _marked(block: Block, claims: list[ClaimItem]) -> str:
    """A paragraph with each highlighted stretch in bold, followed by its marker.

    The bold holds exactly the highlighted characters, spaces and punctuation at its
    edges included (see `_flanks` for how that stays bold in every renderer)."""
    pieces: list[str | Em] = []
    bold: list[str] = []

    def flush() -> None:
        if bold:
            pieces.append(Em("".join(bold)))
            bold.clear()

    for run in block.runs:
        piece = escape(run.text)
        if run.claims:
            bold.append(piece)
        else:
            flush()
            pieces.append(piece)
        if run.ends:
            flush()
            pieces.append(
                " "
                + " ".join(
                    f"\\[{n} · {escape(claims[n - 1].verdict.label)}\\]" for n, _ in run.ends
                )
            )
    flush()
    return join(pieces)


def _block(block: Block, claims: list[ClaimItem], depth: int) -> str:
    text = _marked(block, claims)
    if block.level:
        return f"{'#' * min(6, block.level + depth + 2)} {text}"
    return text


def _claim(c: ClaimItem, lines: list[str], L: Labels, depth: int) -> None:  # noqa: N803
    lines += [f"{'#' * (depth + 2)} {c.number}. {escape(c.text or c.quote)}", ""]

    def fact(label: str, value: str) -> str:
        return f"**{L.colon(label)}** {value}"

    facts = [fact("Verdict", escape(c.verdict.label)), fact("Status", escape(c.status_label))]
    if c.quote and c.text:
        facts.insert(0, fact("Quote", escape(quoted(c.quote))))
    if c.claimant:
        kind = f" ({escape(c.claimant_kind_label)})" if c.claimant_kind else ""
        said = f" {escape(c.said_at)}" if c.said_at else ""
        facts.append(fact("Claimant", escape(c.claimant) + kind + said))
    elif c.clock:
        facts.append(fact("Time in the recording", c.clock))
    if c.claim_date:
        facts.append(fact("Claim date", c.claim_date.isoformat()))
    if c.appearance_url:
        facts.append(fact("Appeared at", link(c.appearance_url, c.appearance_href)))
    if c.checker:
        facts.append(fact("Checker", escape(c.checker)))
    if c.unplaced:
        facts.append(fact("Warning", escape(L.unplaced(c.unplaced))))
    if c.version_note:
        facts.append(escape(c.version_note))
        facts += [escape(change) for change in c.version_changes]
    lines += [f"- {f}" for f in facts] + [""]
    if c.rationale.strip():
        lines += [f"**{L('Rationale')}**", ""] + rationale_md(c.rationale)
    if c.sources:
        lines += [f"**{L('Sources')}**", ""]
        for n, s in enumerate(c.sources, start=1):
            entry = link(s.title or s.url, s.href, L("Untitled source"))
            if s.publisher:
                entry += f" — {escape(s.publisher)}"
            if s.published:
                entry += f", {s.published.isoformat()}"
            entry += f" ({escape(s.stance_label)})"
            if s.url and s.title:
                entry += f"  \n   {link(s.url, s.href)}"
            if s.archive_url:
                entry += f"  \n   {L.colon('Archive')} {link(s.archive_url, s.archive_href)}"
            if s.captured:
                entry += f"  \n   {escape(s.captured)}"
            if s.excerpt:
                entry += f"  \n   {escape(quoted(s.excerpt))}"
            lines.append(f"{n}. {entry}")
        lines.append("")
    if c.tags:
        lines += [f"{L.colon('Tags')} {', '.join(escape(t) for t in c.tags)}", ""]


def _counts(counts, labels: Labels) -> list[str]:
    return [f"- {escape(c.verdict.label)}{labels.sep} {c.count}" for c in counts] + [""]


def _title(a: ArticleItem) -> str:
    """The article's title, with the highlights of its title line."""
    if a.title_block is not None:
        return _marked(a.title_block, a.claims)
    return escape(a.heading)


def _article(a: ArticleItem, lines: list[str], depth: int) -> None:
    """An article's part; `depth` is the level of its heading (1 when it is the report's
    only article and its title is the report's, 2 under a report of several)."""
    L = a.labels  # noqa: N806
    if depth > 1:
        lines += [f"{'#' * depth} {_title(a)}", ""]
    meta = []
    if a.outlet:
        meta.append(f"**{L.colon('Outlet')}** {escape(a.outlet)}")
    if a.published:
        meta.append(f"**{L.colon('Published')}** {a.published.isoformat()}")
    if a.authors:
        meta.append(f"**{L.colon('Authors')}** {escape(', '.join(a.authors))}")
    if a.url:
        meta.append(f"**{L.colon('URL')}** {link(a.url, a.href)}")
    lines += [f"- {m}" for m in meta] + [""] if meta else []
    lines += [f"**{L('Verdicts')}** ({L.count('claim', len(a.claims))})", ""] + _counts(a.counts, L)
    section = "#" * (depth + 1)
    if a.blocks:
        lines += [f"{section} {L('Annotated text')}", ""]
        for block in a.blocks:
            lines += [_block(block, a.claims, depth), ""]
    if a.claims:
        lines += [f"{section} {L('Claims')}", ""]
        for c in a.claims:
            _claim(c, lines, L, depth)


def _summary_head(doc: ReportDocument) -> list[str]:
    """The summary's heading, and for a period report the day each claim counts on."""
    from desktop.core.exporters.insights import words

    lines = [f"## {escape(words(doc.labels, 'Summary'))}", ""] if doc.charts else []
    if doc.options.period is not None:
        note = (
            "A claim counts on the day its check was published, or on the day it was "
            "tagged when not yet published."
        )
        lines += [escape(words(doc.labels, note)), ""]
    return lines


def _chart_tables(doc: ReportDocument) -> list[str]:
    """The summary's charts as tables of numbers (Markdown has no pictures of its own)."""
    lines = []
    for chart in doc.charts:
        head, rows = chart.table()
        lines += [f"### {escape(chart.title)}", ""]
        lines.append("| " + " | ".join(escape(str(h)) for h in head) + " |")
        lines.append("| --- |" + " ---: |" * (len(head) - 1))
        lines += ["| " + " | ".join(escape(str(c)) for c in row) + " |" for row in rows]
        lines.append("")
        if chart.note:
            lines += [escape(chart.note), ""]
    return lines


def render_document(doc: ReportDocument) -> str:
    o, D = doc.options, doc.labels  # noqa: N806
    single = not doc.has_summary  # one article, not a period report
    title = _title(doc.articles[0]) if single else escape(doc.title)
    lines = [f"# {title}", ""]
    masthead = []
    if o.organization_name:
        masthead.append(link(o.organization_name, doc.organization_href))
    if o.checker_name:
        masthead.append(escape(D("checked by {name}", name=o.checker_name)))
    masthead.append(D("exported {date}", date=o.exported_at.strftime("%Y-%m-%d")))
    lines += [" · ".join(masthead), ""]
    if not single:
        lines += _summary_head(doc)
        lines += [f"**{D('All verdicts')}** ({D.count('claim', doc.claim_total)})", ""]
        lines += _counts(doc.counts, D)
        lines += _chart_tables(doc)
    for a in doc.articles:
        _article(a, lines, 1 if single else 2)
    return "\n".join(lines).rstrip("\n") + "\n"


def render(reports: list[ArticleReport], options: ExportOptions) -> Output:
    return Output(render_document(document.build(reports, options)).encode("utf-8"))
