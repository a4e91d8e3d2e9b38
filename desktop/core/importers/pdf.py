"""PDF documents: the text layer as a reader sees it, in paragraphs, with its title.

Parser chosen on the real-world corpus (../shared/realworld, 23 PDFs): pypdf found every
expected passage (34 of 34), read the right-to-left Arabic sample and the AES-256 file with an
empty owner password, and its content-stream order reads the two-column papers column by
column. pypdfium2 is 14 times faster (0.4 s against 6 s for the corpus) but refused that AES
file, reversed the Arabic and cannot tell lines drawn row by row across columns apart;
pdfplumber was 4 times slower than pypdf, read the two-column pages across and missed 7
passages. What pypdf lacks (ligatures, hyphenation, layout) is done in pdf_words and
pdf_layout.
"""

from __future__ import annotations

import io
import logging
import math
import re

from desktop.core.errors import ImportFailed
from desktop.core.importers import ParsedArticle, ocr
from desktop.core.importers.pdf_layout import (
    Line,
    body_size,
    drop_line_numbers,
    footers_last,
    join_pages,
    page_blocks,
    page_lines,
    reading_order,
    title_block,
)
from desktop.core.importers.pdf_words import word_counts
from desktop.core.importers.progress import report

# Readers accept a header anywhere in the first 1024 bytes (PDF Reference 1.7, appendix H,
# on Acrobat), as pypdf and pdftotext do: a banner a program printed before it on its
# standard output (Ghostscript's) leaves the document readable.
HEADER_WINDOW = 1024

# Titles that only name a file or the program that made it: "Binder1.pdf", "10811.exe",
# "Microsoft Word - rapport.docx", "untitled".
_FILE_NAME_TITLE = re.compile(
    r"(?i)^(microsoft (word|powerpoint|excel) - .*|untitled|sans titre"
    r"|.*\.(pdf|docx?|odt|rtf|txt|wpd|tex|dvi|ps|html?|exe|indd|qxd|pages))$"
)

# Scans are read through text recognition (the OCR extra) up to this many pages: about 5 s
# a page on two cores, so 50 pages take minutes, and a longer scan is better split.
MAX_OCR_PAGES = 50
OCR_DPI = 300  # enough for 8-point type; the engine reads no more than ocr.MAX_SIDE pixels

# What programs write when nobody typed an author (ReportLab: "anonymous").
_PLACEHOLDER_AUTHORS = frozenset({"anonymous", "unknown", "user", "admin", "administrator"})


def parse(data: bytes, source_name: str) -> ParsedArticle:
    start = data.find(b"%PDF", 0, HEADER_WINDOW)
    if start < 0:
        raise ImportFailed(source_name, "is not a PDF document (no PDF header)")
    pages, box, info = _read(data[start:], source_name)
    lines = [line.text for page in pages for line in page]
    words = word_counts(lines)
    blocks = join_pages([page_blocks(p, words, n) for n, p in enumerate(pages)], words)
    if not blocks:  # a scan: its pages are pictures of text
        pages, box = _recognised(data[start:], source_name)
        words = word_counts([line.text for page in pages for line in page])
        blocks = join_pages([ocr.blocks(p, words, n) for n, p in enumerate(pages)], words)
        if not blocks:
            raise ImportFailed(
                source_name, "has no text layer, and text recognition (OCR) found no text in it"
            )
    headings: dict[int, int] = {}
    body = body_size([line for page in pages[:5] for line in page])
    found = title_block(blocks, body, *box)
    if found is not None:
        blocks.insert(0, blocks.pop(found))  # a footnote drawn before it is read after it
        headings[0] = 1
    title = _meta(info, "title")
    if _FILE_NAME_TITLE.match(title):
        title = ""
    if not title and found is not None:
        title = blocks[0].text
    author = _meta(info, "author")
    if author.lower() in _PLACEHOLDER_AUTHORS:
        author = ""
    return ParsedArticle(
        paragraphs=[block.text for block in blocks],
        headings=headings,
        title=title,
        authors=[author] if author else [],
    )


