"""The library pane: every article with outlet, date and claim count; filter and sort.

The filter ignores accents and case as the library's search does ("Taiwan" shows
"Taïwan"), and says so when no article matches rather than showing an empty table.

It imports nothing of SQLAlchemy: the start shows it before that has loaded.

The model sorts and filters in Python itself, with one key per row computed once,
instead of through a QSortFilterProxyModel: the proxy asks the Python model for every
comparison (220,000 calls of data() to sort 10,000 articles, a second of start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.summary_rows import ArticleSummary

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _fold(text: str) -> str:
    """The search index's folding, imported when first filtering: the start shows the
    list before SQLAlchemy, which that module uses, has loaded."""
    from desktop.core.search_index import fold

    return fold(text)


class ArticleTableModel(QAbstractTableModel):
    """`rows` holds every article as given; the table shows `shown`, filtered and sorted."""

    ArticleIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self.shown: list[ArticleSummary] = []
        # The count column is narrow: "#" heads it, "Claims" is its tooltip.
        self.headers = [self.tr("Title"), self.tr("Outlet"), self.tr("Published"), "#"]
        self._cells: dict[int, tuple] = {}  # article id → display values, made once
        self._index: dict[int, int] = {}  # article id → row in `shown`
        self._folded: dict[int, tuple] = {}  # article id → (row, its cells folded), made once
        self._needle = ""
        self._sort = (2, Qt.SortOrder.DescendingOrder)

    def _display(self, row: ArticleSummary) -> tuple:
        """(the row it was made from, the four cells shown), made when first needed."""
        cells = self._cells.get(row.id)
        if cells is None or cells[0] is not row:
            day = (row.published or row.created_at.date()).isoformat()
            title = row.title or self.tr("(untitled)")
            if row.versions > 1:
                # First, so a narrow column that cuts the title still shows it.
                title = self.tr("v{0} · {1}").format(row.versions, title)
            cells = (row, (title, row.outlet, day, row.claims))
            self._cells[row.id] = cells
        return cells

    def versions_line(self, row: ArticleSummary) -> str:
        """ "3 versions, last changed 2026-11-28" for an article that changed."""
        day = row.last_changed.date().isoformat() if row.last_changed else ""
        return self.tr("{0} versions, last changed {1}").format(row.versions, day)

    def _haystack(self, row: ArticleSummary) -> str:
        """The row's cells without accents or case, for the filter; made once per row."""
        folded = self._folded.get(row.id)
        if folded is None or folded[0] is not row:
            folded = (row, _fold("\t".join(map(str, self._display(row)[1]))))
            self._folded[row.id] = folded
        return folded[1]

    def _arrange(self) -> None:
        """Recompute `shown` from `rows`, the filter text and the sort order."""
        needle = self._needle
        if needle:
            rows = [r for r in self.rows if needle in self._haystack(r)]
        else:
            rows = self.rows
        column, order = self._sort
        if column == 3:
            key = lambda r: (r.claims, r.id)  # noqa: E731
        elif column == 2:
            key = lambda r: (r.published or r.created_at.date(), r.id)  # noqa: E731
        elif column == 1:
            key = lambda r: (r.outlet.casefold(), r.id)  # noqa: E731
        else:
            key = lambda r: ((r.title or self.tr("(untitled)")).casefold(), r.id)  # noqa: E731
        self.shown = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._index = {r.id: i for i, r in enumerate(self.shown)}

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        live = {r.id for r in rows}
        self._cells = {k: v for k, v in self._cells.items() if k in live}
        self._folded = {k: v for k, v in self._folded.items() if k in live}
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = _fold(text.strip())
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = [(i, self.shown[i.row()].id) for i in self.persistentIndexList()]
        self._sort = (column, order)
        self._arrange()
        self.changePersistentIndexList(
            [i for i, _ in before], [self.index(self._index[aid], i.column()) for i, aid in before]
        )
        self.layoutChanged.emit()

    def update_row(self, summary: ArticleSummary) -> None:
        """One article's counts or title changed: update it in place, not the whole list."""
        self.rows = [summary if r.id == summary.id else r for r in self.rows]
        row = self._index.get(summary.id, -1)
        if row >= 0:
            self.shown[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("Claims") if section == 3 else self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Claims") if section == 3 else self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Claims") if section == 3 else self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.shown[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row)[1][col]
        if role == self.ArticleIdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and col in (0, 1):
            if col == 0 and row.versions > 1:
                return f"{row.title}\n{self.versions_line(row)}"
            return row.title if col == 0 else row.outlet
        if col == 2 and row.published is None:
            # No publication date known: the import date stands in, and says so.
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Imported on {0}; no publication date yet (Article Details)").format(
                    row.created_at.date().isoformat()
                )
            if role == Qt.ItemDataRole.ForegroundRole:
                return QPalette().brush(
                    QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return _RIGHT
        return None

    def row_of(self, article_id: int) -> int:
        """The table row showing an article, -1 if it is filtered out or absent."""
        return self._index.get(article_id, -1)


# Below this many pixels the library shows title, date and count only.
NARROW = 300
COUNT = 3
FITTED = (2, COUNT)  # the date and count columns, as wide as their contents


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
        self.proxy = self.model  # what the table shows (the model filters and sorts itself)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fit the columns to a hundred rows, not to all (10,000 × 3 cells, each a Python
        # call). Qt takes the row limit for column widths from the *vertical* header, and
        # 0 ("the visible rows") means every row while the table is not shown yet.
        self.table.verticalHeader().setResizeContentsPrecision(100)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        # Date and count fit their contents, measured when the rows are set (and when a
        # count outgrows its column), not by ResizeToContents: that re-measures a hundred
        # rows on every row update — each tag changes its article's count.
        for col in FITTED:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self._fitted_digits = 0  # the longest count the count column was fitted to
        # Said in place of the table when the filter hides every article.
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_match.setContentsMargins(8, 16, 8, 8)
        self.no_match.hide()
        layout.addWidget(self.filter)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)
        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        current = self.current_id()
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.table.selectionModel().blockSignals(False)
        self._show_no_match()
        self._fit_contents()
        self.fit_columns()
        if current is not None:
            self.select(current, emit=False)

    def _fit_contents(self) -> None:
        """Date and count columns as wide as their header and rows (a hundred sampled, as
        Qt's ResizeToContents does, and the largest count, which sampling may miss)."""
        for col in FITTED:
            self.table.resizeColumnToContents(col)
        self._fitted_digits = 0
        self._fit_count(self.model.rows)

    def _fit_count(self, rows) -> None:
        """Widen the count column for a count with more digits than any it was fitted to
        (a count passing 99); dates are all as long (ISO days)."""
        largest = max(rows, key=lambda r: r.claims, default=None)
        if largest is None or len(str(largest.claims)) <= self._fitted_digits:
            return
        row = self.model.row_of(largest.id)
        if row < 0:  # filtered out: measured once it is shown (set_filter resets)
            return
        self._fitted_digits = len(str(largest.claims))
        wanted = self.table.sizeHintForIndex(self.model.index(row, COUNT)).width()
        wanted += 1 if self.table.showGrid() else 0
        if wanted > self.table.columnWidth(COUNT):
            self.table.setColumnWidth(COUNT, wanted)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        built = hasattr(self, "_fitted_digits")  # not while __init__ runs
        if built and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_contents()

    def fit_columns(self) -> None:
        """The title keeps most of the room. No outlet column while no article names one
        or the pane is too narrow for it; when shown it takes at most a quarter (long
        outlets are cut, their whole name in the tooltip)."""
        width = self.table.viewport().width()
        has_outlet = any(r.outlet for r in self.model.rows) and width >= NARROW
        self.table.setColumnHidden(1, not has_outlet)
        if has_outlet:
            wanted = self.table.sizeHintForColumn(1)
            self.table.setColumnWidth(1, min(wanted, max(60, width // 4)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def update_article(self, summary: ArticleSummary) -> None:
        self.model.update_row(summary)
        self._fit_count([summary])

    def add_article(self, summary: ArticleSummary) -> None:
        """A newly imported article (or one already listed, updated in place)."""
        if any(r.id == summary.id for r in self.model.rows):
            self.model.update_row(summary)
            self._fit_count([summary])
            self.fit_columns()
        else:
            self.set_articles([summary, *self.model.rows])

    def _filter_changed(self, text: str) -> None:
        current = self.current_id()
        self.table.selectionModel().blockSignals(True)
        self.model.set_filter(text)
        self.table.selectionModel().blockSignals(False)
        self._show_no_match()
        self._fit_contents()
        if current is not None:
            self.select(current, emit=False)

    def _show_no_match(self) -> None:
        """The label in place of the table while the filter hides every article."""
        typed = self.filter.text().strip()
        empty = bool(typed) and bool(self.model.rows) and not self.model.shown
        if empty:
            self.no_match.setText(self.tr("No article matches “{0}”").format(typed))
        self.no_match.setVisible(empty)
        self.table.setVisible(not empty)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ArticleTableModel.ArticleIdRole) if index.isValid() else None

    def select(self, article_id: int, *, emit: bool = True) -> None:
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if not emit:
            self.table.selectionModel().blockSignals(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.articleSelected.emit(current.data(ArticleTableModel.ArticleIdRole))
