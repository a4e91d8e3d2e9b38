"""The library pane: every article with outlet, date and claim count; filter and sort."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.views import ArticleSummary


class ArticleTableModel(QAbstractTableModel):
    ArticleIdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self.headers = [self.tr("Title"), self.tr("Outlet"), self.tr("Date"), self.tr("Claims")]

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        day = row.published or row.created_at.date()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title or self.tr("(untitled)"), row.outlet, day.isoformat(), row.claims)[
                col
            ]
        if role == self.SortRole:
            return (row.title.casefold(), row.outlet.casefold(), day.isoformat(), row.claims)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ArticleIdRole:
            return row.id
        return None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == article_id), -1)


class LibraryPanel(QWidget):
    """Filter box above a sortable article table. Emits articleSelected(id)."""

    articleSelected = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter articles"))
        self.filter.setAccessibleName(self.tr("Filter articles"))
        self.filter.setClearButtonEnabled(True)
        self.model = ArticleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ArticleTableModel.SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        current = self.current_id()
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        if current is not None:
            self.select(current, emit=False)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def select(self, article_id: int, *, emit: bool = True) -> None:
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if not emit:
            self.table.selectionModel().blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.articleSelected.emit(current.data(ArticleTableModel.ArticleIdRole))
