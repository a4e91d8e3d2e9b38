"""Comparing two texts paragraph by paragraph and word by word.

Used for article versions (a stealth edit shown as insertions and deletions) and for
captured sources (a page captured again). Paragraphs are aligned first, so an edit in
one paragraph never smears over its neighbours; paragraphs deleted in one place and
inserted in another are recognised as moved. Inside a changed paragraph, words are
compared: a reader sees which words went and which came.

difflib's matcher is used on purpose: it looks for the longest common runs first, so
the result reads like a person's edit ("three" → "four"), where a minimal edit script
(Levenshtein/LCS) would match scattered "the"s and chop sentences into confetti.
Paragraph pairing and moved-paragraph detection use rapidfuzz (already a dependency
for fuzzy anchoring): its ratio is a C call, so even a rewritten book stays quick.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

# Two paragraphs at least this similar (rapidfuzz ratio, 0-100) in the same place are
# one paragraph edited; less similar, one was deleted and another inserted.
PAIR_MIN_RATIO = 50.0
# A deleted and an inserted paragraph this similar are one paragraph moved (and perhaps
# touched up); identical ones always are.
MOVE_MIN_RATIO = 85.0
# Fuzzy move detection compares every deleted with every inserted paragraph; past this
# many pairs only identical paragraphs are recognised as moved.
MOVE_MAX_PAIRS = 20_000
# A replaced block larger than this (old × new paragraphs) is paired in order, not by
# the best alignment of similarities.
PAIR_MAX_CELLS = 40_000
# Short paragraphs move by identity only: "Photo" resembling "Photos" says nothing.
MOVE_MIN_FUZZY_LENGTH = 40

# Past this many (old × new) items difflib's matcher turns slow (seconds on a long
# paragraph of common words); rapidfuzz's bit-parallel LCS then compares instead.
DIFFLIB_MAX_CELLS = 4_000_000

# A word with the spaces after it, or a punctuation mark with its spaces, or leading
# spaces: joined back together the tokens are the paragraph exactly.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


@dataclass(frozen=True)
class Piece:
    """A run of words that is the same in both texts, or only in the old or new one."""

    kind: str  # "same" | "insert" | "delete"
    text: str


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph of the comparison, in the order of the new text.

    Deleted paragraphs sit where they were, after the paragraph that preceded them.
    `pieces` are word-level for "changed" and for a "moved" paragraph that was also
    edited; otherwise one piece holding the whole paragraph.
    """

    kind: str  # "same" | "changed" | "inserted" | "deleted" | "moved"
    old_index: int | None
    new_index: int | None
    pieces: tuple[Piece, ...]


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: its non-blank lines (the stored form puts one blank
    line between paragraphs, so its paragraph numbers are kept)."""
    return [line for line in text.split("\n") if line.strip()]


def tokens(text: str) -> list[str]:
    """Words and punctuation, each with the white space after it."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> tuple[Piece, ...]:
    """Word-level pieces turning `old` into `new`; deletions come before insertions."""
    a, b = tokens(old), tokens(new)
    pieces: list[Piece] = []

    def put(kind: str, text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(kind, pieces[-1].text + text)
        else:
            pieces.append(Piece(kind, text))

    for op, i1, i2, j1, j2 in _opcodes(a, b):
        if op == "equal":
            put("same", "".join(a[i1:i2]))
        else:
            put("delete", "".join(a[i1:i2]))
            put("insert", "".join(b[j1:j2]))
    return _tidy(pieces)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes; the common head and tail are matched first (an edit is
    usually local), the middle by difflib, or by rapidfuzz when it is large."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(mid_a) * len(mid_b) <= DIFFLIB_MAX_CELLS:
        middle = SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes()
    else:
        middle = [
            (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
            for op in Indel.opcodes(mid_a, mid_b)
        ]
    ops = []
    if head:
        ops.append(("equal", 0, head, 0, head))
    for tag, i1, i2, j1, j2 in middle:
        if i1 == i2 and j1 == j2:
            continue
        ops.append((tag, head + i1, head + i2, head + j1, head + j2))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return _merge_ops(ops)


def _merge_ops(ops: list[tuple]) -> list[tuple[str, int, int, int, int]]:
    """Adjacent delete and insert become one replace, as difflib reports them."""
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if out and tag != "equal" and out[-1][0] != "equal":
            _, pi1, _, pj1, _ = out[-1]
            out[-1] = ("replace", pi1, i2, pj1, j2)
        elif out and tag == "equal" and out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1], i2, out[-1][3], j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _tidy(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Fold a lone space kept "same" between a deletion and an insertion into both, so
    "a b" → "c d" reads as one replacement rather than two."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        if (
            p.kind == "same"
            and not p.text.strip()
            and out
            and out[-1].kind in ("delete", "insert")
            and i + 1 < len(pieces)
            and pieces[i + 1].kind in ("delete", "insert")
        ):
            # Gather the changed run on both sides of this space.
            run = [out.pop()]
            while out and out[-1].kind in ("delete", "insert"):
                run.insert(0, out.pop())
            j = i + 1
            after = []
            while j < len(pieces) and pieces[j].kind in ("delete", "insert"):
                after.append(pieces[j])
                j += 1
            deleted = "".join(x.text for x in run if x.kind == "delete")
            inserted = "".join(x.text for x in run if x.kind == "insert")
            deleted += p.text + "".join(x.text for x in after if x.kind == "delete")
            inserted += p.text + "".join(x.text for x in after if x.kind == "insert")
            out.append(Piece("delete", deleted))
            out.append(Piece("insert", inserted))
            i = j
            continue
        out.append(p)
        i += 1
    return tuple(out)


def diff_texts(old: str, new: str) -> list[ParagraphChange]:
    """The paragraph-by-paragraph comparison of two texts."""
    a, b = paragraphs(old), paragraphs(new)
    changes: list[ParagraphChange] = []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        if op == "equal":
            for k in range(i2 - i1):
                changes.append(ParagraphChange("same", i1 + k, j1 + k, (Piece("same", a[i1 + k]),)))
        elif op == "delete":
            changes.extend(_deleted(a, i) for i in range(i1, i2))
        elif op == "insert":
            changes.extend(_inserted(b, j) for j in range(j1, j2))
        else:
            changes.extend(_pair_block(a, b, i1, i2, j1, j2))
    return _recognise_moves(changes, a, b)


def _deleted(a: list[str], i: int) -> ParagraphChange:
    return ParagraphChange("deleted", i, None, (Piece("delete", a[i]),))


def _inserted(b: list[str], j: int) -> ParagraphChange:
    return ParagraphChange("inserted", None, j, (Piece("insert", b[j]),))


def _changed(a: list[str], b: list[str], i: int, j: int) -> ParagraphChange:
    return ParagraphChange("changed", i, j, diff_words(a[i], b[j]))


def _pair_block(
    a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[ParagraphChange]:
    """Align a block of old paragraphs replaced by new ones: similar ones in order are
    the same paragraph edited; the rest were deleted or inserted."""
    m, n = i2 - i1, j2 - j1
    if m * n > PAIR_MAX_CELLS:
        pairs = [
            (i1 + k, j1 + k)
            for k in range(min(m, n))
            if _similarity(a[i1 + k], b[j1 + k]) >= PAIR_MIN_RATIO
        ]
    else:
        pairs = _best_pairs(a, b, i1, i2, j1, j2)
    out: list[ParagraphChange] = []
    i, j = i1, j1
    for pi, pj in pairs + [(i2, j2)]:
        out.extend(_deleted(a, k) for k in range(i, pi))
        out.extend(_inserted(b, k) for k in range(j, pj))
        if pi < i2:
            out.append(_changed(a, b, pi, pj))
        i, j = pi + 1, pj + 1
    return out


def _best_pairs(
    a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int, int]]:
    """The in-order pairing of similar paragraphs with the greatest total similarity."""
    m, n = i2 - i1, j2 - j1
    sim = [[_similarity(a[i1 + x], b[j1 + y]) for y in range(n)] for x in range(m)]
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for x in range(m - 1, -1, -1):
        for y in range(n - 1, -1, -1):
            take = sim[x][y] + best[x + 1][y + 1] if sim[x][y] else 0.0
            best[x][y] = max(take, best[x + 1][y], best[x][y + 1])
    pairs, x, y = [], 0, 0
    while x < m and y < n:
        if sim[x][y] and best[x][y] == sim[x][y] + best[x + 1][y + 1]:
            pairs.append((i1 + x, j1 + y))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return pairs


def _recognise_moves(
    changes: list[ParagraphChange], a: list[str], b: list[str]
) -> list[ParagraphChange]:
    """Turn a deleted paragraph and an inserted one that match into one moved paragraph,
    shown at its new place."""
    deleted = [c.old_index for c in changes if c.kind == "deleted"]
    inserted = [c.new_index for c in changes if c.kind == "inserted"]
    if not deleted or not inserted:
        return changes
    moved: dict[int, int] = {}  # new index → old index
    by_text: dict[str, list[int]] = {}
    for i in deleted:
        by_text.setdefault(_norm(a[i]), []).append(i)
    for j in inserted:
        olds = by_text.get(_norm(b[j]))
        if olds:
            moved[j] = olds.pop(0)
    left_old = [i for i in deleted if i not in set(moved.values())]
    left_new = [j for j in inserted if j not in moved]
    left_old = [i for i in left_old if len(a[i]) >= MOVE_MIN_FUZZY_LENGTH]
    left_new = [j for j in left_new if len(b[j]) >= MOVE_MIN_FUZZY_LENGTH]
    if left_old and left_new and len(left_old) * len(left_new) <= MOVE_MAX_PAIRS:
        scored = sorted(
            (
                (score, i, j)
                for i in left_old
                for j in left_new
                if (score := _similarity(a[i], b[j], MOVE_MIN_RATIO))
            ),
            reverse=True,
        )
        used_old: set[int] = set()
        for _score, i, j in scored:
            if i not in used_old and j not in moved:
                moved[j] = i
                used_old.add(i)
    if not moved:
        return changes
    gone = set(moved.values())
    out: list[ParagraphChange] = []
    for c in changes:
        if c.kind == "deleted" and c.old_index in gone:
            continue
        if c.kind == "inserted" and c.new_index in moved:
            i, j = moved[c.new_index], c.new_index
            if a[i] == b[j]:
                pieces: tuple[Piece, ...] = (Piece("same", b[j]),)
            else:
                pieces = diff_words(a[i], b[j])
            out.append(ParagraphChange("moved", i, j, pieces))
            continue
        out.append(c)
    return out


def _similarity(x: str, y: str, cutoff: float = PAIR_MIN_RATIO) -> float:
    """How alike two paragraphs are (0-100, 0 below `cutoff`): characters for short ones,
    words for long ones (a character comparison of two book-length paragraphs takes
    seconds, a word one a fraction of that)."""
    if len(x) + len(y) <= 20_000:
        return fuzz.ratio(x, y, score_cutoff=cutoff)
    score = 100 * Indel.normalized_similarity(tokens(x), tokens(y))
    return score if score >= cutoff else 0.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def summary(changes: list[ParagraphChange]) -> dict:
    """How much changed: words inserted and deleted, paragraphs by kind."""
    counts = {
        "inserted_words": 0,
        "deleted_words": 0,
        "changed_paragraphs": 0,
        "moved_paragraphs": 0,
        "inserted_paragraphs": 0,
        "deleted_paragraphs": 0,
        "same_paragraphs": 0,
    }
    for c in changes:
        counts[f"{c.kind}_paragraphs"] += 1
        for p in c.pieces:
            if p.kind == "insert":
                counts["inserted_words"] += _words(p.text)
            elif p.kind == "delete":
                counts["deleted_words"] += _words(p.text)
    return counts


def _words(text: str) -> int:
    return sum(1 for t in tokens(text) if t.strip())


def is_unchanged(changes: list[ParagraphChange]) -> bool:
    """True when the comparison found no difference at all."""
    return all(c.kind == "same" for c in changes)


# Labels diff_html puts in the page; the window passes them translated.
LABELS = {"moved": "moved from paragraph {n}", "deleted": "deleted", "inserted": "inserted"}


def diff_html(
    changes: list[ParagraphChange],
    *,
    labels: dict[str, str] | None = None,
    styles: dict[str, str] | None = None,
    context: int | None = None,
) -> str:
    """An HTML fragment of the comparison, every text escaped.

    Insertions are <ins>, deletions <del>; each paragraph is a <p> whose class says its
    kind, and a moved one carries a note naming its old paragraph (1-based). `styles`
    (kind → CSS) adds inline styles for renderers without style sheets, such as Qt's
    rich text, which also ignores <ins>/<del>: with styles each run is a styled <span>.
    `context` keeps only that many unchanged paragraphs around each change ("…" marks
    what is left out); None keeps them all.
    """
    labels = {**LABELS, **(labels or {})}
    keep = _kept(changes, context)
    out: list[str] = []
    skipped = False
    for n, c in enumerate(changes):
        if not keep[n]:
            skipped = True
            continue
        if skipped:
            out.append(_p("skip", "…", styles))
            skipped = False
        body = "".join(_piece(p, styles) for p in c.pieces)
        if c.kind == "moved":
            note = html.escape(labels["moved"].format(n=c.old_index + 1))
            body = _span("note", f"[{note}]", styles) + " " + body
        out.append(_p(c.kind, body, styles))
    if skipped:
        out.append(_p("skip", "…", styles))
    return "\n".join(out)


def _kept(changes: list[ParagraphChange], context: int | None) -> list[bool]:
    if context is None:
        return [True] * len(changes)
    keep = [False] * len(changes)
    for n, c in enumerate(changes):
        if c.kind != "same":
            for k in range(max(0, n - context), min(len(changes), n + context + 1)):
                keep[k] = True
    return keep


def _piece(p: Piece, styles: dict[str, str] | None) -> str:
    text = html.escape(p.text)
    if p.kind == "same":
        return text
    if styles is not None:
        return _span(p.kind, text, styles)
    tag = "ins" if p.kind == "insert" else "del"
    return f"<{tag}>{text}</{tag}>"


def _span(kind: str, body: str, styles: dict[str, str] | None) -> str:
    style = (styles or {}).get(kind, "")
    attr = f' style="{html.escape(style)}"' if style else ""
    return f'<span class="{kind}"{attr}>{body}</span>'


def _p(kind: str, body: str, styles: dict[str, str] | None) -> str:
    style = (styles or {}).get(f"p.{kind}", "")
    attr = f' style="{html.escape(style)}"' if style else ""
    return f'<p class="{kind}"{attr}>{body}</p>'


def map_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Where old[start:end] went in `new`, following the word-level comparison: a
    boundary inside unchanged words keeps its place among them, one inside replaced
    words takes the whole replacement. None when nothing of the span is left."""
    a, b = tokens(old), tokens(new)
    a_at, b_at = _starts(a), _starts(b)
    ops = _opcodes(a, b)

    def where(offset: int, *, is_end: bool) -> int:
        for op, i1, i2, j1, j2 in ops:
            lo, hi = a_at[i1], a_at[i2]
            inside = lo <= offset < hi or (is_end and lo < offset <= hi)
            if not inside:
                continue
            if op == "equal":
                return b_at[j1] + (offset - lo)
            return b_at[j2] if is_end else b_at[j1]
        return len(new) if is_end else 0

    new_start, new_end = where(start, is_end=False), where(end, is_end=True)
    while new_end > new_start and new[new_end - 1].isspace():
        new_end -= 1
    return (new_start, new_end) if new_end > new_start else None


def _starts(toks: list[str]) -> list[int]:
    """Offset of each token, and of the end."""
    at, pos = [], 0
    for t in toks:
        at.append(pos)
        pos += len(t)
    at.append(pos)
    return at
