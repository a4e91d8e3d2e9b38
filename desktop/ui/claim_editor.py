"""The claim panel: the article's claims as a list, and the editor of the selected one.

The editor never writes to the database itself: each finished edit is reported as
(field, old value, new value) and the main window turns it into an undo command.
Free-text fields report when editing finishes, or after a short pause in typing, so
work is saved continuously without one undo step per keystroke.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ratings import NEUTRAL_COLOR
from desktop.core.views import ClaimView, RatingView
from desktop.ui.i18n import rating_label

NO_DATE = QDate(1900, 1, 1)
TYPING_PAUSE_MS = 500


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
        icon = _ICONS[(color, size)] = QIcon(pixmap)
    return icon


class ClaimListModel(QAbstractListModel):
    """The article's claims in reading order, numbered as in reports.

    Every row is two lines (the claim; claimant and verdict), so the table showing it
    has one fixed row height and never measures thousands of rows.
    """

    ClaimIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.claims: list[ClaimView] = []

    def set_claims(self, claims: list[ClaimView]) -> None:
        self.beginResetModel()
        self.claims = list(claims)
        self.endResetModel()

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
        for row, claim in enumerate(self.claims):
            if claim.id == claim_id:
                return row
        return -1


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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(110)
        self.table.doubleClicked.connect(lambda _i: self._emit_selected(self.editRequested))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.add_btn = QPushButton(self.tr("&Add…"), self)
        self.reuse_btn = QPushButton(self.tr("&Reuse…"), self)
        self.edit_btn = QPushButton(self.tr("&Edit…"), self)
        self.remove_btn = QPushButton(self.tr("Remo&ve"), self)
        self.open_btn = QPushButton(self.tr("&Open link"), self)
        self.add_btn.setToolTip(self.tr("Cite a new source for this claim"))
        self.reuse_btn.setToolTip(self.tr("Cite a source already in the library"))
        for b in (self.add_btn, self.reuse_btn, self.edit_btn, self.remove_btn, self.open_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
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
            "supports": self.tr("supports"),
            "refutes": self.tr("refutes"),
            "context": self.tr("context"),
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


class ClaimEditor(QScrollArea):
    """Fields of the selected claim. Emits edited(field, old, new) for each change."""

    edited = Signal(str, object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.claim: ClaimView | None = None
        self._loading = False
        body = QWidget(self)
        self.setWidget(body)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.quote = QLabel(body)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setAccessibleName(self.tr("Quoted text"))
        self.quote.setStyleSheet("QLabel { font-style: italic; }")
        form.addRow(self.tr("Quote:"), self.quote)

        self.text = QPlainTextEdit(body)
        self.text.setPlaceholderText(self.tr("The claim in your own words"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        form.addRow(self.tr("&Claim:"), self.text)

        self.claimant = QLineEdit(body)
        self.claimant.setPlaceholderText(self.tr("Who made the claim"))
        self.claimant_kind = QComboBox(body)
        for key, label in (
            ("", self.tr("—")),
            ("person", self.tr("Person")),
            ("organization", self.tr("Organization")),
        ):
            self.claimant_kind.addItem(label, key)
        form.addRow(self.tr("Clai&mant:"), self.claimant)
        form.addRow(self.tr("Claimant &is:"), self.claimant_kind)

        self.claim_date = QDateEdit(body)
        self.claim_date.setCalendarPopup(True)
        self.claim_date.setMinimumDate(NO_DATE)
        self.claim_date.setSpecialValueText(self.tr("No date"))
        self.claim_date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Claim &date:"), self.claim_date)

        self.appearance_url = QLineEdit(body)
        self.appearance_url.setPlaceholderText("https://…")
        form.addRow(self.tr("&Appeared at:"), self.appearance_url)

        self.verdict = QComboBox(body)
        form.addRow(self.tr("&Verdict:"), self.verdict)

        self.status = QComboBox(body)
        for key, label in (
            ("draft", self.tr("Draft")),
            ("review", self.tr("In review")),
            ("published", self.tr("Published")),
        ):
            self.status.addItem(label, key)
        form.addRow(self.tr("&Status:"), self.status)

        self.tags = QLineEdit(body)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. elections, Russia"))
        form.addRow(self.tr("&Tags:"), self.tags)

        self.checker = QLineEdit(body)
        form.addRow(self.tr("C&hecker:"), self.checker)

        self.rationale = QPlainTextEdit(body)
        self.rationale.setPlaceholderText(self.tr("Why this verdict (Markdown)"))
        self.rationale.setTabChangesFocus(True)
        self.preview = QTextBrowser(body)
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._open_link)
        self.rationale_tabs = QTabWidget(body)
        self.rationale_tabs.addTab(self.rationale, self.tr("Write"))
        self.rationale_tabs.addTab(self.preview, self.tr("Preview"))
        self.rationale_tabs.setMinimumHeight(120)
        self.rationale_tabs.setMaximumHeight(200)
        self.rationale_tabs.currentChanged.connect(self._update_preview)
        form.addRow(self.tr("&Rationale:"), self.rationale_tabs)

        self.sources = SourcesTable(body)
        sources_label = QLabel(self.tr("Sources"), body)
        sources_label.setStyleSheet("QLabel { font-weight: 600; margin-top: 6px; }")
        form.addRow(sources_label)
        form.addRow(self.sources)

        names = {
            self.text: self.tr("Restated claim"),
            self.claimant: self.tr("Claimant"),
            self.claimant_kind: self.tr("Claimant kind"),
            self.claim_date: self.tr("Claim date"),
            self.appearance_url: self.tr("Appearance URL"),
            self.verdict: self.tr("Verdict"),
            self.status: self.tr("Status"),
            self.tags: self.tr("Tags"),
            self.checker: self.tr("Checker"),
            self.rationale: self.tr("Rationale"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

        self._claimant_completer = QCompleter([], self)
        self._claimant_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.claimant.setCompleter(self._claimant_completer)
        self._tag_completer = QCompleter([], self)
        self._tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(self._tag_completer)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.flush)
        for edit in (self.text, self.rationale):
            edit.textChanged.connect(self._on_typing)
        for line, name in (
            (self.claimant, "claimant"),
            (self.appearance_url, "appearance_url"),
            (self.checker, "checker"),
        ):
            line.editingFinished.connect(lambda n=name, w=line: self._commit(n, w.text().strip()))
        self.tags.editingFinished.connect(lambda: self._commit("tags", self._tag_list()))
        self.claimant_kind.activated.connect(
            lambda _i: self._commit("claimant_kind", self.claimant_kind.currentData())
        )
        self.status.activated.connect(lambda _i: self._commit("status", self.status.currentData()))
        self.verdict.activated.connect(
            lambda _i: self._commit("rating_id", self.verdict.currentData())
        )
        self.claim_date.editingFinished.connect(
            lambda: self._commit("claim_date", self._date_value())
        )
        self.set_claim(None)

    # --- loading -----------------------------------------------------------------

    def set_ratings(self, ratings: list[RatingView]) -> None:
        current = self.verdict.currentData()
        self.verdict.clear()
        self.verdict.addItem(color_icon(NEUTRAL_COLOR), self.tr("Not rated"), None)
        for r in ratings:
            self.verdict.addItem(color_icon(r.color), rating_label(r.key, r.label), r.id)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(current)))

    def set_completions(self, claimants: list[str], tags: list[str]) -> None:
        from PySide6.QtCore import QStringListModel

        self._claimant_completer.setModel(QStringListModel(claimants, self._claimant_completer))
        self._tag_completer.setModel(QStringListModel(tags, self._tag_completer))

    def set_claim(self, claim: ClaimView | None) -> None:
        """Show a claim's fields (or disable the editor when none is selected)."""
        if self.claim is not None and (claim is None or claim.id != self.claim.id):
            self.flush()
        self.claim = claim
        self.widget().setEnabled(claim is not None)
        self._loading = True
        try:
            c = claim
            self.quote.setText(c.quote if c else self.tr("Select a claim, or tag a span."))
            self._set_plain(self.text, c.text if c else "")
            self._set_line(self.claimant, c.claimant if c else "")
            self.claimant_kind.setCurrentIndex(
                max(0, self.claimant_kind.findData(c.claimant_kind if c else ""))
            )
            self.claim_date.setDate(
                QDate(c.claim_date.year, c.claim_date.month, c.claim_date.day)
                if c and c.claim_date
                else NO_DATE
            )
            self._set_line(self.appearance_url, c.appearance_url if c else "")
            self.verdict.setCurrentIndex(
                max(0, self.verdict.findData(c.rating.id if c and c.rating else None))
            )
            self.status.setCurrentIndex(max(0, self.status.findData(c.status if c else "draft")))
            self._set_line(self.tags, ", ".join(c.tags) if c else "")
            self._set_line(self.checker, c.checker if c else "")
            self._set_plain(self.rationale, c.rationale if c else "")
            self.sources.set_sources(c.sources if c else ())
            self._update_preview()
        finally:
            self._loading = False

    @staticmethod
    def _set_line(widget: QLineEdit, value: str) -> None:
        if widget.text() != value:
            widget.setText(value)

    @staticmethod
    def _set_plain(widget: QPlainTextEdit, value: str) -> None:
        if widget.toPlainText() != value:
            widget.setPlainText(value)

    # --- editing ---------------------------------------------------------------------

    def _current(self, name: str):
        c = self.claim
        if name == "tags":
            return list(c.tags)
        if name == "rating_id":
            return c.rating.id if c.rating else None
        return getattr(c, name)

    def _commit(self, name: str, value) -> None:
        if self._loading or self.claim is None:
            return
        old = self._current(name)
        if old == value or (
            name == "tags" and [t.casefold() for t in old] == [t.casefold() for t in value]
        ):
            return
        self.edited.emit(name, old, value)

    def _on_typing(self) -> None:
        if not self._loading:
            self._typing.start()

    def flush(self) -> None:
        """Report pending free-text edits now (before switching claims or closing)."""
        self._typing.stop()
        if self.claim is None:
            return
        self._commit("text", self.text.toPlainText().strip())
        if self.claim is not None:
            self._commit("rationale", self.rationale.toPlainText())

    def _tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.text().split(",") if t.strip()]

    def _date_value(self) -> date | None:
        qd = self.claim_date.date()
        return None if qd == NO_DATE else date(qd.year(), qd.month(), qd.day())

    def _update_preview(self, _index: int = 0) -> None:
        if self.rationale_tabs.currentWidget() is self.preview:
            from desktop.core.markup import render_markdown

            self.preview.setHtml(render_markdown(self.rationale.toPlainText()))

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)


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
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.checker_filter)
        layout.addLayout(heading_row)
        layout.addWidget(self.list)
        self.editor = ClaimEditor(self)
        self.addWidget(top)
        self.addWidget(self.editor)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 3)

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

    def select_claim(self, claim_id: int | None) -> None:
        row = self.model.row_of(claim_id) if claim_id is not None else -1
        if row < 0:
            self.list.clearSelection()
            self.list.setCurrentIndex(QModelIndex())
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
