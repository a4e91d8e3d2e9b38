"""A long article's coloured text shows before its thousands of claims are read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.ui import main_window
from tests.test_gui_workbench import make_window

# Our own text; the 🦜 and 𝄞 before the quotes put UTF-16 positions ahead of code points.
TEXT = "\n\n".join(
    f"Paragraphe {i} 🦜 : le maire a déclaré que « la dette {i} baisse » 𝄞 selon le rapport."
    for i in range(6)
)
QUOTES = [f"la dette {i} baisse" for i in range(6)]


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def long_article(db_path) -> tuple[int, list[tuple[int, int, int]]]:
    """The article and its claims as (claim id, start, end) in code points."""
    store = open_store(db_path)
    with store.transaction() as session:
        article_id = add_article(session, parse_text(TEXT)).article_id
        made = []
        for quote in QUOTES:
            claim, hl = create_claim_from_quote(session, article_id, quote, claimant="Le maire")
            made.append((claim.id, hl.start, hl.end))
    store.close()
    return article_id, made


def painted(window) -> list[tuple[int, int, int]]:
    text = window.article.text
    return sorted((s.claim_id, s.start, s.end) for s in text._spans)


def test_highlights_paint_before_claims_are_read(qtbot, db_path, long_article, monkeypatch):
    monkeypatch.setattr(main_window, "PAINT_FIRST", 3)  # six claims count as "thousands"
    article_id, made = long_article
    window = make_window(qtbot, db_path)
    window.open_article(None)
    window.open_article(article_id)

    # Painted at once, at UTF-16 positions (each 🦜 and 𝄞 before a quote is two units)…
    text = window.article.text
    to_u16 = text._map.to_utf16
    assert painted(window) == sorted((cid, to_u16(s), to_u16(e)) for cid, s, e in made)
    assert all(to_u16(s) > s for _, s, _ in made)
    assert text.visible_spans()
    # …the claims are not read yet, and the status bar says so.
    assert window.claims == []
    assert window.claim_panel.model.rowCount() == 0
    assert window.counts.text() == "Loading claims…"

    qtbot.waitUntil(lambda: len(window.claims) == len(made), timeout=5000)
    assert [c.id for c in window.claims] == [cid for cid, _, _ in made]
    assert window.claim_panel.model.rowCount() == len(made)
    assert painted(window) == sorted((cid, to_u16(s), to_u16(e)) for cid, s, e in made)
    assert "6 claims" in window.counts.text()


def test_clicking_a_claim_before_the_list_is_read_selects_it(
    qtbot, db_path, long_article, monkeypatch
):
    monkeypatch.setattr(main_window, "PAINT_FIRST", 3)
    article_id, made = long_article
    window = make_window(qtbot, db_path)
    window.open_article(None)
    window.open_article(article_id)
    assert window.claims == []
    third = made[2][0]
    window.article.text.claimClicked.emit(third)  # as a click on its highlight does
    assert window.current_claim_id() == third
    assert window.editor.claim.claimant == "Le maire"
    assert len(window.claims) == len(made)


def test_short_articles_read_their_claims_at_once(qtbot, db_path, long_article):
    article_id, made = long_article  # six claims, well under PAINT_FIRST
    window = make_window(qtbot, db_path)
    window.open_article(None)
    window.open_article(article_id)
    assert [c.id for c in window.claims] == [cid for cid, _, _ in made]


def test_headings_are_sized_and_the_paragraphs_after_them_are_not(qtbot):
    from datetime import datetime

    from PySide6.QtGui import QFont

    from desktop.core.views import ArticleView
    from desktop.ui.article_view import ArticleText

    text = "Le titre 🦜\n\nUn intertitre\n\nLe corps du texte, en romain.\n\nEncore du texte."
    now = datetime(2026, 1, 1)
    article = ArticleView(
        1, "u", "Le titre", "", (), "", None, "fr", text, ((0, 1), (1, 2)), "", "h", now, now
    )
    view = ArticleText()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    for _ in range(2):  # a second article replaces the first document
        view.set_article(article)
    doc = view.document()
    assert doc.toPlainText() == text
    base = doc.defaultFont().pointSizeF()

    def fmt(block_number):
        block = doc.findBlockByNumber(block_number)
        return block.begin().fragment().charFormat(), block.blockFormat().headingLevel()

    title, title_level = fmt(0)
    sub, sub_level = fmt(2)
    body, body_level = fmt(4)
    assert (title_level, sub_level, body_level) == (1, 2, 0)
    assert title.fontWeight() == QFont.Weight.Bold and title.fontPointSize() > sub.fontPointSize()
    assert sub.fontPointSize() > base
    assert body.fontWeight() != QFont.Weight.Bold and body.fontPointSize() in (0, base)
    # The layout wraps at the view's width, as the text column a reader sees.
    assert doc.textWidth() == view.viewport().width()


def test_a_book_length_import_is_shown_over_two_event_loop_turns(
    qtbot, db_path, tmp_path, monkeypatch
):
    """Building a long text's document and showing it are separate turns of the loop."""
    from desktop.ui import tasks

    monkeypatch.setattr(main_window, "PAINT_FIRST_CHARS", 50)  # our text counts as a book
    path = tmp_path / "rapport.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = make_window(qtbot, db_path)
    built = []
    real = window.article.text.prepare
    monkeypatch.setattr(window.article.text, "prepare", lambda a: built.append(a.id) or real(a))
    opened = []
    real_open = window.open_article

    def open_article(article_id, article=None, document=None):
        opened.append((article_id, document is not None, list(built)))
        real_open(article_id, article, document)

    monkeypatch.setattr(window, "open_article", open_article)
    window.import_files([str(path)])
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=20000)
    new_id = window.library.current_id()
    qtbot.waitUntil(lambda: window.article_id == new_id, timeout=5000)
    # Shown once, with the document built beforehand (in its own turn), not built here.
    assert opened == [(new_id, True, [new_id])]
    assert window.article.text.toPlainText() == TEXT
    qtbot.waitUntil(lambda: window.counts.text() == "No claims", timeout=5000)
