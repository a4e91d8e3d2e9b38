"""Operations on a library: articles, claims, highlights, sources, ratings, views, keys."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from desktop.core import articles, claims, ratings, sources, views
from desktop.core.errors import FactdeskError, NotFound, QuoteNotFound
from desktop.core.importers import ParsedArticle, parse_text
from desktop.core.models import (
    Article,
    Claim,
    ClaimSource,
    ClaimTag,
    Highlight,
    Rating,
    Source,
    Tag,
)

TEXT = (
    "Le chat dort\n\n"
    "Le chat dort sur le canapé depuis trois heures. Le chien aboie dehors.\n\n"
    "Plus tard, le chat dort encore, dit le voisin."
)


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def article_id(store) -> int:
    with store.transaction() as session:
        return articles.add_article(session, parse_text(TEXT)).article_id


@pytest.fixture
def claim_id(store, article_id) -> int:
    with store.transaction() as session:
        claim, _ = claims.create_claim_from_quote(
            session, article_id, "Le chien aboie dehors", claimant="Voisin"
        )
        return claim.id


# --- articles ---------------------------------------------------------------------------


def test_add_article_stores_normal_text_and_headings(store, article_id):
    with store.read() as session:
        a = session.get(Article, article_id)
        assert a.text == TEXT
        assert a.title == "Le chat dort"
        assert a.headings == [[0, 1]]
        assert a.language == "fr"
        assert len(a.uid) == 32
        assert a.content_hash and len(a.content_hash) == 64


def test_add_article_overrides_and_duplicate(store, article_id):
    with store.transaction() as session:
        again = articles.add_article(session, parse_text(TEXT), title="Autre")
    assert again.created is False
    assert again.article_id == article_id
    assert again.title == "Le chat dort"
    with store.transaction() as session:
        other = articles.add_article(
            session,
            parse_text("Another text entirely, about the dog and the cat."),
            title="  Given title ",
            url="https://example.org/a",
            outlet="Example",
            language="en",
        )
    assert other.created is True
    with store.read() as session:
        a = session.get(Article, other.article_id)
        assert (a.title, a.url, a.outlet, a.language) == (
            "Given title",
            "https://example.org/a",
            "Example",
            "en",
        )
        assert count(session, Article) == 2


def test_update_article(store, article_id):
    with store.transaction() as session:
        articles.update_article(
            session, article_id, title="Nouveau", authors=["A. B."], published="2024-10-25"
        )
    with store.read() as session:
        a = session.get(Article, article_id)
        assert (a.title, a.authors, a.published) == ("Nouveau", ["A. B."], date(2024, 10, 25))
    with pytest.raises(TypeError), store.transaction() as session:
        articles.update_article(session, article_id, text="sneaky")
    with pytest.raises(FactdeskError, match="not a date"), store.transaction() as session:
        articles.update_article(session, article_id, published="25/10/2024")
    with store.transaction() as session:
        articles.update_article(session, article_id, published="")
    with store.read() as session:
        assert session.get(Article, article_id).published is None
    with pytest.raises(NotFound), store.transaction() as session:
        articles.update_article(session, 999, title="x")


def test_delete_article_cascades(store, article_id, claim_id):
    with store.transaction() as session:
        sources.add_source(session, claim_id, url="https://example.org/s")
        claims.update_claim(session, claim_id, tags=["chiens"])
    with store.transaction() as session:
        articles.delete_article(session, article_id)
    with store.read() as session:
        assert count(session, Article) == 0
        assert count(session, Claim) == 0
        assert count(session, Highlight) == 0
        assert count(session, ClaimSource) == 0
        assert count(session, ClaimTag) == 0
        assert count(session, Source) == 1  # sources stay for reuse
        assert count(session, Tag) == 1


def test_delete_article_cascades_at_database_level(store, article_id, claim_id):
    """Foreign keys are enforced by SQLite itself, not only by the ORM."""
    with store.transaction() as session:
        session.exec(text("DELETE FROM article WHERE id = :id").bindparams(id=article_id))
    with store.read() as session:
        assert count(session, Claim) == 0
        assert count(session, Highlight) == 0


def test_highlight_needs_an_existing_claim(store, article_id):
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add(Highlight(article_id=article_id, claim_id=12345, start=0, end=2, exact="Le"))
        session.flush()


def test_replace_text_reanchors_and_keeps_orphans(store, article_id, claim_id):
    with store.transaction() as session:
        gone, _ = claims.create_claim_from_quote(session, article_id, "depuis trois heures")
        gone_id = gone.highlights[0].id
        kept_id = session.exec(select(Highlight.id).where(Highlight.claim_id == claim_id)).one()
    new = ParsedArticle(
        paragraphs=["Le chat dort", "Avant tout : le chien aboie dehors. Le chat dort.", "Fin."],
        headings={0: 1},
    )
    new.paragraphs[1] = "Avant tout : Le chien aboie dehors. Le chat dort."
    with store.transaction() as session:
        result = articles.replace_text(session, article_id, new)
    assert result.orphans == [gone_id]
    assert result.placed == {kept_id: "quote"}
    with store.read() as session:
        a = session.get(Article, article_id)
        h = session.get(Highlight, kept_id)
        assert a.text[h.start : h.end] == "Le chien aboie dehors" == h.exact
        assert h.anchor == "quote"
        orphan = session.get(Highlight, gone_id)
        assert orphan is not None
        assert orphan.anchor == "orphan"
        assert orphan.exact == "depuis trois heures"
        assert count(session, Claim) == 2


def test_replace_text_refuses_text_of_another_article(store, article_id):
    other_text = "Un autre article, sur la pluie et le beau temps."
    with store.transaction() as session:
        articles.add_article(session, parse_text(other_text))
    with pytest.raises(FactdeskError, match="already in the library"):
        with store.transaction() as session:
            articles.replace_text(session, article_id, parse_text(other_text))


# --- claims -----------------------------------------------------------------------------


def test_create_claim_from_span(store, article_id):
    start = TEXT.index("depuis trois heures")
    with store.transaction() as session:
        claim, h = claims.create_claim(
            session,
            article_id,
            start=start,
            end=start + len("depuis trois heures"),
            text="Le chat dort depuis 3 h",
            status="in review",
            claim_date="2024-11-01",
            tags=["Animaux", "animaux", "  chats  domestiques "],
        )
    with store.read() as session:
        c = session.get(Claim, claim.id)
        assert c.status == "review"
        assert c.claim_date == date(2024, 11, 1)
        assert sorted(t.name for t in c.tags) == ["Animaux", "chats domestiques"]
        h = session.get(Highlight, h.id)
        assert (h.start, h.end, h.exact, h.anchor) == (
            start,
            start + 19,
            "depuis trois heures",
            "exact",
        )
        assert h.prefix == TEXT[start - 32 : start]
        assert h.suffix == TEXT[start + 19 : start + 19 + 32]


def test_create_claim_from_quote_occurrence(store, article_id):
    with store.transaction() as session:
        _, first = claims.create_claim_from_quote(session, article_id, "le chat dort", occurrence=1)
        _, second = claims.create_claim_from_quote(session, article_id, "chat dort", occurrence=3)
    assert first.start == TEXT.index("le chat dort")
    assert second.start == TEXT.rindex("chat dort")
    with pytest.raises(QuoteNotFound, match="3 time"), store.transaction() as session:
        claims.create_claim_from_quote(session, article_id, "chat dort", occurrence=4)
    with pytest.raises(QuoteNotFound), store.transaction() as session:
        claims.create_claim_from_quote(session, article_id, "absent words")


@pytest.mark.parametrize("start,end", [(5, 5), (-1, 3), (0, 10_000), (7, 3)])
def test_create_claim_bad_span(store, article_id, start, end):
    with pytest.raises(FactdeskError), store.transaction() as session:
        claims.create_claim(session, article_id, start=start, end=end)
    with store.read() as session:
        assert count(session, Claim) == 0


def test_create_claim_on_missing_article(store):
    with pytest.raises(NotFound), store.transaction() as session:
        claims.create_claim(session, 42, start=0, end=1)


def test_add_highlight(store, article_id, claim_id):
    with store.transaction() as session:
        h = claims.add_highlight(session, claim_id, start=0, end=12)
    with store.read() as session:
        view = views.get_claim(session, claim_id)
    assert [x.exact for x in view.highlights] == ["Le chat dort", "Le chien aboie dehors"]
    assert view.quote == "Le chat dort […] Le chien aboie dehors"
    assert h.article_id == article_id
    with pytest.raises(FactdeskError), store.transaction() as session:
        claims.add_highlight(session, claim_id, start=0, end=0)
    with pytest.raises(NotFound), store.transaction() as session:
        claims.add_highlight(session, 999, start=0, end=3)


@pytest.mark.parametrize(
    "field,value,stored",
    [
        ("text", "  Le chien aboie  ", "Le chien aboie"),
        ("claimant", " M. Dupont ", "M. Dupont"),
        ("claimant_kind", "person", "person"),
        ("claim_date", "2024-01-31", date(2024, 1, 31)),
        ("claim_date", "", None),
        ("appearance_url", " https://x.org/ ", "https://x.org/"),
        ("rationale", "  **Faux** : voir source.\n", "  **Faux** : voir source.\n"),
        ("status", "published", "published"),
        ("status", "in-review", "review"),
        ("checker", "Alice", "Alice"),
    ],
)
def test_update_claim_fields(store, claim_id, field, value, stored):
    with store.transaction() as session:
        claims.update_claim(session, claim_id, **{field: value})
    with store.read() as session:
        assert getattr(session.get(Claim, claim_id), field) == stored


def test_update_claim_tags(store, claim_id):
    with store.transaction() as session:
        claims.update_claim(session, claim_id, tags=["b", "a"])
    with store.read() as session:
        assert views.get_claim(session, claim_id).tags == ("a", "b")
    with store.transaction() as session:
        claims.update_claim(session, claim_id, tags=["a"])
    with store.read() as session:
        assert views.get_claim(session, claim_id).tags == ("a",)
        assert claims.tag_names(session) == ["a", "b"]
        assert count(session, ClaimTag) == 1


@pytest.mark.parametrize(
    "changes,error",
    [
        ({"status": "done"}, "unknown status"),
        ({"claimant_kind": "robot"}, "claimant kind"),
        ({"claim_date": "31/01/2024"}, "not a date"),
        ({"rating_id": 999}, "no rating"),
    ],
)
def test_update_claim_refuses_bad_values(store, claim_id, changes, error):
    with pytest.raises(FactdeskError, match=error), store.transaction() as session:
        claims.update_claim(session, claim_id, **changes)
    with store.read() as session:
        c = session.get(Claim, claim_id)
        assert (c.status, c.claimant_kind, c.claim_date, c.rating_id) == ("draft", "", None, None)


def test_update_claim_unknown_field(store, claim_id):
    with pytest.raises(TypeError), store.transaction() as session:
        claims.update_claim(session, claim_id, article_id=2)


def test_set_verdict_and_clear(store, claim_id):
    with store.transaction() as session:
        false = ratings.find_rating(session, "False")
        claims.set_verdict(session, claim_id, false.id)
    with store.read() as session:
        assert views.get_claim(session, claim_id).rating.key == "false"
    with store.transaction() as session:
        claims.set_verdict(session, claim_id, None)
    with store.read() as session:
        assert views.get_claim(session, claim_id).rating is None


def test_claimants_list(store, article_id, claim_id):
    with store.transaction() as session:
        claims.create_claim(session, article_id, start=0, end=2, claimant="Alice")
        claims.create_claim(session, article_id, start=3, end=7, claimant="Voisin")
    with store.read() as session:
        assert claims.claimants(session) == ["Alice", "Voisin"]


def test_delete_and_restore_claim_with_same_ids(store, claim_id):
    with store.transaction() as session:
        sources.add_source(
            session, claim_id, url="https://example.org/s", stance="refutes", excerpt="non"
        )
        claims.update_claim(
            session, claim_id, tags=["x"], rating_id=ratings.find_rating(session, "mixed").id
        )
        claims.add_highlight(session, claim_id, start=0, end=6)
    with store.read() as session:
        before = views.get_claim(session, claim_id)
    with store.transaction() as session:
        snap = claims.delete_claim(session, claim_id)
    with store.read() as session:
        assert count(session, Claim) == 0
        assert count(session, Highlight) == 0
        assert count(session, ClaimSource) == 0
        assert count(session, Source) == 1
    with store.transaction() as session:
        claims.restore_claim(session, snap)
    with store.read() as session:
        after = views.get_claim(session, claim_id)
    assert after == before


def test_delete_and_restore_claim_in_one_session(store, claim_id):
    with store.transaction() as session:
        snap = claims.delete_claim(session, claim_id)
        restored = claims.restore_claim(session, snap)
        assert restored.id == claim_id
    with store.read() as session:
        assert views.get_claim(session, claim_id).quote == "Le chien aboie dehors"


def test_delete_and_restore_highlight(store, claim_id):
    with store.transaction() as session:
        h = claims.add_highlight(session, claim_id, start=0, end=6)
    with store.read() as session:
        before = views.highlights_of(session, h.article_id)
    with store.transaction() as session:
        snap = claims.delete_highlight(session, h.id)
    with store.read() as session:
        assert session.get(Highlight, h.id) is None
    with store.transaction() as session:
        claims.restore_highlight(session, snap)
    with store.read() as session:
        assert views.highlights_of(session, h.article_id) == before
        assert session.get(Highlight, h.id).uid == snap.uid
    with pytest.raises(NotFound), store.transaction() as session:
        claims.delete_highlight(session, 999)


# --- sources ----------------------------------------------------------------------------


def test_add_source_and_reuse_by_url(store, article_id, claim_id):
    with store.transaction() as session:
        other, _ = claims.create_claim(session, article_id, start=0, end=2)
        other_id = other.id
        s1 = sources.add_source(
            session,
            claim_id,
            url=" https://example.org/report ",
            title="Report",
            published="2024-03-01",
            stance="supports",
        )
        s2 = sources.add_source(
            session, other_id, url="https://example.org/report", title="Other", publisher="Pub"
        )
    assert s1.id == s2.id
    with store.read() as session:
        src = session.get(Source, s1.id)
        assert (src.url, src.title, src.publisher, src.published) == (
            "https://example.org/report",
            "Report",  # never overwritten by another claim's data
            "Pub",  # but a missing field is filled in
            date(2024, 3, 1),
        )
        assert count(session, Source) == 1
        assert views.get_claim(session, claim_id).sources[0].stance == "supports"
        assert views.get_claim(session, other_id).sources[0].stance == "context"


def test_add_source_refusals(store, claim_id):
    with pytest.raises(NotFound), store.transaction() as session:
        sources.add_source(session, 999, url="https://x.org")
    with pytest.raises(FactdeskError, match="stance"), store.transaction() as session:
        sources.add_source(session, claim_id, url="https://x.org", stance="agrees")
    with pytest.raises(FactdeskError, match="not a date"), store.transaction() as session:
        sources.add_source(session, claim_id, url="https://x.org", accessed="yesterday")
    with store.read() as session:
        assert count(session, Source) == 0
        assert count(session, ClaimSource) == 0


def test_sources_without_url_are_not_merged(store, article_id, claim_id):
    with store.transaction() as session:
        other, _ = claims.create_claim(session, article_id, start=0, end=2)
        a = sources.add_source(session, claim_id, title="Entretien")
        b = sources.add_source(session, other.id, title="Entretien")
    assert a.id != b.id
    with store.read() as session:
        assert count(session, Source) == 2


def test_read_rows_stay_usable_after_the_block(store):
    with store.read() as session:
        first = ratings.ratings(session)[0]
    assert first.label == "True"


def test_attach_update_citation_detach_restore(store, article_id, claim_id):
    with store.transaction() as session:
        s1 = sources.add_source(session, claim_id, url="https://a.org")
        s2 = sources.add_source(session, claim_id, url="https://b.org")
        sources.attach_source(session, claim_id, s1.id, stance="refutes", excerpt="extrait")
        sources.update_citation(session, claim_id, s2.id, stance="supports", excerpt="ok")
    with store.read() as session:
        cited = views.get_claim(session, claim_id).sources
        assert [(c.url, c.stance, c.excerpt) for c in cited] == [
            ("https://a.org", "refutes", "extrait"),
            ("https://b.org", "supports", "ok"),
        ]
    with store.transaction() as session:
        citation = sources.detach_source(session, claim_id, s1.id)
    with store.read() as session:
        assert [c.url for c in views.get_claim(session, claim_id).sources] == ["https://b.org"]
        assert session.get(Source, s1.id) is not None
    with store.transaction() as session:
        sources.restore_citation(session, citation)
    with store.read() as session:
        assert [(c.url, c.stance) for c in views.get_claim(session, claim_id).sources] == [
            ("https://a.org", "refutes"),
            ("https://b.org", "supports"),
        ]
    with pytest.raises(NotFound), store.transaction() as session:
        sources.detach_source(session, claim_id, 999)
    with pytest.raises(NotFound), store.transaction() as session:
        sources.update_citation(session, claim_id, 999, stance="supports")
    with pytest.raises(NotFound), store.transaction() as session:
        sources.attach_source(session, claim_id, 999)
    with pytest.raises(TypeError), store.transaction() as session:
        sources.update_citation(session, claim_id, s2.id, position=3)


def test_update_source_and_search(store, claim_id):
    with store.transaction() as session:
        a = sources.add_source(session, claim_id, url="https://insee.fr/x", title="Chômage")
        sources.add_source(session, claim_id, url="https://who.int/y", publisher="OMS")
        sources.update_source(session, a.id, publisher="INSEE", notes="  garder  ")
    with store.read() as session:
        src = session.get(Source, a.id)
        assert (src.publisher, src.notes) == ("INSEE", "  garder  ")
        assert [s.url for s in sources.search_sources(session, "insee")] == ["https://insee.fr/x"]
        assert [s.url for s in sources.search_sources(session, "oms")] == ["https://who.int/y"]
        assert len(sources.search_sources(session, "")) == 2
        assert sources.search_sources(session, "nothing-like-it") == []
    with pytest.raises(NotFound), store.transaction() as session:
        sources.update_source(session, 999, title="x")
    with pytest.raises(TypeError), store.transaction() as session:
        sources.update_source(session, a.id, uid="x")


# --- ratings ----------------------------------------------------------------------------


def test_default_scale_seeded_once(store, db_path):
    from desktop.core.models import RatingScale
    from desktop.core.store import open_store

    open_store(db_path).close()
    with store.transaction() as session:
        ratings.ensure_default_scale(session)
    with store.read() as session:
        assert count(session, RatingScale) == 1
        rs = ratings.ratings(session)
    assert [r.key for r in rs] == [k for k, *_ in ratings.DEFAULT_RATINGS]
    assert len(rs) == 7
    assert [r.position for r in rs] == list(range(7))
    assert rs[-1].value is None
    values = [r.value for r in rs if r.value is not None]
    assert (min(values), max(values)) == (1, 6)


@pytest.mark.parametrize("label", ["Mostly false", "mostly false", "MOSTLY FALSE", "mostly-false"])
def test_find_rating(store, label):
    with store.read() as session:
        assert ratings.find_rating(session, f" {label} ").key == "mostly-false"


def test_find_rating_unknown_lists_choices(store):
    with pytest.raises(NotFound) as info, store.read() as session:
        ratings.find_rating(session, "Pants on fire")
    assert "'Pants on fire'" in str(info.value)
    assert "Mostly true" in str(info.value)


def test_add_update_move_rating(store):
    with store.transaction() as session:
        r = ratings.add_rating(session, label=" Satire ", color="#123456")
        assert r.position == 7
        with pytest.raises(FactdeskError, match="already"):
            ratings.add_rating(session, label="satire")
        with pytest.raises(FactdeskError, match="label"):
            ratings.add_rating(session, label="  ")
        ratings.update_rating(session, r.id, label="Parodie", value=0, description="humour")
        with pytest.raises(TypeError):
            ratings.update_rating(session, r.id, key="x")
        ratings.move_rating(session, r.id, 0)
    with store.read() as session:
        rs = ratings.ratings(session)
        assert [x.label for x in rs[:2]] == ["Parodie", "True"]
        assert [x.position for x in rs] == list(range(8))
        assert ratings.find_rating(session, "parodie").description == "humour"
    with store.transaction() as session:
        ratings.move_rating(session, r.id, 99)
    with store.read() as session:
        assert ratings.ratings(session)[-1].label == "Parodie"
    with pytest.raises(NotFound), store.transaction() as session:
        ratings.move_rating(session, 999, 0)


def test_delete_rating_requires_replacement_when_used(store, claim_id):
    with store.transaction() as session:
        mixed = ratings.find_rating(session, "Mixed")
        false = ratings.find_rating(session, "False")
        claims.set_verdict(session, claim_id, mixed.id)
    with pytest.raises(FactdeskError, match="replacement"), store.transaction() as session:
        ratings.delete_rating(session, mixed.id)
    with pytest.raises(FactdeskError, match="itself"), store.transaction() as session:
        ratings.delete_rating(session, mixed.id, replacement_id=mixed.id)
    with pytest.raises(NotFound), store.transaction() as session:
        ratings.delete_rating(session, mixed.id, replacement_id=999)
    with store.read() as session:
        assert session.get(Claim, claim_id).rating_id == mixed.id
    with store.transaction() as session:
        moved = ratings.delete_rating(session, mixed.id, replacement_id=false.id)
    assert moved == 1
    with store.read() as session:
        assert session.get(Claim, claim_id).rating_id == false.id
        rs = ratings.ratings(session)
        assert "Mixed" not in [r.label for r in rs]
        assert [r.position for r in rs] == list(range(6))


def test_delete_unused_rating(store):
    with store.transaction() as session:
        r = ratings.add_rating(session, label="Temp")
        assert ratings.delete_rating(session, r.id) == 0
    with store.read() as session:
        assert session.get(Rating, r.id) is None
    with pytest.raises(NotFound), store.transaction() as session:
        ratings.delete_rating(session, r.id)


def test_rating_in_use_cannot_be_deleted_by_sql(store, claim_id):
    """ondelete=RESTRICT: even raw SQL cannot drop a verdict from under a claim."""
    with store.transaction() as session:
        mixed = ratings.find_rating(session, "Mixed")
        claims.set_verdict(session, claim_id, mixed.id)
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.exec(text("DELETE FROM rating WHERE id = :id").bindparams(id=mixed.id))
    with store.read() as session:
        assert session.get(Rating, mixed.id) is not None


# --- views ------------------------------------------------------------------------------


def test_claims_of_reading_order(store, article_id, claim_id):
    with store.transaction() as session:
        late, _ = claims.create_claim_from_quote(session, article_id, "dit le voisin")
        early, _ = claims.create_claim(session, article_id, start=0, end=2)
        bare = Claim(article_id=article_id, text="no highlight")
        session.add(bare)
        session.flush()
        bare_id = bare.id
    with store.read() as session:
        order = [c.id for c in views.claims_of(session, article_id)]
    assert order == [early.id, claim_id, late.id, bare_id]


def test_article_summaries_counts_and_filter(store, article_id, claim_id):
    with store.transaction() as session:
        claims.add_highlight(session, claim_id, start=0, end=2)
        other = articles.add_article(
            session, parse_text("The weather is nice and the sun is out."), outlet="Météo Plus"
        ).article_id
    with store.read() as session:
        rows = views.article_summaries(session)
        by_id = {r.id: r for r in rows}
        assert (by_id[article_id].claims, by_id[article_id].highlights) == (1, 2)
        assert (by_id[other].claims, by_id[other].highlights) == (0, 0)
        assert [r.id for r in rows] == [other, article_id]
        assert [r.id for r in views.article_summaries(session, "météo")] == [other]
        assert [r.id for r in views.article_summaries(session, "chat")] == [article_id]
        assert views.article_summaries(session, "zzz") == []


def test_report_and_json(store, article_id, claim_id):
    with store.transaction() as session:
        sources.add_source(session, claim_id, url="https://a.org", published="2024-02-02")
        claims.update_claim(session, claim_id, claim_date="2024-01-01")
    with store.read() as session:
        rep = views.report(session, article_id)
    assert rep.article.id == article_id
    assert [c.id for c in rep.claims] == [claim_id]
    assert len(rep.ratings) == 7
    data = views.to_jsonable(rep.claims)
    assert data[0]["claim_date"] == "2024-01-01"
    assert data[0]["sources"][0]["published"] == "2024-02-02"
    assert data[0]["highlights"][0]["exact"] == "Le chien aboie dehors"
    assert views.to_jsonable(rep.article)["headings"] == [[0, 1]]
    with pytest.raises(NotFound), store.read() as session:
        views.get_article(session, 999)
    with pytest.raises(NotFound), store.read() as session:
        views.get_claim(session, 999)


def test_tags_are_matched_without_regard_to_case(store, claim_id):
    with store.transaction() as s:
        claims.update_claim(s, claim_id, tags=["Russie"])
        other, _ = claims.create_claim(s, s.get(Claim, claim_id).article_id, start=0, end=3)
        claims.update_claim(s, other.id, tags=["russie"])
    with store.read() as s:
        assert claims.tag_names(s) == ["Russie"]
        assert views.get_claim(s, other.id).tags == ("Russie",)


@pytest.mark.parametrize("bad", ["red", "#12345", "#1234567", "#gg0000", "url(x)", ""])
def test_rating_colours_must_be_hex(store, bad):
    with store.transaction() as s:
        with pytest.raises(FactdeskError, match="#rrggbb"):
            ratings.add_rating(s, label="Satire", color=bad)
        first = ratings.ratings(s)[0]
        with pytest.raises(FactdeskError, match="#rrggbb"):
            ratings.update_rating(s, first.id, color=bad)
    with store.read() as s:
        assert [r.label for r in ratings.ratings(s)][-1] == "Unverifiable"
        assert ratings.ratings(s)[0].color == "#276e6b"


def test_reading_ratings_never_writes(store):
    """Exports read ratings in read sessions: ratings() must not create a scale there."""
    with store.transaction() as s:
        s.exec(text("DELETE FROM rating"))
        s.exec(text("DELETE FROM rating_scale"))
    with store.read() as s:
        assert ratings.ratings(s) == []
        assert not s.new and not s.dirty
