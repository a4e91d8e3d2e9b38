"""The sources a claim cites, as a table with add / reuse / edit / remove / open link."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QStyle,
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
    captureRequested = Signal(int)  # fetch the source's address now
    capturesRequested = Signal(int)  # show the source's captures
    sourcesShown = Signal()  # the rows were (re)built: capture marks are due

    COLUMNS = ("Title", "Publisher", "Stance", "Link")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sources = ()
        self._marks: dict[int, tuple[bool, str]] = {}  # source id → (warning, tooltip)
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
        self.capture_btn = QPushButton(self.tr("Ca&pture"), row)
        self.captures_btn = QPushButton(self.tr("Capt&ures…"), row)
        self.add_btn.setToolTip(self.tr("Cite a new source for this claim"))
        self.reuse_btn.setToolTip(self.tr("Cite a source already in the library"))
        self.capture_btn.setToolTip(
            self.tr("Fetch the source's page now and keep a copy of it in the library")
        )
        self.captures_btn.setToolTip(
            self.tr("The source's captured copies: text, excerpt, changes, WARC export")
        )
        for b in (
            self.add_btn,
            self.reuse_btn,
            self.edit_btn,
            self.remove_btn,
            self.open_btn,
            self.capture_btn,
            self.captures_btn,
        ):
            buttons.addWidget(b)
        layout.addWidget(row)
        self.add_btn.clicked.connect(self.addRequested.emit)
        self.reuse_btn.clicked.connect(self.reuseRequested.emit)
        self.edit_btn.clicked.connect(lambda: self._emit_selected(self.editRequested))
        self.remove_btn.clicked.connect(lambda: self._emit_selected(self.removeRequested))
        self.open_btn.clicked.connect(self.open_selected)
        self.capture_btn.clicked.connect(lambda: self._emit_selected(self.captureRequested))
        self.captures_btn.clicked.connect(lambda: self._emit_selected(self.capturesRequested))
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
        self._apply_marks()
        self._update_buttons()
        self.sourcesShown.emit()

    def set_capture_marks(self, marks: dict[int, tuple[bool, str]]) -> None:
        """What the captures say of each source: (warning, tooltip). A warning (the
        excerpt is not in the latest capture, or the page is gone) shows as an icon."""
        if marks != self._marks:
            self._marks = dict(marks)
            self._apply_marks()

    def capture_mark(self, source_id: int) -> tuple[bool, str] | None:
        return self._marks.get(source_id)

    def _apply_marks(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row, s in enumerate(self.sources):
            item = self.table.item(row, 0)
            if item is None:
                continue
            mark = self._marks.get(s.source_id)
            item.setIcon(warning if mark and mark[0] else QIcon())
            tip = s.excerpt or item.text()
            item.setToolTip(f"{mark[1]}\n\n{tip}" if mark else tip)

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
        source = self.selected()
        has = source is not None
        for b in (self.edit_btn, self.remove_btn, self.open_btn, self.captures_btn):
            b.setEnabled(has)
        self.capture_btn.setEnabled(has and source.url.startswith(("http://", "https://")))

    def open_selected(self) -> None:
        source = self.selected()
        if source and source.url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(source.url))
