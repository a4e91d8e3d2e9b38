"""File → Import Fact-Checks: the chosen file is imported off the UI thread, the status
bar counts what was added, and a bad file shows one error with nothing written."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from desktop.core.models import ReferenceCheck
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def _window(qtbot, db_path):
    store = open_store(db_path)
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, store


def _count(store) -> int:
    with store.read() as s:
        return s.execute(select(func.count()).select_from(ReferenceCheck)).scalar_one()


def test_import_factchecks_from_the_file_menu(qtbot, db_path, tmp_path, monkeypatch):
    window, store = _window(qtbot, db_path)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    actions = file_menu.actions()
    assert actions.index(window.act_import_factchecks) == actions.index(window.act_paste) + 1

    path = tmp_path / "feed.json"
    reviews = [
        {
            "@type": "ClaimReview",
            "url": f"https://invented.example/{n}",
            "claimReviewed": f"Invented claim {n}",
        }
        for n in range(3)
    ]
    path.write_text(json.dumps(reviews))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], ""))
    )
    window.act_import_factchecks.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert _count(store) == 3
    assert window.statusBar().currentMessage() == ("Fact-checks: 3 added, 0 already in the library")

    window.act_import_factchecks.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert window.statusBar().currentMessage() == ("Fact-checks: 0 added, 3 already in the library")


def test_a_bad_file_shows_an_error_and_writes_nothing(qtbot, db_path, tmp_path, monkeypatch):
    window, store = _window(qtbot, db_path)
    path = tmp_path / "bad.json"
    path.write_text("{ not json")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], ""))
    )
    errors = []
    monkeypatch.setattr(
        window, "show_error", lambda title, message: errors.append((title, message))
    )
    window.act_import_factchecks.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert len(errors) == 1
    assert errors[0][1] == f"{path}: is not valid JSON (line 1)"
    assert _count(store) == 0
