"""Running slow core work (imports, exports) off the UI thread, with a progress dialog.

The work function must not touch widgets; its result (or its FactdeskError) is handed
back on the UI thread. The progress dialog appears only if the work takes longer than
about half a second, so quick imports don't flash a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.errors import FactdeskError
from desktop.core.importers import progress as import_progress

SHOW_AFTER_MS = 500


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)  # done, total


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except FactdeskError as exc:
            self.relay.failed.emit(str(exc))
        except Exception as exc:  # an unexpected bug: still a message, never a crash
            self.relay.failed.emit(f"{exc.__class__.__name__}: {exc}")
        else:
            self.relay.done.emit(result)


_running: set[_Relay] = set()


def run_task(
    parent: QWidget,
    label: str,
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[str], None],
    *,
    progress_text: Callable[[int, int], str] | None = None,
) -> _Relay:
    """Run `fn` in the thread pool; call on_done/on_error on the UI thread.

    With `progress_text(done, total)` ("Importing x.pdf: page 37 of 117"), what the
    importers report (importers.progress) moves the dialog's bar and label."""
    relay = _Relay()
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(True)
    dialog.setValue(0)
    _running.add(relay)

    def finish() -> None:
        dialog.reset()
        dialog.deleteLater()
        _running.discard(relay)

    if progress_text is not None:
        work = fn

        def fn():
            with import_progress.listening(relay.progressed.emit):
                return work()

        def moved(done: int, total: int) -> None:
            dialog.setMaximum(total + 1)  # the bar's end is the article stored, not the
            dialog.setValue(min(done, total))  # last page read (that would close it)
            dialog.setLabelText(progress_text(done, total))

        relay.progressed.connect(moved)
    relay.done.connect(lambda result: (finish(), on_done(result)))
    relay.failed.connect(lambda message: (finish(), on_error(message)))
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay


def run_quiet(
    fn: Callable[[], object], on_done: Callable[[object], None], on_error: Callable[[str], None]
) -> _Relay:
    """Like run_task, with no dialog: for work the user did not ask for in so many words
    (scoring an article's sentences when it opens), which must never block the window."""
    relay = _Relay()
    _running.add(relay)
    relay.done.connect(lambda result: (_running.discard(relay), on_done(result)))
    relay.failed.connect(lambda message: (_running.discard(relay), on_error(message)))
    QThreadPool.globalInstance().start(_Job(fn, relay))
    return relay


def busy() -> bool:
    """True while a background task is running (tests wait on it)."""
    return bool(_running)
