"""Markdown: headings and paragraphs kept, inline markup reduced to its text."""

from __future__ import annotations

from desktop.core.importers import ParsedArticle
from desktop.core.importers.plaintext import decode

_BLOCK_PREFIX = {"bullet_list": "• ", "ordered_list": ""}


def parse(data: bytes, source_name: str) -> ParsedArticle:
    from markdown_it import MarkdownIt

    text = decode(data, source_name)
    # "commonmark" without HTML: raw HTML blocks stay text, never markup.
    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(text)
    paragraphs: list[str] = []
    headings: dict[int, int] = {}
    title = ""
    level = 0
    lists: list[str] = []
    for tok in tokens:
        if tok.type == "heading_open":
            level = int(tok.tag[1])
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(tok.type.removesuffix("_open"))
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "inline":
            content = _inline_text(tok)
            if not content.strip():
                continue
            if level:
                if level == 1 and not title and not paragraphs:
                    title = content
                headings[len(paragraphs)] = level
                level = 0
            elif lists:
                content = _BLOCK_PREFIX.get(lists[-1], "") + content
            paragraphs.append(content)
        elif tok.type in ("fence", "code_block"):
            paragraphs.extend(line for line in tok.content.split("\n") if line.strip())
    return ParsedArticle(paragraphs=paragraphs, headings=headings, title=title)


def _inline_text(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)  # the alt text; the image itself is not fetched
    return "".join(parts)
