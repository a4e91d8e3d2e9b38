"""The window's Search panel (issue 14): Ctrl+Shift+F, hits grouped by article with a
count line, a hit chosen opens its article with the words or the claim selected; a bad
query or no match says so in the panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.models import Article
from desktop.core.sources import add_source
from desktop.core.store import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

# Written for these tests.
FIRST = (
    "Satellites au-dessus du détroit\n\n"
    "Selon un quotidien américain, Elon Musk aurait refusé d’ouvrir Starlink à Taïwan. "
    "Le gouvernement de Taïwan dément toute demande officielle."
)
SECOND = (
    "Élections régionales : les chiffres de la participation\n\n"
    "La participation a atteint 58 % dimanche, selon le ministère de l’Intérieur, "
    "loin des 72 % des élections de janvier à Taïwan."
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
        claim, _ = create_claim_from_quote(
            s, first, "Elon Musk aurait refusé d’ouvrir Starlink à Taïwan", claimant="Elon Musk"
        )
        add_source(s, claim.id, title="Communiqué du Yuan exécutif", url="https://example.org/yuan")
    win = MainWindow(Workbench(store))
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    win.library.select(second)  # another article is open: choosing a hit must open it
    win.ids = {"first": first, "second": second, "claim": claim.id}
    win.activateWindow()
    win.article.text.setFocus()
    qtbot.waitUntil(lambda: win.article.text.hasFocus())
    return win


def search(qtbot, window, query: str):
    """Ctrl+Shift+F from the article, the query typed, its answer waited for."""
    QTest.keySequence(window.article.text, QKeySequence("Ctrl+Shift+F"))
    panel = window.search_panel
    assert panel is not None and window.search_dock.isVisible()
    qtbot.waitUntil(lambda: panel.query.hasFocus())
    panel.query.clear()
    qtbot.keyClicks(panel.query, query)
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=10_000)
    return panel


def test_a_word_without_its_accent_finds_and_selects_it(qtbot, window):
    assert (
        window.act_search
        in next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit").actions()
    )
    assert window.article_id == window.ids["second"]
    panel = search(qtbot, window, "taiwan")
    tree = panel.tree
    assert tree.topLevelItemCount() == 2
    groups = [tree.topLevelItem(i) for i in range(2)]
    kinds = {
        g.text(0): sorted(
            g.child(i).data(0, Qt.ItemDataRole.UserRole).kind for i in range(g.childCount())
        )
        for g in groups
    }
    assert kinds == {
        "Satellites au-dessus du détroit": ["article", "claim"],
        "Élections régionales : les chiffres de la participation": ["article"],
    }
    assert panel.status.text() == "3 hits in 2 articles"
    group = next(g for g in groups if g.text(0).startswith("Satellites"))
    kinds = [
        group.child(i).data(0, Qt.ItemDataRole.UserRole).kind for i in range(group.childCount())
    ]

    hit_item = group.child(kinds.index("article"))
    hit = hit_item.data(0, Qt.ItemDataRole.UserRole)
    assert "<b>Taïwan</b>" in hit_item.data(0, Qt.ItemDataRole.UserRole + 1)
    tree.setFocus()
    tree.setCurrentItem(hit_item)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.article_id == window.ids["first"]
    text = window.article.text
    span = text.selection_codepoints()
    assert span is not None and span[0] == hit.offset
    assert text.article.text[span[0] : span[1]] == "Taïwan"

    panel.query.setFocus()
    QTest.keyClick(panel.query, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: text.hasFocus())


def test_a_claimant_filter_selects_the_claim(qtbot, window):
    panel = search(qtbot, window, 'claimant:"Elon Musk"')
    group = panel.tree.topLevelItem(0)
    claim_items = [
        group.child(i)
        for i in range(group.childCount())
        if group.child(i).data(0, Qt.ItemDataRole.UserRole).kind == "claim"
    ]
    assert len(claim_items) == 1
    panel.tree.itemClicked.emit(claim_items[0], 0)
    assert window.article_id == window.ids["first"]
    assert window.current_claim_id() == window.ids["claim"]
    assert window.editor.claim is not None and window.editor.claim.id == window.ids["claim"]


def test_a_source_hit_selects_the_claim_citing_it(qtbot, window):
    panel = search(qtbot, window, "yuan executif")
    assert panel.tree.topLevelItemCount() == 1
    group = panel.tree.topLevelItem(0)
    assert group.text(0) == "Sources" and group.childCount() == 1
    assert panel.status.text() == "1 hit in 1 source"
    panel.tree.setFocus()
    panel.tree.setCurrentItem(group.child(0))
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.article_id == window.ids["first"]
    assert window.current_claim_id() == window.ids["claim"]


def test_a_bad_query_and_no_match_say_so_in_the_panel(qtbot, window):
    panel = search(qtbot, window, "before:2024-13-40")
    assert "YYYY-MM-DD" in panel.status.text() and "2024-13-40" in panel.status.text()
    assert panel.tree.topLevelItemCount() == 0
    assert window.search_dock.isVisible()

    panel = search(qtbot, window, "zanzibar")
    assert panel.status.text() == "No match for “zanzibar”."
    assert panel.tree.topLevelItemCount() == 0


def test_late_answers_for_an_older_query_are_dropped(qtbot, window):
    panel = search(qtbot, window, "participation")
    assert panel.tree.topLevelItemCount() == 1
    panel.run_search()  # an answer for "participation" is on its way…
    panel.query.setText("zanzibar")  # …while the user types something else
    panel.run_search()
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=10_000)
    from desktop.ui import tasks

    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert panel.shown_query == "zanzibar" and panel.tree.topLevelItemCount() == 0


def test_the_hits_follow_a_claim_tagged_meanwhile(qtbot, window):
    panel = search(qtbot, window, 'claimant:"Marie Curie"')
    assert panel.tree.topLevelItemCount() == 0
    with window.wb.store.transaction() as s:
        text = s.get(Article, window.ids["second"]).text
    start = len(text.split("\n")[0]) + 2  # the first words after the title
    window.article.text.select_codepoints(start, start + 12)
    window.tag_selection()
    window.editor.claimant.setText("Marie Curie")
    window.editor.flush()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=10_000)
