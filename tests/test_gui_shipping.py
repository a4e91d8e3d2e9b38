"""First run and everyday comforts: welcome view, demo, help, settings effects, filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog

from desktop.core import audit, claims
from desktop.core.ratings import find_rating
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    audit.set_actor("")


@pytest.fixture
def window(qtbot, db_url):
    w = MainWindow(Workbench(open_store(db_url)))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    return w


def open_demo(qtbot, window):
    window.welcome.demo_button.click()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20000)
    qtbot.waitUntil(lambda: window.article_id is not None, timeout=5000)


def test_empty_library_welcomes_then_opens_the_demo(qtbot, window):
    assert window.middle.currentWidget() is window.welcome
    assert window.welcome.isVisible()
    open_demo(qtbot, window)
    assert window.middle.currentWidget() is window.article
    article = window.article.text.article
    assert article.title.startswith("Cycle lanes") or article.title.startswith("Pistes cyclables")
    assert len(article.text) > 800 and (2 in {level for _i, level in article.headings})


def test_help_lists_the_real_shortcuts(qtbot, window, monkeypatch):
    from desktop.ui import help as help_mod

    shown = {}
    monkeypatch.setattr(help_mod.QDialog, "exec", lambda self: shown.setdefault("d", self))
    window.act_shortcuts.trigger()
    html = shown["d"].text.toPlainText()
    assert "Tag as Claim" in html and "Ctrl+T" in html and "F8" in html and "Alt+click" in html
    shown.clear()
    window.act_guide.trigger()
    assert "Export" in shown["d"].text.toPlainText()


def test_recolouring_a_verdict_repaints_highlights_at_once(qtbot, window, monkeypatch):
    open_demo(qtbot, window)
    text = window.article.text.article.text
    start = text.index("42")
    with window.wb.store.transaction() as s:
        claims.create_claim(
            s, window.article_id, start=start, end=start + 2, rating_id=find_rating(s, "False").id
        )
    window.refresh()
    assert {s.color for s in window.article.text._spans} == {"#630b20"}
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.wb, window)
    qtbot.addWidget(dialog)
    row = [r.label for r in dialog.scale.ratings].index("False")
    dialog.scale.table.selectRow(row)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#000080"))
    dialog.scale.recolour()
    assert {s.color for s in window.article.text._spans} == {"#000080"}
    assert window.editor.verdict.itemData(window.editor.verdict.findText("False")) is not None


def test_claim_list_filters_by_checker(qtbot, window):
    open_demo(qtbot, window)
    text = window.article.text.article.text
    for who, quote in (("Alice", "42 kilomètres"), ("Bob", "18 millions"), ("Alice", "130")):
        if quote not in text:  # English demo
            quote = {"42 kilomètres": "42 kilometres", "18 millions": "18 million"}.get(
                quote, quote
            )
        start = text.index(quote)
        with window.wb.store.transaction() as s:
            claims.create_claim(
                s, window.article_id, start=start, end=start + len(quote), checker=who
            )
    window.refresh()
    combo = window.claim_panel.checker_filter
    assert not combo.isHidden()
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Alice", "Bob"]
    combo.setCurrentIndex(combo.findData("Bob"))
    assert [c.checker for c in window.claim_panel.model.claims] == ["Bob"]
    assert len(window.article.text._spans) == 1
    combo.setCurrentIndex(0)
    assert len(window.claim_panel.model.claims) == 3


def test_changes_from_another_program_arrive_on_the_timer(qtbot, window, db_url):
    open_demo(qtbot, window)
    other = open_store(db_url)
    try:
        text = window.article.text.article.text
        with other.transaction() as s:
            claims.create_claim(s, window.article_id, start=0, end=text.index(" "))
    finally:
        other.close()
    window.wb._poll.setInterval(50)
    qtbot.waitUntil(lambda: len(window.claims) == 1, timeout=5000)
    assert "elsewhere" in window.statusBar().currentMessage()
