"""Article versions: check for updates, import a new version, compare versions, review
how the highlights were carried over (desktop.core.versions does the work)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


class VersionsMixin:
    def _create_version_actions(self) -> None:
        pass

    def _add_version_actions(self, menu) -> None:
        pass
