"""The dashboard: its figures are the core's, a click on a bar lists that bar's claims,
double-clicking one asks the window to open it, and a chart exports as PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from desktop.core import stats
from desktop.core.store import open_store
from desktop.ui.dashboard import Dashboard
from desktop.ui.workbench import Workbench
from tests.test_stats import build_desk


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def dash(qtbot, db_path):
    store = open_store(db_path)
    build_desk(store)
    workbench = Workbench(store)
    widget = Dashboard(workbench)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    settle(qtbot, widget)
    yield widget
    workbench.close()


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: widget.figure is not None and not widget.busy, timeout=10_000)


def choose(qtbot, widget, by: str) -> None:
    widget.bar.by.setCurrentIndex(widget.bar.by.findData(by))
    qtbot.waitUntil(lambda: widget.figure.by == by and not widget.busy, timeout=10_000)


def test_figures_are_the_core_figures(qtbot, dash):
    with dash.workbench.store.read() as s:
        expected = stats.figure(s, "verdict")
    assert dash.figure == expected
    assert dash.chart.categories[-1] == "Not rated"
    assert "96 claim(s)" in dash.message.text()
    choose(qtbot, dash, "claimant")
    with dash.workbench.store.read() as s:
        assert dash.figure == stats.figure(s, "claimant")
    assert "(no claimant)" in dash.chart.categories


def test_period_and_filters_change_the_figure(qtbot, dash):
    dash.bar.set_period(QDate(2024, 3, 1), QDate(2024, 4, 30))
    combo = dash.bar.names["claimant"]
    combo.setCurrentText("Élysée")
    combo.activated.emit(0)
    qtbot.waitUntil(lambda: not dash.busy and dash.figure.total < 96, timeout=10_000)
    period = stats.Period(stats.parse_day("2024-03"), stats.parse_day("2024-04", end=True))
    with dash.workbench.store.read() as s:
        expected = stats.figure(s, "verdict", period, stats.Filters(claimant="Élysée"))
    assert dash.figure == expected and expected.total > 0


def test_clicking_a_bar_lists_its_claims_and_double_click_opens_one(qtbot, dash):
    choose(qtbot, dash, "tag")
    view = dash.view
    band = next(i for i in view.layout_.items if type(i).__name__ == "Band" and i.key == "santé")
    qtbot.mouseClick(
        view, Qt.MouseButton.LeftButton, pos=QPoint(int(band.x + 30), int(band.y + band.h / 2))
    )
    qtbot.waitUntil(lambda: not dash.busy and bool(dash.rows), timeout=10_000)
    bar = next(b for b in dash.figure.bars if b.key == "santé")
    assert dash.claims.rowCount() == len(dash.rows) == bar.count
    with dash.workbench.store.read() as s:
        rows, _ = stats.claims_in(s, filters=stats.Filters(tag="santé"))
    assert [r.id for r in dash.rows] == [r.id for r in rows]
    assert dash.claims_label.text().startswith(f"santé: {bar.count} claim(s)")
    chosen = []
    dash.claim_chosen.connect(lambda a, c: chosen.append((a, c)))
    dash.claims.cellDoubleClicked.emit(2, 0)
    assert chosen == [(dash.rows[2].article_id, dash.rows[2].id)]


def test_the_table_shows_and_copies_the_numbers(qtbot, dash):
    qtbot.mouseClick(dash.table_toggle, Qt.MouseButton.LeftButton)
    assert dash.stack.currentWidget() is dash.numbers
    model = dash.numbers.model()
    assert model.rowCount() == len(dash.figure.bars)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        str(b.count) for b in dash.figure.bars
    ]
    text = dash.numbers.copy_selection()
    assert text.splitlines()[0] == "Verdict\tClaims" or text.splitlines()[0].endswith("\tClaims")
    assert QGuiApplication.clipboard().text() == text
    # a row of the table lists its claims too (keyboard users never need the chart)
    dash.numbers.clicked.emit(model.index(0, 0))
    qtbot.waitUntil(lambda: not dash.busy and dash.selected is not None, timeout=10_000)
    assert dash.claims.rowCount() == dash.figure.bars[0].count


def test_export_as_svg_and_png(qtbot, dash, tmp_path):
    choose(qtbot, dash, "month")
    dash.save_svg(tmp_path / "months.svg")
    root = ET.parse(tmp_path / "months.svg").getroot()
    numbers = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {str(b.count) for b in dash.figure.bars if b.count} <= numbers
    dash.save_png(tmp_path / "months.png")
    assert (tmp_path / "months.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_change_in_the_library_is_counted_again(qtbot, dash):
    from desktop.core.claims import update_claim

    unrated = dash.figure.bars[-1].count
    with dash.workbench.store.read() as s:
        claim_id = stats.claims_in(s, filters=stats.Filters(verdict=stats.UNRATED))[0][0].id
    dash.workbench.write(update_claim, claim_id, rating_id=1)
    dash.workbench.claimChanged.emit(1, claim_id)
    qtbot.waitUntil(lambda: dash.figure.bars[-1].count == unrated - 1, timeout=10_000)


def test_period_report_from_the_dashboard(qtbot, dash, tmp_path, monkeypatch):
    from desktop.ui import tasks
    from desktop.ui.period_dialog import PeriodReportDialog

    dash.bar.set_period(QDate(2024, 3, 1), QDate(2024, 4, 30))
    dest = tmp_path / "round-up.html"

    def exec_(dialog):
        assert dialog.period() == stats.Period(
            stats.parse_day("2024-03-01"), stats.parse_day("2024-04-30")
        )
        assert dialog.dest.text().endswith("fact-checks-2024-03-01-2024-04-30.html")
        dialog.dest.setText(str(dest))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PeriodReportDialog, "exec", exec_)
    dash.period_report()
    qtbot.waitUntil(lambda: not tasks.busy() and dest.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: "Period report:" in dash.message.text(), timeout=5_000)
    html = dest.read_text(encoding="utf-8")
    assert "Vérifications du" in html and "2024-04-30" in html
    with dash.workbench.store.read() as s:
        total = stats.claims_in(s, dash.bar.period())[1]
    assert f"{total} claim(s)" in dash.message.text()


def test_period_dialog_refuses_an_inverted_period(qtbot):
    from desktop.ui.period_dialog import PeriodReportDialog

    dialog = PeriodReportDialog(None, stats.Period(stats.parse_day("2024-05"), None))
    qtbot.addWidget(dialog)
    dialog.end.setDate(QDate(2024, 4, 1))
    dialog.accept()
    assert dialog.result() != PeriodReportDialog.DialogCode.Accepted
    assert "ends before it starts" in dialog.problem.text()
