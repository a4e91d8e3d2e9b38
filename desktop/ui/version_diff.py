"""Compare Versions: two pickers and what changed between them, word by word.

The comparison runs on a worker thread (a book-length text takes a moment) and the
page shows only the changes with a paragraph of context unless the whole text is asked
for, so even a 100,000-word article keeps the window responsive. Insertions and
deletions are coloured from the palette's lightness, readable in light and dark themes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core import diffing
from desktop.core.versions import get_version, list_versions, review

CONTEXT = 1  # unchanged paragraphs shown around each change, unless "Whole text"


def diff_styles(palette: QPalette) -> dict[str, str]:
    """Inline styles for diff_html that read well on this palette's background."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    if dark:
        ins, ins_ink, dele, del_ink, note = "#1f5130", "#d9f7df", "#5c2323", "#ffd9d9", "#9cc3ff"
    else:
        ins, ins_ink, dele, del_ink, note = "#c9efd0", "#0b3d17", "#f7cdcd", "#5c0b0b", "#1f4f99"
    return {
        "insert": f"background-color:{ins}; color:{ins_ink};",
        "delete": f"background-color:{dele}; color:{del_ink}; text-decoration:line-through;",
        "note": f"color:{note}; font-style:italic;",
        "p.skip": "color:gray;",
    }


class _Relay(QObject):
    done = Signal(int, object)


class _Compare(QRunnable):
    """Reads the two texts and compares them, off the UI thread."""

    def __init__(self, store, article_id: int, old: int, new: int, ticket: int, relay) -> None:
        super().__init__()
        self.args = (store, article_id, old, new)
        self.ticket, self.relay = ticket, relay

    def run(self) -> None:
        store, article_id, old, new = self.args
        try:
            with store.read() as session:
                a = get_version(session, article_id, old)
                b = get_version(session, article_id, new)
            changes = diffing.diff_texts(a.text, b.text)
            result = (a, b, changes, diffing.summary(changes))
        except Exception as exc:  # shown in the dialog, never a crash
            result = exc
        try:
            self.relay.done.emit(self.ticket, result)
        except RuntimeError:  # the dialog was closed meanwhile
            pass


class VersionDiffDialog(QDialog):
    """What changed between any two versions of one article."""

    def __init__(self, wb, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb, self.article_id = wb, article_id
        self.setWindowTitle(self.tr("Compare Versions"))
        self.resize(900, 680)

        def read(session):
            return list_versions(session, article_id), review(session, article_id)

        self.versions, self.outcomes = wb.read(read)
        self.count = len(self.versions)
        self.old_box, self.new_box = QComboBox(self), QComboBox(self)
        for box in (self.old_box, self.new_box):
            for v in self.versions:
                box.addItem(self._version_label(v), v.number)
        self.old_box.setAccessibleName(self.tr("Older version"))
        self.new_box.setAccessibleName(self.tr("Newer version"))
        if self.count >= 2:
            self.old_box.setCurrentIndex(self.count - 2)
            self.new_box.setCurrentIndex(self.count - 1)
        self.whole = QCheckBox(self.tr("&Whole text"), self)
        self.whole.setToolTip(self.tr("Show every paragraph, not only the changes"))
        pickers = QHBoxLayout()
        old_label = QLabel(self.tr("&From:"), self)
        old_label.setBuddy(self.old_box)
        new_label = QLabel(self.tr("&To:"), self)
        new_label.setBuddy(self.new_box)
        pickers.addWidget(old_label)
        pickers.addWidget(self.old_box, 1)
        pickers.addWidget(new_label)
        pickers.addWidget(self.new_box, 1)
        pickers.addWidget(self.whole)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Differences"))
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.flags)
        layout.addWidget(buttons)
        self._relay = _Relay(self)
        self._relay.done.connect(self._compared)
        self._ticket = 0
        self._result = None
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        self.whole.toggled.connect(self._show)
        if self.count >= 2:
            self.compare()

    def _version_label(self, v) -> str:
        when = v.retrieved_at.strftime("%Y-%m-%d %H:%M")
        origin = v.origin or self.tr("pasted text")
        if len(origin) > 60:
            origin = origin[:57] + "…"
        return self.tr("Version {0} — {1} ({2})").format(v.number, when, origin)

    def compare(self) -> None:
        """Compare the picked versions on a worker thread; a later pick wins."""
        old, new = self.old_box.currentData(), self.new_box.currentData()
        if old is None or new is None:
            return
        self._ticket += 1
        self.summary.setText(self.tr("Comparing…"))
        job = _Compare(self.wb.store, self.article_id, old, new, self._ticket, self._relay)
        QThreadPool.globalInstance().start(job)

    def _compared(self, ticket: int, result) -> None:
        if ticket != self._ticket:
            return  # an earlier pick, overtaken
        if isinstance(result, Exception):
            self._result = None
            self.summary.setText(escape(str(result)))
            self.browser.clear()
            return
        self._result = result
        self._show()

    def _show(self) -> None:
        if self._result is None:
            return
        a, b, changes, counts = self._result
        if a.number == b.number:
            self.summary.setText(self.tr("The same version is picked twice."))
        elif diffing.is_unchanged(changes):
            self.summary.setText(self.tr("The two versions have the same paragraphs."))
        else:
            self.summary.setText(
                self.tr(
                    "{0} words inserted, {1} deleted · paragraphs: {2} changed, {3} moved, "
                    "{4} inserted, {5} deleted"
                ).format(
                    counts["inserted_words"],
                    counts["deleted_words"],
                    counts["changed_paragraphs"],
                    counts["moved_paragraphs"],
                    counts["inserted_paragraphs"],
                    counts["deleted_paragraphs"],
                )
            )
        page = diffing.diff_html(
            changes,
            labels={"moved": self.tr("moved from paragraph {n}")},
            styles=diff_styles(self.palette()),
            context=None if self.whole.isChecked() else CONTEXT,
        )
        self.browser.setHtml(page)
        self._show_flags(a.number, b.number)

    def _show_flags(self, old: int, new: int) -> None:
        """The claims whose quoted words changed or were lost, when the picked versions
        are the ones the review compares."""
        flagged = [
            o
            for o in self.outcomes
            if o.kind in ("reworded", "orphaned") and o.old_number == old and o.new_number == new
        ]
        if not flagged:
            self.flags.setText("")
            return
        styles = diff_styles(self.palette())
        lines = []
        for o in flagged:
            if o.kind == "orphaned":
                what = escape(self.tr("quote not found in the newer version"))
                quote = f'<span style="{styles["delete"]}">{escape(o.old_exact)}</span>'
            else:
                what = escape(self.tr("quote changed"))
                quote = "".join(
                    _piece(p, styles) for p in diffing.diff_words(o.old_exact, o.new_exact)
                )
            lines.append(f"⚑ <b>{escape(o.claim_label[:80])}</b> — {what}: “{quote}”")
        self.flags.setText("<br>".join(lines))


def _piece(p: diffing.Piece, styles: dict[str, str]) -> str:
    text = escape(p.text)
    return text if p.kind == "same" else f'<span style="{styles[p.kind]}">{text}</span>'
