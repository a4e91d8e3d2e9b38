"""Captured sources: capture a source's page, attach a file as its capture, compare
captures, export them as WARC (desktop.core.captures does the work).

Nothing is fetched unless the user clicks Capture; the fetch runs off the UI thread. A
capture is evidence, so it is never undone or deleted: it is not on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.core import captures as core
from desktop.core.errors import FactdeskError
from desktop.ui.tasks import run_quiet, run_task


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


def _when(info) -> str:
    return info.retrieved_at.strftime("%Y-%m-%d %H:%M UTC")


class CapturesMixin:
    def _create_capture_actions(self) -> None:
        self.act_export_warc = self._action(
            _tr("Export Captured Sources as &WARC…"),
            self.export_warc_dialog,
            tip=_tr("Save every captured source as a WARC file, for replay tools and archives"),
        )
        self._excerpt_found: dict[tuple[int, str], bool] = {}  # (capture id, excerpt)
        self.capture_dialog = None

    def _connect_capture_signals(self, sources) -> None:
        sources.captureRequested.connect(self.capture_source)
        sources.capturesRequested.connect(self.show_captures)
        sources.sourcesShown.connect(self._refresh_capture_marks)

    # --- capturing ----------------------------------------------------------------------

    def capture_source(self, source_id: int) -> None:
        """Fetch the source's address once, off the UI thread, and say what came back."""
        store = self.wb.store
        try:
            url = self.wb.read(core.source_url, source_id)
        except FactdeskError as exc:
            self.show_error(_tr("Capture failed"), str(exc))
            return

        def work():
            draft = core.fetch_capture(url, apart=True)
            with store.transaction() as session:
                info = core.store_capture(session, source_id, draft)
            with store.read() as session:
                checks = core.check_excerpts(session, source_id)
                before = core.previous_capture(session, info.id)
                comparison = core.compare_captures(session, before.id, info.id) if before else None
            return info, checks, comparison

        def done(result) -> None:
            if store is self.wb.store:
                self.wb.note_own_change()  # written on a worker thread
            info, checks, comparison = result
            self.statusBar().showMessage(self._capture_message(info, checks, comparison), 15000)
            self._refresh_capture_marks()

        run_task(
            self,
            _tr("Capturing {0}…").format(url),
            work,
            done,
            lambda message: self.show_error(_tr("Capture failed"), message),
        )

    def _capture_message(self, info, checks, comparison) -> str:
        parts = [_tr("Captured {0} ({1})").format(info.final_url, info.status)]
        if info.gone:
            parts.append(_tr("the page is gone"))
        elif comparison is not None:
            if comparison.same_body:
                parts.append(_tr("unchanged since {0}").format(_when(comparison.old)))
            elif comparison.text_changed:
                parts.append(_tr("the text changed since {0}").format(_when(comparison.old)))
        mine = [c for c in checks if c.claim_id == getattr(self.editor.claim, "id", None)]
        if mine:
            parts.append(
                _tr("the excerpt is in it") if mine[0].found else _tr("the excerpt is NOT in it")
            )
        return "; ".join(parts)

    def show_captures(self, source_id: int) -> None:
        from desktop.ui.capture_dialog import CaptureDialog

        claim = self.editor.claim
        try:
            dialog = CaptureDialog(self, self.wb, source_id, claim_id=claim.id if claim else None)
        except FactdeskError as exc:
            self.show_error(_tr("Captures"), str(exc))
            return
        dialog.capturesChanged.connect(lambda _sid: self._refresh_capture_marks())
        dialog.finished.connect(lambda _r: setattr(self, "capture_dialog", None))
        self.capture_dialog = dialog
        dialog.open()

    # --- marks on the sources table -----------------------------------------------------

    def _refresh_capture_marks(self) -> None:
        """A warning on each cited source whose latest capture lacks this claim's excerpt
        (or whose page is gone); the capture's date in every captured source's tooltip.
        Excerpts not yet looked up in a capture are looked up on a worker thread."""
        table = self.editor.sources
        shown = table.sources
        links = [(s.source_id, s.excerpt) for s in shown]
        if not links:
            table.set_capture_marks({})
            return
        try:
            latest = self.wb.read(core.latest_captures, [sid for sid, _excerpt in links])
        except FactdeskError:
            table.set_capture_marks({})
            return
        todo = [
            (latest[sid].id, excerpt)
            for sid, excerpt in links
            if sid in latest
            and not latest[sid].gone
            and excerpt.strip()
            and (latest[sid].id, excerpt) not in self._excerpt_found
        ]
        if not todo:
            table.set_capture_marks(
                {sid: self._mark(latest[sid], excerpt) for sid, excerpt in links if sid in latest}
            )
            return
        store = self.wb.store

        def work():
            found = {}
            with store.read() as session:
                for capture_id, excerpt in todo:
                    text = core.capture_text(session, capture_id)
                    found[(capture_id, excerpt)] = core.find_excerpt(text, excerpt) is not None
            return found

        def done(found) -> None:
            self._excerpt_found.update(found)
            if table.sources is shown:  # still the same claim's sources
                self._refresh_capture_marks()

        run_quiet(work, done, lambda _message: table.set_capture_marks({}))

    def _mark(self, info, excerpt: str) -> tuple[bool, str]:
        when = _when(info)
        if info.gone:
            return True, _tr("The page is gone: it answered {0} on {1}").format(info.status, when)
        if not excerpt.strip():
            return False, _tr("Captured {0}").format(when)
        if self._excerpt_found[(info.id, excerpt)]:
            return False, _tr("Captured {0}; the excerpt is in it").format(when)
        return True, _tr("The excerpt is not in the capture of {0}").format(when)

    # --- WARC ---------------------------------------------------------------------------

    def export_warc_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            _tr("Export captured sources as WARC"),
            "captures.warc.gz",
            _tr("WARC files (*.warc.gz *.warc)"),
        )
        if path:
            self.export_warc(path)

    def export_warc(self, path: str) -> None:
        from desktop.core.exporters.warc import export_warc

        store = self.wb.store
        run_task(
            self,
            _tr("Exporting captured sources…"),
            lambda: export_warc(store, path),
            lambda result: self.statusBar().showMessage(
                _tr("Exported {0} capture(s) to {1}").format(result.captures, result.path),
                10000,
            ),
            lambda message: self.show_error(_tr("Export failed"), message),
        )
