"""Article text: one normal form, and offsets between Python and Qt.

Stored text is Unicode NFC with "\\n" line ends and exactly one blank line between
paragraphs. Offsets are stored in code points (what Python indexes and what the W3C
TextPositionSelector counts); Qt counts UTF-16 code units, so the GUI converts at its
boundary with :class:`Utf16Map`. A highlight never splits a grapheme cluster (what a
reader sees as one character: "x̄", a ZWJ family, a flag): :func:`snap_to_graphemes`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

# The `regex` module implements Unicode extended grapheme clusters (UAX #29, `\X`) and
# follows new Unicode versions; trafilatura already depends on it (through dateparser).
import regex

PARAGRAPH_SEP = "\n\n"

# C0/C1 controls other than tab and newline carry no meaning in an article and break
# viewers and XML-based exports (DOCX); they are dropped on the way in.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_SPACES_RUN = re.compile(r"[ \t]+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_CLUSTER = regex.compile(r"\X")


def clean(raw: str) -> str:
    """NFC, "\\n" line ends, no control characters; keeps French spaces (U+00A0, U+202F)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(line: str) -> str:
    """One paragraph: runs of spaces and tabs become one space, ends trimmed."""
    return _SPACES_RUN.sub(" ", line).strip(" \t")


def split_paragraphs(raw: str) -> list[str]:
    """Paragraphs of a plain text.

    Where the text separates paragraphs with blank lines, single line breaks inside a
    paragraph are hard wraps and are joined with a space; where it has no blank lines
    at all (one paragraph per line, as in many saved articles), every line is one.
    """
    text = clean(raw)
    if _BLANK_LINE.search(text.strip("\n")):
        blocks = _BLANK_LINE.split(text)
        paragraphs = [clean_line(" ".join(b.split("\n"))) for b in blocks]
    else:
        paragraphs = [clean_line(line) for line in text.split("\n")]
    return [p for p in paragraphs if p.strip(" \u00a0\u202f")]


def join_paragraphs(paragraphs: list[str]) -> str:
    """The stored form of a list of paragraphs."""
    return PARAGRAPH_SEP.join(clean_line(clean(p).replace("\n", " ")) for p in paragraphs)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) code-point span of each paragraph of a stored text."""
    spans = []
    pos = 0
    for para in text.split(PARAGRAPH_SEP):
        spans.append((pos, pos + len(para)))
        pos += len(para) + len(PARAGRAPH_SEP)
    return spans


def content_hash(text: str) -> str:
    """Identity of an article's text, used to find a second import of the same content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Utf16Map:
    """Converts offsets in one text between code points and UTF-16 code units.

    Only characters outside the Basic Multilingual Plane (emoji, many CJK extensions)
    take two UTF-16 units, so the map keeps their code-point positions and converts
    with a binary search: O(log n) per offset, fast on book-length texts.
    """

    astral: tuple[int, ...]  # code-point index of each astral character, ascending

    @classmethod
    def of(cls, text: str) -> Utf16Map:
        """Map for `text`; cheap when the text has no astral characters."""
        # Encoding tells in a few milliseconds whether a book-length text has any at all.
        if text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
            return cls(())
        # A regular expression scans in C: a Python loop over every character of a
        # book-length text would hold the interpreter for a noticeable moment.
        return cls(tuple(m.start() for m in _ASTRAL.finditer(text)))

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset `cp`."""
        return cp + bisect_left(self.astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 offset `u16`; a position inside a pair rounds down."""
        lo, hi = 0, len(self.astral)
        # astral[k] sits at UTF-16 position astral[k] + k; find how many lie before u16.
        while lo < hi:
            mid = (lo + hi) // 2
            if self.astral[mid] + mid < u16:
                lo = mid + 1
            else:
                hi = mid
        count = lo
        if count and self.astral[count - 1] + count - 1 + 1 == u16:
            # u16 points at the low surrogate of an astral character: round down.
            return self.astral[count - 1]
        return u16 - count


def utf16_offset(text: str, cp: int) -> int:
    """UTF-16 offset of code-point offset `cp` in `text` (one-off conversions)."""
    return Utf16Map.of(text).to_utf16(cp)


def codepoint_offset(text: str, u16: int) -> int:
    """Code-point offset of UTF-16 offset `u16` in `text` (one-off conversions)."""
    return Utf16Map.of(text).to_codepoint(u16)


def utf16_length(text: str) -> int:
    """How many UTF-16 code units `text` takes (what JavaScript's `length` counts)."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


# --- grapheme clusters ---------------------------------------------------------------


def cluster_start(text: str, pos: int) -> int:
    """The start of the grapheme cluster holding code point `pos` (`pos` itself at a boundary).

    Only a few characters around `pos` are segmented, so this is cheap on book-length
    texts. `regex` decides every boundary with the whole string as context (regional-
    indicator pairs, emoji ZWJ sequences), so each match *ends* at a true boundary even
    when the search starts inside a cluster; only the first match's start is unreliable.
    """
    if pos <= 0:
        return 0
    if pos >= len(text):
        return len(text)
    reach = 16
    while True:
        lo = max(0, pos - reach)
        last = 0 if lo == 0 else None
        for match in _CLUSTER.finditer(text, lo):
            if match.end() > pos:
                break
            last = match.end()
        if last is not None:
            return last
        reach *= 4  # a cluster longer than the window (stacked combining marks): widen


def cluster_end(text: str, pos: int) -> int:
    """The end of the grapheme cluster holding code point `pos` (`pos` itself at a boundary)."""
    start = cluster_start(text, pos)
    if start == pos or pos >= len(text):
        return start
    return _CLUSTER.match(text, start).end()


def snap_to_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened so neither edge splits a grapheme cluster.

    `start` moves left to the start of its cluster and `end` right to the end of its
    cluster ("vecteur x" in "vecteur x̄" becomes "vecteur x̄"): the W3C Web Annotation
    model says a selection SHOULD NOT split one. Positions past either end of the text
    are clamped to it.
    """
    return cluster_start(text, start), cluster_end(text, end)
