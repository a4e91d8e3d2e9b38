"""Typing into the claim editor at a person's speed never loses a keystroke.

One QKeyEvent per character, about 110 ms apart, sent to whichever widget has focus,
with Tab moving between fields: across each field's own pause-save, across a save of
another field, and across the refresh after another program's write. Each test checks
both what the widget shows and what the database holds.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.core import audit, claims, views
from desktop.core.articles import add_article
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.workbench import Workbench

KEY_MS = 110

ARTICLE = """Le Kremlin dément 🇷🇺 tout échange

Selon le Wall Street Journal, Elon Musk s’entretient régulièrement avec Vladimir Poutine depuis fin 2022. « Il n’y a eu qu’une conversation », a déclaré Dmitri Peskov, porte-parole du Kremlin.
"""
QUOTE = "Il n’y a eu qu’une conversation"


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    yield
    audit.set_actor("")


@pytest.fixture
def window(qtbot, db_path):
    store = open_store(db_path)
    with store.transaction() as s:
        article_id = add_article(s, parse_text(ARTICLE, source_name="kremlin.txt")).article_id
        claim, _ = claims.create_claim_from_quote(s, article_id, QUOTE)
    store.close()
    w = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.library.select(article_id)
    w.select_claim(claim.id)
    w.claim_id = claim.id
    return w


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_slowly(qtbot, text: str, pause_after: int | None = None, pause_ms: int = 800) -> None:
    """One key event per character to the focused widget, KEY_MS apart; optionally a
    pause longer than the save delay after `pause_after` characters."""
    for i, ch in enumerate(text):
        QTest.keyClicks(focused(), ch)
        qtbot.wait(KEY_MS)
        if pause_after is not None and i + 1 == pause_after:
            qtbot.wait(pause_ms)


def tab(qtbot) -> None:
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.wait(KEY_MS)


def saved(window):
    with window.wb.store.read() as s:
        return views.get_claim(s, window.claim_id)


def test_every_text_field_typed_with_tab_between_keeps_every_key(qtbot, window):
    editor = window.editor
    editor.text.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.text)
    # Each field is typed with a pause mid-way (its own save fires and reloads the claim)
    # and left with Tab straight into the next one, which is typed at once.
    type_slowly(qtbot, "Une seule conversation", pause_after=10)
    tab(qtbot)
    assert focused() is editor.claimant
    type_slowly(qtbot, "Dmitri Peskov", pause_after=3)
    tab(qtbot)
    assert focused() is editor.claimant_kind
    tab(qtbot)
    assert focused() is editor.claim_date.line
    type_slowly(qtbot, "2024-10-25")
    tab(qtbot)
    assert focused() is editor.appearance_url
    type_slowly(qtbot, "https://www.lemonde.fr/x", pause_after=12)
    tab(qtbot)
    assert focused() is editor.verdict
    tab(qtbot)
    tab(qtbot)
    assert focused() is editor.tags
    type_slowly(qtbot, "Russie, Starlink", pause_after=7)
    tab(qtbot)
    assert focused() is editor.checker
    type_slowly(qtbot, "Camille", pause_after=2)
    tab(qtbot)
    qtbot.waitUntil(lambda: focused() is not editor.checker)
    editor.rationale.setFocus()
    type_slowly(qtbot, "Le **WSJ** cite plusieurs sources.", pause_after=8)
    window.close()  # leaving saves what the pause has not saved yet

    assert editor.text.toPlainText() == "Une seule conversation"
    assert editor.claimant.text() == "Dmitri Peskov"
    assert editor.claim_date.line.text() == "2024-10-25"
    assert editor.appearance_url.text() == "https://www.lemonde.fr/x"
    assert editor.tags.text() == "Russie, Starlink"
    assert editor.checker.text() == "Camille"
    assert editor.rationale.toPlainText() == "Le **WSJ** cite plusieurs sources."
    row = saved(window)
    assert row.text == "Une seule conversation"
    assert row.claimant == "Dmitri Peskov"
    assert row.claim_date == date(2024, 10, 25)
    assert row.appearance_url == "https://www.lemonde.fr/x"
    assert list(row.tags) == ["Russie", "Starlink"]
    assert row.checker == "Camille"
    assert row.rationale == "Le **WSJ** cite plusieurs sources."


def test_claimant_typed_while_the_claim_text_saves_after_its_pause(qtbot, window):
    """The reported loss: Tab from the claim text into the claimant before the text's
    pause-save fired; the save's reload overwrote the claimant being typed."""
    editor = window.editor
    editor.text.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.text)
    type_slowly(qtbot, "Un seul appel")
    # The text's pause-save is still due when typing moves on: fire it mid-claimant too.
    QTimer.singleShot(250, editor, lambda: editor.fields["text"].finished.emit("text"))
    tab(qtbot)
    type_slowly(qtbot, "Dmitri Peskov")
    tab(qtbot)
    assert editor.claimant.text() == "Dmitri Peskov"
    assert (saved(window).text, saved(window).claimant) == ("Un seul appel", "Dmitri Peskov")


