"""The workbench window driven like a person would: select, tag, rate, cite, undo, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from desktop.core import views
from desktop.core.store import open_store
from desktop.ui import tasks
from desktop.ui.main_window import MainWindow
from desktop.ui.source_dialog import SourceDialog
from desktop.ui.workbench import Workbench
from tests.conftest import STARLINK_QUOTE

# An article of our own: an emoji flag (two astral code points, four UTF-16 units)
# and a 𝕏 before the claims, so any code-point/UTF-16 confusion moves the highlight.
FIXTURE = """Le ministre 🇫🇷 promet la gratuité des transports

Le ministre des Transports a affirmé lundi sur 𝕏 que « les trains régionaux seront gratuits dès 2026 ». Selon lui, la mesure coûterait 300 millions d’euros par an.

Chiffres contestés

La Cour des comptes estime pourtant le coût à plus de 2 milliards d’euros. Le ministère n’a pas répondu à nos questions.
"""


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def fixture_file(tmp_path) -> Path:
    path = tmp_path / "transports.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


def make_window(qtbot, db_path) -> MainWindow:
    window = MainWindow(Workbench(open_store(db_path)))
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def import_into(qtbot, window: MainWindow, path: Path) -> int:
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20000)
    # The first article replaces the welcome view: let it be laid out, as a person would.
    qtbot.waitUntil(lambda: window.article.text.isVisible(), timeout=5000)
    qtbot.wait(20)
    return window.article_id


def select_quote(window: MainWindow, quote: str) -> tuple[int, int]:
    """Select `quote` in the article pane the way a mouse drag does (a QTextCursor)."""
    text = window.article.text.article.text
    start = text.index(quote)
    window.article.text.select_codepoints(start, start + len(quote))
    return start, start + len(quote)


def rows(store, sql: str, *params):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params).fetchall()


def test_keyboard_selection_after_emoji_tags_exact_words(qtbot, db_path, fixture_file):
    window = make_window(qtbot, db_path)
    article_id = import_into(qtbot, window, fixture_file)
    text = window.article.text.article.text
    quote = "les trains régionaux seront gratuits dès 2026"
    start = text.index(quote)
    view = window.article.text
    # Put the caret before the quote (UTF-16 position, as Qt counts), then Shift+Right.
    cursor = view.textCursor()
    cursor.setPosition(view._map.to_utf16(start))
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in quote:
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.act_tag.isEnabled()
    window.act_tag.trigger()
    with window.wb.store.read() as s:
        (claim,) = views.claims_of(s, article_id)
    (hl,) = claim.highlights
    assert (hl.start, hl.end) == (start, start + len(quote))
    assert text[hl.start : hl.end] == quote == hl.exact
    # Code points, not UTF-16: the flag and 𝕏 are 3 astral characters before it.
    assert view._map.to_utf16(start) == start + 3
    assert window.current_claim_id() == claim.id


def test_tag_rate_cite_undo_redo_and_reopen(qtbot, db_path, fixture_file, monkeypatch):
    window = make_window(qtbot, db_path)
    article_id = import_into(qtbot, window, fixture_file)
    store = window.wb.store
    span = select_quote(window, "la mesure coûterait 300 millions d’euros par an")
    qtbot.keyClick(window.article.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    claim_id = window.current_claim_id()
    assert claim_id is not None
    editor = window.editor

    editor.claimant.setFocus()
    qtbot.keyClicks(editor.claimant, "Ministre des Transports")
    qtbot.keyClick(editor.claimant, Qt.Key.Key_Return)
    # Choosing from the open popup: Qt sets the index and emits activated, as here.
    target = editor.verdict.findText("Mostly false")
    editor.verdict.setCurrentIndex(target)
    editor.verdict.activated.emit(target)
    editor.text.setFocus()
    qtbot.keyClicks(editor.text, "Le cout annonce est sous-estime")
    editor.flush()

    class FilledDialog(SourceDialog):
        def exec(self):
            self.url.setText("https://www.ccomptes.fr/rapport-transports")
            self.title_edit.setText("Rapport sur les transports régionaux")
            self.publisher.setText("Cour des comptes")
            self.stance.setCurrentIndex(self.stance.findData("refutes"))
            self.excerpt.setPlainText("plus de 2 milliards d’euros")
            return SourceDialog.DialogCode.Accepted

    monkeypatch.setattr("desktop.ui.window_claims.SourceDialog", FilledDialog)
    qtbot.mouseClick(editor.sources.add_btn, Qt.MouseButton.LeftButton)

    with store.read() as s:
        claim = views.get_claim(s, claim_id)
    assert claim.claimant == "Ministre des Transports"
    assert claim.rating.label == "Mostly false"
    assert claim.text == "Le cout annonce est sous-estime"
    assert [(x.publisher, x.stance) for x in claim.sources] == [("Cour des comptes", "refutes")]
    assert editor.sources.table.rowCount() == 1

    # Undo the source, then the text, then the verdict; redo them all.
    window.act_undo.trigger()
    assert rows(store, "SELECT count(*) FROM claim_source") == [(0,)]
    window.act_undo.trigger()
    window.act_undo.trigger()
    with store.read() as s:
        claim = views.get_claim(s, claim_id)
    assert claim.rating is None and claim.text == ""
    assert editor.verdict.currentData() is None
    for _ in range(3):
        window.act_redo.trigger()
    with store.read() as s:
        claim = views.get_claim(s, claim_id)
    assert claim.rating.label == "Mostly false" and len(claim.sources) == 1

    # Delete the claim, undo brings back the same row and highlight.
    window.act_delete_claim.trigger()
    assert rows(store, "SELECT count(*) FROM claim") == [(0,)]
    window.act_undo.trigger()
    assert rows(store, "SELECT id, claimant FROM claim") == [(claim_id, "Ministre des Transports")]

    window.close()
    again = make_window(qtbot, db_path)
    assert again.article_id == article_id
    again.select_claim(claim_id)
    reopened = again.editor.claim
    assert reopened.claimant == "Ministre des Transports"
    assert reopened.rating.label == "Mostly false"
    assert len(reopened.sources) == 1
    (hl,) = reopened.highlights
    text = again.article.text.article.text
    assert (hl.start, hl.end) == span
    assert text[hl.start : hl.end] == "la mesure coûterait 300 millions d’euros par an"
    assert again.article.text._spans[0].start == again.article.text._map.to_utf16(span[0])


def test_second_highlight_delete_highlight_and_sentence_click(qtbot, db_path, fixture_file):
    window = make_window(qtbot, db_path)
    article_id = import_into(qtbot, window, fixture_file)
    view = window.article.text
    text = view.article.text
    # Alt+click inside a sentence selects the whole sentence.
    pos = text.index("Cour des comptes")
    rect = view.cursorRect(_cursor_at(view, view._map.to_utf16(pos) + 2))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, rect.center()
    )
    sentence = "La Cour des comptes estime pourtant le coût à plus de 2 milliards d’euros."
    assert view.selection_codepoints() == (
        text.index(sentence),
        text.index(sentence) + len(sentence),
    )
    window.act_tag.trigger()
    claim_id = window.current_claim_id()
    select_quote(window, "300 millions d’euros par an")
    window.act_add_hl.trigger()
    with window.wb.store.read() as s:
        claim = views.get_claim(s, claim_id)
    assert [h.exact for h in claim.highlights] == ["300 millions d’euros par an", sentence]
    second = claim.highlights[0].id
    window.delete_highlight(second)
    assert rows(window.wb.store, "SELECT count(*) FROM highlight") == [(1,)]
    window.act_undo.trigger()
    assert rows(window.wb.store, "SELECT id FROM highlight WHERE id = ?", second) == [(second,)]
    # Clicking a painted highlight selects its claim.
    window.claim_panel.select_claim(None)
    rect = view.cursorRect(_cursor_at(view, view._map.to_utf16(text.index("300 millions")) + 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_claim_id() == claim_id
    assert window.article_id == article_id


def _cursor_at(view, u16: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(u16)
    return cursor


def test_next_previous_find_and_status_counts(qtbot, db_path, fixture_file):
    window = make_window(qtbot, db_path)
    import_into(qtbot, window, fixture_file)
    for quote in ("les trains régionaux seront gratuits dès 2026", "plus de 2 milliards d’euros"):
        select_quote(window, quote)
        window.act_tag.trigger()
    first, second = (c.id for c in window.claims)
    window.claim_panel.select_claim(first)
    window.act_next.trigger()
    assert window.current_claim_id() == second
    window.act_next.trigger()
    assert window.current_claim_id() == first  # wraps around
    window.act_prev.trigger()
    assert window.current_claim_id() == second
    assert "2 claims" in window.counts.text() and "Not rated 2" in window.counts.text()

    window.act_find.trigger()
    assert window.article.find_bar.isVisible()
    qtbot.keyClicks(window.article.find_bar.field, "Cour des")
    assert window.article.text.textCursor().selectedText() == "Cour des"


def test_bad_import_shows_message_not_traceback(qtbot, db_path, tmp_path, monkeypatch):
    window = make_window(qtbot, db_path)
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    window.import_files([str(bad)])
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert str(bad) in shown[0] and "binary" in shown[0]
    assert rows(window.wb.store, "SELECT count(*) FROM article") == [(0,)]


def test_seed_acceptance_two_claims_coloured(qtbot, db_path, seed_path, tmp_path):
    """The issue's walk-through: Starlink/Taïwan and the Kremlin's denial, rated and cited."""
    window = make_window(qtbot, db_path)
    article_id = import_into(qtbot, window, seed_path)
    denial = (
        "Des révélations démenties vendredi par le Kremlin, qui a indiqué que Vladimir Poutine "
        "ne s’était entretenu qu’une seule fois par téléphone avec le milliardaire américain "
        "avant 2022."
    )
    plan = [
        (STARLINK_QUOTE, "Wall Street Journal", "Unverifiable", "https://www.wsj.com/"),
        (denial, "Kremlin", "Mostly false", "https://www.reuters.com/"),
    ]
    for quote, claimant, verdict, url in plan:
        select_quote(window, quote)
        window.act_tag.trigger()
        claim = window.editor.claim
        window._claim_edited("claimant", "", claimant)
        rating_id = window.editor.verdict.itemData(window.editor.verdict.findText(verdict))
        window._claim_edited("rating_id", None, rating_id)
        from desktop.ui import commands

        commands.push(
            window.wb,
            commands.AddSource(window.wb, article_id, claim.id, values={"url": url}),
        )
    colours = {s.color for s in window.article.text._spans}
    assert colours == {"#540eba", "#b22001"}
    assert len(window.article.text.extraSelections()) == 2
    shot = tmp_path / "workbench.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
    window.close()

    again = make_window(qtbot, db_path)
    assert again.article_id == article_id
    text = again.article.text.article.text
    got = {
        (
            c.claimant,
            c.rating.label,
            text[c.highlights[0].start : c.highlights[0].end],
            c.sources[0].url,
        )
        for c in again.claims
    }
    assert got == {(claimant, verdict, quote, url) for quote, claimant, verdict, url in plan}
    (index,) = [i for i, level in again.article.text.article.headings if level == 2]
    heading_block = again.article.text.document().findBlockByNumber(2 * index)
    assert heading_block.text() == "Informations sensibles"
    assert heading_block.blockFormat().headingLevel() == 2