def _read(data: bytes, source_name: str) -> tuple[list[list[Line]], tuple[float, float], object]:
    """Every page's lines in reading order, the first page's top and height and the
    document information, or ImportFailed naming what is wrong with the file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repaired in a damaged file, some of it at ERROR level, which
    # Python would print on standard error: the user gets the outcome, in one line.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed(source_name, "is password-protected; remove the password first")
        pages: list[list[Line]] = []
        first = (0.0, 0.0)
        for number, page in enumerate(reader.pages):
            bottom, width, height = _box(page)
            if number == 0:
                first = (bottom + height, height)
            lines = footers_last(page_lines(page), bottom, height)
            pages.append(reading_order(drop_line_numbers(lines), width))
        info = reader.metadata
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AssertionError) as exc:
        raise ImportFailed(source_name, f"is a damaged PDF document ({exc})") from exc
    except Exception as exc:  # pypdf raises assorted errors on broken files
        if exc.__class__.__name__ in {"DependencyError", "FileNotDecryptedError"}:
            raise ImportFailed(source_name, "is encrypted in a way Factdesk cannot read") from exc
        raise ImportFailed(source_name, f"is a damaged PDF document ({exc})") from exc
    return pages, first, info


def _recognised(data: bytes, source_name: str) -> tuple[list[list[Line]], tuple[float, float]]:
    """Every page's lines as text recognition reads them from the page drawn as an image,
    and the first page's top and height in the same units (pixels, y up, the top at 0).

    Pages are drawn by pypdfium2 (in the OCR extra) at up to 300 dpi and never more than
    ocr.MAX_SIDE pixels on their longest side, the most the engine reads, so a page of any
    stated size costs at most that much memory."""
    what = "has no text layer (it is a scanned image)"
    ocr.require(source_name, what, "read scans")
    try:
        import pypdfium2 as pdfium
    except ModuleNotFoundError:
        raise ImportFailed(source_name, f"{what}; {ocr.NOT_INSTALLED} to read scans") from None
    try:
        document = pdfium.PdfDocument(data)
    except Exception as exc:  # pypdf read it, PDFium cannot
        raise ImportFailed(
            source_name, f"has no text layer, and its pages cannot be drawn to read them ({exc})"
        ) from None
    try:
        count = len(document)
        if count > MAX_OCR_PAGES:
            raise ImportFailed(
                source_name,
                f"has no text layer and {count:,} pages; Factdesk reads scans of up to "
                f"{MAX_OCR_PAGES} pages through text recognition (OCR) (split it into parts first)",
            )
        pages: list[list[Line]] = []
        first = (0.0, 0.0)
        for number in range(count):
            image = _page_image(document, number, source_name)
            if number == 0:
                first = (0.0, float(image.height))
            pages.append(ocr.recognise_lines(image, source_name))
            report(number + 1, count)
    finally:
        document.close()
    return pages, first


def _page_image(document, number: int, source_name: str):
    """Page `number` drawn as a greyscale Pillow image (see _recognised for its size)."""
    page = document[number]
    try:
        width, height = page.get_size()
        longest = max(width, height, 1.0)
        scale = min(OCR_DPI / 72, ocr.MAX_SIDE / longest)
        return page.render(scale=scale, grayscale=True).to_pil()
    except Exception as exc:  # a page PDFium cannot draw
        raise ImportFailed(
            source_name, f"has no text layer, and page {number + 1} cannot be drawn ({exc})"
        ) from None
    finally:
        page.close()


def _box(page) -> tuple[float, float, float]:
    """The page's bottom, width and height in points; zeros (no layout: the text alone
    decides) when its media box is unreadable, which must not refuse a readable text."""
    try:
        box = page.mediabox
        bottom, width, height = float(box.bottom), float(box.width), float(box.height)
    except Exception:  # a malformed /MediaBox: pypdf raises what the array holds
        return 0.0, 0.0, 0.0
    if not all(math.isfinite(v) for v in (bottom, width, height)):
        return 0.0, 0.0, 0.0
    return bottom, abs(width), abs(height)


def _meta(info: object, field: str) -> str:
    """A document-information field as text, "" when absent or unreadable."""
    try:
        value = getattr(info, field, None) if info is not None else None
    except Exception:  # a damaged information dictionary
        return ""
    return str(value).strip() if value else ""
