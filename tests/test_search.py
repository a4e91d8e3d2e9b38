"""Full-text search (issue 14): the same queries and answers on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from desktop.core.errors import FactdeskError

FR = (
    "Musk a coupé Starlink à Taïwan\n\n"
    "Selon le Wall Street Journal, Vladimir Poutine a demandé à Elon Musk de ne pas "
    "activer Starlink à Taïwan. Les élections américaines approchent, et le cœur du "
    "débat reste la désinformation."
)
EN = (
    "Election night in Ohio\n\n"
    "The governor said turnout reached 71 percent in the elections, a record for the "
    "state. Critics said the count was slow."
)


@pytest.fixture
def library(store):
    """Two small articles (French, English), a claim on each, a source on the French one."""
    from datetime import date

    from desktop.core.articles import add_article, update_article
    from desktop.core.claims import create_claim_from_quote
    from desktop.core.importers import parse_text
    from desktop.core.ratings import find_rating
    from desktop.core.sources import add_source

    with store.transaction() as s:
        fr = add_article(s, parse_text(FR)).article_id
        en = add_article(s, parse_text(EN)).article_id
        update_article(s, fr, outlet="Le Monde", published=date(2024, 10, 25))
        update_article(s, en, outlet="Ohio Daily", published=date(2024, 11, 6))
        c1, _ = create_claim_from_quote(
            s,
            fr,
            "Vladimir Poutine a demandé à Elon Musk",
            text="Poutine a demandé à Musk de couper Starlink",
            claimant="Wall Street Journal",
            rationale="Le Kremlin dément.",
            tags=["Géopolitique"],
            rating_id=find_rating(s, "Mixed").id,
            status="review",
            checker="Amélie",
        )
        c2, _ = create_claim_from_quote(
            s,
            en,
            "turnout reached 71 percent",
            text="Turnout was 71 percent",
            claimant="Governor Dewine",
            tags=["elections"],
            rating_id=find_rating(s, "False").id,
            status="published",
        )
        src = add_source(
            s,
            c1.id,
            url="https://example.org/kremlin-denial",
            title="Le Kremlin dément",
            publisher="Agence Reuters",
            excerpt="Peskov a qualifié l'article de fiction.",
        )
        return {"fr": fr, "en": en, "c1": c1.id, "c2": c2.id, "src": src.id}


def _find(store, query, **kw):
    from desktop.core.search import search

    with store.read() as s:
        return search(s, query, **kw)


def _keys(hits):
    return {(h.kind, h.claim_id or h.source_id or h.article_id) for h in hits}


def test_accents_and_case_do_not_matter(store, library):
    hits = _find(store, "Taiwan")
    assert ("article", library["fr"]) in _keys(hits)
    article = next(h for h in hits if h.kind == "article")
    assert "[Taïwan]" in article.marked
    assert _keys(_find(store, "TAÏWAN")) == _keys(hits)
    # "elections" finds "élections" (French) and "elections" (English)
    found = _keys(_find(store, "elections"))
    assert {("article", library["fr"]), ("article", library["en"])} <= found
    assert ("article", library["fr"]) in _keys(_find(store, "coeur"))  # œ folds to oe


def test_prefixes_phrases_and_exclusions(store, library):
    assert ("article", library["fr"]) in _keys(_find(store, "élect*"))
    assert ("article", library["fr"]) in _keys(_find(store, "desinfo"))  # plain word: prefix
    assert ("article", library["fr"]) in _keys(_find(store, '"Elon Musk"'))
    assert _find(store, '"Musk Elon"') == []
    assert _find(store, '"desinfo"') == []  # a quoted word is whole
    hits = _find(store, "elections -Taiwan")
    assert ("article", library["en"]) in _keys(hits)
    assert ("article", library["fr"]) not in _keys(hits)
    assert ("article", library["en"]) not in _keys(_find(store, "-ohio"))
    assert ("article", library["en"]) in _keys(_find(store, "-taiwan"))


def test_claims_and_sources_are_found(store, library):
    keys = _keys(_find(store, "dément"))  # rationale and source title
    assert ("claim", library["c1"]) in keys and ("source", library["src"]) in keys
    assert ("source", library["src"]) in _keys(_find(store, "Peskov fiction"))  # excerpt
    assert ("source", library["src"]) in _keys(_find(store, "kremlin-denial"))  # URL
    assert ("source", library["src"]) in _keys(_find(store, "Reuters"))  # publisher
    claim = next(h for h in _find(store, "Poutine") if h.kind == "claim")
    assert claim.article_id == library["fr"] and claim.claim_id == library["c1"]
    assert claim.title == "Poutine a demandé à Musk de couper Starlink"
    assert "[Poutine]" in claim.marked
    assert ("claim", library["c1"]) in _keys(_find(store, "geopolitique"))  # a tag


def test_field_filters(store, library):
    assert _keys(_find(store, 'claimant:"Wall Street"')) == {("claim", library["c1"])}
    assert _keys(_find(store, "musk claimant:wall")) == {("claim", library["c1"])}
    assert _keys(_find(store, "verdict:false")) == {("claim", library["c2"])}
    assert _keys(_find(store, 'verdict:"mixed"')) == {("claim", library["c1"])}
    assert _keys(_find(store, "tag:geopolitique")) == {("claim", library["c1"])}
    assert _keys(_find(store, "tag:Élections")) == {("claim", library["c2"])}
    assert _keys(_find(store, "checker:amelie")) == {("claim", library["c1"])}
    assert _keys(_find(store, "status:published")) == {("claim", library["c2"])}
    assert _keys(_find(store, "outlet:monde")) == {
        ("article", library["fr"]),
        ("claim", library["c1"]),
    }
    assert _keys(_find(store, "percent -status:review")) == {
        ("article", library["en"]),
        ("claim", library["c2"]),
    }
    assert _keys(_find(store, "before:2024-11-01")) == {
        ("article", library["fr"]),
        ("claim", library["c1"]),
    }
    assert _keys(_find(store, "elections after:2024-11-01")) == {
        ("article", library["en"]),
        ("claim", library["c2"]),  # tagged elections
    }


def test_snippet_ranges_and_offsets(store, library):
    from desktop.core.models import Article

    hits = _find(store, '"Vladimir Poutine" starlink')
    article = next(h for h in hits if h.kind == "article")
    assert "\n" not in article.snippet and "Taïwan Selon" in article.snippet
    assert len(article.ranges) == 3  # the title's Starlink, then Vladimir Poutine, Starlink
    for start, end in article.ranges:
        assert article.snippet[start:end].casefold() in {"vladimir poutine", "starlink"}
    with store.read() as s:
        text = s.get(Article, library["fr"]).text
    # the first match in the text: "Starlink" of the title
    assert text[article.offset : article.offset + 8] == "Starlink"
    claim = next(h for h in hits if h.kind == "claim")
    assert text[claim.offset : claim.offset + 16] == "Vladimir Poutine"


def test_hits_grouped_by_article_best_first(store, library):
    hits = _find(store, "starlink")
    articles = [h.article_id for h in hits if h.article_id is not None]
    assert articles == sorted(articles, key=articles.index)  # each article's hits together
    assert _keys(hits) == {("article", library["fr"]), ("claim", library["c1"])}
    assert len(_find(store, "starlink", limit=1)) == 1
    # Only the claim's restated text says "couper".
    best = _find(store, "couper")[0]
    assert (best.kind, best.claim_id) == ("claim", library["c1"])


def test_bad_syntax_is_harmless(store, library):
    for query in ['"', '"unclosed phrase', "NEAR(", "a OR", "*", "-", "col:x", "')--", "^x", "( )"]:
        _find(store, query)  # never an SQL error
    assert _find(store, "") == []
    assert _find(store, "   ") == []
    for query, word in (
        ("before:2024-13-40", "before:"),
        ("after:yesterday", "after:"),
        ("status:done", "status:"),
        ("claimant:", "claimant:"),
    ):
        with pytest.raises(FactdeskError, match=word):
            _find(store, query)


def test_index_follows_every_write(store, library):
    from desktop.core.articles import delete_article, update_article
    from desktop.core.claims import delete_claim, restore_claim, update_claim
    from desktop.core.ratings import find_rating, update_rating
    from desktop.core.sources import detach_source, update_source

    with store.transaction() as s:
        update_claim(s, library["c2"], claimant="Sénateur Vance", tags=["santé"])
    assert _keys(_find(store, "claimant:senateur")) == {("claim", library["c2"])}
    assert _keys(_find(store, "tag:sante")) == {("claim", library["c2"])}
    assert _find(store, "claimant:dewine") == []
    with store.transaction() as s:
        update_article(s, library["en"], outlet="Columbus Post", title="Nuit électorale")
    assert ("claim", library["c2"]) in _keys(_find(store, "outlet:columbus"))
    assert ("article", library["en"]) in _keys(_find(store, "electorale"))
    with store.transaction() as s:
        update_rating(s, find_rating(s, "False").id, label="Faux")
    assert _keys(_find(store, "verdict:faux")) == {("claim", library["c2"])}
    with store.transaction() as s:
        update_source(s, library["src"], title="Démenti de Moscou")
    assert ("source", library["src"]) in _keys(_find(store, "moscou"))
    with store.transaction() as s:
        snap = delete_claim(s, library["c1"])
    assert ("claim", library["c1"]) not in _keys(_find(store, "poutine"))
    with store.transaction() as s:
        restore_claim(s, snap)  # what Undo does
    assert ("claim", library["c1"]) in _keys(_find(store, "geopolitique poutine"))
    with store.transaction() as s:
        detach_source(s, library["c1"], library["src"])
    assert ("source", library["src"]) not in _keys(_find(store, "Peskov"))
    with store.transaction() as s:
        delete_article(s, library["fr"])
    assert _find(store, "taiwan") == []
    assert _find(store, "poutine") == []


def test_copied_library_is_indexed(store, library, tmp_path):
    from desktop.core.copying import copy_library
    from desktop.core.store import open_store

    dst = open_store(tmp_path / "copy.sqlite3")
    try:
        copy_library(store, dst)
        from desktop.core.search import search

        with dst.read() as s:
            assert ("claim", library["c1"]) in _keys(search(s, "claimant:wall poutine"))
            assert ("source", library["src"]) in _keys(search(s, "Peskov"))
    finally:
        dst.close()


def test_seed_found_by_woodward_and_starlink(store, seed_article):
    for word in ("Woodward", "Starlink", "Taiwan"):
        hits = _find(store, word)
        assert ("article", seed_article) in _keys(hits), word
        hit = next(h for h in hits if h.kind == "article")
        assert hit.ranges and hit.offset is not None


def test_two_checkers_citing_one_source_at_once(backend, db_url, store, library):
    """Both re-index the source: the second waits for the first and then updates its row
    (on PostgreSQL an upsert; a plain INSERT would hit the first one's new row)."""
    if backend == "sqlite":
        pytest.skip("SQLite serializes writers (BEGIN IMMEDIATE): transactions never interleave")
    import threading
    import time

    from desktop.core.sources import attach_source, update_citation
    from desktop.core.store import open_store

    bob_store = open_store(db_url)
    failures = []

    def bob() -> None:
        try:
            with bob_store.transaction() as s:
                update_citation(s, library["c1"], library["src"], excerpt="Bob cite Peskov.")
        except Exception as exc:  # reported below, in the test's thread
            failures.append(exc)

    try:
        with store.transaction() as alice:
            attach_source(alice, library["c2"], library["src"], excerpt="Alice cite Ohio.")
            thread = threading.Thread(target=bob)
            thread.start()
            time.sleep(1.0)  # Bob now waits on the index row Alice rewrote
        thread.join(30)
        assert failures == []
        assert ("source", library["src"]) in _keys(_find(store, "alice ohio"))
        assert ("source", library["src"]) in _keys(_find(store, "bob peskov"))
    finally:
        bob_store.close()


def test_matches_deep_in_a_long_text_and_through_ligatures():
    """Snippets skip ahead to the first possible match, yet find the same places as the
    index's own reading of the words (œ read as oe, accents dropped)."""
    from desktop.core.search import Term, matches

    text = "mot " * 20_000 + "Le cœur de Taïwan, les « élections »."
    start = text.index("cœur")
    terms = [Term(("taiwan",), True), Term(("coeur",), False)]
    assert matches(text, terms, within=200) == [(start, start + 4), (start + 8, start + 14)]
    phrase = [Term(("de", "taiwan"), False)]
    assert matches(text, phrase) == [(start + 5, start + 14)]
    assert matches(text, [Term(("elect",), True)]) == [(start + 22, start + 31)]
    assert matches("Ångström", [Term(("angstrom",), False)]) == [(0, 8)]


def test_a_book_is_folded_in_slices_to_the_same_words():
    from desktop.core import search_index

    text = "Taïwan, l’élection et l’œuvre ÉTÉ. " * 4000  # well past one slice
    assert len(text) > 3 * search_index.FOLD_CHUNK
    assert search_index.fold(text) == search_index._fold(text)
    assert search_index.fold(text).startswith("taiwan, l’election et l’oeuvre ete.")
