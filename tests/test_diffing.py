"""Word-level comparison of two texts, paragraphs aligned, moves recognised."""

from __future__ import annotations

import time

from desktop.core.diffing import (
    ParagraphChange,
    Piece,
    diff_html,
    diff_texts,
    diff_words,
    is_unchanged,
    summary,
)
from desktop.core.text import join_paragraphs

LONG = "Un paragraphe assez long pour être reconnu quand il change de place dans le texte."


def _text(*paras: str) -> str:
    return join_paragraphs(list(paras))


def test_identical_texts_are_all_same():
    text = _text("Titre", "Un.", "Deux.")
    changes = diff_texts(text, text)
    assert is_unchanged(changes)
    assert [c.old_index for c in changes] == [0, 1, 2]
    assert summary(changes)["inserted_words"] == 0


def test_word_level_change_inside_a_paragraph_french():
    old = _text("Titre", "Le taux est de « trois » pour cent, a dit l’élue.")
    new = _text("Titre", "Le taux est de « quatre » pour cent, a dit l’élue.")
    changes = diff_texts(old, new)
    assert [c.kind for c in changes] == ["same", "changed"]
    assert changes[1].pieces == (
        Piece("same", "Le taux est de « "),
        Piece("delete", "trois "),
        Piece("insert", "quatre "),
        Piece("same", "» pour cent, a dit l’élue."),
    )
    counts = summary(changes)
    assert counts["inserted_words"] == 1 and counts["deleted_words"] == 1
    assert counts["changed_paragraphs"] == 1


def test_pieces_rebuild_both_texts():
    old = "Un deux trois 😀 quatre, cinq."
    new = "Un trois 😀 quatre six, cinq !"
    pieces = diff_words(old, new)
    assert "".join(p.text for p in pieces if p.kind != "insert") == old
    assert "".join(p.text for p in pieces if p.kind != "delete") == new


def test_paragraphs_are_aligned_around_an_insertion_and_a_deletion():
    old = _text("Titre", "Premier.", "Deuxième.", "Troisième.")
    new = _text("Titre", "Premier.", "Ajouté au milieu.", "Troisième.")
    changes = diff_texts(old, new)
    kinds = [(c.kind, c.old_index, c.new_index) for c in changes]
    assert ("same", 3, 3) in kinds
    assert kinds[0] == ("same", 0, 0) and kinds[1] == ("same", 1, 1)
    middle = {k for k, _, _ in kinds[2:4]}
    assert middle in ({"deleted", "inserted"}, {"changed"})


def test_a_moved_paragraph_is_recognised():
    old = _text("Titre", LONG, "Deuxième.", "Troisième.", "Quatrième.")
    new = _text("Titre", "Deuxième.", "Troisième.", "Quatrième.", LONG)
    changes = diff_texts(old, new)
    moved = [c for c in changes if c.kind == "moved"]
    assert moved == [ParagraphChange("moved", 1, 4, (Piece("same", LONG),))]
    assert not [c for c in changes if c.kind in ("deleted", "inserted")]


def test_a_moved_and_touched_up_paragraph_is_moved_with_word_changes():
    touched = LONG.replace("assez long", "plutôt long")
    old = _text("Titre", LONG, "Deuxième.", "Troisième.", "Quatrième.")
    new = _text("Titre", "Deuxième.", "Troisième.", "Quatrième.", touched)
    (moved,) = [c for c in diff_texts(old, new) if c.kind == "moved"]
    assert Piece("delete", "assez ") in moved.pieces
    assert Piece("insert", "plutôt ") in moved.pieces


def test_html_is_escaped_and_marked():
    old = _text("Titre", "<b>gras</b> & « guillemets »", "Reste.")
    new = _text("Titre", "<i>gras</i> & « guillemets »", "Reste.", "Nouveau <script>.")
    page = diff_html(diff_texts(old, new))
    assert "<b>" not in page and "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<ins>" in page and "<del>" in page
    assert '<p class="inserted"><ins>Nouveau &lt;script&gt;.</ins></p>' in page


def test_html_moved_note_and_styles_and_context():
    paras = [f"Paragraphe numéro {n} du texte." for n in range(20)]
    old = _text(LONG, *paras)
    new = _text(*paras, LONG)
    page = diff_html(diff_texts(old, new), labels={"moved": "déplacé du paragraphe {n}"})
    assert "[déplacé du paragraphe 1]" in page
    styled = diff_html(
        diff_texts(_text("a b c"), _text("a x c")),
        styles={"insert": "background:#cfc", "delete": "background:#fcc"},
    )
    assert '<span class="insert" style="background:#cfc">x </span>' in styled
    assert "<ins>" not in styled
    short = diff_html(
        diff_texts(_text(*paras), _text(*paras[:10], "Changé.", *paras[11:])), context=1
    )
    assert short.count('class="same"') == 2 and short.count('class="skip"') == 2


def test_non_stored_text_is_split_on_lines():
    changes = diff_texts("un\ndeux\n\n\ntrois", "un\ndeux\ntrois")
    assert is_unchanged(changes)


def test_long_article_diff_is_quick():
    paras = [
        f"P{n} " + " ".join(f"mot{(n * 7 + k) % 501}" for k in range(100)) for n in range(1000)
    ]
    new = list(paras)
    for k in range(0, 1000, 50):
        new[k] = new[k].replace("mot", "MOT", 3)
    new.insert(700, new.pop(5))
    started = time.perf_counter()
    changes = diff_texts("\n\n".join(paras), "\n\n".join(new))
    assert time.perf_counter() - started < 5
    counts = summary(changes)
    assert counts["moved_paragraphs"] >= 1
    assert counts["changed_paragraphs"] >= 19
