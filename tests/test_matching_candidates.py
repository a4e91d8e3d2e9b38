"""Which words find the candidates of a match in a large library (desktop.core.matching):
rare words any of them, in a bounded number of index rows; else common words together."""

from __future__ import annotations

import pytest

from desktop.core import matching


@pytest.fixture
def counted(monkeypatch):
    """_rare on SQLite with the index's word counts given by the test."""

    def given(rows: int, words: dict[str, int]):
        monkeypatch.setattr(matching._COUNTS, "of", lambda _session, _terms: (rows, words))

    return given


def test_rare_words_find_candidates_while_their_rows_stay_under_the_bound(
    store, counted, monkeypatch
):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL gets every word")
    monkeypatch.setattr(matching, "MAX_ROWS", 1_000)
    counted(100_000, {"radar": 300, "taiwan": 500, "budget": 400, "des": 90_000, "zz": 0})
    with store.read() as s:
        terms, joiner = matching._rare(s, ["des", "radar", "taiwan", "budget", "zz"])
    # rarest first; taiwan would take the rows past 1,000; a word found nowhere is left out
    assert (terms, joiner) == (["radar", "budget"], "OR")


def test_common_words_find_candidates_together_until_few_rows_are_expected(
    store, counted, monkeypatch
):
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL gets every word")
    monkeypatch.setattr(matching, "MAX_ROWS", 1_000)
    counted(100_000, {"maire": 20_000, "hausse": 30_000, "budget": 35_000, "radar": 900})
    with store.read() as s:
        terms, joiner = matching._rare(s, ["budget", "hausse", "maire", "radar"])
    # radar alone is one rare word (two are needed); 100,000 × 0.009 × 0.2 = 180 ≤ 1,000
    assert (terms, joiner) == (["radar", "maire"], "AND")
    counted(100_000, {"maire": 20_000, "hausse": 30_000, "budget": 35_000})
    with store.read() as s:
        terms, joiner = matching._rare(s, ["budget", "hausse", "maire"])
    # 100,000 × 0.2 × 0.3 = 6,000 rows expected: a third word (× 0.35 = 2,100) is not
    # enough either, so all three, the most there are
    assert (terms, joiner) == (["maire", "hausse", "budget"], "AND")


def test_word_counts_are_kept_until_the_library_grows(store):
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text

    with store.transaction() as s:
        for i in range(20):
            add_article(s, parse_text(f"Article {i} sur les radars."))
    counts = matching._Counts()
    with store.read() as s:
        rows, _words = counts.of(s, ["radar"])
    assert rows == 20
    with store.transaction() as s:
        add_article(s, parse_text("Encore un article sur les radars."))
    with store.read() as s:
        rows, _words = counts.of(s, ["radar"])
    assert rows == 21  # 5 % more rows: counted again
