"""The window under hostile files (issue 19, item 13): a named pipe, a zip bomb and a
program dropped on it each get one message, and the window keeps answering meanwhile."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench
from tests.test_hostile_imports import ELF, docx_with_body

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def release_readers(fifo) -> None:
    """If a reader is (wrongly) blocked on the pipe, give it an end of file."""
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return  # nobody reading: as it should be
    os.close(fd)


def test_hostile_drops_get_one_message_each_and_the_window_keeps_answering(
    qtbot, tmp_path, monkeypatch
):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_with_body(102_000_000))  # ~400 KB unpacking to ~100 MB
    program = tmp_path / "program.html"
    program.write_bytes(ELF)
    window = MainWindow(Workbench(open_store(tmp_path / "lib.sqlite3")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rows_before = len(window.library.model.rows)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )

    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        drop(window, [fifo, bomb, program])
        qtbot.waitUntil(lambda: len(errors) >= 3 and not tasks.busy(), timeout=60_000)
        qtbot.wait(300)  # any further message would have arrived by now
    finally:
        timer.stop()
        release_readers(fifo)

    assert len(errors) == 3, errors
    messages = [message for _, message in errors]
    for path, words in (
        (fifo, "named pipe"),
        (bomb, "at most 50 MB"),
        (program, "binary data"),
    ):
        naming = [m for m in messages if str(path) in m]
        assert len(naming) == 1, messages
        assert words in naming[0] and "\n" not in naming[0], naming[0]
    assert len(window.library.model.rows) == rows_before
    assert gaps and max(gaps) < 1.0, f"the window stalled {max(gaps):.2f} s"

    # Still working: the next ordinary import goes through.
    QApplication.clipboard().setText(
        "Un titre collé\n\nLe ministre a affirmé que tout allait bien."
    )
    window.act_paste.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    assert window.article.text.article.title == "Un titre collé"
