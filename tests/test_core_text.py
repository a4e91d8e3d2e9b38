"""Stored text: one normal form, and offsets between code points and Qt's UTF-16."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.text import (
    Utf16Map,
    clean,
    codepoint_offset,
    content_hash,
    join_paragraphs,
    paragraph_spans,
    split_paragraphs,
    utf16_offset,
)


def u16len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


# --- Utf16Map -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "plain ascii ",
        "🇫🇷 ",  # a flag: two astral code points
        "𝕏 ",
        "😀😀 ",
        "e\u0301te\u0301 ",  # combining accents (one unit each)
        "مرحبا بالعالم ",  # Arabic
        "שלום עולם ",  # Hebrew
        "中文 𠀀 ",  # BMP and supplementary CJK
        "🇫🇷 𝕏 😀 e\u0301 مرحبا שלום ",
    ],
)
def test_utf16_round_trip_around_a_highlight(prefix):
    text = prefix + "la phrase surlignée" + " 😀 fin"
    start = text.index("la phrase")
    end = start + len("la phrase surlignée")
    m = Utf16Map.of(text)
    u_start, u_end = m.to_utf16(start), m.to_utf16(end)
    assert u_start == u16len(text[:start])
    assert u_end - u_start == u16len("la phrase surlignée")
    assert (m.to_codepoint(u_start), m.to_codepoint(u_end)) == (start, end)
    encoded = text.encode("utf-16-le")
    assert encoded[2 * u_start : 2 * u_end].decode("utf-16-le") == "la phrase surlignée"
    assert utf16_offset(text, start) == u_start
    assert codepoint_offset(text, u_end) == end


def test_utf16_flag_counts_four_units():
    text = "🇫🇷x"
    m = Utf16Map.of(text)
    assert m.astral == (0, 1)
    assert [m.to_utf16(i) for i in range(4)] == [0, 2, 4, 5]
    assert m.to_codepoint(5) == 3
    assert m.to_codepoint(4) == 2


def test_utf16_inside_a_pair_rounds_down():
    text = "a😀b"
    m = Utf16Map.of(text)
    assert m.to_utf16(1) == 1
    assert m.to_utf16(2) == 3
    assert m.to_codepoint(2) == 1  # the low surrogate of 😀
    assert m.to_codepoint(3) == 2


def test_utf16_ascii_map_is_empty():
    assert Utf16Map.of("hello").astral == ()
    assert Utf16Map.of("héllo").astral == ()


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200), st.data())
def test_utf16_property(text, data):
    i = data.draw(st.integers(0, len(text)))
    m = Utf16Map.of(text)
    u = m.to_utf16(i)
    assert u == u16len(text[:i])
    assert m.to_codepoint(u) == i


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_utf16_every_unit_maps_to_a_character_start(text):
    m = Utf16Map.of(text)
    for u in range(u16len(text) + 1):
        cp = m.to_codepoint(u)
        assert 0 <= cp <= len(text)
        assert m.to_utf16(cp) <= u < m.to_utf16(cp) + 2


# --- normal form ----------------------------------------------------------------------------


def test_clean_nfc_line_ends_and_controls():
    raw = "Cafe\u0301\r\nligne\rdeux\u2028trois\u2029quatre\x00\x07\x1b\x7f\x85\ufeff fin\tok"
    out = clean(raw)
    assert out == "Café\nligne\ndeux\ntrois\n\nquatre fin\tok"
    assert unicodedata.is_normalized("NFC", out)


def test_french_spaces_are_kept():
    paragraphs = split_paragraphs("Il a dit\u00a0: «\u202fnon\u202f» !")
    assert paragraphs == ["Il a dit\u00a0: «\u202fnon\u202f» !"]
    assert join_paragraphs(paragraphs) == "Il a dit\u00a0: «\u202fnon\u202f» !"


def test_blank_lines_separate_paragraphs_and_hard_wraps_join():
    raw = (
        "Titre\n\nUne phrase coupée\nà la ligne par\r\nun retour.\n  \n\n\nDeuxième   paragraphe.\n"
    )
    assert split_paragraphs(raw) == [
        "Titre",
        "Une phrase coupée à la ligne par un retour.",
        "Deuxième paragraphe.",
    ]


def test_one_paragraph_per_line_without_blank_lines():
    raw = "Titre\nPremier paragraphe.\nSecond\tparagraphe.\n"
    assert split_paragraphs(raw) == ["Titre", "Premier paragraphe.", "Second paragraphe."]


def test_blank_line_with_nbsp_only_separates():
    assert split_paragraphs("Un\n\u00a0\nDeux\nsuite") == ["Un", "Deux suite"]


def test_whitespace_only_paragraphs_dropped():
    assert split_paragraphs("\n\n \u00a0 \n\n") == []


def test_join_and_paragraph_spans():
    text = join_paragraphs(["  Un  ", "Deux\nlignes", "Trois"])
    assert text == "Un\n\nDeux lignes\n\nTrois"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Un", "Deux lignes", "Trois"]


def test_content_hash_is_sha256_of_utf8():
    import hashlib

    assert content_hash("é") == hashlib.sha256("é".encode()).hexdigest()
    assert content_hash("a") != content_hash("b")
