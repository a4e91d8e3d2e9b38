"""The dashboard's chart and its numbers: a chart laid out by desktop.core.charts and
painted with QPainter (no QtCharts: its module costs start-up time for a few rectangles),
and the same numbers as a copyable table.

Painting the core's layout keeps the window's chart and the reports' SVG alike; text
takes the palette's colours, so light and dark themes both read, and numbers on a verdict
colour take the ink the core chose for contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QToolTip, QWidget

from desktop.core import charts


class ChartView(QWidget):
    """A chart, laid out again for each width; a click on a bar (or its label, or its
    column) emits its key, and hovering a bar shows its numbers."""

    barClicked = Signal(object)  # the category's key (desktop.core.stats Bar.key)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: charts.Chart | None = None
        self.layout_: charts.Layout | None = None
        self.selected = None  # the key of the category whose claims are listed
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Chart"))
        self.setMinimumWidth(320)

    def set_chart(self, chart: charts.Chart | None) -> None:
        self.chart = chart
        if chart is None or self.selected not in chart.keys:
            self.selected = None
        self.setAccessibleDescription(chart.description if chart else "")
        self._relayout()

    def font_px(self) -> float:
        return max(9.0, QFontMetricsF(self.font()).height() * 0.72)

    def _relayout(self) -> None:
        if self.chart is None:
            self.layout_ = None
            self.setMinimumHeight(0)
        else:
            self.layout_ = charts.layout(
                self.chart, width=max(320, self.width()), font=self.font_px()
            )
            self.setMinimumHeight(int(self.layout_.height))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        height = int(self.layout_.height) if self.layout_ else 200
        return QSize(640, height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.layout_ is None or abs(self.layout_.width - self.width()) > 1:
            self._relayout()

    def key_at(self, point: QPointF):
        return self.layout_.key_at(point.x(), point.y()) if self.layout_ else None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        key = self.key_at(event.position())
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.barClicked.emit(key)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        tip = ""
        if self.layout_ is not None:
            p = event.position()
            for box in self.layout_.boxes():
                if box.key is not None and QRectF(box.x, box.y, box.w, box.h).contains(p):
                    tip = box.tip
                    break
        has_key = self.key_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if has_key else Qt.CursorShape.ArrowCursor)
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.layout_ is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for band in self.layout_.items:
            if isinstance(band, charts.Band) and band.key == self.selected:
                shade = QColor(self.palette().color(QPalette.ColorRole.Highlight))
                shade.setAlphaF(0.22)
                painter.fillRect(QRectF(band.x, band.y, band.w, band.h), shade)
        paint_layout(painter, self.layout_, self.palette(), self.font())
        painter.end()

    def select(self, key) -> None:
        """Mark the category whose claims are listed."""
        self.selected = key
        self.update()


def paint_layout(painter: QPainter, lay: charts.Layout, palette: QPalette, base: QFont) -> None:
    """Draw a core chart layout: boxes, labels and rules, text in the palette's ink."""
    ink = palette.color(QPalette.ColorRole.WindowText)
    muted = QColor(ink)
    muted.setAlphaF(0.75)
    grid = QColor(ink)
    grid.setAlphaF(0.15)
    outline = QColor(ink)
    outline.setAlphaF(0.3)
    for item in lay.items:
        if isinstance(item, charts.Rule):
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
        elif isinstance(item, charts.Box):
            painter.setPen(QPen(outline, 0.5))
            painter.setBrush(QColor(item.color))
            painter.drawRect(QRectF(item.x, item.y, item.w, item.h))
        elif isinstance(item, charts.Label):
            font = QFont(base)
            font.setPixelSize(max(7, round(item.size)))
            font.setBold(item.bold)
            painter.setFont(font)
            metrics = QFontMetricsF(font)
            text = item.full or item.text
            if item.fit:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, item.fit)
            else:
                text = item.text
            color = {"ink": ink, "muted": muted}.get(item.ink) or QColor(item.ink)
            painter.setPen(color)
            width = metrics.horizontalAdvance(text)
            x = item.x - (
                width if item.anchor == "end" else width / 2 if item.anchor == "middle" else 0
            )
            painter.drawText(QPointF(x, item.y), text)


class NumbersTable(QTableView):
    """The chart's numbers as a table; Ctrl+C copies the selected cells (tab-separated,
    with their headers), ready to paste into a spreadsheet."""

    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Numbers of the chart"))
        self.verticalHeader().setVisible(False)
        self.setSortingEnabled(False)
        QShortcut(QKeySequence.StandardKey.Copy, self, self.copy_selection)

    def set_chart(self, chart: charts.Chart | None) -> None:
        self.model_.clear()
        if chart is None:
            return
        headers, rows = chart.table()
        self.model_.setHorizontalHeaderLabels([str(h) for h in headers])
        for i, row in enumerate(rows):
            items = []
            for j, value in enumerate(row):
                item = QStandardItem(str(value))
                if j:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(chart.keys[i] if i < len(chart.keys) else None, self.KeyRole)
                items.append(item)
            self.model_.appendRow(items)
        self.resizeColumnsToContents()

    def copy_selection(self) -> str:
        """Copy the selected cells (every cell when none is) as tab-separated text."""
        indexes = self.selectedIndexes() or [
            self.model_.index(r, c)
            for r in range(self.model_.rowCount())
            for c in range(self.model_.columnCount())
        ]
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        header = [self.model_.headerData(c, Qt.Orientation.Horizontal) or "" for c in cols]
        lines = ["\t".join(header)]
        for r in rows:
            lines.append(
                "\t".join(self.model_.index(r, c).data() if (r, c) in chosen else "" for c in cols)
            )
        text = "\n".join(lines) + "\n"
        QGuiApplication.clipboard().setText(text)
        return text
