"""The sources a claim cites, as a table with add / reuse / edit / remove / open link."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.flow_layout import FlowLayout, flow_policy

_ICONS: dict[tuple[str, int], QIcon] = {}


def selected_row(table) -> int | None:
    """The selected row of a single-selection table view, if any."""
    model = table.selectionModel()
    rows = model.selectedRows() if model else []
    return rows[0].row() if rows else None


def color_icon(color: str, size: int = 14) -> QIcon:
    """A square of a verdict's colour; made once per colour (lists ask on every paint)."""
    icon = _ICONS.get((color, size))
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor(color))
        # A thin darker frame: a light verdict (the yellow of Mixed) still shows on white.
        painter = QPainter(pixmap)
        painter.setPen(QColor(color).darker(170))
        painter.drawRect(0, 0, size - 1, size - 1)
        painter.end()
        icon = _ICONS[(color, size)] = QIcon(pixmap)
    return icon


def swatch_html(color: str) -> str:
    """A verdict's square in rich text, framed so a light one (Mixed's yellow) shows."""
    return f"<span style='color:{color}; background-color:#5f6368'>■</span>"


class SourcesTable(QWidget):
    """The sources a claim cites, with add / reuse / edit / remove / open."""

    addRequested = Signal()
    reuseRequested = Signal()
    editRequested = Signal(int)  # source id
    removeRequested = Signal(int)

    COLUMNS = ("Title", "Publisher", "Stance", "Link")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sources = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Publisher"), self.tr("Stance"), self.tr("Link")]
        )
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The title takes the room; the others their content's (the link is cut short).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 90)
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(110)
        self.table.doubleClicked.connect(lambda _i: self._emit_selected(self.editRequested))
        layout.addWidget(self.table)
        row = QWidget(self)
        buttons = FlowLayout(row)
        flow_policy(row)
        self.add_btn = QPushButton(self.tr("&Add…"), row)
        self.reuse_btn = QPushButton(self.tr("&Reuse…"), row)
        self.edit_btn = QPushButton(self.tr("&Edit…"), row)
        self.remove_btn = QPushButton(self.tr("Remo&ve"), row)
        self.open_btn = QPushButton(self.tr("&Open link"), row)
        self.add_btn.setToolTip(self.tr("Cite a new source for this claim"))
        self.reuse_btn.setToolTip(self.tr("Cite a source already in the library"))
        for b in (self.add_btn, self.reuse_btn, self.edit_btn, self.remove_btn, self.open_btn):
            buttons.addWidget(b)
        layout.addWidget(row)
        self.add_btn.clicked.connect(self.addRequested.emit)
        self.reuse_btn.clicked.connect(self.reuseRequested.emit)
        self.edit_btn.clicked.connect(lambda: self._emit_selected(self.editRequested))
        self.remove_btn.clicked.connect(lambda: self._emit_selected(self.removeRequested))
        self.open_btn.clicked.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_sources(self, sources) -> None:
        selected = self.selected_id()
        self.sources = tuple(sources)
        self.table.setRowCount(len(self.sources))
        stance_names = {
            "supports": self.tr("Supports the claim"),
            "refutes": self.tr("Refutes the claim"),
            "context": self.tr("Gives context"),
        }
        for row, s in enumerate(self.sources):
            cells = (s.title or s.url, s.publisher, stance_names.get(s.stance, s.stance), s.url)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(s.excerpt or value)
                self.table.setItem(row, col, item)
            if s.source_id == selected:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> int | None:
        row = selected_row(self.table)
        return self.sources[row].source_id if row is not None else None

    def selected(self):
        sid = self.selected_id()
        return next((s for s in self.sources if s.source_id == sid), None)

    def _emit_selected(self, signal) -> None:
        sid = self.selected_id()
        if sid is not None:
            signal.emit(sid)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for b in (self.edit_btn, self.remove_btn, self.open_btn):
            b.setEnabled(has)

    def open_selected(self) -> None:
        source = self.selected()
        if source and source.url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(source.url))
