"""PDF documents: the text layer, page by page, with hard-wrapped lines rejoined."""

from __future__ import annotations

import io
import logging
import re

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle

_SENTENCE_END = re.compile(r"[.!?…:»\"”)]$")


def parse(data: bytes, source_name: str) -> ParsedArticle:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise ImportFailed(source_name, "is not a PDF document (no PDF header)")
    # pypdf logs what it repaired in a damaged file, some of it at ERROR level, which
    # Python would print on standard error: the user gets the outcome, in one line.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed(source_name, "is password-protected; remove the password first")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError) as exc:
        raise ImportFailed(source_name, f"is a damaged PDF document ({exc})") from exc
    except Exception as exc:  # pypdf raises assorted errors on broken files
        if exc.__class__.__name__ in {"DependencyError", "FileNotDecryptedError"}:
            raise ImportFailed(source_name, "is encrypted in a way Factdesk cannot read") from exc
        raise ImportFailed(source_name, f"is a damaged PDF document ({exc})") from exc
    paragraphs: list[str] = []
    for page in pages:
        paragraphs.extend(_page_paragraphs(page))
    if not paragraphs:
        raise ImportFailed(
            source_name,
            "has no text layer (it is a scanned image); run text recognition (OCR) on it first",
        )
    title = (getattr(info, "title", None) or "").strip() if info else ""
    author = (getattr(info, "author", None) or "").strip() if info else ""
    return ParsedArticle(paragraphs=paragraphs, title=title, authors=[author] if author else [])


def _page_paragraphs(page: str) -> list[str]:
    """Lines of one page joined into paragraphs: a blank line, or a short line that ends
    a sentence, closes a paragraph; a line ending in a hyphen joins without a space."""
    paragraphs: list[str] = []
    current = ""
    lines = [line.strip() for line in page.replace("\r", "\n").split("\n")]
    widths = sorted(len(line) for line in lines if line)
    typical = widths[len(widths) * 3 // 4] if widths else 0
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current += line
        else:
            current = f"{current} {line}" if current else line
        if _SENTENCE_END.search(line) and len(line) < 0.8 * typical:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
