"""A claim's rationale (Markdown) made safe for every report format.

One markdown-it-py parser is used everywhere: raw HTML off (a `<script>` in a rationale
is text), images off (a report references no remote resource), and links validated to
http/https/mailto only. HTML reports use its renderer; PDF, DOCX and the Markdown export
walk its tokens, so they show the same structure without trusting the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt

from desktop.core.exporters.document import safe_url


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_inline", "html_block"])
    md.validateLink = lambda url: safe_url(url) is not None
    return md


def to_html(source: str) -> str:
    """The rationale as an HTML fragment; every character of the source is escaped."""
    return parser().render(source or "")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass
class Para:
    """A block of the rationale: "p", "h" (heading), "li", "quote" or "code"."""

    kind: str
    spans: list[Span] = field(default_factory=list)
    level: int = 0  # heading level, or list nesting depth for "li"
    marker: str = ""  # "•" or "3." for list items

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def to_paras(source: str) -> list[Para]:
    """The rationale as plain blocks of styled spans (for PDF, DOCX and Markdown)."""
    paras: list[Para] = []
    lists: list[list] = []  # stack of [ordered, next number]
    quote = 0
    pending_marker = ""
    for tok in parser().parse(source or ""):
        t = tok.type
        if t in {"bullet_list_open", "ordered_list_open"}:
            start = int(tok.attrGet("start") or 1)
            lists.append([t == "ordered_list_open", start])
        elif t in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif t == "list_item_open":
            ordered, number = lists[-1]
            pending_marker = f"{number}." if ordered else "•"
            lists[-1][1] += 1
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "heading_open":
            paras.append(Para("h", level=int(tok.tag[1:])))
        elif t == "paragraph_open":
            kind = "li" if lists else ("quote" if quote else "p")
            paras.append(Para(kind, level=len(lists), marker=pending_marker))
            pending_marker = ""
        elif t in {"code_block", "fence"}:
            paras.append(Para("code", [Span(tok.content.rstrip("\n"), code=True)]))
        elif t == "hr":
            paras.append(Para("p", [Span("———")]))
        elif t == "inline" and paras:
            paras[-1].spans.extend(_inline(tok.children or []))
    return [p for p in paras if p.spans]


def _inline(children) -> list[Span]:
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for tok in children:
        t = tok.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            href = safe_url(tok.attrGet("href"))
        elif t == "link_close":
            href = None
        elif t in {"text", "code_inline"}:
            spans.append(Span(tok.content, bool(bold), bool(italic), t == "code_inline", href))
        elif t == "softbreak":
            spans.append(Span(" ", bool(bold), bool(italic), False, href))
        elif t == "hardbreak":
            spans.append(Span("\n", bool(bold), bool(italic), False, href))
    return spans
