"""The claim editor's "Already checked" list: the closest earlier checks of the claim being
edited, from this library's other articles and from other newsrooms (desktop.core.matching).

Matching runs on a worker thread, 0.6 s after the claim's words stop changing (0.15 s
after another claim is shown: once it has painted); an answer for words since replaced
(or arriving after the window closed) is dropped, so the list never shows another
claim's matches.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import rating_label

COLUMNS = 5  # match, verdict, checked by, date, claim
DELAY_MS = 600
# A claim just shown (a tag, a click in the list) is matched this soon: once the window
# has painted it. Begun at once, the worker thread took the interpreter lock from the
# window for as long as the paint itself (5 ms a tag).
SHOWN_MS = 150
TOP = 5
WEAK = 0.2  # a match this unlikely to be the same claim is greyed
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class AlreadyChecked(QWidget):
    """Emits the chosen Match: to cite it as a source, take its verdict, or open it."""

    citeRequested = Signal(object)
    verdictRequested = Signal(object)
    openRequested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.store = None  # the library to match against (set by the window)
        self.claim_id: int | None = None
        self.query = ""
        self.shown_query: str | None = None
        self.matches: list = []
        self._serial = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(COLUMNS)
        self.list.setHeaderLabels(
            [
                self.tr("Match"),
                self.tr("Verdict"),
                self.tr("Checked by"),
                self.tr("Date"),
                self.tr("Claim"),
            ]
        )
        self.list.setAccessibleName(self.tr("Already checked"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(170)
        self.list.setWordWrap(False)
        self.list.itemDoubleClicked.connect(lambda _i, _c: self._emit(self.openRequested))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.cite_btn = QPushButton(self.tr("Cite as Source"), self)
        self.cite_btn.setToolTip(self.tr("Add this earlier check as a source of the claim"))
        self.verdict_btn = QPushButton(self.tr("Use Its Verdict"), self)
        self.verdict_btn.setToolTip(
            self.tr(
                "Give the claim this check's verdict (and, for a claim of the library, its sources)"
            )
        )
        self.open_btn = QPushButton(self.tr("Show"), self)
        for b in (self.cite_btn, self.verdict_btn, self.open_btn):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.cite_btn.clicked.connect(lambda: self._emit(self.citeRequested))
        self.verdict_btn.clicked.connect(lambda: self._emit(self.verdictRequested))
        self.open_btn.clicked.connect(lambda: self._emit(self.openRequested))
        self.verdict_usable = lambda match: True  # the window says which verdicts it knows
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._run)
        self._show([])

    # --- what to match ---------------------------------------------------------------

    def set_claim(self, claim_id: int | None, query: str) -> None:
        """A claim was shown (or none): match its words now, unless they are on show."""
        changed = claim_id != self.claim_id
        self.claim_id = claim_id
        if changed:
            self.shown_query = None
            self.list.clear()
        self.set_query(query, at_once=changed)

    def set_query(self, query: str, *, at_once: bool = False) -> None:
        """The claim's words changed (typing): match them once typing pauses."""
        self.query = query.strip()
        if self.query == self.shown_query and not at_once:
            return
        if at_once:
            self.status.setText(self.tr("Looking for earlier checks…"))
            self.timer.start(SHOWN_MS)
        else:
            self.timer.start(DELAY_MS)

    def refresh(self) -> None:
        """The library changed: the same words may now have other matches."""
        if self.claim_id is not None:
            self.shown_query = None
            self.timer.start(DELAY_MS)

    def is_matching(self) -> bool:
        """True until the current words have their answer on show (tests wait on it)."""
        return self.timer.isActive() or self.shown_query != self.query

    def _run(self) -> None:
        from desktop.ui.tasks import run_quiet

        self.timer.stop()
        self._serial += 1
        serial, query, claim_id, store = self._serial, self.query, self.claim_id, self.store
        if claim_id is None or store is None or not query:
            self.shown_query = query
            self._show([])
            return

        def work():
            from desktop.core.matching import match_claim
            from desktop.core.models import Claim

            with store.read() as session:
                if session.get(Claim, claim_id) is None:  # deleted meanwhile
                    return []
                return match_claim(session, claim_id, top=TOP, said=query)

        def done(found) -> None:
            if shiboken6.isValid(self.list) and serial == self._serial:
                self.shown_query = query
                self._show(found)

        def failed(message: str) -> None:
            if shiboken6.isValid(self.list) and serial == self._serial:
                self.shown_query = query
                self._show([])
                self.status.setText(self.tr("Cannot look for earlier checks: {0}").format(message))

        self.status.setText(self.tr("Looking for earlier checks…"))
        run_quiet(work, done, failed)

    # --- showing -------------------------------------------------------------------------

    def _show(self, found: list) -> None:
        selected = self.selected()
        self.matches = list(found)
        self.list.clear()
        for m in self.matches:
            where = self.tr("another newsroom") if m.kind == "reference" else self.tr("library")
            percent = round(m.score * 100)
            verdict = rating_label(m.verdict_key, m.verdict) if m.verdict_key else m.verdict
            item = QTreeWidgetItem(
                self.list,
                [f"{percent} %" if percent else "< 1 %", verdict or "—", m.publisher or "—"]
                + [m.date or "—", m.claim],
            )
            item.setData(0, MATCH_ROLE, m)
            if m.score < WEAK:  # shown, as the closest there is, but greyed
                for col in range(COLUMNS):
                    item.setForeground(col, self.palette().placeholderText())
            tip = [m.claim, f"{verdict or '—'} · {m.publisher or '—'} · {m.date or '—'}"]
            tip.append(where + (f" · {m.url}" if m.kind == "reference" else ""))
            for col in range(COLUMNS):
                item.setToolTip(col, "\n".join(tip))
            if selected is not None and m.url == selected.url:
                self.list.setCurrentItem(item)
        for col in range(COLUMNS - 1):
            self.list.resizeColumnToContents(col)
        if self.claim_id is None:
            self.status.setText(self.tr("Select a claim to see whether it was checked before."))
        elif not self.query:
            self.status.setText(self.tr("Type the claim to look for earlier checks."))
        elif not self.matches:
            self.status.setText(self.tr("No earlier check of a similar claim."))
        else:
            self.status.setText(
                self.tr("Closest earlier checks, in this library and by other newsrooms:")
            )
        self._update_buttons()

    def selected(self):
        item = self.list.currentItem()
        return item.data(0, MATCH_ROLE) if item is not None and item.isSelected() else None

    def _update_buttons(self) -> None:
        m = self.selected()
        self.cite_btn.setEnabled(m is not None)
        self.open_btn.setEnabled(m is not None)
        self.verdict_btn.setEnabled(m is not None and self.verdict_usable(m))

    def _emit(self, signal) -> None:
        m = self.selected()
        if m is not None:
            signal.emit(m)
