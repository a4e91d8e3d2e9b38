"""Placing highlights by quote and finding them again after the text changes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.core.anchoring import (
    CONTEXT_CHARS,
    Anchor,
    anchor_span,
    find_quote,
    fold,
    reanchor,
)
from desktop.core.errors import QuoteNotFound
from desktop.core.text import utf16_length

LONG = (
    "Au début de l’année, le ministre a déclaré que « le chômage baisse » selon l’Insee. "
    "Plusieurs économistes ont contesté ce chiffre publié le 5\u00a0novembre. "
    "À la fin de l’année, le ministre a déclaré que « le chômage baisse » encore."
)


# --- find_quote -----------------------------------------------------------------------------


def test_find_quote_exact_and_occurrences():
    first = find_quote(LONG, "le ministre a déclaré")
    second = find_quote(LONG, "le ministre a déclaré", occurrence=2)
    assert first.start == LONG.index("le ministre a déclaré")
    assert second.start == LONG.rindex("le ministre a déclaré")
    for a in (first, second):
        assert LONG[a.start : a.end] == a.exact == "le ministre a déclaré"
    with pytest.raises(QuoteNotFound, match="2 time"):
        find_quote(LONG, "le ministre a déclaré", occurrence=3)
    with pytest.raises(QuoteNotFound, match="starts at 1"):
        find_quote(LONG, "le ministre", occurrence=0)


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("l'Insee", "l’Insee"),  # typed apostrophe, typographic in the text
        ('" le chômage baisse "', "« le chômage baisse »"),
        ("« le chômage baisse »", "« le chômage baisse »"),
        ("le 5 novembre", "le 5\u00a0novembre"),  # plain space for a non-breaking one
        ("de l'année", "de l’année"),
    ],
)
def test_find_quote_folds_typography(typed, expected):
    a = find_quote(LONG, typed)
    assert a.exact == expected
    assert LONG[a.start : a.end] == expected


def test_find_quote_is_nfc():
    decomposed = "de l’anne\u0301e"  # e + combining acute
    a = find_quote(LONG, decomposed)
    assert a.exact == "de l’année"


@pytest.mark.parametrize("quote", ["", "   ", "absent", "le ministre a dit"])
def test_find_quote_not_found(quote):
    with pytest.raises(QuoteNotFound):
        find_quote(LONG, quote)


def test_fold_is_one_to_one():
    assert len(fold(LONG)) == len(LONG)
    assert fold("’‘ʼ“”«»\u00a0\u202f\u2009–—") == '\'\'\'""""   --'


def test_anchor_span_context_is_32_chars():
    start = LONG.index("Plusieurs")
    a = anchor_span(LONG, start, start + 20)
    assert CONTEXT_CHARS == 32
    assert a.prefix == LONG[start - 32 : start]
    assert a.suffix == LONG[start + 20 : start + 52]
    assert len(a.prefix) == len(a.suffix) == 32
    edge = anchor_span(LONG, 0, 5)
    assert edge.prefix == ""
    assert anchor_span(LONG, len(LONG) - 3, len(LONG)).suffix == ""
    for bad in ((3, 3), (-1, 2), (0, len(LONG) + 1), (5, 2)):
        with pytest.raises(ValueError):
            anchor_span(LONG, *bad)


# --- reanchor -------------------------------------------------------------------------------


def test_reanchor_exact_when_unchanged():
    old = find_quote(LONG, "Plusieurs économistes")
    placed = reanchor(LONG, old)
    assert placed.method == "exact"
    assert placed.anchor == old


def test_reanchor_quote_when_moved():
    old = find_quote(LONG, "Plusieurs économistes")
    new = "Mise à jour : " + LONG
    placed = reanchor(new, old)
    assert placed.method == "quote"
    assert placed.anchor.start == old.start + len("Mise à jour : ")
    assert new[placed.anchor.start : placed.anchor.end] == old.exact


def test_reanchor_chooses_the_right_repeat_by_context():
    second = find_quote(LONG, "« le chômage baisse »", occurrence=2)
    first = find_quote(LONG, "« le chômage baisse »", occurrence=1)
    # Shift the text so that neither old position still holds the quote.
    new = "Correction. " + LONG
    for old, want in ((first, 0), (second, 1)):
        placed = reanchor(new, old)
        assert placed.method == "quote"
        starts = [i for i in range(len(new)) if new.startswith(old.exact, i)]
        assert placed.anchor.start == starts[want]


def test_reanchor_repeat_by_context_even_when_closer_to_the_other():
    text = "alpha beta gamma. " * 2 + "XYZ alpha beta gamma. tail"
    old = anchor_span(text, text.index("XYZ") + 4, text.index("XYZ") + 20)
    assert old.exact == "alpha beta gamma"
    new = "alpha beta gamma. " * 5 + "XYZ alpha beta gamma. tail"
    placed = reanchor(new, old)
    assert placed.method == "quote"
    assert placed.anchor.start == new.index("XYZ") + 4


