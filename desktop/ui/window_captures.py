"""Captured sources: capture a source's page, attach a file as its capture, compare
captures, export them as WARC (desktop.core.captures does the work)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


class CapturesMixin:
    def _create_capture_actions(self) -> None:
        pass

    def _connect_capture_signals(self, sources) -> None:
        pass
