"""Before the window, on Linux: are the system libraries Qt's X11 (xcb) platform needs there?

PySide6 ships Qt but not the X11 client libraries its xcb platform plugin links against.
When one is missing, Qt aborts at start-up ("xcb-cursor0 or libxcb-cursor0 is needed …
Reinstalling the application may fix this problem"), which says nothing useful. This
check loads each library by its soname first, and on failure names the packages to
install on Debian/Ubuntu and Fedora in one line; the window then exits with status 1.

It runs for the window only (never for a `factdesk` command), on Linux only, and only when
Qt would pick xcb (not offscreen, not a Wayland session). It costs about 3 ms: the
libraries it loads are the ones Qt loads next anyway.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# soname → (Debian/Ubuntu package, Fedora package). Every library that PySide6's
# plugins/platforms/libqxcb.so and Qt/lib/libQt6XcbQpa.so.6 need (readelf -d: NEEDED)
# beyond those QtGui itself needs (libX11, libxkbcommon, libGL, fontconfig, …: without
# those PySide6.QtGui fails to import, before any platform is chosen).
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt would start on its xcb platform, as QGuiApplication chooses it.

    QT_QPA_PLATFORM, when set, is a `;`-separated list tried in order; unset, Qt prefers
    Wayland in a Wayland session and xcb otherwise. When unsure, say no: this check
    must never stop a window that would have started.
    """
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return False
    wayland_session = bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"
    requested = [
        entry.split(":", 1)[0].strip()
        for entry in env.get("QT_QPA_PLATFORM", "").split(";")
        if entry.strip()
    ]
    if not requested:
        return not wayland_session
    for name in requested:
        if name == "xcb":
            return True
        if name.startswith("wayland") and not wayland_session:
            continue  # no compositor to talk to: Qt moves on to the next name
        return False
    return False


def _loadable(soname: str) -> bool:
    """Whether the dynamic loader finds and loads `soname`, as Qt's plugin loader would."""
    try:
        from _ctypes import dlopen  # what ctypes.CDLL calls, without importing ctypes (3 ms)
    except ImportError:  # not a POSIX build: nothing to tell
        return True
    try:
        dlopen(soname, os.RTLD_LOCAL)
    except OSError:
        return False
    return True


def _beside_qt(soname: str) -> bool:
    """A copy next to Qt's own libraries (a bundle may carry some): Qt finds it there."""
    from importlib.util import find_spec

    try:
        spec = find_spec("PySide6")
    except (ImportError, ValueError):
        return False
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if os.path.exists(os.path.join(folder, "Qt", "lib", soname)):
            return True
    return False


def missing_libraries() -> list[str]:
    """The sonames of XCB_LIBRARIES that cannot be loaded, in table order."""
    return [name for name in XCB_LIBRARIES if not _loadable(name) and not _beside_qt(name)]


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def install_message(missing: list[str]) -> str:
    """One line naming the missing libraries and the packages that provide them."""
    debian = " ".join(_unique(XCB_LIBRARIES[name][0] for name in missing))
    fedora = " ".join(_unique(XCB_LIBRARIES[name][1] for name in missing))
    return (
        f"factdesk: the window needs system libraries that are missing "
        f"({', '.join(missing)}): install them with "
        f'"sudo apt install {debian}" (Debian/Ubuntu) or "sudo dnf install {fedora}" (Fedora)'
    )


def check(environ: Mapping[str, str] | None = None) -> str | None:
    """The line to print when the window cannot start on this system, else None."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries()
    return install_message(missing) if missing else None
