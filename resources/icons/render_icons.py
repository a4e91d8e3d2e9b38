"""Render factdesk.svg to the PNG sizes and the .ico/.icns the bundle and desktops use.

Run after editing the SVG, with the project's virtualenv (PySide6; Pillow for .ico/.icns):

    .venv/bin/python resources/icons/render_icons.py

Qt renders every size from the vector, so 16 px is drawn for 16 px rather than scaled down
from 512. Pillow only packs those PNGs into .ico/.icns here; Factdesk never imports it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "factdesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size an .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # the sizes Pillow's ICNS writer packs


def png_path(size: int) -> Path:
    return HERE / f"factdesk-{size}.png"


def render_pngs() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: Qt cannot read this SVG")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"{png_path(size)}: cannot be written")
        print(png_path(size).name)


def pack_icons() -> None:
    try:
        from PIL import Image
    except ImportError:
        print("Pillow is not installed: factdesk.ico and factdesk.icns left as they are")
        return
    # Pillow picks, for each size asked, the appended image of exactly that size, so every
    # entry is Qt's own rendering rather than a resample of the largest one.
    images = {size: Image.open(png_path(size)).convert("RGBA") for size in SIZES}
    largest = images[max(ICO_SIZES)]
    largest.save(
        HERE / "factdesk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print("factdesk.ico")
    images[max(ICNS_SIZES)].save(
        HERE / "factdesk.icns",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print("factdesk.icns")


if __name__ == "__main__":
    render_pngs()
    pack_icons()
