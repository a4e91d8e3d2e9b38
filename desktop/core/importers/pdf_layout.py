"""A PDF page's lines with where they sit and how big they are, and what the layout says.

pypdf's text comes in the order of the page's content stream, one line per baseline, which is
the reading order for nearly every document (LaTeX, Word, Ghostscript write columns one after
the other). Its visitor hands over each line's position and font size with the same text,
and that is what the plain text lacks: where a paragraph or the title block ends (a bigger
or smaller font, a wider gap than the page's line spacing, an indented first line), and
whether a page drawn row by row across two columns must be read column by column.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from desktop.core.importers.pdf_words import join_lines, undo_ligatures

SENTENCE_END = re.compile(r"[.!?…:»\"”)]$")
_HYPHENATED = re.compile(r"[^\W\d_][-\u2010\u00ad]$")


@dataclass(slots=True)
class Line:
    """One line of text: its left end and baseline in points (y up), its font size."""

    text: str
    x: float
    y: float
    size: float


@dataclass(slots=True)
class Block:
    """A paragraph as laid out: its text, its biggest font size, its first line's baseline."""

    text: str
    size: float
    y: float
    page: int


def _times(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    na, nb, nc, nd, ne, nf = n
    return [
        a * na + b * nc,
        a * nb + b * nd,
        c * na + d * nc,
        c * nb + d * nd,
        e * na + f * nc + ne,
        e * nb + f * nd + nf,
    ]


def page_lines(page) -> list[Line]:
    """The page's lines as pypdf extracts them, each with the position and font size of its
    first piece (the text is exactly pypdf's `extract_text()`, ligatures undone)."""
    lines: list[Line] = []
    current: Line | None = None

    def visit(text, cm, tm, _font, font_size) -> None:
        nonlocal current
        if not text:
            return
        try:
            m = _times([float(v) for v in tm], [float(v) for v in cm])
            size = abs(float(font_size)) * math.hypot(m[2], m[3])
        except (TypeError, ValueError):
            m, size = [0.0] * 6, 0.0
        x, y = m[4], m[5]
        if not all(math.isfinite(v) for v in (*m, size)):
            x = y = size = 0.0
        elif abs(m[1]) > 0.1 * abs(m[0]) or m[0] <= 0:
            size = 0.0  # turned or mirrored text (an arXiv stamp up the margin): no layout
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part.strip():
                if current is None:
                    current = Line(part, x, y, size)
                else:
                    current.text += part
                    current.size = max(current.size, size)
            elif part and current is not None:
                current.text += part
            if i < len(parts) - 1 and current is not None:
                lines.append(current)
                current = None

    page.extract_text(visitor_text=visit)
    if current is not None:
        lines.append(current)
    for line in lines:
        line.text = undo_ligatures(line.text.strip())
    return [line for line in lines if line.text]


_NUMBER = re.compile(r"\d{1,3}")


def drop_line_numbers(lines: list[Line]) -> list[Line]:
    """The lines without a margin's line numbering (court transcripts, legal drafts number
    every line 1 to 25 down the margin): five or more numbers in a vertical run, counting up
    by one from top to bottom, all left or all right of every other line."""
    numbers = [line for line in lines if _NUMBER.fullmatch(line.text)]
    if len(numbers) < 5 or len(numbers) == len(lines):
        return lines
    column = [line for line in numbers if abs(line.x - numbers[0].x) < 12]
    column.sort(key=lambda line: -line.y)
    values = [int(line.text) for line in column]
    if len(column) < 5 or values != list(range(values[0], values[0] + len(values))):
        return lines
    ids = {id(line) for line in column}
    others = [line for line in lines if id(line) not in ids]
    lowest, highest = min(line.x for line in column), max(line.x for line in column)
    if highest < min(line.x for line in others) or lowest > max(line.x for line in others):
        return others
    return lines


def footers_last(lines: list[Line], bottom: float, height: float) -> list[Line]:
    """The lines with those the page draws first at its foot (footnotes, a running footer,
    a page number: Acrobat PDFWriter and some Word exports) moved after the others."""
    if height <= 0:
        return lines
    count = 0
    for line in lines:
        if line.size <= 0 or line.y >= bottom + 0.2 * height:
            break
        count += 1
    if 0 < count < len(lines) and lines[count].y > bottom + height / 2:
        return lines[count:] + lines[:count]
    return lines


def reading_order(lines: list[Line], page_width: float) -> list[Line]:
    """The lines in reading order: the stream's order, unless the page was drawn row by row
    across two columns (a line, then one to its right on the same baseline, again and again);
    then the left column is read top to bottom before the right one."""
    if len(lines) < 6 or page_width <= 0:
        return lines
    rights = [
        b
        for a, b in pairwise(lines)
        if abs(a.y - b.y) < 0.3 * max(a.size, b.size, 1.0)
        and b.x > a.x + 0.2 * page_width
        and len(a.text) >= 20
        and len(b.text) >= 20
    ]
    if len(rights) < 3 or len(rights) < 0.25 * len(lines):
        return lines
    split = min(line.x for line in rights) - 1.0
    right = [line for line in lines if line.x >= split]
    left = [line for line in lines if line.x < split]
    top = max(line.y for line in right) + 0.5 * max(line.size for line in right)
    above = [line for line in left if line.y > top]  # a title across both columns
    below = [line for line in left if line.y <= top]
    return above + sorted(below, key=lambda line: -line.y) + sorted(right, key=lambda line: -line.y)


def _spacing(lines: list[Line]) -> float:
    """The page's usual distance between baselines, in font sizes (1.2 when it cannot tell)."""
    ratios = sorted(
        (a.y - b.y) / b.size
        for a, b in pairwise(lines)
        if b.size > 0 and abs(a.size - b.size) < 0.05 * b.size and 0 < a.y - b.y < 3 * b.size
    )
    return ratios[len(ratios) // 2] if len(ratios) >= 3 else 1.2


def _breaks_before(prev: Line, line: Line, spacing: float, typical_width: int) -> bool:
    """Whether `line` starts a new paragraph after `prev` on the same page."""
    if _HYPHENATED.search(prev.text) and line.text[:1].islower():
        return False  # a word hyphenated across the break goes on
    if SENTENCE_END.search(prev.text) and len(prev.text) < 0.8 * typical_width:
        return True  # a short line that ends a sentence ends its paragraph
    if prev.size <= 0 or line.size <= 0:
        return False  # no layout: text alone decides
    if abs(prev.size - line.size) > 0.12 * max(prev.size, line.size):
        return True  # a heading, the title block, a footnote
    gap = (prev.y - line.y) / line.size
    if gap > 1.45 * spacing and gap < 12:
        return True  # a blank line's worth of space between them
    indent = (line.x - prev.x) / line.size
    return 0 < gap < 1.45 * spacing and 0.6 < indent < 4 and bool(SENTENCE_END.search(prev.text))


def page_blocks(lines: list[Line], words: Counter[str], page: int) -> list[Block]:
    """One page's lines joined into paragraphs, hyphenated words rejoined."""
    if not lines:
        return []
    widths = sorted(len(line.text) for line in lines)
    typical = widths[len(widths) * 3 // 4]
    spacing = _spacing(lines)
    blocks: list[Block] = []
    first = lines[0]
    current = Block(first.text, first.size, first.y, page)
    for prev, line in pairwise(lines):
        if _breaks_before(prev, line, spacing, typical):
            blocks.append(current)
            current = Block(line.text, line.size, line.y, page)
        else:
            current.text = join_lines(current.text, line.text, words)
            current.size = max(current.size, line.size)
    blocks.append(current)
    return blocks


def join_pages(pages: list[list[Block]], words: Counter[str]) -> list[Block]:
    """All pages' paragraphs, one that runs on to the next page joined with its end (the
    page ended mid-sentence or mid-word and the next one goes on in lower case)."""
    out: list[Block] = []
    for blocks in pages:
        if out and blocks:
            last, first = out[-1], blocks[0]
            same_size = abs(last.size - first.size) <= 0.12 * max(last.size, first.size, 1.0)
            open_end = not SENTENCE_END.search(last.text) or _HYPHENATED.search(last.text)
            if same_size and open_end and first.text[:1].islower():
                last.text = join_lines(last.text, first.text, words)
                blocks = blocks[1:]
        out.extend(blocks)
    return out


def body_size(lines: list[Line]) -> float:
    """The font size most of the text is in (character-weighted, to half a point)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def title_block(blocks: list[Block], body: float, top: float, height: float) -> int | None:
    """Index of the first page's title among `blocks`: the paragraph in the page's biggest
    font, when that is clearly bigger than the body text, sits in the upper two thirds of the
    page and is title-sized (a line or three, not a whole paragraph)."""
    first = [i for i, block in enumerate(blocks) if block.page == 0]
    if not first or body <= 0:
        return None
    biggest = max(blocks[i].size for i in first)
    if biggest < 1.15 * body:
        return None
    for i in first:
        block = blocks[i]
        if block.size >= 0.97 * biggest:
            upper = height <= 0 or block.y >= top - 2 * height / 3
            letters = sum(ch.isalpha() for ch in block.text)
            if upper and letters >= 3 and len(block.text) <= 250:
                return i
            return None
    return None
