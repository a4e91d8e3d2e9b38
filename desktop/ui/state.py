"""Where the GUI keeps view state (geometry, splitters, recent libraries, last article).

By default an INI file in the platform's user-config area (QSettings' own choice). When
`FACTDESK_CONFIG` names the settings file, the view state goes beside it instead
(`factdesk-window.ini` in the same folder), so a portable install, a second profile or a
test that points the settings elsewhere leaves nothing in the user's config folder.
Every read and write of view state goes through `qsettings()`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.core.settings import ENV_VAR, config_path

MAX_RECENT = 8
WINDOW_STATE_FILE = "factdesk-window.ini"


def state_folder() -> Path | None:
    """The folder of the settings file named by FACTDESK_CONFIG; None when it is unset."""
    if not os.environ.get(ENV_VAR, "").strip():
        return None
    return Path(os.path.abspath(config_path())).parent


def state_path() -> Path | None:
    """The window-state file beside FACTDESK_CONFIG's settings; None for QSettings' own."""
    folder = state_folder()
    return None if folder is None else folder / WINDOW_STATE_FILE


def qsettings() -> QSettings:
    """The view-state store: beside FACTDESK_CONFIG's settings file when it is set, else
    an INI file in the user's config area (tests may point QSettings.setPath there)."""
    path = state_path()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Factdesk", "Factdesk")


def redirect_qt_settings() -> None:
    """Qt's own per-user state (QFileDialog's history and last folder, in QtProject.conf)
    beside FACTDESK_CONFIG's settings too. Called once, before any window; no-op unset."""
    folder = state_folder()
    if folder is None:
        return
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


def recent_databases() -> list[str]:
    value = qsettings().value("recent_databases", [])
    if isinstance(value, str):
        value = [value]
    return [v for v in value or [] if isinstance(v, str)]


def remember_database(location: str) -> None:
    items = [location] + [r for r in recent_databases() if r != location]
    qsettings().setValue("recent_databases", items[:MAX_RECENT])
