"""Tagging puts the new claim in its place (a row inserted, its spans spliced in) instead
of showing every claim again; undo, redo, the counts and the library row follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.importers import parse_text
from desktop.core.store import open_store
from desktop.ui import commands
from tests.test_gui_workbench import make_window, rows, select_quote

# Astral characters (🦜, 𝄞) before every quote: UTF-16 positions run ahead of code points.
TEXT = "\n\n".join(
    f"Paragraphe {i} 🦜 : le maire a déclaré que « la dette {i} baisse » 𝄞 et que "
    f"« le chômage {i} recule » selon le rapport."
    for i in range(8)
)


@pytest.fixture(autouse=True)
def _qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def article_id(db_path) -> int:
    store = open_store(db_path)
    with store.transaction() as session:
        aid = add_article(session, parse_text(TEXT)).article_id
        for i in (1, 3, 6):  # claims already there, before and after the one tagged below
            create_claim_from_quote(session, aid, f"la dette {i} baisse", claimant="Le maire")
    store.close()
    return aid


def shown(window) -> list[tuple[int, str]]:
    model = window.claim_panel.model
    return [(c.id, c.quote) for c in model.claims]


def test_tag_inserts_one_row_and_its_spans(qtbot, db_path, article_id):
    window = make_window(qtbot, db_path)
    window.open_article(article_id)
    model, text = window.claim_panel.model, window.article.text
    first = window.claims[0].id
    window.select_claim(first)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    read_again = []
    real_changed = window.wb.read

    def read(fn, *args, **kwargs):
        read_again.append(getattr(fn, "__name__", ""))
        return real_changed(fn, *args, **kwargs)

    window.wb.read = read
    start, end = select_quote(window, "le chômage 4 recule")
    window.tag_selection()
    new_id = window.current_claim_id()
    qtbot.wait(10)

    # One row inserted in reading order (after the claims of paragraphs 1 and 3), no reset,
    # nothing read again after the command's own transaction.
    assert resets == [] and inserted == [(2, 2)]
    assert "changes" not in read_again
    quotes = [q for _, q in shown(window)]
    assert quotes == ["la dette 1 baisse", "la dette 3 baisse", "le chômage 4 recule",
                      "la dette 6 baisse"]  # fmt: skip
    assert [c.id for c in window.claims] == [cid for cid, _ in shown(window)]
    assert model.index(2).data().startswith("3. le chômage 4 recule")
    assert model.index(3).data().startswith("4. la dette 6 baisse")
    # The new claim is selected, in the editor, painted at its UTF-16 positions.
    assert new_id is not None and window.editor.claim.id == new_id
    to_u16 = text._map.to_utf16
    assert to_u16(start) > start  # the astral characters before it count twice
    spans = [(s.start, s.end) for s in text._spans if s.claim_id == new_id]
    assert spans == [(to_u16(start), to_u16(end))]
    assert [s.start for s in text._spans] == sorted(s.start for s in text._spans)
    cursor = text.textCursor()
    assert cursor.position() == to_u16(start)
    # Counts in the status bar and the library row follow.
    assert "4 claims" in window.counts.text()
    row = window.library.model.row_of(article_id)
    assert window.library.model.shown[row].claims == 4
    [(db_start, db_end)] = rows(
        window.wb.store, 'SELECT start, "end" FROM highlight WHERE claim_id = ?', new_id
    )
    assert (db_start, db_end) == (start, end)

    # Undo takes it away; redo brings the same claim back in the same place.
    window.wb.undo_stack.undo()
    assert [q for _, q in shown(window)] == [
        "la dette 1 baisse", "la dette 3 baisse", "la dette 6 baisse"]  # fmt: skip
    assert all(s.claim_id != new_id for s in text._spans)
    assert "3 claims" in window.counts.text()
    window.wb.undo_stack.redo()
    assert [cid for cid, _ in shown(window)][2] == new_id
    assert [(s.start, s.end) for s in text._spans if s.claim_id == new_id] == spans
    assert "4 claims" in window.counts.text()
    assert window.library.model.shown[row].claims == 4


def test_tags_seen_elsewhere_meanwhile_are_read(qtbot, db_path, article_id):
    """A claim another program added meanwhile is not lost: the counts the command read
    back disagree with the window's, so the window reads what changed."""
    window = make_window(qtbot, db_path)
    window.open_article(article_id)
    other = open_store(db_path)
    with other.transaction() as session:
        create_claim_from_quote(session, article_id, "le chômage 7 recule")
    other.close()
    select_quote(window, "le chômage 2 recule")
    window.tag_selection()
    quotes = [q for _, q in shown(window)]
    assert "le chômage 7 recule" in quotes and "le chômage 2 recule" in quotes
    assert len(quotes) == 5 and "5 claims" in window.counts.text()


def test_with_one_checkers_claims_shown_the_list_is_filtered_again(
    qtbot, db_path, article_id, monkeypatch
):
    window = make_window(qtbot, db_path)
    store = open_store(db_path)
    with store.transaction() as session:
        create_claim_from_quote(session, article_id, "le chômage 5 recule", checker="Bob")
    store.close()
    window.open_article(article_id)
    combo = window.claim_panel.checker_filter
    combo.setCurrentIndex(combo.findData("Bob"))
    assert [q for _, q in shown(window)] == ["le chômage 5 recule"]
    monkeypatch.setattr(window.wb, "checker", lambda: "Alice")
    select_quote(window, "le chômage 0 recule")
    window.tag_selection()
    # Alice's new claim is not Bob's: the list still shows Bob's only, and lists Alice.
    assert [q for _, q in shown(window)] == ["le chômage 5 recule"]
    assert combo.findData("Alice") > 0
    assert len(window.claims) == 5
    assert commands.take_fresh(window.wb, article_id) is None  # taken, even when not used
