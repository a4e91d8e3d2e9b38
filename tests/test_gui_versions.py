"""Versions from the window: Check for Updates against a 127.0.0.1 server serving
changing versions of a page, Import New Version from pasted text, the review of carried-
over highlights (confirm, re-check), Compare Versions, the header and library hint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlmodel import select

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.models import ArticleVersion, Claim, VersionAnchor
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.version_diff import VersionDiffDialog
from desktop.ui.version_review import NewVersionDialog, VersionReviewDialog
from desktop.ui.workbench import Workbench

try:
    from tests.test_cli_versions import V1, V2, _Pages, server  # noqa: F401 (a fixture)
except ImportError:  # tests/ run as a rootdir without a package
    from test_cli_versions import V1, V2, _Pages, server  # noqa: F401

QUOTE = "le chômage a baissé de moitié"
SHOTS = os.environ.get("FACTDESK_SHOTS", "")  # a folder: screenshots are saved there


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def _library(db_url, url: str = "") -> tuple:
    store = open_store(db_url)
    text = "Retraites : le ministre s’explique\n\n" + "\n\n".join(V1)
    with store.transaction() as s:
        aid = add_article(s, parse_text(text), url=url).article_id
        c1, _ = create_claim_from_quote(s, aid, QUOTE, text="Le chômage a baissé de moitié")
        c2, _ = create_claim_from_quote(s, aid, "deux millions de personnes", text="Deux millions")
        c3, _ = create_claim_from_quote(s, aid, "débattu à l’Assemblée nationale", text="Débat")
    return store, aid, (c1.id, c2.id, c3.id)


def _window(qtbot, store, aid):
    window = MainWindow(Workbench(store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.library.select(aid)
    window.open_article(aid)
    return window


def _shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _dialog(window, kind):
    found = [w for w in window.findChildren(kind) if w.isVisible()]
    return found[-1] if found else None


def test_check_for_updates_review_and_compare(qtbot, db_url, server, monkeypatch):
    store, aid, (c1, c2, c3) = _library(db_url, url=server)
    window = _window(qtbot, store, aid)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    actions = file_menu.actions()
    assert window.act_check_updates in actions and window.act_compare_versions in actions
    assert "versions" not in window.article.meta.text()
    infos = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: infos.append(a[2]))

    # The page as imported: nothing is stored, the status bar says so.
    _Pages.current = ["Retraites : le ministre s’explique", *V1][1:]
    window.act_check_updates.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    with store.read() as s:
        assert s.exec(select(ArticleVersion)).all() == []

    _Pages.current = V2
    window.act_check_updates.trigger()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    qtbot.waitUntil(lambda: _dialog(window, VersionReviewDialog) is not None, timeout=10_000)
    review = _dialog(window, VersionReviewDialog)
    with store.read() as s:
        assert [v.number for v in s.exec(select(ArticleVersion)).all()] == [1, 2]
    assert "de la moitié" in window.article.text.toPlainText()
    assert "2 versions, last changed" in window.article.meta.text()
    row = next(r for r in window.library.model.rows if r.id == aid)
    assert row.versions == 2
    shown = window.library.model.index(0, 0)
    assert window.library.model.data(shown).startswith("v2 · Retraites")
    tip = window.library.model.data(shown, Qt.ItemDataRole.ToolTipRole)
    assert "2 versions, last changed" in tip

    kinds = {o.claim_id: o.kind for o in review.outcomes}
    assert kinds[c1] == "reworded" and kinds[c2] == "moved"
    reworded_row = next(i for i, o in enumerate(review.outcomes) if o.claim_id == c1)
    old_cell = review.table.cellWidget(reworded_row, 2).text()
    new_cell = review.table.cellWidget(reworded_row, 3).text()
    assert "line-through" not in new_cell and "la " in new_cell and "v2" in new_cell
    assert "moitié" in old_cell and "v1" in old_cell
    review.resize(1100, 420)
    qtbot.wait(50)
    _shot(review, "review")

    review.table.selectRow(reworded_row)
    review.recheck.setChecked(True)
    review.confirm_selected.click()
    with store.read() as s:
        assert s.get(Claim, c1).checked_version == 2
        assert s.get(Claim, c2).checked_version == 1
        anchors = s.exec(select(VersionAnchor).where(VersionAnchor.number == 2)).all()
        assert sum(a.confirmed for a in anchors) >= 2
    assert review.table.item(reworded_row, 4).text() == "Yes"
    review.recheck.setChecked(False)
    review.confirm_all.click()
    assert all(o.confirmed for o in review.outcomes)
    with store.read() as s:
        assert s.get(Claim, c2).checked_version == 1  # confirmed, not re-checked
    review.close()

    window.compare_versions_dialog()
    diff = _dialog(window, VersionDiffDialog)
    qtbot.waitUntil(lambda: diff._result is not None, timeout=10_000)
    page = diff.browser.toHtml()
    assert "background-color:" in page and "moved from paragraph" in page
    assert "Mise à jour" in page
    assert "inserted" in diff.summary.text()
    diff.whole.setChecked(True)
    diff.resize(1000, 600)
    qtbot.wait(50)
    _shot(diff, "diff")
    diff.close()
    store.close()


def test_import_new_version_from_pasted_text_with_emoji(qtbot, db_url, monkeypatch):
    store, aid, (c1, _c2, c3) = _library(db_url)
    window = _window(qtbot, store, aid)
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    window.check_for_updates()  # no address: an error, nothing fetched
    assert errors and "no web address" in errors[0]
    errors.clear()
    new_text = "Retraites : le ministre s’explique\n\n" + "\n\n".join(
        [V1[0].replace("de moitié", "d’un quart"), V1[1]]
    )

    def run_dialog(dialog):
        dialog.editor.setPlainText(new_text)
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewVersionDialog, "exec", run_dialog)
    window.import_version_dialog()
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20_000)
    qtbot.waitUntil(lambda: _dialog(window, VersionReviewDialog) is not None, timeout=10_000)
    review = _dialog(window, VersionReviewDialog)
    kinds = {o.claim_id: o.kind for o in review.outcomes}
    assert kinds[c3] == "orphaned"
    assert not errors
    with store.read() as s:
        rows = s.exec(select(ArticleVersion).order_by(ArticleVersion.number)).all()
        assert [(r.number, r.origin) for r in rows][1] == (2, "")
    # The emoji before the highlight: Qt's UTF-16 offsets still paint the right words.
    text = window.article.text.toPlainText()
    assert text.startswith("Retraites") and "😀" in text
    review.close()
    window.article._link("factdesk:versions")  # the header's "2 versions" link
    diff = _dialog(window, VersionDiffDialog)
    qtbot.waitUntil(lambda: diff._result is not None, timeout=10_000)
    assert "quote changed" in diff.flags.text() and "not found" in diff.flags.text()
    assert "line-through" in diff.browser.toHtml()
    diff.resize(1000, 420)
    qtbot.wait(50)
    _shot(diff, "diff-deletions")
    diff.close()
    store.close()


def test_long_article_compare_keeps_the_window_responsive(qtbot, db_path):
    """100,000 words: the dialog opens at once, the comparison runs on a worker, and the
    page shows the changes with their context, not the whole book."""
    import time

    from desktop.core.importers import ParsedArticle
    from desktop.core.versions import add_version

    store = open_store(db_path)
    paras = [
        f"Paragraphe {n} : " + " ".join(f"mot{(n * 7 + k) % 997}" for k in range(100))
        for n in range(1000)
    ]
    new = list(paras)
    for k in range(0, 1000, 25):
        new[k] = new[k].replace("mot", "MOT", 2)
    new.insert(600, new.pop(3))
    with store.transaction() as s:
        aid = add_article(s, ParsedArticle(paragraphs=paras)).article_id
    with store.transaction() as s:
        assert add_version(s, aid, ParsedArticle(paragraphs=new), origin="x.txt").added
    window = _window(qtbot, store, aid)
    started = time.perf_counter()
    window.compare_versions_dialog()
    assert time.perf_counter() - started < 1.0
    diff = _dialog(window, VersionDiffDialog)
    qtbot.waitUntil(lambda: diff._result is not None, timeout=30_000)
    shown = diff.browser.toPlainText()
    assert "moved from paragraph 4" in shown and "MOT" in shown
    assert len(shown) < 200_000  # the changes and their context, not 100,000 words
    diff.close()
    store.close()
