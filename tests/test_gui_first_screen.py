"""A long article opens with its first screen's highlights; the rest come as it scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.ui import main_window
from tests.test_gui_workbench import make_window

# Sixty paragraphs, a 🦜 before each quote: UTF-16 positions run ahead of code points.
TEXT = "\n\n".join(
    f"Paragraphe {i} 🦜 : le maire a déclaré que « la dette {i} baisse » selon le rapport "
    "de la commission des finances, qui en a débattu toute la semaine."
    for i in range(60)
)
QUOTES = [f"la dette {i} baisse" for i in range(60)]


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def article(db_path) -> tuple[int, list[tuple[int, int, int]]]:
    store = open_store(db_path)
    with store.transaction() as session:
        article_id = add_article(session, parse_text(TEXT)).article_id
        made = []
        for quote in QUOTES:
            claim, hl = create_claim_from_quote(session, article_id, quote)
            made.append((claim.id, hl.start, hl.end))
    store.close()
    return article_id, made


def painted(window) -> list[tuple[int, int, int]]:
    return sorted((s.claim_id, s.start, s.end) for s in window.article.text._spans)


def test_first_screen_then_the_rest_on_scrolling(qtbot, db_path, article, monkeypatch):
    monkeypatch.setattr(main_window, "PAINT_FIRST", 3)  # sixty claims count as "thousands"
    article_id, made = article
    window = make_window(qtbot, db_path)
    window.resize(1200, 700)
    window.open_article(None)
    window.open_article(article_id)
    text = window.article.text
    to_u16 = text._map.to_utf16
    every = sorted((cid, to_u16(s), to_u16(e)) for cid, s, e in made)
    first = painted(window)
    # Only the first screen's highlights are read, each at its UTF-16 position…
    assert 0 < len(first) < len(made)
    assert first == every[: len(first)]
    assert window.claims == []  # (the claims are read in the next turn of the loop)
    visible = text.visible_spans()
    assert visible and {s.claim_id for s in visible} <= {cid for cid, _, _ in first}
    # Painted at once: the top's highlights are the extra selections Qt draws (a hit test
    # asked while the new text was being laid out once left them all out until a scroll).
    assert text._visible_range()[0] == 0
    painted_now = {(sel.cursor.selectionStart(), sel.cursor.selectionEnd())
                   for sel in text.extraSelections()}  # fmt: skip
    assert painted_now == {(s.start, s.end) for s in visible}
    # …and scrolling past them reads the rest at once, before the claims arrive.
    bar = text.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert painted(window) == every
    assert window.claims == []
    assert {s.claim_id for s in text.visible_spans()} >= {made[-1][0]}
    # The claims replace these spans with their own, the same.
    qtbot.waitUntil(lambda: len(window.claims) == len(made), timeout=5000)
    assert painted(window) == every


def test_a_claim_selected_before_the_rest_is_read_is_shown(qtbot, db_path, article, monkeypatch):
    monkeypatch.setattr(main_window, "PAINT_FIRST", 3)
    article_id, made = article
    window = make_window(qtbot, db_path)
    window.resize(1200, 700)
    window.open_article(None)
    window.open_article(article_id)
    last = made[-1]
    window.select_claim(last[0])  # as the search panel does with a hit far down
    text = window.article.text
    assert window.current_claim_id() == last[0]
    assert text.textCursor().position() == text._map.to_utf16(last[1])
    assert {s.claim_id for s in text.visible_spans()} >= {last[0]}


def test_a_claim_across_paragraphs_is_painted_a_paragraph_at_a_time(qtbot):
    """One extra selection across paragraphs makes Qt lay the whole text out (a tenth of a
    second on 100,000 words): the pane paints it as one piece per paragraph."""
    from datetime import datetime

    from desktop.core.views import ArticleView
    from desktop.ui.article_view import ArticleText

    text = "Titre 🦜\n\nUn intertitre sans point\n\nLa phrase suit. Une autre."
    now = datetime(2026, 1, 1)
    article = ArticleView(1, "u", "Titre", "", (), "", None, "fr", text, (), "", "h", now, now)
    view = ArticleText()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_article(article)
    start, end = text.index("Un intertitre"), text.index(" Une autre")
    view.set_spans([(start, end, 7, 70, "#cc3333")])
    u16 = view._map.to_utf16
    pieces = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()]
    doc = view.document()
    assert pieces == [
        (u16(start), u16(text.index("\n\nLa phrase"))),
        (u16(text.index("La phrase")), u16(end)),
    ]
    assert all(doc.findBlock(a) == doc.findBlock(b) for a, b in pieces)
    assert view.spans_at(u16(start) + 1)[0].claim_id == 7  # still one claim to click
