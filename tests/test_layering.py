"""The core and the command line never load Qt (the GUI is the only Qt layer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

try:
    from tests.conftest import ROOT
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import ROOT

PROBE = r"""
import json, pkgutil, sys, importlib
import desktop.core, desktop.cli

skipped = ("desktop.core.migrations.",)  # Alembic runs env.py itself, never as an import
imported = []
for package in (desktop.core, desktop.cli):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.startswith(skipped):
            continue
        importlib.import_module(info.name)
        imported.append(info.name)

from desktop.cli import main
code = main(["articles", "--json"])
print(json.dumps({"imported": imported, "code": code,
                  "qt": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken")))}))
"""


def test_core_and_cli_never_import_pyside(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(FACTDESK_DB=str(tmp_path / "lib.sqlite3"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    assert report["qt"] == []
    for name in (
        "desktop.core.store",
        "desktop.core.anchoring",
        "desktop.core.importers.html",
        "desktop.core.importers.url",
        "desktop.cli.articles",
        "desktop.cli.claims",
    ):
        assert name in report["imported"]


LISTING = r"""
import json, sys
from desktop.cli import main
code = main(["articles"])
print(json.dumps({"code": code, "orm": sorted(
    m for m in sys.modules if m.split(".")[0] in ("sqlmodel", "pydantic", "PySide6")
    or m in ("sqlalchemy.orm", "desktop.core.models"))}))
"""


def test_the_library_listing_loads_neither_qt_nor_the_orm(tmp_path):
    """`factdesk articles` stays a cold command's worth of imports (benchmark figure 2)."""
    from desktop.core.store import open_store

    db = tmp_path / "lib.sqlite3"
    open_store(db).close()  # an existing, current library: the listing's own path
    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(FACTDESK_DB=str(db))
    result = subprocess.run(
        [sys.executable, "-c", LISTING], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"code": 0, "orm": []}
