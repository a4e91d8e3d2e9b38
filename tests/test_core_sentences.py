"""Sentence spans (French and English) and the seed article as imported."""

from __future__ import annotations

import pytest

from desktop.core.sentences import paragraph_sentences, sentence_at, sentence_spans
from desktop.core.text import join_paragraphs

try:
    from tests.conftest import STARLINK_QUOTE
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import STARLINK_QUOTE


def sentences(paragraph: str, language: str) -> list[str]:
    return [paragraph[s:e] for s, e in paragraph_sentences(paragraph, language)]


def test_french_abbreviations():
    p = "M. Dupont est arrivé hier. Le Dr Martin l’a reçu, etc. Puis il est parti."
    assert sentences(p, "fr") == [
        "M. Dupont est arrivé hier.",
        "Le Dr Martin l’a reçu, etc.",
        "Puis il est parti.",
    ]


def test_french_decimals():
    p = "Elle a 3,5 millions d’euros. C’est énorme."
    assert sentences(p, "fr") == ["Elle a 3,5 millions d’euros.", "C’est énorme."]


def test_english_abbreviations():
    p = "Mr. Smith met Dr. Jones on Monday. They talked, e.g. about cats. It lasted 3.5 hours!"
    assert sentences(p, "en") == [
        "Mr. Smith met Dr. Jones on Monday.",
        "They talked, e.g. about cats.",
        "It lasted 3.5 hours!",
    ]


def test_french_guillemets_are_not_split_inside():
    p = "Il a dit : « Je ne viendrai pas. Jamais. Vraiment ? » Fin de l’histoire. Rideau."
    spans = paragraph_sentences(p, "fr")
    opening, closing = p.index("«"), p.index("»")
    for s, e in spans:
        assert not opening < s <= closing
        assert not opening < e <= closing
    assert sum(1 for s, e in spans if s <= opening and closing < e) == 1
    assert p[spans[-1][0] : spans[-1][1]] == "Rideau."


def test_english_curly_quotes_are_not_split_inside():
    p = "He said “No. Never.” Then he left."
    got = sentences(p, "en")
    assert any("“No. Never.”" in s for s in got)
    assert got[-1].endswith("he left.")


def test_stray_full_stop_joins_previous_sentence():
    p = "Le vote a lieu le 5 novembre. . Des révélations suivent."
    assert sentences(p, "fr") == ["Le vote a lieu le 5 novembre. .", "Des révélations suivent."]


def test_unknown_language_and_empty():
    assert sentences("Hello world. Bye.", "xx") == ["Hello world.", "Bye."]
    assert paragraph_sentences("   ", "fr") == []


def test_sentence_spans_and_sentence_at():
    text = join_paragraphs(["Titre", "Une phrase. Une autre phrase."])
    spans = sentence_spans(text, "fr")
    assert [text[s:e] for s, e in spans] == ["Titre", "Une phrase.", "Une autre phrase."]
    second = text.index("Une autre")
    assert sentence_at(text, second + 3, "fr") == (second, len(text))
    assert sentence_at(text, len(text), "fr") == (second, len(text))  # at the very end
    assert sentence_at(text, 0, "fr") == (0, 5)
    assert sentence_at(text, 6, "fr") is None  # the blank line between paragraphs
    assert sentence_at(text, 10_000, "fr") is None


# --- the seed -------------------------------------------------------------------------------


@pytest.fixture
def seed_view(store, seed_article):
    from desktop.core.views import get_article

    with store.read() as session:
        return get_article(session, seed_article)


def test_seed_title_headings_and_paragraphs(seed_view, seed_path):
    lines = [line for line in seed_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = seed_view.text.split("\n\n")
    assert len(paragraphs) == len(lines) == 8
    assert seed_view.title == lines[0] == paragraphs[0]
    headings = dict(seed_view.headings)
    assert headings[0] == 1
    assert headings[paragraphs.index("Informations sensibles")] == 2
    assert set(headings) == {0, paragraphs.index("Informations sensibles")}
    assert seed_view.language == "fr"
    assert seed_view.source_name == "seed-article-fr.txt"


def test_seed_typography_intact(seed_view, seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    assert "« absurdes »" in raw and "« absurdes »" in seed_view.text
    assert seed_view.text.count("’") == raw.count("’")
    assert seed_view.text.count("«") == raw.count("«") > 0
    assert "'" not in seed_view.text or "'" in raw


def test_seed_sentences(seed_view):
    text = seed_view.text
    spans = sentence_spans(text, "fr")
    got = [text[s:e] for s, e in spans]
    assert got[0] == seed_view.title
    assert got[1] == (
        "Une révélation potentiellement embarrassante à l’approche de l’élection "
        "présidentielle américaine."
    )
    assert any(s.endswith("l’élection présidentielle du 5 novembre. .") for s in got)
    assert "." not in [s.strip() for s in got]
    assert "Informations sensibles" in got
    starlink = text.index(STARLINK_QUOTE)
    s, e = sentence_at(text, starlink, "fr")
    assert text[s:e].startswith("Le maître du Kremlin a notamment demandé")
    assert s <= starlink and starlink + len(STARLINK_QUOTE) <= e
    for s, e in spans:
        assert text[s:e] == text[s:e].strip()
