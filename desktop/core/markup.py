"""Markdown written by checkers (rationales, notes), rendered to HTML that is safe to show.

Raw HTML in the Markdown is shown as text, never passed through, and only http(s) and
mailto links survive: a rationale containing <script> or javascript: runs nothing in the
GUI's preview or in an exported report.
"""

from __future__ import annotations

from functools import lru_cache

SAFE_SCHEMES = ("http:", "https:", "mailto:")


def is_safe_url(url: str) -> bool:
    """True for the link targets a report may contain (no javascript:, data:, file:)."""
    return url.strip().lower().startswith(SAFE_SCHEMES)


@lru_cache(maxsize=1)
def _renderer():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = is_safe_url
    md.disable("image")  # an image would be a remote fetch when the report is opened
    return md


def render_markdown(text: str) -> str:
    """HTML for a Markdown text, with all raw HTML escaped."""
    return _renderer().render(text or "")


def plain_text(text: str) -> str:
    """A Markdown text as plain text: what a reader sees, without the markup characters
    (ClaimReview's reviewBody is read as plain text by search engines).

    Paragraphs and list items become lines, emphasis and links their words (a link's
    address in parentheses when it differs from them), code its characters.
    """
    lines: list[str] = []
    prefix = ""
    for token in _renderer().parse(text or ""):
        if token.type == "bullet_list_open" or token.type == "ordered_list_open":
            continue
        if token.type == "list_item_open":
            prefix = "- " if token.markup in "-*+" else f"{token.info or ''}{token.markup} "
        elif token.type == "inline":
            lines.append(prefix + _inline_text(token.children or []))
            prefix = ""
        elif token.type in ("fence", "code_block"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(line for line in lines if line.strip()).strip()


def _inline_text(children) -> str:
    out: list[str] = []
    href = None
    start = 0
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "link_open":
            href, start = child.attrGet("href"), len(out)
        elif child.type == "link_close":
            words = "".join(out[start:])
            if href and href != words and is_safe_url(str(href)):
                out.append(f" ({href})")
            href = None
    return "".join(out)
