"""The desktop bundle: resources found from a checkout and from a PyInstaller bundle, and,
on request, a full build and check of the frozen executable (.ci/bundle-check.sh)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.resources import app_icon_path, resource_path

try:
    from tests.conftest import ROOT
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import ROOT


def test_resources_found_in_the_checkout():
    assert resource_path() == ROOT / "resources"
    assert resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert app_icon_path().is_file()
    assert app_icon_path().read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_resources_found_in_a_bundle(monkeypatch, tmp_path):
    # What PyInstaller's bootloader sets: frozen, and the folder holding the bundle's data.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts") == tmp_path / "resources" / "fonts"
    assert app_icon_path() == tmp_path / "resources" / "icons" / "factdesk.svg"


def test_icon_renders_at_every_size():
    from PySide6.QtSvg import QSvgRenderer

    assert QSvgRenderer(str(app_icon_path())).isValid()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert resource_path("icons", f"factdesk-{size}.png").is_file()
    assert resource_path("icons", "factdesk.ico").is_file()


@pytest.mark.skipif(
    os.environ.get("FACTDESK_TEST_BUNDLE") != "1",
    reason="builds the PyInstaller bundle (about a minute, 300 MB); "
    "set FACTDESK_TEST_BUNDLE=1 to run it",
)
def test_bundle_builds_and_runs():
    if not (ROOT / ".venv" / "bin" / "pyinstaller").exists():
        pytest.skip("PyInstaller is not installed: .venv/bin/pip install -e '.[bundle]'")
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "bundle-check.sh")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bundle-check: PASS" in result.stdout
