"""Doing something once a widget has painted: the start shows what it has first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls `then` in the turn of the event loop after `widget` first paints (or after
    `latest_ms`, should it never paint: a minimised start)."""

    def __init__(self, widget: QWidget, then: Callable[[], object], latest_ms: int = 500) -> None:
        super().__init__(widget)
        self.then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._fire)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            then()
            self.deleteLater()
