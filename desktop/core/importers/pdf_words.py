"""Words as a reader sees them in a PDF's text layer: ligatures undone, hyphenation undone.

TeX and most typesetters draw "fi", "fl", "ff", "ffi" with one presentation-form glyph
(U+FB00–FB06) that text layers keep, so a search for "filled" missed "ﬁlled"; and they break
long words at line ends with a hyphen that is not part of the word ("Ex-" / "isting").
Only those ligature characters are normalised: NFKC on the whole text would also rewrite
superscripts, fractions, full-width forms and the like, which the document meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_LIGATURES = re.compile("[\ufb00-\ufb06]")
_WORD = re.compile(r"[^\W_]+(?:[-\u2010][^\W_]+)*")
_LAST_WORD = re.compile(r"([^\W_]+)[-\u2010]$")
_FIRST_WORD = re.compile(r"[^\W_]+")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")

# First parts that make English compounds, not syllables: "well-", "self-", "non-", "semi-".
# Measured on the corpus's 257 line-end hyphens: with the document's own evidence alone, 6
# compounds lost their hyphen ("wellknown", "selfreplications", ...); with this short list, 3
# and no word wrongly kept apart. Longer lists ("co", "pre", "ex", "multi") broke more real
# hyphenations ("ex-panded", "multi-ple") than they saved.
_COMPOUND_FIRST = frozenset({"self", "well", "non", "semi", "quasi", "pseudo"})
# Second parts of French compounds, never the tail of a hyphenated word ("celle-ci",
# "peut-être", "lui-même"): French typesetting leaves at least three letters after a break.
_COMPOUND_SECOND = frozenset({"ci", "là", "même", "mêmes", "être"})
# A hyphen that stands for a word left out: "Ein- und Ausgang", "pre- and post-war".
_SUSPENDED_BEFORE = frozenset({"und", "oder", "bzw", "sowie", "and", "et", "ou"})

JOIN, KEEP, SPACE = "join", "keep", "space"


def undo_ligatures(text: str) -> str:
    """ "ﬁlled" → "filled": the presentation-form ligatures U+FB00–FB06 only."""
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def word_counts(lines: list[str]) -> Counter[str]:
    """How often each word, hyphenated ones whole, appears inside the document's lines: the
    evidence that "non-normal" is a compound there and "existing" one word."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(word.lower() for word in _WORD.findall(line))
    return counts


def line_break_kind(head: str, tail: str, words: Counter[str]) -> str:
    """What a hyphen at a line end between `head` and `tail` is: JOIN (a hyphenated word,
    the hyphen goes), KEEP (a compound: "well-known", "COVID-19", "Jean-Pierre") or SPACE
    (a suspended hyphen: "Ein- und Ausgang").

    The document itself decides first: a hyphenated form seen more often inside lines than
    the joined one keeps its hyphen, a joined form seen (and no hyphenated one) joins."""
    joined = words[(head + tail).lower()]
    hyphenated = words[f"{head}-{tail}".lower()]
    if hyphenated > joined:
        return KEEP
    lower_tail = tail[:1].islower()
    if joined and (lower_tail or (head.isupper() and tail.isupper())):
        return JOIN  # "LO-" / "CATION" where LOCATION is in the text
    if tail.lower() in _SUSPENDED_BEFORE:
        return SPACE
    if not head[-1].isalpha() or not lower_tail:
        return KEEP  # "COVID-19", "Schwarz-Weiß", "Jean-Pierre"
    if len(head) == 1 or head.lower() in _COMPOUND_FIRST or tail.lower() in _COMPOUND_SECOND:
        return KEEP  # "F-score", "a-t-il", "well-known", "celle-ci"
    return JOIN


def join_lines(left: str, right: str, words: Counter[str]) -> str:
    """Two consecutive lines of one paragraph as one: a space between them, except after a
    hyphenation (hyphen dropped), inside a compound (hyphen kept) or between CJK characters,
    which are written without spaces."""
    if not left:
        return right
    if not right:
        return left
    last = left[-1]
    if last == "\u00ad":  # a soft hyphen: where the typesetter broke a word
        return left[:-1] + right
    if last in "-\u2010" and len(left) >= 2 and left[-2].isalnum():
        before, after = _LAST_WORD.search(left), _FIRST_WORD.match(right)
        if before and after:
            kind = line_break_kind(before.group(1), after.group(0), words)
            if kind == JOIN:
                return left[:-1] + right
            if kind == KEEP:
                return left + right
        return f"{left} {right}"
    if _CJK.match(last) and _CJK.match(right[0]):
        return left + right
    return f"{left} {right}"
