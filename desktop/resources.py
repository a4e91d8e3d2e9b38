"""Where Factdesk's data files are: the top-level `resources/` folder (fonts, icons, …).

In a source checkout or an editable install it sits beside the `desktop` package. In a
PyInstaller bundle, `build.spec` copies it to `resources/` under the bundle's data folder,
which the bootloader names in `sys._MEIPASS` (`_internal/` beside the executable for a
one-folder bundle). No Qt here: the core and the command line use it too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import desktop


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(desktop.__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of `resources/<parts…>` (it is not checked to exist)."""
    return _root().joinpath(*parts)


def app_icon_path() -> Path:
    """The application icon: the SVG, which Qt scales crisply to every size a desktop asks.

    Qt reads it through its SVG image-format plugin, which the bundle carries; the same
    drawing as PNGs (`factdesk-16.png` … `factdesk-512.png`) is beside it.
    """
    return resource_path("icons", "factdesk.svg")
