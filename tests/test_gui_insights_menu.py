"""The window's way into the dashboard: View → Dashboard opens it (once), and a claim
double-clicked there opens in the window, its article shown and the claim selected."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core.store import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench
from tests.test_stats import build_desk


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def test_dashboard_opens_from_the_view_menu_and_opens_a_claim(qtbot, db_path):
    store = open_store(db_path)
    build_desk(store)
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.act_dashboard in view_menu.actions()
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert window.act_period_report in file_menu.actions()

    window.act_dashboard.trigger()
    dash = window.dashboard
    assert dash is not None and dash.isVisible() and dash.isWindow()
    qtbot.waitUntil(lambda: dash.figure is not None and not dash.busy, timeout=10_000)
    window.act_dashboard.trigger()
    assert window.dashboard is dash  # raised, not built again

    with store.read() as session:
        from desktop.core import stats

        rows, _ = stats.claims_in(session, filters=stats.Filters())
    target = rows[-1]
    dash.claim_chosen.emit(target.article_id, target.id)
    assert window.article_id == target.article_id
    assert window.current_claim_id() == target.id
    assert window.editor.claim is not None and window.editor.claim.id == target.id
