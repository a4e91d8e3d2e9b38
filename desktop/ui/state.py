"""Where the GUI keeps view state (geometry, splitters, recent libraries, last article)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def qsettings() -> QSettings:
    """An INI file in the user's config area; tests point QSettings.setPath elsewhere."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Factdesk", "Factdesk")


def recent_databases() -> list[str]:
    value = qsettings().value("recent_databases", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in value or [] if isinstance(v, str)]


def remember_database(location: str) -> None:
    items = [location] + [r for r in recent_databases() if r != location]
    qsettings().setValue("recent_databases", items[:MAX_RECENT])
