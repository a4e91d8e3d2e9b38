"""The margin beside a transcript: each turn's speaker and time where the turn begins.

Painted, not laid out: only the turns in view are drawn, found by bisecting the turns'
paragraph numbers from the first block on screen, so a three-hour debate with
thousands of turns scrolls as smoothly as an article. Absent (zero width) for articles
without turns.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.core.transcripts import clock

WIDTH = 124


class TurnMargin(QWidget):
    def __init__(self, text: QTextEdit) -> None:
        super().__init__(text)
        self.text = text
        self.turns: list[tuple[int, str, int | None]] = []
        self._paragraphs: list[int] = []
        self.setAccessibleName(self.tr("Speakers and times"))
        text.verticalScrollBar().valueChanged.connect(self.update)
        self.hide()

    def set_turns(self, turns) -> None:
        self.turns = sorted((int(p), s, ms) for p, s, ms in turns or ())
        self._paragraphs = [p for p, _s, _ms in self.turns]
        self.setVisible(bool(self.turns))
        self.update()

    def place(self, left: int) -> None:
        """Sit just left of the text column, whose viewport margin is `left`."""
        rect = self.text.contentsRect()
        self.setGeometry(QRect(rect.left() + left - WIDTH, rect.top(), WIDTH, rect.height()))

    def paintEvent(self, _event) -> None:
        if not self.turns:
            return
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        doc = self.text.document()
        layout = doc.documentLayout()
        offset = self.text.verticalScrollBar().value()
        top_block = self.text.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.85))
        bold = QFont(self.font())
        bold.setBold(True)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        ink = palette.color(QPalette.ColorRole.Text)
        line = painter.fontMetrics().height()
        start = max(0, bisect_left(self._paragraphs, top_block // 2) - 1)
        for paragraph, speaker, ms in self.turns[start:]:
            block = doc.findBlockByNumber(2 * paragraph)
            if not block.isValid():
                break
            y = int(layout.blockBoundingRect(block).top()) - offset
            if y > self.height():
                break
            if y + 2 * line < 0:
                continue
            x, width = 8, WIDTH - 14
            if ms is not None and ms >= 0:
                painter.setFont(small)
                painter.setPen(muted)
                painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, clock(ms))
                y += line
            if speaker:
                painter.setFont(bold)
                painter.setPen(ink)
                shown = painter.fontMetrics().elidedText(
                    speaker, Qt.TextElideMode.ElideRight, width
                )
                painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignLeft, shown)
        painter.end()
