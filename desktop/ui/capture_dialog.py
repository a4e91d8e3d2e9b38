"""A source's captures: when, what answered, the text kept, the excerpts found in it, what
changed since the capture before; capture again, attach a file, ask the Wayback Machine,
export WARC.

Captured pages are shown as their extracted plain text, never rendered: no script, style
or remote resource of a page is ever loaded. Only the comparison is rich text, made of
escaped words (desktop.core.diffing.diff_html).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import captures as core
from desktop.ui.tasks import run_quiet, run_task

# Qt's rich text ignores <ins>/<del> and style sheets: the comparison is styled inline.
DIFF_STYLES = {
    "insert": "background-color:#d7f5dd; color:#0b5a1e; text-decoration:underline",
    "delete": "background-color:#fbe0e0; color:#8a1c1c; text-decoration:line-through",
    "note": "color:#5f6368",
    "p.skip": "color:#5f6368",
}
EXCERPT_BACKGROUND = "#ffe58f"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaptureDialog", text)


def _when(info) -> str:
    return info.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")


def _size(info) -> str:
    from desktop.core.importers import size_text

    size = size_text(info.size)
    return _tr("{0} (first part kept)").format(size) if info.truncated else size


def status_text(info) -> str:
    """ "200", "404 — the page is gone", "file" """
    if info.is_file:
        return _tr("file")
    if info.gone:
        return _tr("{0} — the page is gone").format(info.status)
    return str(info.status)


class CaptureDialog(QDialog):
    """Everything about one source's captures; opened from the sources table."""

    capturesChanged = Signal(int)  # source id: a capture was added

    COLUMNS = ("Captured", "Status", "Address or file", "Type", "Size", "SHA-256")

    def __init__(self, parent, wb, source_id: int, *, claim_id: int | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.source_id = source_id
        self.claim_id = claim_id
        self.infos: list[core.CaptureInfo] = []
        self._shown: object | None = None  # the selection whose lookups are awaited
        self.title, self.url = wb.read(core.source_brief, source_id)
        title = self.title or self.url or _tr("Untitled source")
        self.setWindowTitle(_tr("Captures of “{0}”").format(title))
        self.resize(920, 680)

        layout = QVBoxLayout(self)
        self.address = QLabel(self)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setText(self.url or _tr("This source has no web address."))
        layout.addWidget(self.address)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, len(self.COLUMNS), split)
        self.table.setHorizontalHeaderLabels(
            [
                _tr("Captured"),
                _tr("Status"),
                _tr("Address or file"),
                _tr("Type"),
                _tr("Size"),
                _tr("SHA-256"),
            ]
        )
        self.table.setAccessibleName(_tr("Captures"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (0, 1, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 150)
        self.table.itemSelectionChanged.connect(self._show_selected)

        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.excerpts = QLabel(lower)
        self.excerpts.setTextFormat(Qt.TextFormat.RichText)  # escaped text, bold excerpt
        self.excerpts.setWordWrap(True)
        self.excerpts.setOpenExternalLinks(False)
        self.excerpts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower_layout.addWidget(self.excerpts)
        self.tabs = QTabWidget(lower)
        self.text = QPlainTextEdit(self.tabs)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_tr("Captured text"))
        self.changes = QTextBrowser(self.tabs)
        self.changes.setOpenLinks(False)
        self.changes.setOpenExternalLinks(False)
        self.changes.setAccessibleName(_tr("Changes since the capture before"))
        self.details = QPlainTextEdit(self.tabs)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(_tr("Capture details"))
        self.tabs.addTab(self.text, _tr("&Text"))
        self.tabs.addTab(self.changes, _tr("C&hanges"))
        self.tabs.addTab(self.details, _tr("&Details"))
        lower_layout.addWidget(self.tabs, 1)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([190, 450])  # five captures in view before the list scrolls
        layout.addWidget(split, 1)

        row = QHBoxLayout()
        self.capture_btn = QPushButton(_tr("&Capture Now"), self)
        self.capture_btn.setToolTip(_tr("Fetch the source's address once and keep what it answers"))
        self.attach_btn = QPushButton(_tr("&Attach File…"), self)
        self.attach_btn.setToolTip(_tr("Keep a file (a PDF, a saved page) as a capture"))
        self.wayback_btn = QPushButton(_tr("Ask the &Wayback Machine to Archive"), self)
        self.wayback_btn.setToolTip(
            _tr("Open the Wayback Machine's save page for this address in your browser")
        )
        self.warc_btn = QPushButton(_tr("&Export WARC…"), self)
        self.warc_btn.setToolTip(_tr("Save these captures as a WARC file for replay tools"))
        for b in (self.capture_btn, self.attach_btn, self.wayback_btn, self.warc_btn):
            row.addWidget(b)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.note, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)

        web = core_is_web(self.url)
        self.capture_btn.setEnabled(web)
        self.wayback_btn.setEnabled(web)
        self.capture_btn.clicked.connect(self.capture_now)
        self.attach_btn.clicked.connect(self.attach_dialog)
        self.wayback_btn.clicked.connect(self.open_wayback)
        self.warc_btn.clicked.connect(self.export_dialog)
        self.reload()

    # --- showing ------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """The list from the library; the newest (or `select_id`) selected."""
        self.infos = self.wb.read(core.list_captures, self.source_id)
        self.citations = self.wb.read(core.citations, self.source_id)
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            place = info.file_name if info.is_file else info.final_url
            cells = (
                _when(info),
                status_text(info),
                place,
                info.content_type,
                _size(info),
                info.sha256,
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.warc_btn.setEnabled(bool(self.infos))
        if self.infos:
            wanted = select_id if select_id is not None else self.infos[-1].id
            index = next((i for i, c in enumerate(self.infos) if c.id == wanted), 0)
            self.table.selectRow(index)
            self._show_selected()
        else:
            self.text.setPlainText("")
            self.changes.setHtml("")
            self.details.setPlainText("")
            self.excerpts.setText(
                html.escape(
                    _tr("No capture yet. Capture the page now, or attach a file you saved.")
                )
            )

    def selected_info(self) -> core.CaptureInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        """The text and details at once; the excerpts looked up and the comparison made
        on a worker thread (seconds for a page of megabytes)."""
        info = self.selected_info()
        if info is None:
            return
        text = self.wb.read(core.capture_text, info.id)
        self.text.setPlainText(text)
        self.text.setExtraSelections([])
        self._show_details(info)
        self.excerpts.setText(html.escape(_tr("Looking for the excerpts…")))
        self.changes.setHtml("<p>" + html.escape(_tr("Comparing…")) + "</p>")
        cited = [c for c in self.citations if c[2].strip()]
        cited.sort(key=lambda c: c[0] != self.claim_id)  # this claim's first
        store = self.wb.store
        self._shown = token = object()

        def work():
            matches = [core.find_excerpt(text, c[2]) for c in cited]
            with store.read() as session:
                before = core.previous_capture(session, info.id)
                comparison = core.compare_captures(session, before.id, info.id) if before else None
            return matches, comparison

        def done(result) -> None:
            if self._shown is token:  # not since replaced by another selection
                matches, comparison = result
                self._show_excerpts(info, text, cited, matches)
                self._show_changes(info, comparison)

        def failed(message: str) -> None:
            if self._shown is token:
                self.excerpts.setText(html.escape(message))

        run_quiet(work, done, failed)

    def _show_excerpts(self, info, text: str, cited, matches) -> None:
        """Each excerpt the source is cited with: found (in context, marked in the text)
        or a warning."""
        lines = []
        marks = []
        for (claim_id, claim_text, excerpt), match in zip(cited, matches, strict=True):
            claim = html.escape(_short(claim_text, 60) or _tr("claim {0}").format(claim_id))
            if match is None:
                lines.append(
                    "<p style='color:#8a1c1c'>⚠ "
                    + html.escape(_tr("Not found in this capture:"))
                    + f" <i>{html.escape(_short(excerpt, 200))}</i>"
                    + f" <span style='color:#5f6368'>({claim})</span></p>"
                )
                continue
            before, found, after = match.context(text, 90)
            lead = "…" if match.start > len(before) else ""
            tail = "…" if match.end + len(after) < len(text) else ""
            lines.append(
                "<p>✓ "
                + html.escape(_tr("Found:"))
                + f" {lead}{html.escape(_one_line(before))}<b style='background-color:"
                f"{EXCERPT_BACKGROUND}'>{html.escape(_one_line(found))}</b>"
                f"{html.escape(_one_line(after))}{tail} "
                f"<span style='color:#5f6368'>({claim})</span></p>"
            )
            marks.append(match)
        if not cited:
            lines.append(
                "<p style='color:#5f6368'>"
                + html.escape(_tr("No claim cites this source with an excerpt."))
                + "</p>"
            )
        if info.error:
            lines.append(
                "<p style='color:#8a1c1c'>⚠ "
                + html.escape(_tr("No text was read from this capture: {0}").format(info.error))
                + "</p>"
            )
        self.excerpts.setText("".join(lines))
        self._mark_in_text(text, marks)

    def _mark_in_text(self, text: str, matches) -> None:
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(EXCERPT_BACKGROUND))
        first = None
        for m in matches:
            cursor = QTextCursor(self.text.document())
            start, end = utf16_offset(text, m.start), utf16_offset(text, m.end)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            first = start if first is None else min(first, start)
        self.text.setExtraSelections(selections)
        if first is not None:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(first)
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def _show_changes(self, info, comparison) -> None:
        from desktop.core.diffing import diff_html

        if comparison is None:
            self.changes.setHtml(
                "<p>" + html.escape(_tr("This is the first capture of the source.")) + "</p>"
            )
            return
        head = _tr("Compared with the capture of {0}:").format(_when(comparison.old))
        if comparison.gone:
            verdict = _tr("The page is gone: the address answered {0}.").format(info.status)
        elif comparison.same_body:
            verdict = _tr("Unchanged: the same bytes.")
        elif not comparison.text_changed:
            verdict = _tr("The text is unchanged (the page's code differs).")
        else:
            verdict = _tr("The text changed.")
        body = ""
        if comparison.text_changed:
            body = diff_html(comparison.changes, styles=DIFF_STYLES, context=1)
        self.changes.setHtml(f"<p><b>{html.escape(head)}</b> {html.escape(verdict)}</p>{body}")

    def _show_details(self, info) -> None:
        rows = [
            (_tr("Captured"), _when(info)),
            (_tr("By"), info.created_by),
            (_tr("Address asked"), info.requested_url),
            (_tr("Final address"), info.final_url),
            (_tr("File"), info.file_name),
            (_tr("Status"), status_text(info)),
            (_tr("Type"), info.content_type),
            (_tr("Size"), _size(info)),
            (_tr("SHA-256"), info.sha256),
            (_tr("Title"), info.title),
            (_tr("No text read"), info.error),
        ]
        lines = [f"{name}: {value}" for name, value in rows if value]
        headers = self.wb.read(lambda s: core.get_capture(s, info.id).headers)
        if headers:
            lines += ["", _tr("Headers received:")]
            lines += [f"  {name}: {value}" for name, value in headers]
        self.details.setPlainText("\n".join(lines))

    # --- actions ------------------------------------------------------------------------

    def capture_now(self) -> None:
        """Fetch the address once, off the UI thread; stored, then shown."""
        url = self.url.strip()
        store = self.wb.store
        self.capture_btn.setEnabled(False)

        def work():
            draft = core.fetch_capture(url, apart=True)
            with store.transaction() as session:
                return core.store_capture(session, self.source_id, draft)

        run_task(
            self,
            _tr("Capturing {0}…").format(url),
            work,
            self._added,
            self._failed(_tr("Capture failed")),
        )

    def attach_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Attach a file as a capture"), "", _tr("All files (*)")
        )
        if path:
            self.attach(path)

    def attach(self, path: str) -> None:
        store = self.wb.store

        def work():
            draft = core.read_attachment(path, apart=True)
            with store.transaction() as session:
                return core.store_capture(session, self.source_id, draft)

        run_task(
            self,
            _tr("Attaching {0}…").format(path),
            work,
            self._added,
            self._failed(_tr("Attaching failed")),
        )

    def _added(self, info) -> None:
        self.wb.note_own_change()  # written on a worker thread
        done = _tr("Attached {0}") if info.is_file else _tr("Captured {0}")
        self.note.setText(done.format(_when(info)))
        self.capture_btn.setEnabled(core_is_web(self.url))
        self.reload(select_id=info.id)
        self.capturesChanged.emit(self.source_id)

    def _failed(self, title: str):
        def show(message: str) -> None:
            self.capture_btn.setEnabled(core_is_web(self.url))
            self.show_error(title, message)

        return show

    def show_error(self, title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, message)

    def open_wayback(self) -> None:
        """The Wayback Machine's save page in the user's browser: Factdesk sends nothing."""
        QDesktopServices.openUrl(QUrl(core.wayback_save_url(self.url)))

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            _tr("Export captures as WARC"),
            "captures.warc.gz",
            _tr("WARC files (*.warc.gz *.warc)"),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        from desktop.core.exporters.warc import export_warc

        store = self.wb.store
        run_task(
            self,
            _tr("Exporting captures…"),
            lambda: export_warc(store, path, source_ids=[self.source_id]),
            lambda result: self.note.setText(
                _tr("Exported {0} capture(s) to {1}").format(result.captures, result.path.name)
            ),
            self._failed(_tr("Export failed")),
        )


def utf16_offset(text: str, offset: int) -> int:
    """A code-point offset as Qt counts it (an emoji before it counts two)."""
    return len(text[:offset].encode("utf-16-le")) // 2


def core_is_web(url: str) -> bool:
    from desktop.core.importers.url import is_web_url

    return is_web_url(url or "")


def _short(text: str, n: int) -> str:
    text = _one_line(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _one_line(text: str) -> str:
    return " ".join(text.split())
