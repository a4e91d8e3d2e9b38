"""Placing highlights on text, and finding them again when the text changes.

Follows Hypothesis: a highlight is stored both as a position (W3C TextPositionSelector,
code points) and as a quote with ~32 characters of context (W3C TextQuoteSelector).
Re-anchoring tries the position, then the quote (choosing among repeats by context),
then a fuzzy match; what cannot be placed is reported as an orphan, never guessed.

Every span is widened to grapheme-cluster boundaries (the model says a selection SHOULD
NOT split one), and the prefix and suffix hold at most 32 UTF-16 code units of whole
clusters: Hypothesis's quote matcher (a bitap over UTF-16) throws on longer patterns.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from desktop.core.errors import QuoteNotFound
from desktop.core.text import cluster_end, cluster_start, snap_to_graphemes

# Context kept on each side of a quote: at most this many UTF-16 code units (an astral
# character counts two) of whole grapheme clusters. Re-anchoring compares this many code
# points of the new text with the stored context.
CONTEXT_CHARS = 32
FUZZY_MIN_SCORE = 85.0  # rapidfuzz partial ratio (0-100) below which text is "not found"
FUZZY_MIN_LENGTH = 8  # shorter quotes are too ambiguous to place by similarity

Method = Literal["exact", "quote", "fuzzy", "orphan"]

# Characters a person may type for their typographic twins; one-to-one, so offsets found
# in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
    }
)


@dataclass(frozen=True)
class Anchor:
    """A span of a text and the quote selector that describes it."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Placement:
    """Where a highlight landed in a new text, and how sure that is."""

    method: Method
    anchor: Anchor | None  # None for an orphan

    @property
    def placed(self) -> bool:
        return self.anchor is not None


def anchor_span(text: str, start: int, end: int) -> Anchor:
    """The anchor of text[start:end] widened to whole grapheme clusters.

    ValueError for an empty or out-of-range span. Every highlight Factdesk stores is made
    here (tagging in the window, `claim add --quote`, imports, re-anchoring), so none
    splits what a reader sees as one character.
    """
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}-{end} is not a non-empty span of a {len(text)}-char text")
    start, end = snap_to_graphemes(text, start, end)
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[context_start(text, start) : start],
        suffix=text[end : context_end(text, end)],
    )


def context_start(text: str, start: int, units: int = CONTEXT_CHARS) -> int:
    """Where the prefix of a quote starting at `start` begins: as far back as `units`
    UTF-16 code units reach, then forward to a grapheme-cluster boundary."""
    pos, used = start, 0
    while pos > 0:
        width = 2 if ord(text[pos - 1]) > 0xFFFF else 1
        if used + width > units:
            break
        used += width
        pos -= 1
    return min(cluster_end(text, pos), start) if pos < start else start


def context_end(text: str, end: int, units: int = CONTEXT_CHARS) -> int:
    """Where the suffix of a quote ending at `end` stops: as far as `units` UTF-16 code
    units reach, then back to a grapheme-cluster boundary."""
    pos, used = end, 0
    while pos < len(text):
        width = 2 if ord(text[pos]) > 0xFFFF else 1
        if used + width > units:
            break
        used += width
        pos += 1
    return max(cluster_start(text, pos), end) if pos > end else end


def fold(text: str) -> str:
    """The text with typographic quotes, dashes and special spaces made plain."""
    return text.translate(_FOLD)


def find_quote(text: str, quote: str, occurrence: int = 1) -> Anchor:
    """The anchor of the `occurrence`-th (1-based) place `quote` appears in `text`.

    Straight quotes and plain spaces typed by a person match their typographic forms
    (’ « » and non-breaking spaces) in the text; the anchor holds the text's own form.
    """
    quote = unicodedata.normalize("NFC", quote)
    if not quote.strip():
        raise QuoteNotFound("the quote is empty")
    if occurrence < 1:
        raise QuoteNotFound("the occurrence number starts at 1")
    for haystack, needle in ((text, quote), (fold(text), fold(quote))):
        starts = _occurrences(haystack, needle)
        if len(starts) >= occurrence:
            start = starts[occurrence - 1]
            return anchor_span(text, start, start + len(needle))
        if starts:
            raise QuoteNotFound(
                f"the quote appears {len(starts)} time(s) in the article, not {occurrence}"
            )
    short = quote if len(quote) <= 60 else quote[:57] + "…"
    raise QuoteNotFound(f"the quote {short!r} is not in the article")


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, pos = [], haystack.find(needle)
    while pos != -1:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def reanchor(text: str, old: Anchor) -> Placement:
    """Place a highlight made on an earlier version of the text onto `text`.

    A place where the old quote would split a grapheme cluster of the new text (a
    combining mark now follows it, or a highlight from another tool or an earlier
    Factdesk) is widened to whole clusters and reported "fuzzy": the words differ.
    """
    placement = _reanchor(text, old)
    if placement.anchor is not None and placement.method in ("exact", "quote"):
        if placement.anchor.exact != old.exact:
            return Placement("fuzzy", placement.anchor)
    return placement


def _reanchor(text: str, old: Anchor) -> Placement:
    if 0 <= old.start < old.end <= len(text) and text[old.start : old.end] == old.exact:
        return Placement("exact", anchor_span(text, old.start, old.end))
    starts = _occurrences(text, old.exact) if old.exact else []
    if starts:

        def score(start: int) -> tuple[int, int]:
            before = text[max(0, start - CONTEXT_CHARS) : start]
            after = text[start + len(old.exact) : start + len(old.exact) + CONTEXT_CHARS]
            context = _common_suffix(before, old.prefix) + _common_prefix(after, old.suffix)
            return (context, -abs(start - old.start))

        best = max(starts, key=score)
        return Placement("quote", anchor_span(text, best, best + len(old.exact)))
    fuzzy = _fuzzy_find(text, old)
    if fuzzy is not None:
        return Placement("fuzzy", fuzzy)
    return Placement("orphan", None)


def _fuzzy_find(text: str, old: Anchor) -> Anchor | None:
    """The most similar span to the old quote, near its old place first, then anywhere."""
    if len(old.exact) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz

    margin = 4 * len(old.exact) + 2000
    windows = [(max(0, old.start - margin), min(len(text), old.end + margin))]
    if windows[0] != (0, len(text)):
        windows.append((0, len(text)))
    for lo, hi in windows:
        hit = fuzz.partial_ratio_alignment(old.exact, text[lo:hi], score_cutoff=FUZZY_MIN_SCORE)
        if hit is not None and hit.dest_end > hit.dest_start:
            start, end = lo + hit.dest_start, lo + hit.dest_end
            # Trim whitespace the alignment may have swallowed at either side.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                return anchor_span(text, start, end)
    return None
