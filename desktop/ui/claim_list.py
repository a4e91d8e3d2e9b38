"""The claim panel: the article's claims as a list above the editor of the selected one."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.views import ClaimView
from desktop.ui.claim_editor import ClaimEditor
from desktop.ui.i18n import rating_label
from desktop.ui.sources_table import color_icon

MIN_ROWS = 6


def reading_order(claim: ClaimView) -> tuple[int, int]:
    """Where a claim sits in the list: by its first highlight, unanchored ones last."""
    return (claim.highlights[0].start if claim.highlights else 1 << 62, claim.id)


class ClaimListModel(QAbstractListModel):
    """The article's claims in reading order, numbered as in reports.

    Every row is two lines (the claim; claimant and verdict), so the table showing it
    has one fixed row height and never measures thousands of rows.
    """

    ClaimIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[ClaimView] = []
        self._last: tuple[int, int] | None = None  # (claim id, row) of the latest insertion

    def set_claims(self, claims: list[ClaimView]) -> None:
        self.beginResetModel()
        self.claims = list(claims)
        self._last = None
        self.endResetModel()

    def insert_claim(self, claim: ClaimView) -> int:
        """Put a new claim in its place in reading order; returns its row.

        One inserted row, not a reset: a reset makes the view forget its selection and
        ask again for every row it shows, which cost more than the tag itself.
        """
        row = bisect_right(self.claims, reading_order(claim), key=reading_order)
        self.beginInsertRows(QModelIndex(), row, row)
        self.claims.insert(row, claim)
        self._last = (claim.id, row)
        self.endInsertRows()
        return row

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.claims)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        claim = self.claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = claim.label.replace("\n", " ")
            label = label if len(label) <= 140 else label[:137] + "…"
            verdict = (
                rating_label(claim.rating.key, claim.rating.label)
                if claim.rating
                else self.tr("Not rated")
            )
            who = f"{claim.claimant} · " if claim.claimant else ""
            return f"{index.row() + 1}. {label}\n{who}{verdict}"
        if role == Qt.ItemDataRole.DecorationRole:
            return color_icon(claim.rating.color if claim.rating else NEUTRAL_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return claim.quote
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Claim {0}: {1}").format(index.row() + 1, claim.label)
        if role == self.ClaimIdRole:
            return claim.id
        return None

    def row_of(self, claim_id: int) -> int:
        if self._last is not None and self._last[0] == claim_id:
            return self._last[1]  # the claim just tagged, selected next
        for row, claim in enumerate(self.claims):
            if claim.id == claim_id:
                return row
        return -1


class ClaimPanel(QSplitter):
    """The claim list above the editor."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.model = ClaimListModel(self)
        top = QWidget(self)
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Claims"), top)
        self.heading.setStyleSheet("QLabel { font-weight: 600; padding: 4px; }")
        # Team mode: show one checker's claims (the claim's recorded checker).
        self.checker_filter = QComboBox(top)
        self.checker_filter.setAccessibleName(self.tr("Show the claims of"))
        self.checker_filter.setToolTip(self.tr("Show the claims of one checker"))
        self.checker_filter.addItem(self.tr("All checkers"), None)
        self.checker_filter.hide()  # shown once claims have more than one checker
        # A one-column table, not a QListView: a list view lays out every row again after
        # each change (a Python call per row, 5,000 per tag); a table with fixed row
        # heights only asks for the rows on screen.
        self.list = QTableView(top)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Claims of the article"))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setIconSize(QSize(14, 14))
        self.list.setAlternatingRowColors(True)
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.list.fontMetrics().lineSpacing() + 8)
        # Six claims stay in view however the editor below is sized (it scrolls instead).
        frame = 2 * self.list.frameWidth()
        self.list.setMinimumHeight(MIN_ROWS * rows.defaultSectionSize() + frame)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.checker_filter)
        layout.addLayout(heading_row)
        layout.addWidget(self.list)
        self.editor = ClaimEditor(self)
        self.addWidget(top)
        self.addWidget(self.editor)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setChildrenCollapsible(False)

    def filter_claims(self, claims: list[ClaimView]) -> list[ClaimView]:
        """The claims to show: all, or one checker's; the filter lists every checker."""
        wanted = self.checker_filter.currentData()
        checkers = sorted({c.checker for c in claims if c.checker}, key=str.casefold)
        present = [self.checker_filter.itemData(i) for i in range(1, self.checker_filter.count())]
        if checkers != present:
            self.checker_filter.blockSignals(True)
            while self.checker_filter.count() > 1:
                self.checker_filter.removeItem(1)
            for name in checkers:
                self.checker_filter.addItem(name, name)
            index = self.checker_filter.findData(wanted) if wanted else 0
            self.checker_filter.setCurrentIndex(max(0, index))
            self.checker_filter.blockSignals(False)
            wanted = self.checker_filter.currentData()
        self.checker_filter.setVisible(len(checkers) > 1 or wanted is not None)
        if wanted is None:
            return claims
        return [c for c in claims if c.checker == wanted]

    def selected_claim_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(ClaimListModel.ClaimIdRole) if index.isValid() else None

    def selected_claim(self) -> ClaimView | None:
        index = self.list.currentIndex()
        return self.model.claims[index.row()] if index.isValid() else None

    def select_claim(self, claim_id: int | None) -> None:
        row = self.model.row_of(claim_id) if claim_id is not None else -1
        if row < 0:
            self.list.clearSelection()
            self.list.setCurrentIndex(QModelIndex())
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