def test_typing_across_a_save_of_another_field(qtbot, window):
    editor = window.editor
    editor.claimant.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.claimant)
    # A verdict saved while the claimant is being typed (as an undo or a click would).
    review = editor.status.findData("review")

    def pick_status():
        editor.status.setCurrentIndex(review)
        editor.status.activated.emit(review)

    QTimer.singleShot(5 * KEY_MS, editor, pick_status)
    type_slowly(qtbot, "Dmitri Peskov")
    assert editor.claimant.text() == "Dmitri Peskov"
    assert saved(window).status == "review"
    assert editor.status.currentData() == "review"
    tab(qtbot)
    assert saved(window).claimant == "Dmitri Peskov"


def _cli(db_path, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(db_path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_typing_across_the_refresh_after_another_programs_write(qtbot, window, db_path):
    """A `factdesk claim add` beside the window, then the 10-second check while the
    claimant is being typed: the new claim appears, the typing is kept and saved."""
    editor = window.editor
    editor.claimant.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.claimant)
    type_slowly(qtbot, "Dmitri")
    other = _cli(db_path, "claim", "add", "1", "--quote", "depuis fin 2022")
    assert other.wait(60) == 0, other.stderr.read()
    QTimer.singleShot(3 * KEY_MS, window.wb.check_for_changes)  # what the timer does
    type_slowly(qtbot, " Peskov et al.")
    assert len(window.claims) == 2  # the other program's claim is shown
    assert editor.claimant.text() == "Dmitri Peskov et al."
    tab(qtbot)
    assert saved(window).claimant == "Dmitri Peskov et al."
    assert editor.claimant.text() == "Dmitri Peskov et al."


@pytest.mark.parametrize("keep_mine", [True, False])
def test_another_program_changing_the_field_being_typed_asks(qtbot, window, keep_mine):
    editor = window.editor
    asked = []
    window.wb.resolve_conflict = lambda conflict: asked.append(conflict) or keep_mine
    editor.claimant.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.claimant)
    type_slowly(qtbot, "Dmitri")
    other = open_store(window.wb.store.path)
    audit.set_actor("Bob")
    with other.transaction() as s:
        claims.update_claim(s, window.claim_id, claimant="Le Kremlin")
    audit.set_actor("")
    other.close()
    QTimer.singleShot(2 * KEY_MS, window.wb.check_for_changes)
    type_slowly(qtbot, " Peskov")
    (conflict,) = asked
    assert conflict.theirs == "Le Kremlin"
    assert conflict.mine.startswith("Dmitri")
    tab(qtbot)
    if keep_mine:
        # Nothing typed is lost: the keys after the question are saved too.
        assert editor.claimant.text() == "Dmitri Peskov"
        assert saved(window).claimant == "Dmitri Peskov"
    else:
        # Theirs was chosen and shown; the keys typed after the answer follow it.
        assert editor.claimant.text().startswith("Le Kremlin")
        assert saved(window).claimant == editor.claimant.text()


def test_undo_after_typing_restores_the_field_and_the_row(qtbot, window):
    editor = window.editor
    editor.claimant.setFocus()
    qtbot.waitUntil(lambda: focused() is editor.claimant)
    type_slowly(qtbot, "Dmitri Peskov")
    window.act_undo.trigger()  # the Edit menu's Undo saves the typing first, then undoes it
    assert saved(window).claimant == ""
    assert editor.claimant.text() == ""
    window.act_redo.trigger()
    assert saved(window).claimant == "Dmitri Peskov"
    assert editor.claimant.text() == "Dmitri Peskov"
