"""Suggestions in the window, driven by the keyboard: F9 steps, Ctrl+F9 tags with the
claimant filled in, Not a Claim dismisses for good and Undo brings it back (issue 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QTextCharFormat
from PySide6.QtTest import QTest

from desktop.core import suggestions as core_suggestions
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

# Written for this test; an emoji flag before the claims so offsets are proved.
ARTICLE = """Transports 🇫🇷 : la facture s’alourdit

Bonsoir à toutes et à tous.
Selon l’Insee, le prix des billets de train a augmenté de 14 % depuis 2022.
Nous remercions nos lecteurs pour leur fidélité.
« Nous avons doublé le nombre de trains en dix ans », a déclaré Anne Dupont, la présidente de la région.
Il fait beau ce matin.
"""

TRANSCRIPT = """Débat régional

MODÉRATRICE : Bonsoir, merci d’être là.
DUPONT : Nous avons créé 12 000 emplois depuis 2021, soit deux fois plus que la région voisine.
MARTIN : Bonsoir à tous.
DUPONT : Le chômage a baissé de 3 % l’an dernier.
MARTIN : Je pense que c’est faux, le chômage a augmenté de 2 %.
MODÉRATRICE : Merci.
"""


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


def open_window(qtbot, db_path, tmp_path, raw: str) -> MainWindow:
    window = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "article.txt"
    path.write_text(raw, encoding="utf-8")
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=30000)
    qtbot.waitUntil(lambda: window.article.text.isVisible(), timeout=5000)
    window.act_suggestions.setChecked(True)
    qtbot.waitUntil(lambda: bool(window.suggestions) and not tasks.busy(), timeout=30000)
    window.activateWindow()
    window.article.text.setFocus()
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.article.text.hasFocus())
    return window


def press(window, keys: str) -> None:
    """A key press in the article pane, through Qt's shortcut handling."""
    QTest.keySequence(window.article.text, QKeySequence(keys))


def rows(store, sql: str, *params):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).fetchall()


def dotted(window) -> list[tuple[int, int]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.article.text.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    ]


def test_f9_steps_and_ctrl_f9_tags_with_the_attributed_claimant(qtbot, db_path, tmp_path):
    window = open_window(qtbot, db_path, tmp_path, ARTICLE)
    text = window.article.text.article.text
    shown = window.suggestions
    assert [s.start for s in shown] == sorted(s.start for s in shown)
    assert any(s.text.startswith("Selon l’Insee") for s in shown)
    assert not any(s.text.startswith("Il fait beau") for s in shown)
    assert len(dotted(window)) == len(shown)  # drawn as dotted underlines

    press(window, "F9")
    first = shown[0]
    assert window.article.text.selection_codepoints() == (first.start, first.end)
    assert text[first.start : first.end] == first.text
    press(window, "F9")
    assert window.article.text.selection_codepoints() == (shown[1].start, shown[1].end)
    press(window, "Shift+F9")
    assert window.article.text.selection_codepoints() == (first.start, first.end)

    quote = next(s for s in shown if s.text.startswith("« Nous avons doublé"))
    while window.article.text.selection_codepoints() != (quote.start, quote.end):
        press(window, "F9")
    press(window, "Ctrl+F9")
    qtbot.waitUntil(lambda: window.editor.claim is not None)
    assert window.editor.claimant.text() == "Anne Dupont"
    saved = rows(window.wb.store, "SELECT claimant, id FROM claim")
    assert [r[0] for r in saved] == ["Anne Dupont"]
    spans = rows(window.wb.store, 'SELECT start, "end" FROM highlight')
    assert spans == [(quote.start, quote.end)]
    assert "🇫🇷" in text[: quote.start]
    # A tagged sentence is no longer suggested; undoing the tag brings it back.
    assert quote.start not in [s.start for s in window.suggestions]
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: quote.start in [s.start for s in window.suggestions])


def test_not_a_claim_is_remembered_and_undone(qtbot, db_path, tmp_path):
    window = open_window(qtbot, db_path, tmp_path, ARTICLE)
    press(window, "F9")
    chosen = window.current_suggestion()
    assert chosen is not None and window.act_dismiss_suggestion.isEnabled()
    press(window, "Ctrl+Shift+N")
    qtbot.waitUntil(lambda: chosen.text not in [s.text for s in window.suggestions])
    store = window.wb.store
    assert rows(store, "SELECT quote FROM suggestion_dismissal") == [(chosen.text,)]
    # For good: the next time the article opens it is still not suggested.
    window.open_article(window.article_id)
    qtbot.waitUntil(lambda: bool(window.suggestions) and not tasks.busy(), timeout=30000)
    assert chosen.text not in [s.text for s in window.suggestions]
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: chosen.text in [s.text for s in window.suggestions])
    assert rows(store, "SELECT quote FROM suggestion_dismissal") == []


def test_a_transcript_suggestion_is_tagged_with_its_speaker(qtbot, db_path, tmp_path):
    window = open_window(qtbot, db_path, tmp_path, TRANSCRIPT)
    article = window.article.text.article
    assert article.turns  # read as a transcript
    margin = window.article.text.margin
    assert margin.isVisible() and margin.width() > 0
    assert [speaker for _p, speaker, _ms in margin.turns][:3] == ["MODÉRATRICE", "DUPONT", "MARTIN"]
    assert margin.geometry().right() <= window.article.text.viewport().geometry().left()
    target = next(s for s in window.suggestions if "12 000 emplois" in s.text)
    while window.article.text.selection_codepoints() != (target.start, target.end):
        press(window, "F9")
    window.act_tag_suggestion.trigger()
    qtbot.waitUntil(lambda: window.editor.claim is not None)
    assert rows(window.wb.store, "SELECT claimant FROM claim") == [("Dupont",)]
    assert window.editor.claimant.text() == "Dupont"


def test_threshold_and_toggle_are_remembered(qtbot, db_path, tmp_path):
    window = open_window(qtbot, db_path, tmp_path, ARTICLE)
    window.threshold_actions[20].trigger()
    qtbot.waitUntil(lambda: not tasks.busy())
    assert window.suggestion_threshold() == 20
    window.act_suggestions.setChecked(False)
    assert window.suggestions == [] and dotted(window) == []
    assert not window.act_next_suggestion.isEnabled()
    again = MainWindow(Workbench(open_store(tmp_path / "other.sqlite3")))
    qtbot.addWidget(again)
    assert again.suggestion_threshold() == 20
    assert not again.act_suggestions.isChecked()


def test_suggestions_match_the_core_ranking(qtbot, db_path, tmp_path):
    window = open_window(qtbot, db_path, tmp_path, ARTICLE)
    with window.wb.store.read() as session:
        expected = core_suggestions.top(session, window.article_id, 10)
    assert sorted(s.start for s in expected) == [s.start for s in window.suggestions]
