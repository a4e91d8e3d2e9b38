"""The claim editor's "Already checked" list (issue 14): a claim repeated in a second
article shows the earlier check of the first and another newsroom's, updates as the claim
is typed (at a person's speed, nothing typed lost), and one click cites a match or takes
its verdict and sources, in one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.factchecks import FactCheck, add_checks
from desktop.core.importers import parse_text
from desktop.core.models import Claim, ClaimSource, Rating, Source
from desktop.core.sources import add_source
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

# Written for these tests.
FIRST = (
    "Satellites au-dessus du détroit\n\n"
    "🛰️ Selon un quotidien américain, Elon Musk a désactivé Starlink au-dessus de Taïwan "
    "à la demande de Xi Jinping. Le maire promet 40 radars."
)
SECOND = (
    "Revue de presse du lundi\n\n"
    "Un éditorialiste répète qu’Elon Musk aurait désactivé Starlink au-dessus de Taiwan. "
    "La météo sera douce cette semaine."
)


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def window(qtbot, db_path):
    store = open_store(db_path)
    with store.transaction() as s:
        first = add_article(s, parse_text(FIRST)).article_id
        second = add_article(s, parse_text(SECOND)).article_id
        earlier, _ = create_claim_from_quote(
            s, first, "Elon Musk a désactivé Starlink au-dessus de Taïwan", claimant="WSJ"
        )
        earlier.checker = "Camille"
        earlier.rating_id = s.query(Rating).filter(Rating.key == "false").one().id
        add_source(
            s,
            earlier.id,
            title="Démenti du ministère",
            url="https://example.org/dementi",
            stance="refutes",
            excerpt="Aucune coupure n’a été demandée.",
        )
        repeated, _ = create_claim_from_quote(
            s, second, "Elon Musk aurait désactivé Starlink au-dessus de Taiwan"
        )
        add_checks(
            s,
            [
                FactCheck(
                    review_url="https://checks.example/starlink",
                    claim_text="Musk switched off Starlink over Taiwan for Xi Jinping",
                    rating="False",
                    publisher="Example Checks",
                )
            ],
        )
    win = MainWindow(Workbench(store))
    qtbot.addWidget(win)
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.library.select(second)
    win.select_claim(repeated.id)
    win.ids = {"first": first, "second": second, "earlier": earlier.id, "repeated": repeated.id}
    return win


def _settled(qtbot, already) -> None:
    qtbot.waitUntil(lambda: not already.is_matching() and not tasks.busy(), timeout=15_000)


def _row(already, kind: str) -> int:
    return next(i for i, m in enumerate(already.matches) if m.kind == kind)


def test_the_repeated_claim_shows_the_earlier_checks(qtbot, window):
    already = window.editor.already
    _settled(qtbot, already)
    assert window.editor.claim.id == window.ids["repeated"]
    kinds = {(m.kind, m.claim_id or m.url) for m in already.matches}
    assert ("library", window.ids["earlier"]) in kinds
    assert ("reference", "https://checks.example/starlink") in kinds
    earlier = already.matches[_row(already, "library")]
    assert earlier.publisher == "Camille" and earlier.verdict
    item = already.list.topLevelItem(_row(already, "library"))
    assert item.text(2) == "Camille" and item.text(0).endswith("%")
    assert item.text(3) == (earlier.date or "—") and item.text(4) == earlier.claim
    assert "Closest earlier checks" in already.status.text()


def test_typing_the_claim_updates_the_list_and_keeps_every_keystroke(qtbot, window):
    already = window.editor.already
    _settled(qtbot, already)
    field = window.editor.text
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    typed = "Le maire promet 40 radars"
    for ch in typed:
        QTest.keyClick(field, ch)
        QTest.qWait(110)
    _settled(qtbot, already)
    assert field.toPlainText() == typed
    # The radar claim is in the first article: not the Starlink checks any more.
    assert all("Starlink" not in m.claim for m in already.matches)
    qtbot.waitUntil(lambda: not window.editor.pending(), timeout=5_000)
    with window.wb.store.read() as s:
        assert s.get(Claim, window.ids["repeated"]).text == typed


def test_use_its_verdict_copies_verdict_and_sources_in_one_undo_step(qtbot, window):
    already = window.editor.already
    _settled(qtbot, already)
    already.list.setCurrentItem(already.list.topLevelItem(_row(already, "library")))
    assert already.verdict_btn.isEnabled()
    qtbot.mouseClick(already.verdict_btn, Qt.MouseButton.LeftButton)
    with window.wb.store.read() as s:
        claim = s.get(Claim, window.ids["repeated"])
        earlier = s.get(Claim, window.ids["earlier"])
        assert claim.rating_id == earlier.rating_id is not None
        [link] = s.query(ClaimSource).filter(ClaimSource.claim_id == claim.id).all()
        assert (link.stance, link.excerpt) == ("refutes", "Aucune coupure n’a été demandée.")
    window.act_undo.trigger()
    with window.wb.store.read() as s:
        assert s.get(Claim, window.ids["repeated"]).rating_id is None
        assert s.query(ClaimSource).filter(ClaimSource.claim_id == claim.id).count() == 0


def test_cite_a_reference_check_as_a_source(qtbot, window):
    already = window.editor.already
    _settled(qtbot, already)
    already.list.setCurrentItem(already.list.topLevelItem(_row(already, "reference")))
    qtbot.mouseClick(already.cite_btn, Qt.MouseButton.LeftButton)
    with window.wb.store.read() as s:
        [link] = s.query(ClaimSource).filter(ClaimSource.claim_id == window.ids["repeated"]).all()
        source = s.get(Source, link.source_id)
        assert source.url == "https://checks.example/starlink"
        assert source.publisher == "Example Checks"
        assert link.excerpt == "Checked by Example Checks: False"
    assert [s.url for s in window.editor.claim.sources] == ["https://checks.example/starlink"]


def test_the_search_panel_lists_reference_checks_apart(qtbot, window, monkeypatch):
    from PySide6.QtGui import QKeySequence

    from desktop.ui.reference_check_dialog import ReferenceCheckDialog

    shown = []

    def exec_(dialog) -> int:
        shown.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(ReferenceCheckDialog, "exec", exec_)

    window.activateWindow()
    window.article.text.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.article.text.hasFocus())
    QTest.keySequence(window.article.text, QKeySequence("Ctrl+Shift+F"))
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.query.hasFocus())
    qtbot.keyClicks(panel.query, "switched")
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=10_000)
    [group] = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert group.text(0) == "Fact-checks by other newsrooms"
    assert panel.status.text() == "1 hit in 1 fact-check"
    chosen = []
    panel.check_chosen.connect(chosen.append)
    panel.choose(group.child(0))
    assert chosen == [panel.hits[0].check_id] and chosen[0] is not None
    assert shown == ["Fact-check by Example Checks"]
