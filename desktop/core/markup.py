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
