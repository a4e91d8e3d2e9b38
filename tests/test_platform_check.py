"""On Linux, a window that would die in Qt's xcb plugin says which packages to install.

Qt's own failure ("xcb-cursor0 or libxcb-cursor0 is needed … Reinstalling the application
may fix this problem") is replaced by one line naming the Debian/Ubuntu and Fedora
packages, and exit status 1, before any QApplication exists.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui import platform_check
from desktop.ui.platform_check import XCB_LIBRARIES, check, install_message, uses_xcb
from tests.conftest import ROOT

X11 = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


@pytest.fixture
def x11_desktop(monkeypatch):
    """A Linux X11 session as Qt would see it: no QT_QPA_PLATFORM, no Wayland."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for name, value in X11.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(platform_check, "_beside_qt", lambda soname: False)


def missing(*sonames: str):
    return lambda soname: soname not in sonames


class QApplicationMade(Exception):
    pass


@pytest.fixture
def no_qapplication(monkeypatch):
    """Replaces create_application: reaching it means the check let the window start."""
    from desktop.ui import app

    def refuse(*args, **kwargs):
        raise QApplicationMade

    monkeypatch.setattr(app, "create_application", refuse)


def test_a_missing_library_is_named_with_its_packages_and_exits_1(
    x11_desktop, no_qapplication, monkeypatch, capsys
):
    from desktop.cli import main

    monkeypatch.setattr(platform_check, "_loadable", missing("libxcb-cursor.so.0"))
    assert main([]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "libxcb-cursor.so.0" in err
    assert '"sudo apt install libxcb-cursor0"' in err
    assert '"sudo dnf install xcb-util-cursor"' in err
    assert "Debian/Ubuntu" in err and "Fedora" in err


def test_several_missing_libraries_name_each_package_once(x11_desktop, monkeypatch):
    monkeypatch.setattr(
        platform_check,
        "_loadable",
        missing("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shape.so.0", "libxcb-xkb.so.1"),
    )
    message = check()
    assert message is not None and "\n" not in message
    assert '"sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1"' in message
    # Fedora ships both extensions in libxcb itself: named once.
    assert '"sudo dnf install xcb-util-wm xcb-util-keysyms libxcb"' in message


def test_with_every_library_present_the_window_starts(x11_desktop, no_qapplication, monkeypatch):
    from desktop.ui.app import run_gui

    monkeypatch.setattr(platform_check, "_loadable", lambda soname: True)
    assert check() is None
    with pytest.raises(QApplicationMade):
        run_gui()


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        (X11, "linux", True),
        ({}, "linux", True),  # no session variables: Qt's default, xcb
        ({**X11, "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({**X11, "QT_QPA_PLATFORM": "minimal"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({**X11, "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", True),  # no compositor: xcb
        ({"WAYLAND_DISPLAY": "w-0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({**X11, "QT_QPA_PLATFORM": "xcb:display=:1"}, "linux", True),
        (X11, "darwin", False),
        (X11, "win32", False),
    ],
)
def test_only_when_qt_would_choose_xcb(environ, platform, expected):
    assert uses_xcb(environ, platform) is expected


def test_offscreen_and_other_systems_never_look(monkeypatch):
    def fail(soname):
        raise AssertionError("looked for " + soname)

    monkeypatch.setattr(platform_check, "_loadable", fail)
    assert check({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) is None
    monkeypatch.setattr(sys, "platform", "darwin")
    assert check({}) is None


def test_commands_never_run_the_check(tmp_path, monkeypatch, capsys):
    from desktop.cli import main

    def fail(*args, **kwargs):
        raise AssertionError("a command ran the window's platform check")

    monkeypatch.setattr(platform_check, "check", fail)
    monkeypatch.setattr(platform_check, "_loadable", fail)
    assert main(["--db", str(tmp_path / "lib.sqlite3"), "articles"]) == 0


def test_the_refusal_happens_before_qt_is_loaded(tmp_path):
    """The real entry point in a fresh process: exit status 1, one line, and Qt's widget
    module never imported (so no QApplication could have been made)."""
    code = (
        "import sys\n"
        "from desktop.ui import platform_check\n"
        "platform_check._loadable = lambda soname: soname != 'libxcb-icccm.so.4'\n"
        "platform_check._beside_qt = lambda soname: False\n"
        "from desktop.cli import main\n"
        "status = main([])\n"
        "print(status, 'PySide6.QtWidgets' in sys.modules, 'PySide6.QtGui' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":0", XDG_SESSION_TYPE="x11", FACTDESK_DB=str(tmp_path / "lib.sqlite3"))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["1", "False", "False"], result.stderr
    assert result.stderr.count("\n") == 1
    assert "libxcb-icccm4" in result.stderr and "xcb-util-wm" in result.stderr
    assert not (tmp_path / "lib.sqlite3").exists()


def test_message_format():
    assert install_message(["libxkbcommon-x11.so.0"]) == (
        "factdesk: the window needs system libraries that are missing "
        "(libxkbcommon-x11.so.0): install them with "
        '"sudo apt install libxkbcommon-x11-0" (Debian/Ubuntu) or '
        '"sudo dnf install libxkbcommon-x11" (Fedora)'
    )


def _needed(library: Path) -> set[str]:
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    out = subprocess.run([readelf, "-d", str(library)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's xcb plugin only")
def test_the_table_covers_what_the_installed_xcb_plugin_needs():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin, qpa = qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"
    if not plugin.is_file() or not qpa.is_file():
        pytest.skip("this PySide6 has no xcb plugin")
    gui = _needed(qt / "lib" / "libQt6Gui.so.6") | _needed(qt / "lib" / "libQt6Core.so.6")
    wanted = {
        name
        for name in _needed(plugin) | _needed(qpa)
        if re.match(r"lib(xcb|X11-xcb|xkbcommon-x11)", name) and name not in gui
    }
    assert wanted and wanted <= set(XCB_LIBRARIES), sorted(wanted - set(XCB_LIBRARIES))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_the_check_is_cheap(tmp_path):
    """Measured in a fresh process, as at every start (about 3 ms here; the bound is
    loose for a shared machine, to catch a check that shells out to ldconfig or worse)."""
    code = (
        "import time\n"
        "import desktop.cli\n"
        "t = time.perf_counter()\n"
        "from desktop.ui.platform_check import check\n"
        "check()\n"
        "print(time.perf_counter() - t)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":0", XDG_SESSION_TYPE="x11")
    best = min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    )
    assert best < 0.05


def test_readme_lists_every_package():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    note = readme[readme.index("**Linux prerequisites.**") :]
    apt = next(line for line in note.splitlines() if line.startswith("sudo apt install"))
    dnf = next(line for line in note.splitlines() if line.startswith("sudo dnf install"))
    debian = {deb for deb, _ in XCB_LIBRARIES.values()}
    fedora = {fed for _, fed in XCB_LIBRARIES.values()}
    assert set(apt.split("#")[0].split()[3:]) == debian
    assert set(dnf.split("#")[0].split()[3:]) == fedora
