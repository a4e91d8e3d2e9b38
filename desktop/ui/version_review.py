"""After a new version: how each claim's highlight was carried over, for the checker to
confirm; and the dialog that takes a new version from a file or pasted text.

A reworded quote is shown old beside new, its changed words marked; the version the
claim was checked against stays the claim's until the checker marks it re-checked.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import diffing, importers
from desktop.core.versions import OUTCOMES, confirm, review
from desktop.ui.version_diff import diff_styles


class NewVersionDialog(QDialog):
    """Paste the new text, or choose a file (read by the same importers as an article)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import New Version"))
        self.resize(620, 420)
        self.path = ""
        intro = QLabel(
            self.tr(
                "Paste the article's new text below, or choose a file. The current text stays "
                "as an earlier version; highlights are carried over for you to review."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("New text"))
        self.editor.setPlaceholderText(self.tr("Paste the new version of the article here"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Store as New Version"))
        self.ok.setEnabled(False)
        choose = buttons.addButton(self.tr("From &File…"), QDialogButtonBox.ButtonRole.ActionRole)
        choose.clicked.connect(self._choose_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.editor.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("New version of the article"),
            "",
            importers.file_dialog_filter(everything=self.tr("Articles")),
        )
        if path:
            self.path = path
            self.accept()


class VersionReviewDialog(QDialog):
    """Each claim's quote in the version it was checked against and in the newest one."""

    confirmed = Signal()

    COLUMNS = 5

    def __init__(
        self, wb, article_id: int, parent: QWidget | None = None, *, before_write=None
    ) -> None:
        super().__init__(parent)
        self.wb, self.article_id = wb, article_id
        # Saves what the checker is typing in the claim editor before claims change.
        self.before_write = before_write
        self.setWindowTitle(self.tr("Review Carried-Over Highlights"))
        self.resize(1000, 560)
        self.outcomes = wb.read(review, article_id)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Claim"),
                self.tr("Outcome"),
                self.tr("Checked version"),
                self.tr("Newest version"),
                self.tr("Confirmed"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 200)
        self.recheck = QCheckBox(
            self.tr("Confirmed claims are re-&checked against the newest version"), self
        )
        self.recheck.setToolTip(
            self.tr("Leave unticked to keep each verdict tied to the version it was reached on")
        )
        self.confirm_selected = QPushButton(self.tr("Confirm &Selected"), self)
        self.confirm_all = QPushButton(self.tr("Confirm &All"), self)
        self.confirm_selected.clicked.connect(self._confirm_selected)
        self.confirm_all.clicked.connect(self._confirm_all)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.recheck)
        row.addStretch(1)
        row.addWidget(self.confirm_selected)
        row.addWidget(self.confirm_all)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._fill()

    def _outcome_text(self, kind: str) -> str:
        return {
            "unchanged": self.tr("Unchanged"),
            "moved": self.tr("Moved"),
            "reworded": self.tr("Wording changed"),
            "orphaned": self.tr("Not found"),
        }[kind]

    def _fill(self) -> None:
        counts = {k: sum(1 for o in self.outcomes if o.kind == k) for k in OUTCOMES}
        waiting = sum(1 for o in self.outcomes if not o.confirmed)
        self.intro.setText(
            self.tr(
                "{0} unchanged, {1} moved, {2} with changed wording, {3} not found. "
                "{4} wait for your confirmation."
            ).format(
                counts["unchanged"],
                counts["moved"],
                counts["reworded"],
                counts["orphaned"],
                waiting,
            )
        )
        styles = diff_styles(self.palette())
        self.table.setRowCount(len(self.outcomes))
        for r, o in enumerate(self.outcomes):
            claim = QTableWidgetItem(o.claim_label)
            claim.setToolTip(o.claim_label)
            claim.setData(Qt.ItemDataRole.UserRole, o.highlight_id)
            self.table.setItem(r, 0, claim)
            outcome = QTableWidgetItem(self._outcome_text(o.kind))
            if not o.confirmed:  # what still waits for the checker stands out
                font = outcome.font()
                font.setBold(True)
                outcome.setFont(font)
            self.table.setItem(r, 1, outcome)
            old_html, new_html = self._quotes(o, styles)
            self.table.setCellWidget(r, 2, self._label(old_html, o.old_number))
            self.table.setCellWidget(r, 3, self._label(new_html, o.new_number))
            done = QTableWidgetItem(self.tr("Yes") if o.confirmed else self.tr("No"))
            self.table.setItem(r, 4, done)
        self.table.resizeRowsToContents()
        self.confirm_all.setEnabled(waiting > 0 or self.recheck.isChecked())

    def _quotes(self, o, styles: dict[str, str]) -> tuple[str, str]:
        """The old and new quotes as rich text; a reworded pair with its changes marked."""
        if o.kind == "orphaned":
            missing = escape(self.tr("(not found)"))  # outside the f-string: lupdate sees it
            return escape(o.old_exact), f'<i style="{styles["delete"]}">{missing}</i>'

        if o.kind != "reworded":
            return escape(o.old_exact), escape(o.new_exact)
        pieces = diffing.diff_words(o.old_exact, o.new_exact)
        old = "".join(_span(p, styles) for p in pieces if p.kind != "insert")
        new = "".join(_span(p, styles) for p in pieces if p.kind != "delete")
        return old, new

    def _label(self, body: str, number: int) -> QLabel:
        label = QLabel(f'<span style="color:gray">v{number}</span> {body}', self.table)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setContentsMargins(4, 2, 4, 2)
        return label

    def _selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return [self.outcomes[r].highlight_id for r in sorted(rows)]

    def _confirm_selected(self) -> None:
        self._confirm(self._selected_ids())

    def _confirm_all(self) -> None:
        self._confirm([o.highlight_id for o in self.outcomes])

    def _confirm(self, ids: list[int]) -> None:
        if not ids:
            return
        recheck = self.recheck.isChecked()
        if self.before_write is not None:
            self.before_write()
        self.wb.write(confirm, self.article_id, ids, recheck=recheck)
        self.outcomes = self.wb.read(review, self.article_id)
        self._fill()
        self.confirmed.emit()


def _span(p: diffing.Piece, styles: dict[str, str]) -> str:
    text = escape(p.text)
    return text if p.kind == "same" else f'<span style="{styles[p.kind]}">{text}</span>'
