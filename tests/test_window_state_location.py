"""Window state lives beside the settings file FACTDESK_CONFIG names, never elsewhere.

Geometry, splitters, the recent libraries and the last article go to
`factdesk-window.ini` in the folder of FACTDESK_CONFIG's settings file, so a portable
install or a test pointing the settings elsewhere writes nothing to ~/.config.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from desktop.ui import app as app_module
from desktop.ui.state import WINDOW_STATE_FILE, qsettings, recent_databases, state_path
from tests.conftest import ROOT


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def profile(tmp_path, monkeypatch) -> Path:
    """FACTDESK_CONFIG in a folder of its own; HOME and XDG_CONFIG_HOME empty elsewhere,
    and QSettings' platform location pointed at that empty folder too (Qt reads the
    environment once per process, so this catches a write to "the platform's file")."""
    home, xdg = tmp_path / "home", tmp_path / "home" / ".config"
    xdg.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(xdg))
    folder = tmp_path / "profile"
    monkeypatch.setenv("FACTDESK_CONFIG", str(folder / "settings.json"))
    return folder


def test_state_file_is_beside_factdesk_config(profile):
    assert state_path() == profile / WINDOW_STATE_FILE
    assert Path(qsettings().fileName()) == profile / WINDOW_STATE_FILE


def test_without_factdesk_config_qsettings_keeps_its_own_place(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTDESK_CONFIG", raising=False)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    assert state_path() is None
    assert Path(qsettings().fileName()) == tmp_path / "qs" / "Factdesk" / "Factdesk.ini"


def test_window_geometry_and_recent_libraries_land_beside_the_settings(
    qtbot, qapp, profile, tmp_path, monkeypatch
):
    from desktop.core.store import open_store

    # The app's own start-up path, minus gc.freeze (it would outlive this test).
    monkeypatch.setattr(app_module, "settle_long_lived_objects", lambda: None)
    db = tmp_path / "library.sqlite3"
    open_store(db).close()
    startup = app_module._Startup(qapp, str(db))
    startup.frame.show()
    startup.load()
    window = startup.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.resize(window.width() - 37, window.height() - 23)
    startup.shutdown()  # what QApplication.aboutToQuit runs: saves state, closes the library
    assert not window.isVisible()

    ini = profile / WINDOW_STATE_FILE
    assert ini.is_file()
    stored = QSettings(str(ini), QSettings.Format.IniFormat)
    assert isinstance(stored.value("window/geometry"), QByteArray)
    assert isinstance(stored.value("window/splitter"), QByteArray)
    assert recent_databases() == [startup.window.wb.store.label]
    assert Path(recent_databases()[0]).resolve() == db.resolve()
    # Nothing went to the platform's place, nor anywhere under HOME.
    assert files_under(tmp_path / "home") == []

    # The next start's first frame reads the same file: it is placed as the saved
    # geometry places any window (Qt fits it to the offscreen platform's small screen).
    frame = app_module._first_frame(lambda: None)
    qtbot.addWidget(frame)
    reference = QMainWindow()
    qtbot.addWidget(reference)
    assert reference.restoreGeometry(stored.value("window/geometry"))
    assert frame.geometry() == reference.geometry()


def test_the_real_app_writes_nothing_outside_the_settings_folder(tmp_path):
    """`python -m desktop` start to quit (FACTDESK_SMOKE_TEST's hook) with an empty
    HOME: its window state is beside FACTDESK_CONFIG and nothing is in HOME's config."""
    home, xdg = tmp_path / "home", tmp_path / "xdg"
    home.mkdir()
    xdg.mkdir()
    profile = tmp_path / "profile"
    db = tmp_path / "library.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTDESK_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(xdg),
        QT_QPA_PLATFORM="offscreen",
        FACTDESK_CONFIG=str(profile / "settings.json"),
        FACTDESK_DB=str(db),
        FACTDESK_SMOKE_TEST="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    ini = profile / WINDOW_STATE_FILE
    assert ini.is_file(), files_under(tmp_path)
    stored = QSettings(str(ini), QSettings.Format.IniFormat)
    assert isinstance(stored.value("window/geometry"), QByteArray)
    recent = stored.value("recent_databases")
    assert str(db) in ([recent] if isinstance(recent, str) else recent)
    assert files_under(xdg) == []
    config_like = [p for p in files_under(home) if ".cache" not in p.parts]
    assert config_like == []


def test_qt_own_state_goes_beside_the_settings_too(tmp_path):
    """Qt's widget file dialog keeps its history in QtProject.conf: with FACTDESK_CONFIG
    set, the application redirects it to the same folder (checked in a fresh process:
    the redirection is process-wide)."""
    profile = tmp_path / "profile"
    code = (
        "from PySide6.QtCore import QSettings\n"
        "from desktop.ui.app import create_application\n"
        "app = create_application()\n"
        "print(QSettings(QSettings.Scope.UserScope, 'QtProject').fileName())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", FACTDESK_CONFIG=str(profile / "settings.json"))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).parent == profile