def test_reanchor_fuzzy_is_flagged():
    old = find_quote(LONG, "Plusieurs économistes ont contesté ce chiffre")
    new = LONG.replace("économistes ont contesté", "économistes ont contestés")
    placed = reanchor(new, old)
    assert placed.method == "fuzzy"
    assert "économistes ont contestés ce chiffre" in placed.anchor.exact
    assert new[placed.anchor.start : placed.anchor.end] == placed.anchor.exact


def test_reanchor_orphan_when_gone():
    old = find_quote(LONG, "Plusieurs économistes ont contesté ce chiffre")
    new = LONG.replace(
        "Plusieurs économistes ont contesté ce chiffre publié le 5\u00a0novembre. ", ""
    )
    placed = reanchor(new, old)
    assert placed.method == "orphan"
    assert placed.anchor is None
    assert not placed.placed


def test_reanchor_short_quote_is_never_fuzzy():
    old = anchor_span("un chat noir", 3, 7)
    assert reanchor("un chien noir", old).method == "orphan"


# --- properties -----------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("abcde ’«»\u00a0.,Éé😀\n"))
TEXTS = st.text(alphabet=ALPHABET, min_size=1, max_size=300)


def _check_context(text: str, a: Anchor) -> None:
    """Prefix and suffix are the text around the span, as much as fits in 32 UTF-16 units
    (this alphabet has one code point per grapheme cluster; 😀 takes two units)."""
    before, after = text[: a.start], text[a.end :]
    assert before.endswith(a.prefix) and after.startswith(a.suffix)
    assert utf16_length(a.prefix) <= CONTEXT_CHARS >= utf16_length(a.suffix)
    assert a.prefix == before or utf16_length(before[-len(a.prefix) - 1 :]) > CONTEXT_CHARS
    assert a.suffix == after or utf16_length(after[: len(a.suffix) + 1]) > CONTEXT_CHARS


def _check_placement(new: str, old: Anchor, placed) -> None:
    assert placed.method in ("exact", "quote", "fuzzy", "orphan")
    if placed.method in ("exact", "quote"):
        a = placed.anchor
        assert new[a.start : a.end] == old.exact == a.exact
        _check_context(new, a)
    elif placed.method == "fuzzy":
        a = placed.anchor
        assert 0 <= a.start < a.end <= len(new)
        assert new[a.start : a.end] == a.exact
        assert old.exact not in new  # else the quote itself would have been used
    else:
        assert placed.anchor is None


@st.composite
def edited(draw):
    """A text, a highlight in it and the text after one edit somewhere (maybe overlapping)."""
    text = draw(TEXTS)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    pos = draw(st.integers(0, len(text)))
    cut = draw(st.integers(0, min(20, len(text) - pos)))
    insert = draw(st.text(alphabet=ALPHABET, max_size=20))
    new = text[:pos] + insert + text[pos + cut :]
    return text, start, end, pos, cut, insert, new


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_reanchor_never_places_silently_wrong(case):
    text, start, end, pos, cut, insert, new = case
    old = anchor_span(text, start, end)
    placed = reanchor(new, old)
    _check_placement(new, old, placed)
    if new == text:
        assert placed.method == "exact"
        assert (placed.anchor.start, placed.anchor.end) == (start, end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_reanchor_follows_edits_elsewhere(case):
    """An edit that does not touch the highlight moves it by exactly the edit's length."""
    text, start, end, pos, cut, insert, new = case
    assume(pos + cut <= start or pos >= end)
    old = anchor_span(text, start, end)
    shift = len(insert) - cut if pos + cut <= start else 0
    placed = reanchor(new, old)
    _check_placement(new, old, placed)
    assert placed.method in ("exact", "quote")
    if new.count(old.exact) == 1 or placed.method == "exact":
        assert placed.anchor.start in (start + shift, start)
        assert new[placed.anchor.start : placed.anchor.end] == old.exact


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("xyz")), min_size=40, max_size=40),
    st.text(alphabet=st.sampled_from(list("xyz")), min_size=40, max_size=40),
    st.text(alphabet=st.sampled_from(list("xyz ")), min_size=0, max_size=30),
)
def test_reanchor_picks_repeat_with_matching_context(left, right, pad):
    """Two copies of a quote with different 32-char contexts: the old one's context wins."""
    quote = "QUOTE-QUOTE"
    text = left + quote + right + left[::-1] + quote + "!" + right[::-1]
    second = text.rindex(quote)
    old = anchor_span(text, second, second + len(quote))
    new = pad + text
    placed = reanchor(new, old)
    assert placed.method == ("exact" if not pad else "quote")
    assert placed.anchor.start == len(pad) + second
