"""Migration 0012: a 0011 library upgrades, its search filters (now read from their own
table) keep finding what they found, and later writes keep that table in step (SQLite
and PostgreSQL)."""

from __future__ import annotations


def _field_rows(store) -> dict[int, tuple]:
    from sqlalchemy import text

    with store.read() as s:
        found = s.execute(text("SELECT rowid, article_id, claimant, day FROM search_index_fields"))
        return {r.rowid: tuple(r[1:]) for r in found}


def test_a_0011_library_upgrades_and_its_filters_still_find(store, db_url):
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from desktop.core import store as store_mod
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.models import Claim
    from desktop.core.search import search
    from desktop.core.store import current_revision, head_revision, open_store

    with store.transaction() as s:
        article_id = add_article(s, parse_text("Le maire promet 40 radars à Taïwan.")).article_id
        claim = Claim(article_id=article_id, text="40 radars", claimant="Le Maire de Lyon")
        s.add(claim)
        s.flush()
        claim_id = claim.id
    before = _field_rows(store)
    assert len(before) == 2  # the article and its claim
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            command.downgrade(store_mod._alembic_config(conn), "0011")
        with engine.connect() as conn:
            assert "search_index_fields" not in inspect(conn).get_table_names()
    finally:
        engine.dispose()

    upgraded = open_store(db_url)
    try:
        assert upgraded.upgraded_from == "0011"
        assert current_revision(upgraded.engine) == head_revision()
        assert _field_rows(upgraded) == before
        with upgraded.read() as s:
            assert [h.claim_id for h in search(s, 'radars claimant:"maire de lyon"')] == [claim_id]
            assert search(s, "radars claimant:paris") == []
        with upgraded.transaction() as s:
            s.get(Claim, claim_id).claimant = "Préfet"
        with upgraded.read() as s:
            assert [h.claim_id for h in search(s, "claimant:prefet")] == [claim_id]
            assert search(s, "claimant:maire") == []
    finally:
        upgraded.close()


def test_deleting_an_article_removes_its_filter_rows(store):
    from desktop.core.articles import add_article
    from desktop.core.importers import parse_text
    from desktop.core.models import Article, Claim
    from desktop.core.search import search

    with store.transaction() as s:
        gone = add_article(s, parse_text("Les radars de Taïwan.")).article_id
        kept = add_article(s, parse_text("Les radars de Lyon.")).article_id
        s.add(Claim(article_id=gone, text="radars", claimant="Le maire"))
    assert {r[0] for r in _field_rows(store).values()} == {gone, kept}
    with store.transaction() as s:
        s.delete(s.get(Article, gone))
    assert {r[0] for r in _field_rows(store).values()} == {kept}
    with store.read() as s:
        assert [h.article_id for h in search(s, "radars")] == [kept]
        assert search(s, "claimant:maire") == []
