"""Article versions in the core: adding, listing, re-anchoring outcomes, confirming
(SQLite and PostgreSQL through the `store` fixture)."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.core.articles import add_article
from desktop.core.claims import create_claim_from_quote
from desktop.core.errors import NotFound
from desktop.core.importers import parse_text
from desktop.core.models import Article, ArticleVersion, Claim, Highlight, VersionAnchor
from desktop.core.versions import (
    add_version,
    checked_against,
    confirm,
    get_version,
    list_versions,
    review,
    version_counts,
)

V1 = (
    "Élections : le débat\n\n"
    "😀 Le ministre a déclaré que « le chômage a baissé de trois pour cent » cette année.\n\n"
    "Un paragraphe assez long qui ne parle de rien de particulier mais qui prend de la place.\n\n"
    "Selon l’Insee, la croissance atteint 1,2 % au dernier trimestre.\n\n"
    "La maire a promis une nouvelle piscine pour la rentrée prochaine.\n\n"
    "Le conseil municipal se réunira mardi."
)
V2 = (
    "Élections : le débat\n\n"
    "Un paragraphe ajouté au début, qui décale tout le reste du texte vers le bas.\n\n"
    "😀 Le ministre a déclaré que « le chômage a baissé de deux pour cent » cette année.\n\n"
    "Un paragraphe assez long qui ne parle de rien de particulier mais qui prend de la place.\n\n"
    "La maire a promis une nouvelle piscine pour la rentrée prochaine.\n\n"
    "Le conseil municipal se réunira mardi.\n\n"
    "Selon l’Insee, la croissance atteint 1,2 % au dernier trimestre."
)
QUOTE_REWORDED = "le chômage a baissé de trois pour cent"
QUOTE_MOVED = "la croissance atteint 1,2 % au dernier trimestre"
QUOTE_GONE = "Élections"  # kept in V2: unchanged


def _article(store, text=V1) -> int:
    with store.transaction() as s:
        return add_article(s, parse_text(text), url="https://example.org/a").article_id


def _claims(store, aid):
    with store.transaction() as s:
        c1, _ = create_claim_from_quote(s, aid, QUOTE_REWORDED, text="Chômage")
        c2, _ = create_claim_from_quote(s, aid, QUOTE_MOVED, text="Croissance")
        c3, _ = create_claim_from_quote(s, aid, "nouvelle piscine pour la rentrée", text="Piscine")
        c4, _ = create_claim_from_quote(s, aid, "Un paragraphe assez long", text="Rien")
        return c1.id, c2.id, c3.id, c4.id


def test_an_article_that_never_changed_has_one_version_and_no_rows(store):
    aid = _article(store)
    with store.read() as s:
        (only,) = list_versions(s, aid)
        assert only.number == 1 and only.newest and only.origin == "https://example.org/a"
        assert get_version(s, aid, 1).text == s.get(Article, aid).text
        assert s.exec(select(ArticleVersion)).all() == []
        assert version_counts(s) == {}
        with pytest.raises(NotFound, match="only version 1"):
            get_version(s, aid, 2)


def test_identical_text_adds_no_version(store):
    aid = _article(store)
    with store.transaction() as s:
        result = add_version(s, aid, parse_text(V1), origin="x.txt")
    assert not result.added and result.number == 1
    with store.read() as s:
        assert s.exec(select(ArticleVersion)).all() == []


def test_second_version_writes_both_rows_and_carries_highlights(store):
    aid = _article(store)
    c1, c2, c3, c4 = _claims(store, aid)
    with store.read() as s:
        created = s.get(Article, aid).created_at
    with store.transaction() as s:
        result = add_version(s, aid, parse_text(V2), origin="https://example.org/a")
    assert result.added and result.number == 2
    kinds = {o.claim_id: o.kind for o in result.outcomes}
    assert kinds[c1] == "reworded"
    assert kinds[c2] == "moved"  # same words, another place and other surroundings
    assert kinds[c4] == "unchanged"  # shifted by the added paragraph, same surroundings
    (reworded,) = [o for o in result.outcomes if o.claim_id == c1]
    assert reworded.old_exact == QUOTE_REWORDED
    assert "deux pour cent" in reworded.new_exact
    with store.read() as s:
        rows = s.exec(select(ArticleVersion).order_by(ArticleVersion.number)).all()
        assert [r.number for r in rows] == [1, 2]
        assert rows[0].text == join(V1) and rows[0].retrieved_at == created
        assert rows[0].origin == "https://example.org/a"
        article = s.get(Article, aid)
        assert article.text == rows[1].text == join(V2)
        assert article.content_hash == rows[1].content_hash
        assert {c.checked_version for c in s.exec(select(Claim)).all()} == {1}
        anchors = s.exec(select(VersionAnchor)).all()
        assert {(a.number, a.confirmed) for a in anchors} >= {(1, True), (2, False), (2, True)}
        # The highlight follows the newest text; version 1 keeps the checked placement.
        h = s.exec(select(Highlight).where(Highlight.claim_id == c1)).one()
        assert article.text[h.start : h.end] == h.exact
        old = s.get(VersionAnchor, (h.id, 1))
        assert join(V1)[old.start : old.end] == QUOTE_REWORDED
        (listed1, listed2) = list_versions(s, aid)
        assert listed2.newest and not listed1.newest
        assert version_counts(s)[aid][0] == 2


def join(text: str) -> str:
    from desktop.core.text import join_paragraphs

    return join_paragraphs(parse_text(text).paragraphs)


def test_orphan_and_review_and_confirm(store):
    aid = _article(store)
    c1, c2, c3, c4 = _claims(store, aid)
    v3 = V2.replace("La maire a promis une nouvelle piscine pour la rentrée prochaine.", "Fin.")
    with store.transaction() as s:
        add_version(s, aid, parse_text(V2), origin="v2.txt")
    with store.transaction() as s:
        result = add_version(s, aid, parse_text(v3), origin="v3.txt")
    assert result.number == 3
    with store.read() as s:
        outcomes = {o.claim_id: o for o in review(s, aid)}
        assert outcomes[c3].kind == "orphaned" and outcomes[c3].new_exact == ""
        # Checked against version 1: the reworded quote still shows version 1's words.
        assert outcomes[c1].kind == "reworded" and outcomes[c1].old_number == 1
        assert outcomes[c1].old_exact == QUOTE_REWORDED
        assert not outcomes[c1].confirmed
        h_orphan = s.exec(select(Highlight).where(Highlight.claim_id == c3)).one()
        assert h_orphan.anchor == "orphan" and h_orphan.exact == "nouvelle piscine pour la rentrée"
        against = checked_against(s, aid)
        assert against[c1].number == 1 and against[c1].count == 3
        assert len(against[c1].changed_on) == 2
    with store.transaction() as s:
        assert confirm(s, aid, [outcomes[c1].highlight_id], recheck=True) == 1
    with store.read() as s:
        again = {o.claim_id: o for o in review(s, aid)}
        assert again[c1].confirmed and again[c1].old_number == 3
        assert again[c1].kind == "unchanged"
        assert s.get(Claim, c1).checked_version == 3
        assert checked_against(s, aid)[c1].is_newest
        assert s.get(Claim, c2).checked_version == 1


def test_claim_made_on_a_later_version_is_checked_against_it(store):
    aid = _article(store)
    with store.transaction() as s:
        add_version(s, aid, parse_text(V2), origin="v2.txt")
    with store.transaction() as s:
        claim, _ = create_claim_from_quote(s, aid, "deux pour cent", text="Nouveau")
        cid = claim.id
    with store.read() as s:
        assert s.get(Claim, cid).checked_version is None
        assert checked_against(s, aid)[cid].number == 2
        assert review(s, aid) == []  # nothing carried over yet
    with store.transaction() as s:
        add_version(s, aid, parse_text(V2 + "\n\nUn ajout."), origin="v3.txt")
    with store.read() as s:
        assert s.get(Claim, cid).checked_version == 2
        (outcome,) = review(s, aid)
        assert outcome.kind == "unchanged" and outcome.confirmed
        assert outcome.old_number == 2 and outcome.new_number == 3
