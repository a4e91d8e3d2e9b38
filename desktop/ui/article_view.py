"""The article pane: the text as a reader sees it, with claims painted in verdict colours.

The document is built with setPlainText from the stored text, so every document
position is the stored offset in UTF-16 units (each "\\n" becomes one block separator,
the blank line between paragraphs an empty block). Offsets cross this boundary only
through desktop.core.text.Utf16Map. Highlights are drawn as extra selections, which Qt
paints without touching the document (mergeCharFormat on thousands of spans is slow),
and only those that meet the viewport: Qt walks every extra selection on every paint, so
5,000 of them made each scrolled frame four times slower than the bare text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from html import escape
from itertools import starmap
from operator import itemgetter
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QMenu,
    QTextEdit,
    QToolTip,
    QWidget,
)

from desktop.core.contrast import readable_alpha
from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.sentences import sentence_at
from desktop.core.text import Utf16Map
from desktop.core.views import ArticleView, ClaimView
from desktop.ui.i18n import rating_label
from desktop.ui.sources_table import swatch_html
from desktop.ui.turn_margin import WIDTH as TURN_MARGIN
from desktop.ui.turn_margin import TurnMargin

READING_WIDTH_PX = 760
HEADING_SIZES = {1: 1.6, 2: 1.25, 3: 1.1}


def build_document(article: ArticleView, point_size: float) -> QTextDocument:
    """The article as a document, headings sized from `point_size`.

    setPlainText makes each "\\n" a block separator, so every document position is the
    stored offset in UTF-16 units. Built on the window's thread only: documents built on
    a worker and moved across made the test suite crash now and then (a timer firing on a
    deleted object), so a book-length import builds it in an event-loop turn of its own.
    """
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setPlainText(article.text)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for index, level in article.headings:
        block = doc.findBlockByNumber(2 * index)
        if not block.isValid():
            continue
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(point_size * HEADING_SIZES.get(level, 1.05))
        cursor.mergeCharFormat(fmt)
        bfmt = QTextBlockFormat()
        bfmt.setHeadingLevel(level)
        bfmt.setTopMargin(6)
        cursor.mergeBlockFormat(bfmt)
    cursor.endEditBlock()
    return doc


class Span(NamedTuple):
    """A highlight as painted: UTF-16 document positions and its claim (a named tuple:
    a long article builds thousands at once, at a third of a frozen dataclass's cost)."""

    start: int
    end: int
    claim_id: int
    highlight_id: int
    color: str


def _paint_order(span: Span) -> tuple[int, int]:
    """Sort key of the span list: by start, and longer spans before the nested ones."""
    return (span.start, span.start - span.end)


class ArticleText(QTextEdit):
    """Read-only article text with highlight painting, hover and click on claims."""

    claimClicked = Signal(int)
    tagRequested = Signal()
    addHighlightRequested = Signal()
    deleteHighlightRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Article text"))
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self._font = QFont()
        self._font.setFamilies(["Source Serif 4", "Georgia", "Noto Serif", "DejaVu Serif", "serif"])
        self._font.setPointSizeF(max(12.0, self._font.pointSizeF() * 1.2))
        self.document().setDefaultFont(self._font)
        self.article: ArticleView | None = None
        self._document: QTextDocument | None = None  # the article's, once one is shown
        self._map = Utf16Map(())
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0  # the longest span, to find those that begin above the viewport
        self._spans_until: int | None = None  # spans starting from here are not read yet
        self._rest_of_spans: Callable[[], list | None] | None = None
        self._claims: dict[int, ClaimView] = {}
        self._claim_spans: dict[int, tuple[ClaimView, list[Span]]] = {}
        self._painted: tuple[int, int, int | None, bool] | None = None
        self._visible_key: tuple | None = None  # what _visible_range answered for
        self._visible = (0, 0)
        # Highlights as Qt paints them, made once: scrolling and tagging repaint the same
        # ones again and again. Keyed by (color, state) and (span, state).
        self._formats: dict[tuple[str, int], QTextCharFormat] = {}
        self._selections: dict[tuple[Span, int], list[QTextEdit.ExtraSelection]] = {}
        self._selected_claim: int | None = None
        self._flash_on = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(180)
        self._flash_timer.timeout.connect(self._flash_step)
        self._flash_left = 0
        self._sentence_mode = False
        self._marks: list[tuple[int, int]] = []  # suggested sentences, UTF-16, sorted
        self.margin = TurnMargin(self)  # a transcript's speakers and times
        self.verticalScrollBar().valueChanged.connect(self._update_visible)

    # --- content -------------------------------------------------------------------

    def set_article(
        self, article: ArticleView | None, document: QTextDocument | None = None
    ) -> None:
        """Show an article (or nothing); highlights are set separately.

        `document` is the article already built by prepare() in an earlier event-loop
        turn: filling a document with a book-length text takes Qt about 20 ms, and
        showing it about 10 more; split, neither keeps the window from answering.
        """
        self.article = article
        self._marks = []
        self._spans, self._starts, self._claims, self._claim_spans = [], [], {}, {}
        self._longest = 0
        self._spans_until = self._rest_of_spans = None
        self._selections = {}  # their cursors are in the document being replaced
        self._visible_key = None
        self._selected_claim = None
        self._painted = None
        self.setExtraSelections([])
        if article is None:
            self.margin.set_turns(())
            self._fit_margins()
            self.setPlainText("")
            self._map = Utf16Map(())
            return
        self._map = Utf16Map.of(article.text)
        if document is None:
            document = build_document(article, self._font.pointSizeF())
        self.margin.set_turns(article.turns)
        self._fit_margins()  # the viewport's final width, before the text is laid out
        document.setParent(self)
        document.setDocumentMargin(24)
        document.setDefaultFont(self._font)
        # At the width it will be shown: a document given its page size only by
        # setDocument is laid out twice, which made opening a book half again as slow.
        document.setPageSize(QSizeF(self.viewport().width(), -1))
        self.setDocument(document)  # Qt deletes only the document it made itself
        if self._document is not None:
            self._document.deleteLater()
        self._document = document
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def prepare(self, article: ArticleView) -> QTextDocument:
        """The article's document, to pass to set_article in a later event-loop turn."""
        return build_document(article, self._font.pointSizeF())

    def set_claims(self, claims: list[ClaimView]) -> None:
        """Paint every highlight of these claims in their verdict's colour.

        A claim passed again as the same (immutable) view keeps the spans computed for
        it last time, so refreshing after one claim changed costs little.
        """
        self._claims = {c.id: c for c in claims}
        self._spans_until = self._rest_of_spans = None  # every claim's spans are here
        previous = self._claim_spans
        self._claim_spans = {}
        fresh: list[Span] = []
        stale = previous.keys() - self._claims.keys()  # gone, and (below) changed
        for claim in claims:
            cached = previous.get(claim.id)
            if cached is not None:
                if cached[0] is claim:
                    self._claim_spans[claim.id] = cached
                    continue
                stale.add(claim.id)
            own = self._spans_of(claim)
            self._claim_spans[claim.id] = (claim, own)
            fresh.extend(own)
        if previous and len(stale) + len(fresh) <= 64:
            self._splice(stale, fresh)
        else:
            self._install([s for _, own in self._claim_spans.values() for s in own])

    def add_claims(self, claims: list[ClaimView]) -> None:
        """Paint these new claims beside those shown (a tag): set_claims would look at
        every one of thousands to find that they are the only change."""
        stale = {c.id for c in claims if c.id in self._claim_spans}  # shown already
        fresh: list[Span] = []
        for claim in claims:
            own = self._spans_of(claim)
            self._claims[claim.id] = claim
            self._claim_spans[claim.id] = (claim, own)
            fresh.extend(own)
        self._splice(stale, fresh)

    def _spans_of(self, claim: ClaimView) -> list[Span]:
        color = claim.rating.color if claim.rating else NEUTRAL_COLOR
        to_utf16 = self._map.to_utf16
        return [
            Span(to_utf16(h.start), to_utf16(h.end), claim.id, h.id, color)
            for h in claim.highlights
            if h.anchor != "orphan"
        ]

    def _splice(self, stale: set[int], fresh: list[Span]) -> None:
        """A few claims changed: take out the spans of `stale` claims, put `fresh` ones in
        their place, rather than sort thousands again."""
        if stale:
            spans = [s for s in self._spans if s.claim_id not in stale]
            starts = [s.start for s in spans]
            self._longest = max((s.end - s.start for s in spans), default=0)
        else:
            spans, starts = self._spans, self._starts
        for span in fresh:
            at = bisect_right(spans, _paint_order(span), key=_paint_order)
            spans.insert(at, span)
            starts.insert(at, span.start)
            self._longest = max(self._longest, span.end - span.start)
        self._show_spans(spans, starts)

    def set_spans(
        self,
        rows: list[tuple[int, int, int, int, str]],
        *,
        until: int | None = None,
        rest: Callable[[], list | None] | None = None,
    ) -> None:
        """Paint highlights from core's highlight_spans rows, before the claims are read.

        A long article's thousands of claims take far longer to read than their spans;
        this puts the coloured text on screen first. set_claims replaces these spans.
        With `until` (a code point), the rows are only those starting before it (the
        first screen's, a third of the open's time saved on 5,000 highlights); `rest()`
        gives them all once the reader scrolls past it.
        """
        self._claims, self._claim_spans = {}, {}
        self._spans_until, self._rest_of_spans = None, None
        if until is not None and rest is not None:
            self._spans_until, self._rest_of_spans = self._map.to_utf16(until), rest
        if not self._map.astral:  # no astral characters: code points are UTF-16 positions
            spans = list(starmap(Span, rows))
        else:
            to_utf16 = self._map.to_utf16
            spans = [Span(to_utf16(s), to_utf16(e), *rest) for s, e, *rest in rows]
        self._install(spans)

    def has_claim(self, claim_id: int) -> bool:
        return claim_id in self._claims

    def visible_codepoints(self) -> tuple[int, int]:
        """The stretch of the stored text (code points) the viewport shows."""
        first, last = self._visible_range()
        return self._map.to_codepoint(first), self._map.to_codepoint(last)

    def _install(self, spans: list[Span]) -> None:
        # The paint order (_paint_order) in two stable sorts on C-level keys: by end,
        # longest first, then by start.
        spans.sort(key=itemgetter(1), reverse=True)
        spans.sort(key=itemgetter(0))
        self._longest = max((s.end - s.start for s in spans), default=0)
        self._show_spans(spans, [s.start for s in spans])

    def _show_spans(self, spans: list[Span], starts: list[int]) -> None:
        """Take these (sorted) spans as the painted ones and repaint what is visible."""
        self._spans, self._starts = spans, starts
        if self._selected_claim not in self._claims:
            self._selected_claim = None
        self._repaint_highlights()

    def _visible_range(self) -> tuple[int, int]:
        """Document positions at the top-left and bottom-right of the viewport.

        Remembered for the same scroll, size and layout: each answer is two hit tests
        (a millisecond on a long text), asked several times while an article opens.
        """
        viewport = self.viewport()
        doc = self.document()
        bar = self.verticalScrollBar()
        key = (  # not documentSize(): asking it lays the whole text out first
            bar.value(),
            bar.maximum(),
            self.horizontalScrollBar().value(),
            viewport.width(),
            viewport.height(),
            id(doc),
            doc.revision(),
        )
        if self._visible_key != key:
            last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
            # At the top, the text starts at 0. Asked there while a new document is being
            # laid out, the top-left corner's hit test answered positions far down the text
            # (Qt 6.11): no highlight was painted until the next scroll.
            first = 0 if key[0] == 0 else self.cursorForPosition(QPoint(0, 0)).position()
            self._visible_key, self._visible = key, (min(first, last), last + 1)
        return self._visible

    def visible_spans(self, visible: tuple[int, int] | None = None) -> list[Span]:
        """The highlights that meet the viewport (or `visible`, a range of positions),
        longest first: the painting order."""
        if not self._spans:
            return []
        first, last = visible or self._visible_range()
        lo = bisect_left(self._starts, first - self._longest)
        hi = bisect_right(self._starts, last)
        hits = [s for s in self._spans[lo:hi] if s.end >= first]
        hits.sort(key=lambda s: -(s.end - s.start))
        return hits

    def set_marks(self, spans: list[tuple[int, int]]) -> None:
        """Underline these code-point spans with dots: the suggested sentences, told
        apart from claims (which have a coloured background)."""
        to_utf16 = self._map.to_utf16
        marks = sorted((to_utf16(s), to_utf16(e)) for s, e in spans)
        if marks != self._marks:
            self._marks = marks
            self._repaint_highlights()

    def _update_visible(self, *_args) -> None:
        """Scrolled or resized: repaint the highlights if a new stretch of text shows."""
        if self._spans_until is not None and self._visible_range()[1] > self._spans_until:
            rest, self._spans_until, self._rest_of_spans = self._rest_of_spans, None, None
            rows = rest()
            if rows is not None:
                self.set_spans(rows)
                return
        if (self._spans or self._marks) and self._painted is not None:
            first, last = self._visible_range()
            if (first, last) != self._painted[:2]:
                self._repaint_highlights()

    def _repaint_highlights(self) -> None:
        if not self._spans and not self._marks:  # nothing to find (costly on a long text)
            self._painted = None
            self.setExtraSelections([])
            return
        visible = self._visible_range()
        spans = self.visible_spans(visible)
        selections = self._mark_selections(visible)
        made = self._selections
        for span in spans:
            state = (2 if self._flash_on else 1) if span.claim_id == self._selected_claim else 0
            pieces = made.get((span, state))
            if pieces is None:
                fmt = self._highlight_format(span.color, state)
                pieces = made[(span, state)] = self._pieces(span.start, span.end, fmt)
            selections.extend(pieces)
        self._painted = (*visible, self._selected_claim, self._flash_on)
        self.setExtraSelections(selections)

    def _pieces(self, start: int, end: int, fmt: QTextCharFormat) -> list:
        """Extra selections painting start..end, one per paragraph it covers.

        Given one selection across paragraphs (a claim running from a heading into the
        text below it), Qt measures the whole document's frame, laying out all of a long
        text at once: 0.1 s for 100,000 words, each time the highlights are set.
        """
        doc = self.document()
        pieces = []
        block = doc.findBlock(start)
        while block.isValid() and block.position() < end:
            a = max(start, block.position())
            b = min(end, block.position() + block.length() - 1)
            if b > a:
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(doc)
                cursor.setPosition(a)
                cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format = fmt
                pieces.append(sel)
            block = block.next()
        return pieces

    def _highlight_format(self, color_name: str, state: int) -> QTextCharFormat:
        """A highlight's look: 0 plain, 1 its claim selected, 2 selected and flashing."""
        fmt = self._formats.get((color_name, state))
        if fmt is not None:
            return fmt
        palette = self.palette()  # the text and the page the highlights lie between
        ink = palette.color(QPalette.ColorRole.Text).name()
        paper = palette.color(QPalette.ColorRole.Base).name()
        color = QColor(color_name)
        fmt = QTextCharFormat()
        bg = QColor(color)
        alpha = (60, 110, 200)[state] / 255
        # No stronger than leaves the text at 4.5:1 (a dark verdict's flash would not).
        bg.setAlpha(round(255 * readable_alpha(color.name(), alpha, ink, paper)))
        fmt.setBackground(bg)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color.darker(130))
        if state:
            fmt.setProperty(QTextFormat.Property.FontWeight, int(QFont.Weight.DemiBold))
        self._formats[(color_name, state)] = fmt
        return fmt

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a dark or light theme: new looks
            self._formats.clear()
            self._selections.clear()
            self._repaint_highlights()

    def _mark_selections(self, visible: tuple[int, int]) -> list:
        first, last = visible
        mark = QTextCharFormat()
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        mark.setUnderlineColor(self.palette().color(QPalette.ColorRole.Link))
        selections = []
        for start, end in self._marks[: bisect_right(self._marks, (last, last))]:
            if end >= first:
                selections.extend(self._pieces(start, end, mark))
        return selections

    # --- positions -------------------------------------------------------------------

    def selection_codepoints(self) -> tuple[int, int] | None:
        """The user's selection as (start, end) code points, trimmed of white space."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        start = self._map.to_codepoint(cursor.selectionStart())
        end = self._map.to_codepoint(cursor.selectionEnd())
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def cursor_codepoint(self) -> int:
        """Where the text cursor is, in code points of the stored text."""
        return self._map.to_codepoint(self.textCursor().position())

    def select_codepoints(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def spans_at(self, u16: int) -> list[Span]:
        """Highlights covering document position `u16`, innermost (shortest) first."""
        hits = [s for s in self._spans[: bisect_right(self._starts, u16)] if s.end > u16]
        return sorted(hits, key=lambda s: s.end - s.start)

    def _position_at(self, point: QPoint) -> int:
        return self.cursorForPosition(point).position()

    # --- selection of a claim --------------------------------------------------------

    def show_claim(self, claim_id: int | None, *, flash: bool = True) -> None:
        """Mark a claim as selected, scroll to its first highlight and flash it."""
        self._selected_claim = claim_id
        entry = self._claim_spans.get(claim_id)  # absent while only spans are painted
        spans = sorted(entry[1]) if entry else [s for s in self._spans if s.claim_id == claim_id]
        if spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(spans[0].end)
            self.setTextCursor(cursor)
            cursor.setPosition(spans[0].start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        if flash and spans:
            self._flash_left = 4
            self._flash_timer.start()
        else:
            self._repaint_highlights()

    def _flash_step(self) -> None:
        self._flash_on = not self._flash_on
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash_on = False
            self._flash_timer.stop()
        self._repaint_highlights()

    # --- sentence mode ---------------------------------------------------------------

    def set_sentence_mode(self, on: bool) -> None:
        self._sentence_mode = on

    def select_sentence_at(self, u16: int) -> bool:
        if self.article is None:
            return False
        span = sentence_at(
            self.article.text, self._map.to_codepoint(u16), self.article.language or "fr"
        )
        if span is None:
            return False
        self.select_codepoints(*span)
        return True

    # --- events ----------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        moved = (point - getattr(self, "_press_pos", point)).manhattanLength() > 3
        if moved:
            return
        position = self._position_at(point)
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if self._sentence_mode or alt:
            self.select_sentence_at(position)
            return
        if not self.textCursor().hasSelection():
            hits = self.spans_at(position)
            if hits:
                self.claimClicked.emit(hits[0].claim_id)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_sentence_at(self._position_at(event.position().toPoint()))
            return
        super().mouseDoubleClickEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hits = self.spans_at(
                self._position_at(self.viewport().mapFromGlobal(event.globalPos()))
            )
            if hits:
                QToolTip.showText(event.globalPos(), self._tooltip(hits), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tooltip(self, hits: list[Span]) -> str:

        rows = []
        seen = set()
        for span in hits:
            claim = self._claims.get(span.claim_id)
            if claim is None or claim.id in seen:
                continue
            seen.add(claim.id)
            verdict = (
                rating_label(claim.rating.key, claim.rating.label)
                if claim.rating
                else self.tr("Not rated")
            )
            color = claim.rating.color if claim.rating else NEUTRAL_COLOR
            who = f" — {escape(claim.claimant)}" if claim.claimant else ""
            rows.append(
                f"<p>{swatch_html(color)} <b>{escape(verdict)}</b>{who}<br>"
                f"{escape(claim.label[:200])}</p>"
            )
        return "".join(rows)

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        has_selection = self.selection_codepoints() is not None
        tag = menu.addAction(self.tr("Tag as claim"), self.tagRequested.emit)
        tag.setEnabled(has_selection)
        add = menu.addAction(self.tr("Add to selected claim"), self.addHighlightRequested.emit)
        add.setEnabled(has_selection and self._selected_claim is not None)
        position = self._position_at(event.pos())
        hits = self.spans_at(position)
        if hits:
            menu.addSeparator()
            hl = hits[0].highlight_id
            menu.addAction(
                self.tr("Delete this highlight"), lambda: self.deleteHighlightRequested.emit(hl)
            )
        menu.addSeparator()
        menu.addAction(self.tr("Select sentence"), lambda: self.select_sentence_at(position))
        copy = menu.addAction(self.tr("Copy"), self.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        menu.exec(event.globalPos())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_margins()
        self._update_visible()

    def _fit_margins(self) -> None:
        """Centre a reading-width column; a transcript's margin takes the left side."""
        spare = max(0, self.width() - READING_WIDTH_PX)
        left = max(spare // 2, TURN_MARGIN if self.margin.turns else 0)
        self.setViewportMargins(left, 0, spare // 2, 0)
        self.margin.place(left)
